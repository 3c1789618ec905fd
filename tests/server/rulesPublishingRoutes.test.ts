// Publishing and rolling back over HTTP: the staff API as a signed-in merchandiser (CSRF-checked,
// the account as actor) and the local admin API as the operator (actor `cli`), each taking the new
// current version up in the serving catalog before it answers.
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';
import { createAdminApp } from '../../src/server/adminApp.ts';
import { openCatalog, type Catalog } from '../../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { systemClock } from '../../src/server/clock.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { createPasswordHasher } from '../../src/server/staff/index.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';

const productYaml = readFileSync('models/sneaker/product.yaml', 'utf8');
const rulesYaml = readFileSync('rules/sneaker.rules.yaml', 'utf8');
const repriced = (price: string) => productYaml.replace(/^basePrice: .*$/m, `basePrice: ${price}`);

interface Answer { productId: string; rulesVersion: string; state: string; already: boolean; superseded: { rulesVersion: string; acceptUntil: string }[] }
interface Refusal { error: { code: string; message: string; hint: string; problems?: { message: string }[] } }

describe('the staff API\'s publishing routes', () => {
  let t: TestApp;
  let merchandiser: StaffBrowser;
  let filesVersion: string;
  const post = (path: string, body: unknown, headers: Record<string, string> = merchandiser.writeHeaders()) => t.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const currentVersion = async () => {
    const response = await t.app.request('/api/staff/rules', { headers: { Cookie: merchandiser.cookie } });
    const { products } = (await response.json()) as { products: { id: string; rulesVersions: { rulesVersion: string; current: boolean; publishedBy: string | null; message: string | null }[] }[] };
    return products.find((product) => product.id === 'sneaker')!.rulesVersions.find((version) => version.current)!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    filesVersion = t.entry.rulesVersion;
    merchandiser = await sessionFor(t.repository, await addAccount(t.repository, 'mia@shop.example', ['merchandiser']), new Date('2026-11-25T12:00:00.000Z'));
  }, 60_000);
  afterAll(() => t?.dispose());

  it('publishes the files a merchandiser sends, served at once, with the account as who published it', async () => {
    const response = await post('/api/staff/rules/sneaker/versions', { productYaml: repriced('133.00'), rulesYaml, message: 'Winter price' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer).toMatchObject({ productId: 'sneaker', state: 'published', already: false, superseded: [{ rulesVersion: filesVersion }] });
    expect(await currentVersion()).toMatchObject({ rulesVersion: answer.rulesVersion, publishedBy: 'mia@shop.example', message: 'Winter price' });
    const [line] = await t.repository.listAudit(1);
    expect(line).toMatchObject({ action: 'rules.published', target: `sneaker@${answer.rulesVersion}`, actor: { kind: 'staff', email: 'mia@shop.example' }, details: { message: 'Winter price' } });

    const back = await post('/api/staff/rules/sneaker/rollback', { message: 'Winter price too early' });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ rulesVersion: filesVersion, superseded: [{ rulesVersion: answer.rulesVersion }] });
    expect(await currentVersion()).toMatchObject({ rulesVersion: filesVersion, publishedBy: 'mia@shop.example', message: 'Winter price too early' });
    expect((await t.repository.listRulesPublications('sneaker'))[0]).toMatchObject({ action: 'rolled-back', actor: 'mia@shop.example' });
  });

  it('records a draft, then publishes it by its version', async () => {
    const drafted = (await (await post('/api/staff/rules/sneaker/versions', { productYaml: repriced('127.00'), rulesYaml, draft: true })).json()) as Answer;
    expect(drafted).toMatchObject({ state: 'draft', already: false });
    expect((await currentVersion()).rulesVersion).toBe(filesVersion);
    const published = await post(`/api/staff/rules/sneaker/versions/${drafted.rulesVersion}/publish`, { message: 'Spring price', graceHours: 1 });
    expect(published.status).toBe(200);
    expect((await currentVersion()).rulesVersion).toBe(drafted.rulesVersion);
  });

  it('refuses without a message, without the CSRF token, and with strict-lint problems, changing nothing', async () => {
    const before = (await currentVersion()).rulesVersion;
    const noMessage = await post('/api/staff/rules/sneaker/versions', { productYaml: repriced('150.00'), rulesYaml });
    expect(noMessage.status).toBe(422);
    expect(((await noMessage.json()) as Refusal).error).toMatchObject({ message: expect.stringContaining('a message is required'), hint: expect.stringContaining('--message "…"') });
    const noRollbackMessage = await post('/api/staff/rules/sneaker/rollback', {});
    expect(noRollbackMessage.status).toBe(422);
    expect(((await noRollbackMessage.json()) as Refusal).error.message).toContain('a message is required');

    const { 'X-CSRF-Token': _token, ...withoutCsrf } = merchandiser.writeHeaders();
    expect((await post('/api/staff/rules/sneaker/rollback', { message: 'sneaky' }, withoutCsrf)).status).toBe(403);

    const broken = await post('/api/staff/rules/sneaker/versions', { productYaml, rulesYaml: rulesYaml.replace('kind: requires', 'kind: requirez'), message: 'typo' });
    expect(broken.status).toBe(422);
    const refusal = (await broken.json()) as Refusal;
    expect(refusal.error.code).toBe('rules_problems');
    expect(refusal.error.problems?.[0]?.message).toMatch(/^rules\/sneaker\.rules\.yaml:\d+:\d+ /);
    expect((await currentVersion()).rulesVersion).toBe(before);
  });
});

