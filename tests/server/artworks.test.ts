// Artwork uploads against the real app over a real PGlite: inspected by content, SVG sanitised
// before it is stored, stored once per content, refused with a reason, ordered with its placement
// and printed into its zone's print file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let tshirt: ReturnType<typeof productUnderTest>;

beforeAll(async () => {
  t = await startTestApp();
  const { loadCatalogFromDisk } = await import('../../src/server/catalogFiles.ts');
  tshirt = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const upload = (body: Uint8Array | string, type: string, name?: string) =>
  t.app.request('/api/artworks', { method: 'POST', headers: { 'Content-Type': type, ...(name ? { 'X-File-Name': encodeURIComponent(name) } : {}) }, body: typeof body === 'string' ? body : Buffer.from(body) });

describe('artwork uploads', () => {
  it('inspects a PNG, stores it once per content, and serves it back', async () => {
    const png = pngFile(3200, 1600, [200, 30, 40]);
    const first = await upload(png, 'image/png', 'logo.png');
    expect(first.status).toBe(201);
    const { artwork } = (await first.json()) as { artwork: { id: string; url: string } };
    expect(artwork).toMatchObject({ format: 'png', widthPx: 3200, heightPx: 1600, vector: false, colours: 1, url: `/api/artworks/${artwork.id}` });
    const again = (await (await upload(png, 'image/png')).json()) as { artwork: { id: string } };
    expect(again.artwork.id).toBe(artwork.id);
    const served = await t.app.request(artwork.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it('stores an SVG only as sanitised, and serves it under a policy that runs nothing', async () => {
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" onload="alert(1)"><script>alert(2)</script><rect width="100" height="50" fill="#123456"/></svg>';
    const response = await upload(hostile, 'image/svg+xml', 'logo.svg');
    expect(response.status).toBe(201);
    const { artwork, warnings } = (await response.json()) as { artwork: { url: string; vector: boolean }; warnings: string[] };
    expect(artwork.vector).toBe(true);
    expect(warnings.join(' ')).toMatch(/script/i);
    const served = await t.app.request(artwork.url);
    const text = await served.text();
    expect(text).not.toMatch(/script|onload|alert/i);
    expect(text).toContain('#123456');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it.each([
    ['a GIF named .png', new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0, 0]), 'image/png', 'logo.png', /GIF/],
    ['an empty file', new Uint8Array(), 'image/png', 'logo.png', /empty/],
    ['a truncated PNG', pngFile(40, 40).subarray(0, 40), 'image/png', 'logo.png', /damaged|truncated|incomplete|cut/i],
  ])('refuses %s with a reason, storing nothing', async (_name, bytes, type, name, message) => {
    const before = Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM artworks'))[0]!.n);
    const response = await upload(bytes, type, name);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string; hint: string } };
    expect(error.code).toBe('invalid_artwork');
    expect(error.message).toMatch(message);
    expect(Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM artworks'))[0]!.n)).toBe(before);
  });

  it('answers 413 for a file over 10 MB', async () => {
    const response = await upload(new Uint8Array(11 * 1024 * 1024), 'image/png', 'huge.png');
    expect(response.status).toBe(413);
  });

  it('orders an artwork with its placement, refuses one too small to print, and prints it into the zone', async () => {
    const { artwork } = (await (await upload(pngFile(3200, 1600, [10, 120, 60]), 'image/png', 'logo.png')).json()) as { artwork: { id: string } };
    const design = { ...designFrom(tshirt, { 'front.method': 'dtg' }), personalisation: { frontArtwork: artwork.id, 'frontArtwork.width': '200.0', 'frontArtwork.x': '30.0', 'frontArtwork.y': '0.0' } };
    const order = (body: unknown, key: string) => t.app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
    const contact = { name: 'Ada', email: 'ada@example.com' };
    const shippingAddress = { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' };
    const placed = await order({ design, size: { eu: 'M' }, quantity: 1, contact, shippingAddress }, `artwork-order-${Date.now()}`);
    expect(placed.status).toBe(201);
    const stored = (await placed.json()) as ServerOrder;
    expect(stored.printArtwork).toEqual([expect.objectContaining({ zone: 'front', positionMm: { x: 40, y: 66 }, sizeMm: { width: 200, height: 100 }, effectiveDpi: 406 })]);
    // The factory learns the colours to match, not only how many.
    expect(stored.printArtwork[0]!.artwork).toMatchObject({ colours: 1, palette: ['#0a783c'] });
    expect(stored.printFiles).toEqual([expect.objectContaining({ zone: 'front', widthPx: 3307, heightPx: 4252 })]);
    const print = await t.app.request(stored.printFiles[0]!.url);
    expect(print.status).toBe(200);
    expect((await print.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const { artwork: tiny } = (await (await upload(pngFile(300, 150, [10, 120, 60]), 'image/png', 'tiny.png')).json()) as { artwork: { id: string } };
    const refused = await order({ design: { ...design, personalisation: { frontArtwork: tiny.id } }, size: { eu: 'M' }, quantity: 1, contact, shippingAddress }, `artwork-order-tiny-${Date.now()}`);
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_personalisation');
    expect(error.message).toMatch(/prints at only \d+ DPI; the minimum is 150/);
  });
});
