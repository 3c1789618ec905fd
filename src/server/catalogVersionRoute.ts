import type { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { versionOptionsOf } from '../domain/index.ts';
import { apiError, errorResponse } from './apiError.ts';
import type { Catalog } from './catalog.ts';
import type { Repository } from './repository.ts';
import { json, route } from './routeDocs.ts';

/** What the catalog version route reads: every version ever published, and today's products. */
export interface CatalogVersionRouteDeps {
  readonly repository: Pick<Repository, 'findCatalogEntry'>;
  readonly catalog: Pick<Catalog, 'current'>;
}

const RULES_VERSION = /^[0-9a-f]{16}$/;

/**
 * `GET /api/catalog/:productId/versions/:rulesVersion/options`: the option ids of each attribute of
 * a product under a rules version this shop published (`VersionOptions`), in that version's order.
 * Share links of the first format count positions in these lists, so the browser reads them for a
 * link made under earlier rules rather than count in today's. Public, and cached for good: a
 * version is the hash of its content and never changes. A retired version still answers (its old
 * links still open, carried to today's rules).
 *
 * @example registerCatalogVersionRoute(app, { repository, catalog });
 */
export function registerCatalogVersionRoute(app: Hono, deps: CatalogVersionRouteDeps): void {
  const docs = describeRoute(route('catalog', 'The option ids of each attribute of a product under a published rules version, in that version\'s order (what old share links count positions in)', {
    200: json('`{ productId, rulesVersion, attributes: [{ id, options: [optionId…] }] }`'),
  }, [404]));
  app.get('/api/catalog/:productId/versions/:rulesVersion/options', docs, async (c) => {
    const { productId, rulesVersion } = c.req.param();
    if (!deps.catalog.current.has(productId)) {
      return errorResponse(apiError(404, 'unknown_product', `there is no product "${productId.slice(0, 60)}"`, `use one of: ${[...deps.catalog.current.keys()].join(', ')}`));
    }
    const entry = RULES_VERSION.test(rulesVersion) ? await deps.repository.findCatalogEntry(productId, rulesVersion) : undefined;
    if (!entry) {
      const current = deps.catalog.current.get(productId)!.entry.rulesVersion;
      return errorResponse(apiError(404, 'unknown_rules_version', `this shop never published rules version "${rulesVersion.slice(0, 60)}" of "${productId}"`, `a rules version is 16 hex digits from a design or share link; the current one is ${current}`));
    }
    return c.json(versionOptionsOf(entry), 200, { 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
}
