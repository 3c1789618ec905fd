// The database is the source of truth for which rules version of a product is current: the files
// in rules/ and models/ are published only at a product's first start, a publish takes effect with
// no restart, and another server process on the same database takes it up (when it refreshes, by
// polling, or as soon as an order names the new version).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import { describeStandings, openCatalog, openCatalogWithStandings, type Catalog } from '../../src/server/catalog.ts';
import { loadCatalogFromDisk, readCatalogSources } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { openMigratedTestPglite } from './support/migratedPglite.ts';

const files = loadCatalogFromDisk(process.cwd()).entries;
const sneakerFiles = files.find((entry) => entry.product.id === 'sneaker')!;

/** The sneaker as a merchandiser's next version: the same rules at another base price. */
function repriced(entry: CatalogEntry, basePrice: number): CatalogEntry {
  const product = { ...entry.product, basePrice };
  return { ...entry, product, rulesVersion: rulesVersionOf(product, entry.ruleSet) };
}

/** A publish as `npm run rules -- publish` makes it, written straight to the database. */
async function publish(repository: Repository, entry: CatalogEntry, at: Date): Promise<void> {
  await repository.publishCatalogEntry(entry, at);
  await repository.makeCurrentRulesVersion(entry.product.id, entry.rulesVersion, at, 3600);
}

describe('the current rules version, as the database says', () => {
  let repository: Repository;
  let dispose: () => Promise<void>;
  const opened: Catalog[] = [];
  const open = async (entries: readonly CatalogEntry[], options: Parameters<typeof openCatalog>[3] = {}) => {
    const catalog = await openCatalog(entries, repository, new Date(), { files: 'first-start', ...options });
    opened.push(catalog);
    return catalog;
  };

  beforeEach(async () => {
    const database = await openMigratedTestPglite();
    dispose = database.dispose;
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
  }, 60_000);

  afterEach(async () => {
    for (const catalog of opened.splice(0)) catalog.close();
    await dispose?.();
  });

  it('publishes the files as the first version of a product the database has never seen', async () => {
    const { catalog, standings } = await openCatalogWithStandings(files, repository, new Date(), { files: 'first-start' });
    opened.push(catalog);
    expect(standings.find((standing) => standing.productId === 'sneaker')).toMatchObject({ standing: 'published', currentVersion: sneakerFiles.rulesVersion });
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(sneakerFiles.rulesVersion);
    expect((await repository.listCurrentRulesVersions()).get('sneaker')).toBe(sneakerFiles.rulesVersion);
  });

  it('keeps the files a first version was published from, for the studio to open whatever they say later', async () => {
    const sourcesOf = (entry: CatalogEntry) => readCatalogSources(process.cwd(), entry.product.id);
    await open(files, { sourcesOf });
    const kept = await repository.findRulesSources('sneaker', sneakerFiles.rulesVersion);
    expect(kept?.rules).toEqual(readCatalogSources(process.cwd(), 'sneaker')?.rules);
    expect(kept?.product.file).toBe('models/sneaker/product.yaml');
    // A later start on other files publishes nothing, so records no files either.
    await open([repriced(sneakerFiles, 1)], { sourcesOf });
    expect(await repository.findRulesSources('sneaker', repriced(sneakerFiles, 1).rulesVersion)).toBeUndefined();
  });

  it('serves the published version after a restart with edited files, and says the files differ', async () => {
    const published = repriced(sneakerFiles, sneakerFiles.product.basePrice + 500);
    await publish(repository, published, new Date());
    const { catalog, standings } = await openCatalogWithStandings(files, repository, new Date(), { files: 'first-start' });
    opened.push(catalog);
    expect(standings.find((standing) => standing.productId === 'sneaker')).toEqual({
      productId: 'sneaker', filesVersion: sneakerFiles.rulesVersion, standing: 'differs', currentVersion: published.rulesVersion,
    });
    expect(catalog.current.get('sneaker')?.entry.product.basePrice).toBe(published.product.basePrice);
    // The operator is told, with the commands that show and publish the change.
    const [said] = describeStandings(standings.filter((standing) => standing.productId === 'sneaker'));
    expect(said).toContain(`serving the published version ${published.rulesVersion}`);
    expect(said).toContain(`npm run rules -- diff sneaker@${published.rulesVersion} rules/sneaker.rules.yaml`);
    expect(said).toContain('npm run rules -- publish sneaker --message');
    // The files' version was never published: an order naming it is not accepted.
    expect((await catalog.find('sneaker', sneakerFiles.rulesVersion)).kind).toBe('unknown-rules-version');
  });

  it('takes up a version another process published when it refreshes, in place, and keeps the replaced one for old orders', async () => {
    const catalog = await open(files);
    const liveMap = catalog.current;
    const next = repriced(sneakerFiles, sneakerFiles.product.basePrice + 1000);
    const changes: unknown[] = [];
    const other = await open(files, { onChange: (change) => changes.push(change) });
    await publish(repository, next, new Date());
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(sneakerFiles.rulesVersion); // not yet asked
    expect(await catalog.refresh()).toEqual(['sneaker']);
    expect(liveMap.get('sneaker')?.entry.rulesVersion).toBe(next.rulesVersion);
    expect(await catalog.refresh()).toEqual([]);
    const replaced = await catalog.find('sneaker', sneakerFiles.rulesVersion);
    expect(replaced.kind).toBe('found'); // superseded, within its grace
    expect(await other.refresh()).toEqual(['sneaker']);
    expect(changes).toEqual([{ productId: 'sneaker', from: sneakerFiles.rulesVersion, to: next.rulesVersion }]);
  });

  it('learns of a publish by polling, with no request and no restart', async () => {
    const catalog = await open(files, { pollSeconds: 0.05 });
    const next = repriced(sneakerFiles, sneakerFiles.product.basePrice + 700);
    await publish(repository, next, new Date());
    await vi.waitFor(() => expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(next.rulesVersion), { timeout: 5000, interval: 20 });
  });

  it('accepts at once an order under a version another process has just published, and makes it current', async () => {
    const catalog = await open(files);
    const next = repriced(sneakerFiles, sneakerFiles.product.basePrice + 300);
    await publish(repository, next, new Date());
    const lookup = await catalog.find('sneaker', next.rulesVersion);
    expect(lookup.kind).toBe('found');
    await vi.waitFor(() => expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(next.rulesVersion));
  });

  it('rolls back everywhere: an earlier version published again becomes current on refresh', async () => {
    const catalog = await open(files);
    const next = repriced(sneakerFiles, sneakerFiles.product.basePrice + 200);
    await publish(repository, next, new Date());
    await catalog.refresh();
    await repository.makeCurrentRulesVersion('sneaker', sneakerFiles.rulesVersion, new Date(), 3600);
    expect(await catalog.refresh()).toEqual(['sneaker']);
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(sneakerFiles.rulesVersion);
  });
});
