import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDesign, type CatalogEntry } from '../../src/domain/index.ts';
import { openCatalog, type Catalog } from '../../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { matchesEtag, registerCatalogVersionRoute, type CatalogListing } from '../../src/server/catalogVersionRoute.ts';
import { scratchVersion, type ScratchVersion } from '../domain/support/scratchSneaker.ts';
import { loadSneaker } from '../domain/support/sneaker.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

// The catalog the customer's page reads from the server: the product list, each product's current
// entry (asked again cheaply with If-None-Match), and any published version by its id.

const { entry, space } = loadSneaker();
let earlier: ScratchVersion;
let t: TestApp;

beforeAll(async () => {
  earlier = scratchVersion(entry, resolveDesign(space, entry.ruleSet, {}).assignment);
  t = await startTestApp([earlier.entry]);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; hint: string } }).error;

describe('GET /api/catalog', () => {
  it('lists every product the shop sells with the rules version served now, asked again each time', async () => {
    const response = await t.app.request('/api/catalog');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const { products } = (await response.json()) as { products: CatalogListing[] };
    const { entries } = loadCatalogFromDisk(process.cwd());
    expect(products).toHaveLength(entries.length);
    for (const file of entries) expect(products).toContainEqual({ id: file.product.id, name: file.product.name, rulesVersion: file.rulesVersion });
  });
});

