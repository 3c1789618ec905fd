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
  /**
   * A product under a given rules version; older versions are compiled on first use and the most
   * recently used of them kept (see {@link CatalogOptions.oldVersionsKept}).
   */
  find(productId: string, rulesVersion: string): Promise<CatalogLookup>;
  /** How many older (not current) versions are compiled in memory now. */
  compiledOldVersions(): number;
}

/** How much of the catalog stays in memory. */
export interface CatalogOptions {
  /**
   * Most older rules versions kept compiled, the least recently used dropped first (default
   * {@link DEFAULT_OLD_VERSIONS_KEPT}). A dropped version is read and compiled again when an order
   * or print file names it. The current versions are not counted: they always stay.
   */
  readonly oldVersionsKept?: number;
}

/**
 * Older rules versions kept compiled by default. A compiled shipped product takes about 0.2 MB (more
 * once it has explained a conflict), a Renault-class one tens of MB; orders under old versions come
 * mostly from a few recent ones, so a small number serves nearly all of them from memory.
 */
export const DEFAULT_OLD_VERSIONS_KEPT = 16;

/**
 * Publishes the current catalog entries (from `loadCatalogFromDisk`) to the repository, so their
 * rules versions stay verifiable after the files change, and returns the catalog over them.
 *
 * @example
 * const { entries } = loadCatalogFromDisk(rootDir);
 * const catalog = await openCatalog(entries, repository, new Date());
 * await catalog.find('sneaker', design.rulesVersion);
 */
export async function openCatalog(entries: readonly CatalogEntry[], repository: Repository, now: Date, options: CatalogOptions = {}): Promise<Catalog> {
  const kept = options.oldVersionsKept ?? DEFAULT_OLD_VERSIONS_KEPT;
  if (!Number.isInteger(kept) || kept < 0) throw new Error(`[Atelier] oldVersionsKept must be a whole number ≥ 0, not ${kept}`);
  const current = new Map<string, CatalogVersion>();
  const currentByKey = new Map<string, Promise<CatalogVersion>>();
  // Older versions, least recently used first (a Map iterates in insertion order; a hit re-inserts).
  const older = new Map<string, Promise<CatalogVersion | undefined>>();
  const keyOf = (productId: string, rulesVersion: string) => `${productId}@${rulesVersion}`;
  for (const entry of entries) {
    await repository.publishCatalogEntry(entry, now);
    const version = compileVersion(entry);
    current.set(entry.product.id, version);
    currentByKey.set(keyOf(entry.product.id, entry.rulesVersion), Promise.resolve(version));
  }
  return {
    current,
    async find(productId, rulesVersion) {
      const latest = current.get(productId);
      if (!latest) return { kind: 'unknown-product', knownProducts: [...current.keys()] };
      const key = keyOf(productId, rulesVersion);
      let pending = currentByKey.get(key) ?? older.get(key);
      if (pending && older.delete(key)) older.set(key, pending);
      if (!pending) {
        pending = repository.findCatalogEntry(productId, rulesVersion).then((entry) => (entry ? compileVersion(entry) : undefined));
        const mine = pending;
        older.set(key, mine);
        for (const oldest of older.keys()) {
          if (older.size <= kept) break;
          older.delete(oldest);
        }
        // Unknown versions are not remembered: another server may publish them later, and a
        // client sending made-up versions must not grow this map.
        const forget = () => { if (older.get(key) === mine) older.delete(key); };
        void mine.then((found) => { if (!found) forget(); }, forget);
      }
      const version = await pending;
      return version ? { kind: 'found', version } : { kind: 'unknown-rules-version', currentRulesVersion: latest.entry.rulesVersion };
    },
    compiledOldVersions: () => older.size,
  };
}

function compileVersion(entry: CatalogEntry): CatalogVersion {
  return { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}