describe('the admin API\'s publishing routes (npm run rules -- publish|rollback while the server runs)', () => {
  const auth = { Authorization: 'Bearer the-publish-token', 'Content-Type': 'application/json' };
  let database: Awaited<ReturnType<typeof openTestPglite>>;
  let repository: Repository;
  let catalog: Catalog;
  let admin: Hono;
  const post = (path: string, body: unknown) => admin.request(path, { method: 'POST', headers: auth, body: JSON.stringify(body) });

  beforeAll(async () => {
    database = await openTestPglite();
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
    catalog = await openCatalog(loadCatalogFromDisk(process.cwd()).entries, repository, new Date(), { files: 'first-start', graceSeconds: 7200 });
    admin = createAdminApp({ token: 'the-publish-token', status: () => ({}), staff: { repository, clock: systemClock, passwords: createPasswordHasher() }, catalog });
  }, 60_000);
  afterAll(async () => {
    catalog.close();
    await database.dispose();
  });

  it('publishes into the server\'s catalog before answering, with the catalog\'s grace, audited as the operator', async () => {
    const before = catalog.current.get('sneaker')!.entry.rulesVersion;
    const response = await post('/admin/rules/sneaker/versions', { productYaml: repriced('121.00'), rulesYaml, productFile: 'models/sneaker/product.yaml', rulesFile: 'rules/sneaker.rules.yaml', message: 'Small rise' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(catalog.current.get('sneaker')!.entry.rulesVersion).toBe(answer.rulesVersion);
    const grace = Date.parse(answer.superseded[0]!.acceptUntil) - Date.now();
    expect(grace).toBeGreaterThan(7100 * 1000);
    expect(grace).toBeLessThanOrEqual(7200 * 1000);
    expect((await repository.listAudit(1))[0]).toMatchObject({ action: 'rules.published', actor: { kind: 'cli' } });

    const rolledBack = await post('/admin/rules/sneaker/rollback', { message: 'Back', rulesVersion: before });
    expect(rolledBack.status).toBe(200);
    expect(catalog.current.get('sneaker')!.entry.rulesVersion).toBe(before);
    expect((await post('/admin/rules/sneaker/rollback', { message: 'Back again', rulesVersion: 'nope' })).status).toBe(404);
  });

  it('refuses a body that is not a publication, saying what is wrong', async () => {
    const response = await post('/admin/rules/sneaker/versions', { productYaml, message: 'no rules' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Refusal).error.message).toContain('"rulesYaml" is missing');
    const negative = await post('/admin/rules/sneaker/rollback', { message: 'Back', graceHours: -1 });
    expect(negative.status).toBe(422);
  });
});
