import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { describeRoute } from 'hono-openapi';
import { versionOptionsOf } from '../domain/index.ts';
import { apiError, errorResponse } from './apiError.ts';
import type { Catalog } from './catalog.ts';
import type { Repository } from './repository.ts';
import { json, route } from './routeDocs.ts';

/** What the catalog routes read: every version ever published, its standing, and today's products. */
export interface CatalogVersionRouteDeps {
  readonly repository: Pick<Repository, 'findCatalogEntry' | 'findRulesVersionStatus'>;
  readonly catalog: Pick<Catalog, 'current'>;
}

/** One product of `GET /api/catalog`. */
export interface CatalogListing {
  readonly id: string;
  readonly name: string;
  /** The rules version customers are served now. */
  readonly rulesVersion: string;
}

const RULES_VERSION = /^[0-9a-f]{16}$/;
/** Published versions never change (a version is the hash of its content). */
const FOREVER = 'public, max-age=31536000, immutable';
/** The current version changes when a merchandiser publishes: the browser asks each time, cheaply (304). */
const ASK_EACH_TIME = 'no-cache';

/** The 404 for a product the shop does not sell, naming the ones it does. */
function unknownProduct(catalog: Pick<Catalog, 'current'>, productId: string): Response {
  return errorResponse(apiError(404, 'unknown_product', `there is no product "${productId.slice(0, 60)}"`, `use one of: ${[...catalog.current.keys()].join(', ')}`));
}

/** The 404 for a version this shop never published (or has not published yet: drafts are not public). */
function unknownVersion(productId: string, rulesVersion: string, current: string): Response {
  return errorResponse(apiError(404, 'unknown_rules_version', `this shop never published rules version "${rulesVersion.slice(0, 60)}" of "${productId}"`, `a rules version is 16 hex digits from a design or share link; the current one is ${current}`));
}

/** Whether an `If-None-Match` header names `etag` (a list, weak validators and `*` included). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * The public catalog routes. Each reads `catalog.current` at every request — a live map the
 * catalog changes in place when a merchandiser publishes — so an answer is never older than the
 * request.
 *
 * - `GET /api/catalog` → `{ products: [{ id, name, rulesVersion }] }` (`no-cache`).
 * - `GET /api/catalog/:productId` → the current `CatalogEntry` with its compiled decision diagram,
 *   `ETag: "<rulesVersion>"`, `no-cache`; 304 for a matching `If-None-Match` (how an open page
 *   learns cheaply that nothing was published).
 * - `GET /api/catalog/:productId/versions/:rulesVersion` → that published version's entry, cached
 *   for good; a retired one still answers (designs made under it are still read).
 * - `GET /api/catalog/:productId/versions/:rulesVersion/options` → its option ids per attribute
 *   (`VersionOptions`), in that version's order: share links of the first format count positions
 *   in these lists, so the browser reads them for a link made under earlier rules rather than
 *   count in today's.
 *
 * @example registerCatalogVersionRoute(app, { repository, catalog });
 */
export function registerCatalogVersionRoute(app: Hono, deps: CatalogVersionRouteDeps): void {
  const { catalog, repository } = deps;
  // An entry is ~90 KB of JSON (the compiled diagram most of it) and ~15 KB gzipped: the page waits for it before its first frame.
  const gzipped = compress();

  /** A published version's entry, or the 404 to answer. */
  const publishedEntry = async (productId: string, rulesVersion: string) => {
    const current = catalog.current.get(productId);
    if (!current) return unknownProduct(catalog, productId);
    if (current.entry.rulesVersion === rulesVersion) return current.entry;
    const status = RULES_VERSION.test(rulesVersion) ? await repository.findRulesVersionStatus(productId, rulesVersion) : undefined;
    // Only versions that were published are public: a draft (or anything not yet published) is not.
    const published = status !== undefined && (status.state as string) !== 'draft';
    const entry = published ? await repository.findCatalogEntry(productId, rulesVersion) : undefined;
    return entry ?? unknownVersion(productId, rulesVersion, current.entry.rulesVersion);
  };

  app.get('/api/catalog', describeRoute(route('catalog', 'The products of the shop, each with the rules version served now', {
    200: json('`{ products: [{ id, name, rulesVersion }] }`'),
  }, [])), (c) => {
    const products: CatalogListing[] = [...catalog.current.values()].map(({ entry }) => ({ id: entry.product.id, name: entry.product.name, rulesVersion: entry.rulesVersion }));
    return c.json({ products }, 200, { 'Cache-Control': ASK_EACH_TIME });
  });

  app.get('/api/catalog/:productId', describeRoute(route('catalog', 'A product under its current rules version (`CatalogEntry`, compiled decision diagram included); `If-None-Match: "<rulesVersion>"` answers 304 while it is still current', {
    200: json('the `CatalogEntry`, with `ETag: "<rulesVersion>"`'),
    304: { description: 'the rules version named in `If-None-Match` is still the current one' },
  }, [404])), gzipped, (c) => {
    const productId = c.req.param('productId');
    const current = catalog.current.get(productId);
    if (!current) return unknownProduct(catalog, productId);
    const etag = `"${current.entry.rulesVersion}"`;
    const headers = { ETag: etag, 'Cache-Control': ASK_EACH_TIME };
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    return c.json(current.entry, 200, headers);
  });

  app.get('/api/catalog/:productId/versions/:rulesVersion', describeRoute(route('catalog', 'A product under a rules version this shop published (`CatalogEntry`); cached for good, as a version never changes', {
    200: json('the `CatalogEntry` of that version'),
  }, [404])), gzipped, async (c) => {
    const { productId, rulesVersion } = c.req.param();
    const found = await publishedEntry(productId, rulesVersion);
    if (found instanceof Response) return found;
    return c.json(found, 200, { ETag: `"${found.rulesVersion}"`, 'Cache-Control': FOREVER });
  });

  app.get('/api/catalog/:productId/versions/:rulesVersion/options', describeRoute(route('catalog', 'The option ids of each attribute of a product under a published rules version, in that version\'s order (what old share links count positions in)', {
    200: json('`{ productId, rulesVersion, attributes: [{ id, options: [optionId…] }] }`'),
  }, [404])), async (c) => {
    const { productId, rulesVersion } = c.req.param();
    const found = await publishedEntry(productId, rulesVersion);
    if (found instanceof Response) return found;
    return c.json(versionOptionsOf(found), 200, { 'Cache-Control': FOREVER });
  });
}
