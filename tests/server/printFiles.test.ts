// Print-ready files of an order's personal text: the placement spec in the order, and a PNG per
// zone at 300 DPI of the zone's physical size, rendered from the font's outlines by the server.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, productUnderTest } from '../../scripts/support/orderBodies.ts';
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

let key = 0;
async function order(personalisation: Record<string, string>, choices: Record<string, string>): Promise<ServerOrder> {
  const design = { ...designFrom(tshirt, choices), personalisation };
  const response = await t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `print-test-${++key}-${Date.now()}` },
    body: JSON.stringify({ design, size: { eu: 'M' }, quantity: 1, contact: { name: 'Ada', email: 'ada@example.com' }, shippingAddress: { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ServerOrder;
}

/** Width, height and pixels-per-metre of a PNG, and how many bytes of its image data are not blank. */
function readPng(bytes: Uint8Array): { width: number; height: number; pixelsPerMetre: number | null; inkBytes: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let pixelsPerMetre: number | null = null;
  const data: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') [width, height] = [view.getUint32(offset + 8), view.getUint32(offset + 12)];
    if (type === 'pHYs') pixelsPerMetre = view.getUint32(offset + 8);
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  // A fully transparent image filters to zeros: anything else is ink (ignoring each row's filter byte).
  const stride = raw.length / height;
  let inkBytes = 0;
  for (let index = 0; index < raw.length; index++) if (index % stride !== 0 && raw[index] !== 0) inkBytes++;
  return { width, height, pixelsPerMetre, inkBytes };
}

describe('print files', () => {
  it('puts a placement spec of each text in the order and links one 300 DPI PNG per zone', async () => {
    const placed = await order(
      { frontText: 'Hello, world!', 'frontText.font': 'pacifico', 'frontText.colour': 'navy', sleeveText: 'ADA', 'sleeveText.colour': 'red' },
      { 'front.method': 'dtg', 'leftSleeve.method': 'embroidery' },
    );
    expect(placed.print).toEqual([
      expect.objectContaining({
        zone: 'front', field: 'frontText', text: 'Hello, world!', method: { id: 'dtg', label: 'Direct-to-garment', code: 'PM-DTG' },
        font: { id: 'pacifico', family: 'Pacifico' }, colour: { id: 'navy', code: 'TC-106', hex: '#1f2a44' },
        zoneSizeMm: { width: 280, height: 360 }, positionMm: { x: 10, y: 0 }, sizeMm: { width: 260, height: 60 }, dpi: 300, pixels: { width: 3307, height: 4252 },
      }),
      expect.objectContaining({ zone: 'leftSleeve', field: 'sleeveText', text: 'ADA', method: expect.objectContaining({ id: 'embroidery' }), pixels: { width: 945, height: 945 } }),
    ]);
    expect(placed.printFiles).toEqual([
      { zone: 'front', url: `/api/orders/${placed.id}/print/front.png`, widthPx: 3307, heightPx: 4252, dpi: 300 },
      { zone: 'leftSleeve', url: `/api/orders/${placed.id}/print/leftSleeve.png`, widthPx: 945, heightPx: 945, dpi: 300 },
    ]);

    for (const file of placed.printFiles) {
      const response = await t.app.request(file.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = readPng(new Uint8Array(await response.arrayBuffer()));
      expect(png).toMatchObject({ width: file.widthPx, height: file.heightPx, pixelsPerMetre: 11811 });
      expect(png.inkBytes).toBeGreaterThan(1000);
    }
  });

  it('has no print files for an order without personal text, and says so for a zone that has none', async () => {
    const placed = await order({}, {});
    expect(placed.print).toEqual([]);
    expect(placed.printFiles).toEqual([]);
    const response = await t.app.request(`/api/orders/${placed.id}/print/front.png`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { hint: string } }).error.hint).toBe('this order has no personal text or artwork to print');
  });
});