describe('GET /api/catalog/:productId', () => {
  it('answers the current entry, compiled diagram included, tagged with its rules version', async () => {
    const response = await t.app.request('/api/catalog/sneaker');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${t.entry.rulesVersion}"`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = (await response.json()) as CatalogEntry;
    expect(body.rulesVersion).toBe(t.entry.rulesVersion);
    expect(body.compiled).toBeDefined();
    expect(body).toEqual(JSON.parse(JSON.stringify(t.entry)));
  });

  it('sends it gzipped to a browser that takes gzip', async () => {
    const response = await t.app.request('/api/catalog/sneaker', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(t.entry).length / 3);
  });

  it('answers 304 with no body while the version the page holds is still current', async () => {
    const response = await t.app.request('/api/catalog/sneaker', { headers: { 'If-None-Match': `"${t.entry.rulesVersion}"` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(`"${t.entry.rulesVersion}"`);
    expect(await response.text()).toBe('');
  });

  it('answers the whole entry to a page holding an older version', async () => {
    const response = await t.app.request('/api/catalog/sneaker', { headers: { 'If-None-Match': `"${earlier.entry.rulesVersion}"` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as CatalogEntry).rulesVersion).toBe(t.entry.rulesVersion);
  });

  it('answers 404 unknown_product naming the products there are', async () => {
    const response = await t.app.request('/api/catalog/boots');
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error.code).toBe('unknown_product');
    expect(error.hint).toContain('sneaker');
  });
});

describe('GET /api/catalog/:productId/versions/:rulesVersion', () => {
  it('answers an earlier published version\'s entry, cached for good', async () => {
    const response = await t.app.request(`/api/catalog/sneaker/versions/${earlier.entry.rulesVersion}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(((await response.json()) as CatalogEntry).product.attributes.map((attribute) => attribute.id)).toEqual(earlier.entry.product.attributes.map((attribute) => attribute.id));
  });

  it('answers the current version by its id too', async () => {
    const response = await t.app.request(`/api/catalog/sneaker/versions/${t.entry.rulesVersion}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as CatalogEntry).rulesVersion).toBe(t.entry.rulesVersion);
  });

  it('keeps a recorded version that was never published (a draft) private', async () => {
    const draft: CatalogEntry = { ...earlier.entry, rulesVersion: 'feedfacecafe00d1' };
    await t.repository.publishCatalogEntry(draft, new Date('2026-11-25T12:00:00Z'));
    expect((await t.repository.findRulesVersionStatus('sneaker', draft.rulesVersion))?.state).toBe('draft');
    for (const url of [`/api/catalog/sneaker/versions/${draft.rulesVersion}`, `/api/catalog/sneaker/versions/${draft.rulesVersion}/options`]) {
      const response = await t.app.request(url);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('unknown_rules_version');
    }
  });

  it.each([
    ['a version never published', '/api/catalog/sneaker/versions/0123456789abcdef', 'unknown_rules_version'],
    ['something that is not a version', '/api/catalog/sneaker/versions/latest', 'unknown_rules_version'],
    ['an unknown product', '/api/catalog/boots/versions/0123456789abcdef', 'unknown_product'],
  ])('answers 404 for %s', async (_what, url, code) => {
    const response = await t.app.request(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await errorOf(response)).code).toBe(code);
  });
});

describe('when a merchandiser publishes while the server runs', () => {
  let catalog: Catalog;
  let app: Hono;

  beforeAll(async () => {
    const { entries } = loadCatalogFromDisk(process.cwd());
    catalog = await openCatalog(entries, t.repository, new Date());
    app = new Hono();
    registerCatalogVersionRoute(app, { repository: t.repository, catalog });
  });

  afterAll(() => catalog?.close());

  it('the same routes answer the new version at once, and the old one by its id', async () => {
    const before = t.entry.rulesVersion;
    const next: CatalogEntry = { ...earlier.entry, rulesVersion: 'feedfacecafe0002' };
    await t.repository.publishCatalogEntry(next, new Date());
    await t.repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, new Date(), 3600);
    await catalog.refresh();

    const stale = await app.request('/api/catalog/sneaker', { headers: { 'If-None-Match': `"${before}"` } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(`"${next.rulesVersion}"`);
    expect(((await stale.json()) as CatalogEntry).rulesVersion).toBe(next.rulesVersion);
    const { products } = (await (await app.request('/api/catalog')).json()) as { products: CatalogListing[] };
    expect(products.find((product) => product.id === 'sneaker')?.rulesVersion).toBe(next.rulesVersion);
    expect((await app.request(`/api/catalog/sneaker/versions/${before}`)).status).toBe(200);

    // Rolled back: the page holding the newer version learns of it the same way.
    await t.repository.makeCurrentRulesVersion('sneaker', before, new Date(), 3600);
    await catalog.refresh();
    const back = await app.request('/api/catalog/sneaker', { headers: { 'If-None-Match': `"${next.rulesVersion}"` } });
    expect(back.headers.get('etag')).toBe(`"${before}"`);
  });
});

describe('matchesEtag', () => {
  it.each([
    ['"abc"', true], ['W/"abc"', true], ['"x", "abc"', true], ['*', true], ['"abd"', false], ['', false], [undefined, false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(matchesEtag(header, '"abc"')).toBe(expected);
  });
});

describe('the API documentation', () => {
  it('lists the catalog routes', async () => {
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/catalog', '/api/catalog/{productId}', '/api/catalog/{productId}/versions/{rulesVersion}']) expect(document.paths).toHaveProperty([path]);
  });
});

describe('the customer page asks for its catalog early', () => {
  const preloads = async (path: string) => (await t.app.request(path)).headers.get('link');

  it('names the product list, the page\'s product, its model and the 3D preview\'s code as preloads, which the page then fetches', async () => {
    expect(await preloads('/')).toBe(
      '</api/catalog>; rel=preload; as=fetch; crossorigin, </api/catalog/sneaker>; rel=preload; as=fetch; crossorigin, ' +
        '</assets/ProductPreview-abc123.js>; rel=modulepreload; crossorigin, </models/sneaker.glb>; rel=preload; as=fetch; crossorigin',
    );
    expect(await preloads('/?product=tshirt')).toContain('</models/tshirt.glb>');
    expect(await preloads('/?product=tshirt')).toContain('</api/catalog/tshirt>');
    expect(await preloads('/gallery?product=tshirt')).toContain('</api/catalog/tshirt>');
    // The gallery shows pictures: no 3D preview to fetch.
    expect(await preloads('/gallery?product=tshirt')).not.toMatch(/ProductPreview|\.glb/);
    // Each preloaded path answers what the page reads.
    const preloaded = (await preloads('/'))!.match(/<([^>]+)>/g)!.map((link) => link.slice(1, -1));
    for (const path of preloaded) expect((await t.app.request(path)).status).toBe(200);
  });

  it('preloads nothing for the staff pages, and no entry for a product the shop does not have', async () => {
    expect(await preloads('/staff/rules')).toBeNull();
    expect(await preloads('/?product=boot%3Cscript%3E')).toBe('</api/catalog>; rel=preload; as=fetch; crossorigin');
    expect((await t.app.request('/assets/missing.js')).headers.get('link')).toBeNull();
  });
});
