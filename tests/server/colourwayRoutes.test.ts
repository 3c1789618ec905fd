// Into the catalogue over the API, in-process on one PGlite: a designer puts customers' designs
// (a design key from the review, a gallery candidate) into their studio draft as colourways,
// refused when the rules do not allow them; the draft is published through the studio's normal
// path, and the exports (glb, ProductGroup JSON-LD, CSV) and the colourway's picture follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey, loadProduct, type DesignDocument } from '../../src/domain/index.ts';
import { distinctDesigns, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';
import { fromAddress, startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let designer: StaffBrowser;
let curator: StaffBrowser;
let designs: DesignDocument[];
let candidateId: string;

const get = (path: string, who: StaffBrowser | null = designer) => t.app.request(path, { headers: who ? { Cookie: who.cookie } : {} });
const post = (path: string, body: unknown, who: StaffBrowser = designer) => t.app.request(path, { method: 'POST', headers: who.writeHeaders(), body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestApp([]);
  sneaker = productUnderTest(t.entry);
  designs = distinctDesigns(sneaker, 3, 23);
  const now = new Date('2026-11-25T12:00:00.000Z');
  designer = await sessionFor(t.repository, await addAccount(t.repository, 'designer@shop.example', ['designer']), now);
  // Publishing is the merchandiser's: one person with both roles takes a colourway all the way.
  curator = await sessionFor(t.repository, await addAccount(t.repository, 'curator@shop.example', ['designer', 'merchandiser']), now);
  const cookie = (await t.app.request('/api/candidates', {}, fromAddress('10.0.0.9'))).headers.get('set-cookie')!.split(';')[0]!;
  const submitted = await t.app.request('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify({ design: designs[1], title: 'Night runner', creatorName: 'Ada L.' }) }, fromAddress('10.0.0.9'));
  expect(submitted.status).toBe(201);
  candidateId = ((await submitted.json()) as { candidate: { id: string } }).candidate.id;
  // The review approves two of the three designs (one in the gallery, one never submitted).
  for (const design of designs.slice(0, 2)) {
    const decided = await post('/api/staff/review/decisions', { productId: 'sneaker', designKey: canonicalKey(design), decision: 'approve', reason: 'popular', note: '' });
    expect(decided.status, await decided.clone().text()).toBeLessThan(300);
  }
}, 60_000);

afterAll(async () => {
  await t?.dispose();
});

describe('a customer\'s design into the designer\'s draft', () => {
  it('adds a design from the review as a colourway of my draft, checked and credited', async () => {
    const response = await post('/api/staff/colourways/sneaker', { name: 'Forest Runner', designKey: canonicalKey(designs[0]!), credit: 'Ada L.' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ presetId: 'forest-runner', productId: 'sneaker', draft: { revision: 1, basedOn: t.entry.rulesVersion } });
    const { myDraft } = (await (await get('/api/staff/studio/sneaker', curator)).json()) as { myDraft: null };
    expect(myDraft, 'the draft is the designer\'s own, not the curator\'s').toBeNull();
    const draft = await t.repository.findStudioDraft('sneaker', (await t.repository.findStaffAccountByEmail('designer@shop.example'))!.id);
    const product = loadProduct('models/sneaker/product.yaml', draft!.productText);
    expect(product.ok && product.value.presets.at(-1)).toEqual({ id: 'forest-runner', name: 'Forest Runner', description: '', credit: 'Ada L.', choices: designs[0]!.choices });
  });

  it('refuses a design not approved, a taken name, a key of another product, and a design named twice', async () => {
    const refused = await post('/api/staff/colourways/sneaker', { name: 'Unreviewed', designKey: canonicalKey(designs[2]!) });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string; hint: string } }).error).toMatchObject({ message: 'the design is not approved', hint: expect.stringContaining('review queue') });
    expect((await post('/api/staff/colourways/sneaker', { name: 'Forest Runner', designKey: canonicalKey(designs[0]!) })).status).toBe(422);
    expect((await post('/api/staff/colourways/sneaker', { name: 'Elsewhere', designKey: 'tshirt|' })).status).toBe(422);
    expect((await post('/api/staff/colourways/sneaker', { name: 'Both', designKey: canonicalKey(designs[0]!), candidateId })).status).toBe(422);
  });

  it('needs a designer\'s session with its CSRF token', async () => {
    expect((await t.app.request('/api/staff/colourways/sneaker', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await t.app.request('/api/staff/colourways/sneaker', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: designer.cookie }, body: '{}' })).status).toBe(403);
  });
});

