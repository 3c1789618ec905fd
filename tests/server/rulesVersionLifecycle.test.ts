// Rules versions have a lifecycle: after a new version becomes current, orders under the one it
// replaced are accepted for a grace period (carts in progress finish), then refused with what the
// current rules change and a link that reopens the design under them; a merchandiser can retire a
// version at once, and publishing an older version again rolls back.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalKey, loadCatalogEntry, type CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { designFrom, orderBody, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

const onDisk = loadCatalogFromDisk(process.cwd()).entries;
const sneakerNow = onDisk.find((entry) => entry.product.id === 'sneaker')!;

/** The shipped sneaker with one more hard rule, as a merchandiser's next publish: leather vamps no longer go on cork. */
function withNewRule(): CatalogEntry {
  const rules = readFileSync('rules/sneaker.rules.yaml', 'utf8').replace(/^rules:\n/m, `rules:
  - id: no-leather-on-cork
    kind: excludes
    message: Leather vamps crack over a cork midsole.
    when: { vamp.material: leather }
    excludes: { midsole.material: cork }
`);
  const loaded = loadCatalogEntry({ file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') }, { file: 'rules/sneaker.rules.yaml', text: rules });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { ...loaded.value, ...(sneakerNow.printAtlas ? { printAtlas: sneakerNow.printAtlas } : {}) };
}

describe('the lifecycle of rules versions', () => {
  let t: TestApp;
  const next = withNewRule();
  const sneaker = productUnderTest(sneakerNow);
  // Valid under today's rules, refused by the new one.
  const leatherOnCork = () => designFrom(sneaker, { 'vamp.material': 'leather', 'midsole.material': 'cork' });
  const order = (design: ReturnType<typeof designFrom>) => t.app.request('/api/orders', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(orderBody(sneaker, design, { withPrice: false })),
  });

  beforeEach(async () => {
    // Today's files were the current version; then the new version was published at 12:00.
    t = await startTestApp([sneakerNow]);
    await t.republish([next, ...onDisk.filter((entry) => entry.product.id !== 'sneaker')]);
  }, 60_000);
  afterEach(() => t?.dispose());

  it('reproduces the defect: the design breaks the new rule, yet names the old version', async () => {
    const design = leatherOnCork();
    expect(design.rulesVersion).toBe(sneakerNow.rulesVersion);
    expect((await order({ ...design, rulesVersion: next.rulesVersion })).status).toBe(422);
  });

  it('accepts an order under the superseded version during its 24 hours of grace', async () => {
    t.setNow('2026-11-26T11:59:00.000Z');
    expect((await order(leatherOnCork())).status).toBe(201);
  });

  it('refuses it after the grace period, naming what the current rules change and how to reopen the design', async () => {
    t.setNow('2026-11-26T12:00:01.000Z');
    const response = await order(leatherOnCork());
    expect(response.status).toBe(409);
    const { error } = await response.json() as { error: { code: string; message: string; hint: string; problems: { message: string }[] } };
    expect(error.code).toBe('rules_version_retired');
    expect(error.message).toContain(sneakerNow.rulesVersion);
    expect(error.problems.map((problem) => problem.message).join(' ')).toMatch(/cork|Leather vamps crack/i);
    expect(error.hint).toMatch(/\/\?product=sneaker&design=/);
    expect(await t.repository.countOrders()).toBe(0);
  });

  it('says when the old design is still fine under the current rules, and a current design is ordered as ever', async () => {
    t.setNow('2026-11-27T00:00:00.000Z');
    const fine = designFrom(sneaker, { 'vamp.material': 'suede' });
    const refused = await order(fine);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('still offered');
    expect((await order({ ...fine, rulesVersion: next.rulesVersion })).status).toBe(201);
  });

  it('refuses at once a version the merchandiser retired, and keeps the current one from being retired', async () => {
    expect(await t.repository.retireRulesVersion('sneaker', sneakerNow.rulesVersion, new Date('2026-11-25T12:00:00Z'))).toBe('retired');
    expect((await order(leatherOnCork())).status).toBe(409);
    expect(await t.repository.retireRulesVersion('sneaker', next.rulesVersion, new Date())).toBe('current');
    expect(await t.repository.retireRulesVersion('sneaker', sneakerNow.rulesVersion, new Date())).toBe('already-retired');
    expect(await t.repository.retireRulesVersion('sneaker', '0000000000000000', new Date())).toBe('unknown');
  });

  it('flags gallery designs the current rules no longer allow, and only those', async () => {
    const submit = async (design: ReturnType<typeof designFrom>, title: string) => {
      await t.repository.submitCandidate({
        id: crypto.randomUUID(), productId: 'sneaker', rulesVersion: design.rulesVersion, canonicalKey: canonicalKey(design), design: { ...design, personalisation: {} },
        title, thumbnail: pngFile(2, 2), submittedBy: `voter-${title}`, createdAt: '2026-11-25T11:00:00.000Z',
      });
    };
    await submit(leatherOnCork(), 'Cork classic');
    await submit(designFrom(sneaker, { 'vamp.material': 'suede' }), 'Suede day');
    const listed = await (await t.app.request('/api/candidates?product=sneaker&sort=newest')).json() as { candidates: { title: string; orderableAsIs: boolean }[] };
    expect(Object.fromEntries(listed.candidates.map((candidate) => [candidate.title, candidate.orderableAsIs]))).toEqual({ 'Cork classic': false, 'Suede day': true });
  });

  it('rolls back: publishing the earlier version again makes it current, and the newer one gets the grace', async () => {
    expect(await t.repository.retireRulesVersion('sneaker', sneakerNow.rulesVersion, new Date('2026-11-25T12:00:00Z'))).toBe('retired');
    await t.republish(onDisk);
    expect((await order(leatherOnCork())).status).toBe(201);
    const versions = await t.repository.listRulesVersions('sneaker');
    expect(versions.find((version) => version.rulesVersion === sneakerNow.rulesVersion)).toMatchObject({ state: 'published', acceptUntil: null, retiredAt: null });
    expect(versions.find((version) => version.rulesVersion === next.rulesVersion)).toMatchObject({ state: 'superseded', acceptUntil: '2026-11-26T12:00:00.000000Z' });
    expect(versions.filter((version) => version.state === 'published')).toHaveLength(1);
  });
});
