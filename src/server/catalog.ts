import { compileRules, type CatalogEntry, type ConfigurationSpace } from '../domain/index.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Repository, RulesVersionStatus } from './repository.ts';

/** A product under one rules version, with its compiled engine. */
export interface CatalogVersion {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
}

/** What looking up a product and rules version found. */
export type CatalogLookup =
  | { readonly kind: 'found'; readonly version: CatalogVersion }
  | { readonly kind: 'unknown-product'; readonly knownProducts: readonly string[] }
  | { readonly kind: 'unknown-rules-version'; readonly currentRulesVersion: string }
  /**
   * A version orders are no longer accepted under: superseded and past its grace period, or
   * retired. `version` is still there, so a refusal can say what the current rules change.
   */
  | { readonly kind: 'retired-rules-version'; readonly version: CatalogVersion; readonly current: CatalogVersion; readonly since: string };

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
  /**
   * How long orders are still accepted under a version after a newer one becomes current (default
   * {@link DEFAULT_GRACE_SECONDS}), so carts in progress can finish.
   */
  readonly graceSeconds?: number;
  /** Where the time comes from (tests pass their own). */
  readonly clock?: Clock;
}

/** 24 hours: a customer who started a design yesterday can still order it as it is. */
export const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

/**
 * Whether orders are accepted under a version at `now`: published and superseded-within-grace
 * are; superseded past its grace and retired are not (`since` says from when).
 */
export function acceptsOrders(status: RulesVersionStatus, now: Date): { readonly accepted: true } | { readonly accepted: false; readonly since: string } {
  if (status.state === 'published') return { accepted: true };
  if (status.state === 'retired') return { accepted: false, since: status.retiredAt ?? now.toISOString() };
  const until = status.acceptUntil ?? now.toISOString();
  return Date.parse(until) > now.getTime() ? { accepted: true } : { accepted: false, since: until };
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
  const clock = options.clock ?? systemClock;
  const graceSeconds = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  if (!Number.isFinite(graceSeconds) || graceSeconds < 0) throw new Error(`[Atelier] graceSeconds must be a number of seconds ≥ 0, not ${graceSeconds}`);
  if (!Number.isInteger(kept) || kept < 0) throw new Error(`[Atelier] oldVersionsKept must be a whole number ≥ 0, not ${kept}`);
  const current = new Map<string, CatalogVersion>();
  const currentByKey = new Map<string, Promise<CatalogVersion>>();
  // Older versions, least recently used first (a Map iterates in insertion order; a hit re-inserts).
  const older = new Map<string, Promise<CatalogVersion | undefined>>();
  const keyOf = (productId: string, rulesVersion: string) => `${productId}@${rulesVersion}`;
  for (const entry of entries) {
    await repository.publishCatalogEntry(entry, now);
    // The files' version is the product's current one; the one it replaces gets its grace period.
    await repository.makeCurrentRulesVersion(entry.product.id, entry.rulesVersion, now, graceSeconds);
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
      if (!version) return { kind: 'unknown-rules-version', currentRulesVersion: latest.entry.rulesVersion };
      if (currentByKey.has(key)) return { kind: 'found', version };
      // An older version: where it stands is read each time, as a merchandiser may retire it from
      // another process at any moment.
      const status = await repository.findRulesVersionStatus(productId, rulesVersion);
      const standing = status ? acceptsOrders(status, clock.now()) : { accepted: true as const };
      return standing.accepted ? { kind: 'found', version } : { kind: 'retired-rules-version', version, current: latest, since: standing.since };
    },
    compiledOldVersions: () => older.size,
  };
}

function compileVersion(entry: CatalogEntry): CatalogVersion {
  return { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}
