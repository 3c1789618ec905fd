// `npm run rules -- versions|retire` on a data directory seeded with two published versions of the
// sneaker — opened by the command itself when no server runs, and through the admin API of a server
// that holds it. A real process for the first listing, the refusal of a folder without a database
// and the retirement through the server (what reaches stdout, stderr and the exit code); the other
// steps run `runRulesCli` in this process, which saves starting Node and tsx each time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';
import { runRulesCli } from '../../src/cli/rulesCli.ts';
import { loadCatalogEntry, type CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import { openDataDirectory } from '../../src/server/openDataDirectory.ts';
import type { RulesVersionListing } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run rules -- <args>` as a merchandiser would (the same script, without npm) on `dataDir`. */
function rules(args: readonly string[], dataDir: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/rulesCli.ts', ...args], {
    env: { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

/** Runs `npm run rules -- <args>` on `dataDir` in this process: what {@link rules} does without a new process. */
async function rulesHere(args: readonly string[], dataDir: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const output = { out: (text: string) => { stdout += `${text}\n`; }, err: (text: string) => { stderr += `${text}\n`; } };
  const code = await runRulesCli(args, output, process.cwd(), { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: '' });
  return { code, stdout, stderr };
}

let today: CatalogEntry;
let next: CatalogEntry;
beforeAll(() => {
  today = loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!;
  // The merchandiser's next version: one more hard rule.
  const text = readFileSync('rules/sneaker.rules.yaml', 'utf8').replace(/^rules:\n/m, 'rules:\n  - id: no-leather-on-cork\n    kind: excludes\n    message: Leather vamps crack over a cork midsole.\n    when: { vamp.material: leather }\n    excludes: { midsole.material: cork }\n');
  const loaded = loadCatalogEntry({ file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') }, { file: 'rules/sneaker.rules.yaml', text });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  next = { ...loaded.value, ...(today.printAtlas ? { printAtlas: today.printAtlas } : {}) };
}, 120_000);

/** A data directory where today's files were published first, then `next` replaced them (24 h of grace). */
async function seeded(): Promise<string> {
  const dataDir = await freshPgliteDataDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const client = await openDataDirectory(dataDir);
  await applyMigrations(client);
  const repository = createSqlRepository(client);
  const now = Date.now();
  await repository.publishCatalogEntry(today, new Date(now - 2 * 3_600_000));
  await repository.makeCurrentRulesVersion('sneaker', today.rulesVersion, new Date(now - 2 * 3_600_000), 86_400);
  await repository.publishCatalogEntry(next, new Date(now - 3_600_000));
  await repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, new Date(now - 3_600_000), 86_400);
  await client.close();
  return dataDir;
}

async function auditOf(dataDir: string) {
  const client = await openDataDirectory(dataDir, { create: false });
  const audit = await createSqlRepository(client).listAudit(50);
  await client.close();
  return audit;
}

describe('npm run rules -- versions|retire on a data directory no server holds', () => {
  it('lists the versions with their state, refuses the current one, retires a superseded one once', async () => {
    const dataDir = await seeded();
    const where = `(in ${dataDir})`;

    const listed = await rules(['versions', 'sneaker'], dataDir);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^VERSION +RECORDED AT +STATE +BY +MESSAGE$/);
    // Published before who and why were recorded: a dash in each.
    expect(lines[1]).toMatch(new RegExp(`^${today.rulesVersion} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +superseded: accepted until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +- +-$`));
    expect(lines[2]).toMatch(new RegExp(`^${next.rulesVersion} +.* UTC +current +- +-$`));
    expect(lines[3]).toBe(`2 versions of sneaker ${where}`);

    const json = await rulesHere(['versions', 'sneaker', '--json'], dataDir);
    const { versions } = JSON.parse(json.stdout) as { versions: RulesVersionListing[] };
    expect(versions.map((version) => [version.rulesVersion, version.state])).toEqual([[today.rulesVersion, 'superseded'], [next.rulesVersion, 'published']]);

    const current = await rulesHere(['retire', 'sneaker', next.rulesVersion], dataDir);
    expect(current.code).toBe(1);
    expect(current.stderr).toBe(`error: ${next.rulesVersion} is the current rules version of sneaker: publish another version first (or roll back to an earlier one), then retire this one. Nothing was changed.\n`);

    const retired = await rulesHere(['retire', 'sneaker', today.rulesVersion], dataDir);
    expect(retired.stderr).toBe('');
    expect(retired.stdout).toBe(`Retired sneaker rules version ${today.rulesVersion}: orders naming it are refused from now on, each with a link to reopen the design under the current rules ${where}\n`);
    expect(retired.code).toBe(0);

    const again = await rulesHere(['retire', 'sneaker', today.rulesVersion], dataDir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^sneaker rules version ${today.rulesVersion} was already retired on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: nothing changed`));

    const afterwards = await rulesHere(['versions', 'sneaker'], dataDir);
    expect(afterwards.stdout.split('\n')[1]).toMatch(/ +retired since \d{4}-\d\d-\d\d \d\d:\d\d UTC +- +-$/);

    const typo = await rulesHere(['retire', 'sneaker', `${today.rulesVersion.slice(0, -1)}0`], dataDir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^error: "sneaker" has no rules version ".*": did you mean "/);

    const product = await rulesHere(['versions', 'sneakers'], dataDir);
    expect(product.code).toBe(1);
    expect(product.stderr).toMatch(/^error: No rules version of "sneakers" is published \(in .*\)\. Fix: did you mean "sneaker"\?/);

    // Only the retirement that happened is in the audit log, as the operator's.
    const audit = (await auditOf(dataDir)).filter((entry) => entry.action.startsWith('rules.'));
    expect(audit.map((entry) => [entry.action, entry.target, entry.actor.kind, entry.client])).toEqual([['rules.retired', `sneaker@${today.rulesVersion}`, 'cli', 'cli']]);
  }, 240_000);

  it('refuses a folder without a database and leaves it as it was', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'atelier-rules-versions-'));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    const run = await rules(['versions', 'sneaker'], join(parent, 'data'));
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(parent)).toEqual([]);
  }, 120_000);

  it('refuses a malformed command line with exit 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRulesCli(['retire', 'sneaker'], { out: (text) => out.push(text), err: (text) => err.push(text) }, process.cwd(), { ATELIER_DATA_DIR: join(tmpdir(), 'atelier-rules-never-created') });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^error: retire takes a product id and a rules version \(1 given\): write npm run rules -- retire <productId> <rulesVersion>/);
  });
});

