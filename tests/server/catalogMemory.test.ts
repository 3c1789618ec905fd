// The catalog keeps a bounded number of older rules versions compiled: a shop that has published
// hundreds of versions over the years must not hold every one of them in memory because orders and
// print files name them. The current version of each product always stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import { openCatalog, type Catalog } from '../../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { designFrom, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

const current = loadCatalogFromDisk(process.cwd()).entries;
const sneaker = current.find((entry) => entry.product.id === 'sneaker')!;

/** `count` earlier versions of a product: the same rules at other base prices. */
function olderVersions(entry: CatalogEntry, count: number): CatalogEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const product = { ...entry.product, basePrice: entry.product.basePrice - 100 * (index + 1) };
    return { ...entry, product, rulesVersion: rulesVersionOf(product, entry.ruleSet) };
  });
}

describe('the catalog', () => {
  const history = olderVersions(sneaker, 12);
  let repository: Repository;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const database = await openTestPglite();
    dispose = database.dispose;
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
    for (const entry of history) {
      await repository.publishCatalogEntry(entry, new Date('2026-10-01T00:00:00Z'));
      await repository.makeCurrentRulesVersion(entry.product.id, entry.rulesVersion, new Date(), 24 * 3600);
    }
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  async function found(catalog: Catalog, entry: CatalogEntry) {
    const lookup = await catalog.find(entry.product.id, entry.rulesVersion);
    if (lookup.kind !== 'found') throw new Error(`expected ${entry.rulesVersion} to be found, got ${lookup.kind}`);
    return lookup.version;
  }

  it('keeps at most the configured number of older versions compiled, however many are used', async () => {
    const catalog = await openCatalog(current, repository, new Date(), { oldVersionsKept: 4 });
    for (const entry of history) {
      expect((await found(catalog, entry)).entry.product.basePrice).toBe(entry.product.basePrice);
      expect(catalog.compiledOldVersions()).toBeLessThanOrEqual(4);
    }
    expect(catalog.compiledOldVersions()).toBe(4);
  });

  it('compiles an evicted version again when it is asked for, and keeps the recently used ones', async () => {
    const catalog = await openCatalog(current, repository, new Date(), { oldVersionsKept: 3 });
    const first = await found(catalog, history[0]!);
    await found(catalog, history[1]!);
    await found(catalog, history[2]!);
    expect(await found(catalog, history[0]!)).toBe(first); // used again: now the most recent
    await found(catalog, history[3]!); // evicts history[1], the least recently used
    expect(await found(catalog, history[0]!)).toBe(first);
    const second = await found(catalog, history[1]!);
    expect(second.entry.rulesVersion).toBe(history[1]!.rulesVersion);
    for (const entry of history.slice(4)) await found(catalog, entry);
    const again = await found(catalog, history[0]!);
    expect(again).not.toBe(first);
    expect(again.entry.rulesVersion).toBe(first.entry.rulesVersion);
  });

  it('always keeps the current version of every product, compiled once', async () => {
    const catalog = await openCatalog(current, repository, new Date(), { oldVersionsKept: 1 });
    for (const entry of history) await found(catalog, entry);
    for (const entry of current) expect(await found(catalog, entry)).toBe(catalog.current.get(entry.product.id));
    expect(catalog.compiledOldVersions()).toBe(1);
  });

  it('does not remember versions that were never published', async () => {
    const catalog = await openCatalog(current, repository, new Date(), { oldVersionsKept: 4 });
    for (let n = 0; n < 20; n++) expect((await catalog.find('sneaker', `feedface${String(n).padStart(8, '0')}`)).kind).toBe('unknown-rules-version');
    expect(catalog.compiledOldVersions()).toBe(0);
  });
});

describe('orders under many rules versions', () => {
  const history = olderVersions(sneaker, 40);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(history);
  }, 120_000);

  afterAll(async () => {
    await t?.dispose();
  });

  it('are each checked under their own version while the server keeps a bounded number compiled', async () => {
    const product = productUnderTest(t.entry);
    // At the test app's time: the older versions were superseded when it started, and are in their grace.
    const clock = { now: () => new Date('2026-11-25T12:00:00.000Z') };
    const catalog = await openCatalog([t.entry], t.repository, clock.now(), { clock });
    const { createApp } = await import('../../src/server/createApp.ts');
    const app = createApp({ repository: t.repository, catalog, distDir: t.distDir });
    for (const [index, version] of history.entries()) {
      const body = orderBody(product, { ...designFrom(product), rulesVersion: version.rulesVersion }, { withPrice: false });
      const response = await app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `many-versions-${index}-${Date.now()}` }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBe(201);
      expect(((await response.json()) as { price: { unitTotal: number } }).price.unitTotal).toBe(version.product.basePrice);
    }
    expect(catalog.compiledOldVersions()).toBeLessThanOrEqual(16);
    expect(catalog.compiledOldVersions()).toBeGreaterThan(0);
  });
});
