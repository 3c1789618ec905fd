// The storage suite of the rules versions' files (migration 012): the product and rules files a
// version was made from, kept beside it for the rules studio. The same cases run on PGlite
// (rulesSourceRepository.pglite.test.ts) and a PostgreSQL server (rulesSourceRepository.postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';

/** Opens a database for the suite, and a function to close and remove it. */
export type OpenDatabase = () => Promise<{ client: SqlClient; dispose: () => Promise<void> }>;

const entry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;

/** The same product with another base price: another version. */
function republished(base: CatalogEntry, basePrice: number): CatalogEntry {
  const product = { ...base.product, basePrice };
  return { ...base, product, rulesVersion: rulesVersionOf(product, base.ruleSet) };
}

const files = (version: string, comment: string) => ({
  productId: 'sneaker',
  rulesVersion: version,
  product: { file: 'models/sneaker/product.yaml', text: `# ${comment}\nid: sneaker\n` },
  rules: { file: 'rules/sneaker.rules.yaml', text: `# ${comment}\nproduct: sneaker\nrules: []\n` },
  // The CSV tables the rules file names (migration 014), exactly as written.
  tables: { [`sneaker.${comment}.csv`]: `midsole.colour,outsole.colour\r\n"${comment}",gum\n` },
});

/** Registers the suite for one implementation; `skip` explains why it cannot run here. */
export function describeRulesSourceRepository(name: string, open: OpenDatabase, skip?: string): void {
  describe.skipIf(skip !== undefined)(`the ${name} repository's rules sources`, () => {
    let dispose: () => Promise<void>;
    let repository: Repository;
    const other = republished(entry, entry.product.basePrice + 100);

    beforeAll(async () => {
      const opened = await open();
      dispose = opened.dispose;
      await applyMigrations(opened.client);
      repository = createSqlRepository(opened.client);
      await repository.publishCatalogEntry(entry, new Date('2026-12-01T10:00:00Z'));
      await repository.publishCatalogEntry(other, new Date('2026-12-01T11:00:00Z'));
    }, 60_000);
    afterAll(() => dispose?.());

    it('keeps the files of each version apart, exactly as written', async () => {
      await repository.recordRulesSources(files(entry.rulesVersion, 'first'));
      await repository.recordRulesSources(files(other.rulesVersion, 'second'));
      expect(await repository.findRulesSources('sneaker', entry.rulesVersion)).toEqual(files(entry.rulesVersion, 'first'));
      expect(await repository.findRulesSources('sneaker', other.rulesVersion)).toEqual(files(other.rulesVersion, 'second'));
    });

    it('finds nothing for a version whose files were never recorded', async () => {
      expect(await repository.findRulesSources('sneaker', 'f00dfeedf00dfeed')).toBeUndefined();
      expect(await repository.findRulesSources('no-such-product', entry.rulesVersion)).toBeUndefined();
    });

    it('keeps the files recorded last for a version (they differ only in comments and layout)', async () => {
      await repository.recordRulesSources(files(entry.rulesVersion, 'reformatted'));
      expect(await repository.findRulesSources('sneaker', entry.rulesVersion)).toEqual(files(entry.rulesVersion, 'reformatted'));
    });

    it('refuses files of a version that was never recorded', async () => {
      await expect(repository.recordRulesSources(files('0123456789abcdef', 'orphan'))).rejects.toThrow();
      expect(await repository.findRulesSources('sneaker', '0123456789abcdef')).toBeUndefined();
    });
  });
}
