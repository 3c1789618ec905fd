import { compileRules, type CatalogEntry, type ConfigurationSpace } from '../domain/index.ts';
import type { Repository } from './repository.ts';

/** A product under one rules version, with its compiled engine. */
export interface CatalogVersion {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
}

/** What looking up a product and rules version found. */
export type CatalogLookup =
  | { readonly kind: 'found'; readonly version: CatalogVersion }
  | { readonly kind: 'unknown-product'; readonly knownProducts: readonly string[] }
  | { readonly kind: 'unknown-rules-version'; readonly currentRulesVersion: string };

/**
 * The products the server sells, under every rules version ever published to its database: the
 * current version from the rules files, and older ones from the database, so that a design made
 * before the rules changed is still checked against the rules it was made under.
 */
export interface Catalog {
  /** The current version of every product. */
  readonly current: ReadonlyMap<string, CatalogVersion>;
  /** A product under a given rules version; older versions are compiled on first use and kept. */
  find(productId: string, rulesVersion: string): Promise<CatalogLookup>;
}

/**
 * Publishes the current catalog entries (from `loadCatalogFromDisk`) to the repository, so their
 * rules versions stay verifiable after the files change, and returns the catalog over them.
 *
 * @example
 * const { entries } = loadCatalogFromDisk(rootDir);
 * const catalog = await openCatalog(entries, repository, new Date());
 * await catalog.find('sneaker', design.rulesVersion);
 */
export async function openCatalog(entries: readonly CatalogEntry[], repository: Repository, now: Date): Promise<Catalog> {
  const current = new Map<string, CatalogVersion>();
  const versions = new Map<string, Promise<CatalogVersion | undefined>>();
  const keyOf = (productId: string, rulesVersion: string) => `${productId}@${rulesVersion}`;
  for (const entry of entries) {
    await repository.publishCatalogEntry(entry, now);
    const version = compileVersion(entry);
    current.set(entry.product.id, version);
    versions.set(keyOf(entry.product.id, entry.rulesVersion), Promise.resolve(version));
  }
  return {
    current,
    async find(productId, rulesVersion) {
      const latest = current.get(productId);
      if (!latest) return { kind: 'unknown-product', knownProducts: [...current.keys()] };
      const key = keyOf(productId, rulesVersion);
      let pending = versions.get(key);
      if (!pending) {
        pending = repository.findCatalogEntry(productId, rulesVersion).then((entry) => (entry ? compileVersion(entry) : undefined));
        versions.set(key, pending);
        // Unknown versions are not remembered: another server may publish them later, and a
        // client sending made-up versions must not grow this map.
        void pending.then((found) => { if (!found) versions.delete(key); }, () => versions.delete(key));
      }
      const version = await pending;
      return version ? { kind: 'found', version } : { kind: 'unknown-rules-version', currentRulesVersion: latest.entry.rulesVersion };
    },
  };
}

function compileVersion(entry: CatalogEntry): CatalogVersion {
  return { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}
