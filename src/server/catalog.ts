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
 * The products the server sells: the current (published) rules version of each, as the database
 * says — the database is the source of truth once a version is published — and every older
 * version ever published, so that a design made before the rules changed is still checked against
 * the rules it was made under.
 */
export interface Catalog {
  /**
   * The current version of every product. A live map: {@link Catalog.refresh} replaces a product's
   * version in place, so a reader that looks it up at each request always sees the current one.
   */
  readonly current: ReadonlyMap<string, CatalogVersion>;
  /**
   * A product under a given rules version; older versions are compiled on first use and the most
   * recently used of them kept (see {@link CatalogOptions.oldVersionsKept}).
   */
  find(productId: string, rulesVersion: string): Promise<CatalogLookup>;
  /**
   * Reads which version of each product is current from the database and takes up the ones that
   * changed (a publish or rollback here or in another server process on the same database). Returns
   * the products whose current version changed. Concurrent calls share one read.
   */
  refresh(): Promise<readonly string[]>;
  /** How many older (not current) versions are compiled in memory now. */
  compiledOldVersions(): number;
  /** How long orders stay accepted under a version after a newer one replaces it, in seconds. */
  readonly graceSeconds: number;
  /** Stops polling the database (see {@link CatalogOptions.pollSeconds}). */
  close(): void;
}