describe('npm run rules -- versions|retire while a server holds the data directory', () => {
  it('lists and retires through the server\'s admin API', async () => {
    const dataDir = await seeded();
    const server = await startServerProcess({ ATELIER_DATA_DIR: dataDir }, 180_000);
    cleanups.push(() => server.stop('SIGKILL'));
    const via = `via the admin API of the running server, process ${server.child.pid}`;

    const listed = await rulesHere(['versions', 'sneaker', '--json'], dataDir);
    expect(listed.stderr).toBe('');
    const { versions } = JSON.parse(listed.stdout) as { versions: RulesVersionListing[] };
    // The server made its files' version current at start; the other seeded one is superseded.
    const current = versions.find((version) => version.state === 'published')!;
    const superseded = versions.find((version) => version.state === 'superseded')!;
    expect(current).toBeDefined();
    expect(superseded).toBeDefined();
    expect((await rulesHere(['versions', 'sneaker'], dataDir)).stdout).toContain(`${versions.length} versions of sneaker (${via})`);

    const refused = await rulesHere(['retire', 'sneaker', current.rulesVersion], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('publish another version first');

    const retired = await rules(['retire', 'sneaker', superseded.rulesVersion], dataDir);
    expect(retired.stderr).toBe('');
    expect(retired.stdout).toBe(`Retired sneaker rules version ${superseded.rulesVersion}: orders naming it are refused from now on, each with a link to reopen the design under the current rules (${via})\n`);
    expect(retired.code).toBe(0);
    const after = JSON.parse((await rulesHere(['versions', 'sneaker', '--json'], dataDir)).stdout) as { versions: RulesVersionListing[] };
    expect(after.versions.find((version) => version.rulesVersion === superseded.rulesVersion)!.state).toBe('retired');

    await server.stop('SIGTERM');
    const audit = (await auditOf(dataDir)).filter((entry) => entry.action === 'rules.retired');
    expect(audit.map((entry) => [entry.target, entry.actor.kind])).toEqual([[`sneaker@${superseded.rulesVersion}`, 'cli']]);
  }, 300_000);
});