describe('published through the studio, then exported', () => {
  it('publishes a gallery candidate\'s colourway credited to its creator and linked back to it, and the exports hold it', async () => {
    const added = await post('/api/staff/colourways/sneaker', { name: 'Night Runner', candidateId }, curator);
    expect(added.status).toBe(201);
    const published = await post('/api/staff/studio/sneaker/publish', { message: 'Night Runner, co-created by Ada L.' }, curator);
    expect(published.status, await published.clone().text()).toBe(200);
    const served = ((await (await t.app.request('/api/catalog/sneaker')).json()) as { product: { presets: { id: string }[] } }).product.presets;
    expect(served.at(-1)).toMatchObject({ id: 'night-runner', credit: 'Ada L.', from: `candidate:${candidateId}`, choices: designs[1]!.choices });

    const feed = await get('/api/staff/exports/sneaker/feed.jsonld');
    expect(feed.headers.get('content-type')).toContain('application/ld+json');
    const group = (await feed.json()) as { hasVariant: { sku: string; image: string; creator?: { name: string } }[] };
    expect(group.hasVariant.map((variant) => variant.sku)).toEqual(served.map((preset) => `sneaker-${preset.id}`));
    expect(group.hasVariant.at(-1)!.creator).toEqual({ '@type': 'Person', name: 'Ada L.' });
    const picture = await t.app.request(new URL(group.hasVariant.at(-1)!.image).pathname);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');

    const csv = await (await get('/api/staff/exports/sneaker/feed.csv')).text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(served.length + 1);
    const glb = await get('/api/staff/exports/sneaker/colourways.glb');
    expect(glb.headers.get('content-type')).toBe('model/gltf-binary');
    expect(new TextDecoder().decode(new Uint8Array(await glb.arrayBuffer()).slice(0, 4))).toBe('glTF');
  });

  it('starts a designer\'s draft again from the version published since, carrying its colourways', async () => {
    // The designer's draft (Forest Runner, from the first test) is based on the version before Night Runner was published.
    const decided = await post('/api/staff/review/decisions', { productId: 'sneaker', designKey: canonicalKey(designs[2]!), decision: 'approve', reason: 'seasonal', note: '' });
    expect(decided.status).toBeLessThan(300);
    const current = ((await (await t.app.request('/api/catalog/sneaker')).json()) as { rulesVersion: string }).rulesVersion;
    const added = await post('/api/staff/colourways/sneaker', { name: 'Winter Court', designKey: canonicalKey(designs[2]!) });
    expect(added.status, await added.clone().text()).toBe(201);
    expect(await added.json()).toMatchObject({ presetId: 'winter-court', draft: { basedOn: current }, restarted: { carried: ['Forest Runner'], dropped: [] } });
    const draft = await t.repository.findStudioDraft('sneaker', (await t.repository.findStaffAccountByEmail('designer@shop.example'))!.id);
    const product = loadProduct('models/sneaker/product.yaml', draft!.productText);
    const ids = product.ok ? product.value.presets.map((preset) => preset.id) : [];
    // What a merchandiser published meanwhile is kept, and the designer's colourways come after it.
    expect(ids.slice(-3)).toEqual(['night-runner', 'forest-runner', 'winter-court']);
    expect(product.ok && product.value.presets.find((preset) => preset.id === 'forest-runner')).toMatchObject({ credit: 'Ada L.', choices: designs[0]!.choices });
  });

  it('serves the exports to the designer role only, and 404s an unknown product or colourway', async () => {
    const merchandiser = await sessionFor(t.repository, await addAccount(t.repository, 'merch@shop.example', ['merchandiser']), new Date('2026-11-25T12:00:00.000Z'));
    expect((await get('/api/staff/exports/sneaker/feed.csv', merchandiser)).status).toBe(403);
    expect((await get('/api/staff/exports/sneaker/feed.csv', null)).status).toBe(401);
    expect((await get('/api/staff/exports/nothing/feed.csv')).status).toBe(404);
    expect((await t.app.request('/api/catalog/sneaker/colourways/no-such/picture')).status).toBe(404);
  });
});