/** What opening the catalog found of the files in `rules/` and `models/`. */
export interface FilesStanding {
  readonly productId: string;
  /** The version the files make (the content hash of product + rules). */
  readonly filesVersion: string;
  /**
   * `published`: published now (as their product's first version, under `first-start`);
   * `current`: the files are the published version; `differs`: the database's published version is
   * served, and the edited files wait for `npm run rules -- publish`.
   */
  readonly standing: 'published' | 'current' | 'differs';
  /** The version served. */
  readonly currentVersion: string;
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
  /**
   * What the files given to {@link openCatalog} are: `publish` (the default) publishes them now,
   * each becoming its product's current version, as `npm run rules -- publish` would; `first-start`
   * (what the server does) publishes a product's files only when the database has no published
   * version of it, and otherwise serves the database's version and reports that the files differ.
   */
  readonly files?: 'publish' | 'first-start';
  /**
   * Every how many seconds the catalog asks the database which versions are current, so that a
   * publish from another server process takes effect here (0, the default, never: a single process
   * refreshes when it publishes).
   */
  readonly pollSeconds?: number;
  /**
   * The text of the files an entry was read from (with the CSV tables its rules file names),
   * recorded with each version published from them (so the rules studio can open it later,
   * whatever the files say by then).
   */
  readonly sourcesOf?: (entry: CatalogEntry) => { readonly product: { readonly file: string; readonly text: string }; readonly rules: { readonly file: string; readonly text: string }; readonly tables?: Readonly<Record<string, string>> } | undefined;
  /** Told of each product whose current version a refresh changed after opening (the server logs it). */
  readonly onChange?: (change: { readonly productId: string; readonly from: string | undefined; readonly to: string }) => void;
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
 * Opens the catalog over the repository. `entries` are the product and rules files (from
 * `loadCatalogFromDisk`): published now, or only where a product has no published version yet
 * (see {@link CatalogOptions.files}); {@link Catalog.current} then holds each product's published
 * version as the database says. `standings` says, per file, what became of it.
 *
 * @example
 * const { entries } = loadCatalogFromDisk(rootDir);
 * const { catalog, standings } = await openCatalogWithStandings(entries, repository, new Date(), { files: 'first-start' });
 * await catalog.find('sneaker', design.rulesVersion);
 */
export async function openCatalogWithStandings(entries: readonly CatalogEntry[], repository: Repository, now: Date, options: CatalogOptions = {}): Promise<{ catalog: Catalog; standings: FilesStanding[] }> {
  const kept = options.oldVersionsKept ?? DEFAULT_OLD_VERSIONS_KEPT;
  const clock = options.clock ?? systemClock;
  const graceSeconds = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  const pollSeconds = options.pollSeconds ?? 0;
  if (!Number.isFinite(graceSeconds) || graceSeconds < 0) throw new Error(`[Atelier] graceSeconds must be a number of seconds ≥ 0, not ${graceSeconds}`);
  if (!Number.isInteger(kept) || kept < 0) throw new Error(`[Atelier] oldVersionsKept must be a whole number ≥ 0, not ${kept}`);
  if (!Number.isFinite(pollSeconds) || pollSeconds < 0) throw new Error(`[Atelier] pollSeconds must be a number of seconds ≥ 0, not ${pollSeconds}`);
  const standings = await publishFiles(entries, repository, now, graceSeconds, options.files ?? 'publish', options.sourcesOf);
  const filesByKey = new Map(entries.map((entry) => [keyOf(entry.product.id, entry.rulesVersion), entry]));
  const current = new Map<string, CatalogVersion>();
  // Older versions, least recently used first (a Map iterates in insertion order; a hit re-inserts).
  const older = new Map<string, Promise<CatalogVersion | undefined>>();

  /** The current version of a product, compiled (from the files when they are that version, as they hold the same entry). */
  const load = async (productId: string, rulesVersion: string): Promise<CatalogVersion> => {
    const entry = filesByKey.get(keyOf(productId, rulesVersion)) ?? await repository.findCatalogEntry(productId, rulesVersion);
    if (!entry) throw new Error(`[Atelier] rules version "${rulesVersion}" of "${productId}" is published but its entry is missing`);
    return compileVersion(entry);
  };
  let pendingRefresh: Promise<readonly string[]> | undefined;
  // The first refresh fills the catalog; only later ones are changes worth telling.
  let opened = false;
  const refreshNow = async (): Promise<readonly string[]> => {
    const published = await repository.listCurrentRulesVersions();
    const changed: string[] = [];
    for (const [productId, rulesVersion] of published) {
      const replaced = current.get(productId);
      const before = replaced?.entry.rulesVersion;
      if (before === rulesVersion) continue;
      // A version compiled for old orders is reused; the one it replaces stays findable as an older one.
      const cached = await older.get(keyOf(productId, rulesVersion));
      const version = cached ?? await load(productId, rulesVersion);
      older.delete(keyOf(productId, rulesVersion));
      current.set(productId, version);
      // The replaced version is an older one now, kept compiled for the orders still naming it.
      if (replaced && before !== undefined) older.set(keyOf(productId, before), Promise.resolve(replaced));
      changed.push(productId);
      if (opened) options.onChange?.({ productId, from: before, to: rulesVersion });
    }
    return changed;
  };
  const refresh = () => {
    pendingRefresh ??= refreshNow().finally(() => { pendingRefresh = undefined; });
    return pendingRefresh;
  };
  await refresh();
  opened = true;
  const timer = pollSeconds > 0 ? setInterval(() => { void refresh().catch(() => { /* the next poll tries again */ }); }, pollSeconds * 1000) : undefined;
  timer?.unref();

  const catalog: Catalog = {
    current,
    graceSeconds,
    refresh,
    close: () => clearInterval(timer),
    async find(productId, rulesVersion) {
      const latest = current.get(productId);
      if (!latest) return { kind: 'unknown-product', knownProducts: [...current.keys()] };
      if (latest.entry.rulesVersion === rulesVersion) return { kind: 'found', version: latest };
      const key = keyOf(productId, rulesVersion);
      let pending = older.get(key);
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
      // Where an older version stands is read each time: a merchandiser may retire it (or publish
      // it again) from another process at any moment.
      const status = await repository.findRulesVersionStatus(productId, rulesVersion);
      if (status?.state === 'published') {
        // Published meanwhile by another process: serve it, and take it up as current.
        void refresh().catch(() => {});
        return { kind: 'found', version };
      }
      if (!status || !isPublishedOnce(status)) return { kind: 'unknown-rules-version', currentRulesVersion: latest.entry.rulesVersion };
      const standing = acceptsOrders(status, clock.now());
      return standing.accepted ? { kind: 'found', version } : { kind: 'retired-rules-version', version, current: current.get(productId) ?? latest, since: standing.since };
    },
    compiledOldVersions: () => older.size,
  };
  return { catalog, standings };
}

/**
 * {@link openCatalogWithStandings} without the standings: the catalog over the repository, the
 * given files published first as {@link CatalogOptions.files} says.
 */
export async function openCatalog(entries: readonly CatalogEntry[], repository: Repository, now: Date, options: CatalogOptions = {}): Promise<Catalog> {
  return (await openCatalogWithStandings(entries, repository, now, options)).catalog;
}

/** Publishes the files as `policy` says and reports what became of each. */
async function publishFiles(entries: readonly CatalogEntry[], repository: Repository, now: Date, graceSeconds: number, policy: 'publish' | 'first-start', sourcesOf: CatalogOptions['sourcesOf']): Promise<FilesStanding[]> {
  const published = await repository.listCurrentRulesVersions();
  const standings: FilesStanding[] = [];
  for (const entry of entries) {
    const productId = entry.product.id;
    const currentVersion = published.get(productId);
    if (currentVersion === entry.rulesVersion) {
      standings.push({ productId, filesVersion: entry.rulesVersion, standing: 'current', currentVersion });
      continue;
    }
    if (policy === 'first-start' && currentVersion !== undefined) {
      // Never silently prefer the files: the published version is served until someone publishes.
      standings.push({ productId, filesVersion: entry.rulesVersion, standing: 'differs', currentVersion });
      continue;
    }
    await repository.publishCatalogEntry(entry, now);
    const sources = sourcesOf?.(entry);
    if (sources) await repository.recordRulesSources({ productId, rulesVersion: entry.rulesVersion, ...sources });
    await repository.makeCurrentRulesVersion(productId, entry.rulesVersion, now, graceSeconds, {
      actor: 'files',
      message: policy === 'publish' ? 'Published from the files' : 'First version, from the files in rules/ and models/',
    });
    standings.push({ productId, filesVersion: entry.rulesVersion, standing: 'published', currentVersion: entry.rulesVersion });
  }
  return standings;
}

/**
 * How often a server on PostgreSQL asks which versions are current by default: a publish from
 * another process is served here within 5 s.
 */
export const DEFAULT_POSTGRES_POLL_SECONDS = 5;

/**
 * What the server says at start about the files: one line per product published now, and per
 * product whose files differ from its published version, how to publish them (or see the change).
 */
export function describeStandings(standings: readonly FilesStanding[]): string[] {
  return standings.flatMap((standing) => {
    const { productId } = standing;
    const files = `models/${productId}/product.yaml and rules/${productId}.rules.yaml`;
    switch (standing.standing) {
      case 'current':
        return [];
      case 'published':
        return [`Rules of ${productId}: published ${files} as version ${standing.filesVersion}.`];
      case 'differs':
        return [
          `Rules of ${productId}: serving the published version ${standing.currentVersion}; ${files} are version ${standing.filesVersion}, not the current one. `
          + `To see what they change: npm run rules -- diff ${productId}@${standing.currentVersion} rules/${productId}.rules.yaml; to publish them: npm run rules -- publish ${productId} --message "what changed and why".`,
        ];
      default:
        throw new Error(`[Atelier] unknown standing ${JSON.stringify(standing.standing satisfies never)}`);
    }
  });
}

/** Whether a version was ever published (a draft never was: orders cannot name it). */
function isPublishedOnce(status: RulesVersionStatus): boolean {
  return status.state !== 'draft';
}

function keyOf(productId: string, rulesVersion: string): string {
  return `${productId}@${rulesVersion}`;
}

function compileVersion(entry: CatalogEntry): CatalogVersion {
  return { entry, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}
