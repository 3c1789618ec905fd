// Publishing rules on the running e2e server as a merchandiser would, through its local admin API
// (the address and token are in the data directory's lock file, as `npm run rules -- publish` reads
// them), and rolling back to a given version afterwards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? 'test-results/e2e-data';

/** The running server's admin API, from its lock file. */
function adminApi(): { readonly url: string; readonly token: string } {
  const lock = JSON.parse(readFileSync(join(DATA_DIR, 'atelier.lock'), 'utf8')) as { adminUrl?: string; adminToken?: string };
  if (!lock.adminUrl || !lock.adminToken) throw new Error(`the e2e server's lock file in ${DATA_DIR} names no admin API yet`);
  return { url: lock.adminUrl, token: lock.adminToken };
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const { url, token } = adminApi();
  const response = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Publishes a product's files (as edited text) on the running server; returns the new rules version. */
export async function publishRules(productId: string, files: { productYaml: string; rulesYaml: string }, message: string): Promise<string> {
  const answer = await call('POST', `/admin/rules/${productId}/versions`, {
    ...files, productFile: `models/${productId}/product.yaml`, rulesFile: `rules/${productId}.rules.yaml`, message,
  });
  return String(answer.rulesVersion);
}

/** Makes `rulesVersion` the product's current version again. */
export async function rollBackRules(productId: string, rulesVersion: string, message: string): Promise<void> {
  await call('POST', `/admin/rules/${productId}/rollback`, { rulesVersion, message });
}

/** The product's current version as the server's database says (what it serves once it has taken it up). */
export async function publishedRulesVersion(productId: string): Promise<string | undefined> {
  const { versions } = await call('GET', `/admin/rules/${productId}/versions`) as { versions: { rulesVersion: string; state: string }[] };
  return versions.find((version) => version.state === 'published')?.rulesVersion;
}
