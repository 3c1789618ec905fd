// The orders API in-process (app.request) over a real PGlite and the real catalog: placing orders,
// idempotent retries, revalidation, bad input of every kind, the export, schemas and static files.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, orderBody, pngDataUrl, pngFile, productUnderTest, type ProductUnderTest } from '../../scripts/support/orderBodies.ts';
import { FULFILMENT_TOKEN, startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let olderEntry: CatalogEntry;

beforeAll(async () => {
  const { loadCatalogFromDisk } = await import('../../src/server/catalogFiles.ts');
  const current = loadCatalogFromDisk(process.cwd()).entries[0]!;
  // The rules as they were before the merchandiser raised the base price.
  const product = { ...current.product, basePrice: current.product.basePrice - 1000 };
  olderEntry = { ...current, product, rulesVersion: rulesVersionOf(product, current.ruleSet) };
  t = await startTestApp([olderEntry]);
  sneaker = productUnderTest(t.entry);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

beforeEach(async () => {
  await t.client.query('TRUNCATE print_files, order_images, orders RESTART IDENTITY');
  t.setNow('2026-11-25T12:00:00.000Z');
});

let keyCounter = 0;
const newKey = () => `test-key-${String(++keyCounter).padStart(6, '0')}`;

function post(body: unknown, key: string | null = newKey(), headers: Record<string, string> = {}) {
  return t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const suedeDesign = () => designFrom(sneaker, { 'vamp.material': 'suede' });
const storedCount = async () => Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n);

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; hint: string; problems?: unknown[] } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.hint.length).toBeGreaterThan(5);
  return body.error;
}

function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const file of ['design', 'order']) ajv.addSchema(JSON.parse(readFileSync(`public/schemas/${file}.schema.json`, 'utf8')) as object);
  return ajv.compile(JSON.parse(readFileSync('public/schemas/server-order.schema.json', 'utf8')) as object);
}

describe('placing an order', () => {
  it('stores a valid design and answers 201 with the recomputed order and its number', async () => {
    const response = await post(orderBody(sneaker, suedeDesign(), { quantity: 2 }));
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order).toMatchObject({
      schema: 'atelier.server-order/1',
      orderNumber: 'ATL-000001',
      status: 'received',
      createdAt: '2026-11-25T12:00:00.000Z',
      product: { id: 'sneaker', name: t.entry.product.name },
      rulesVersion: t.entry.rulesVersion,
      size: { eu: '42' },
      quantity: 2,
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
    });
    expect(order.price.unitTotal).toBe(t.entry.product.basePrice + 1500);
    expect(order.price.total).toBe(order.price.unitTotal * 2);
    expect(order.price.surcharges.map((line) => line.ruleId)).toEqual(['price-suede-upper']);
    expect(order.billOfMaterials.find((line) => line.part === 'vamp')!.material.code).toBe('MT-SUE');
    expect(order.canonicalKey).toMatch(/^sneaker\|.*vamp\.material=suede/);
    expect(response.headers.get('location')).toBe(`/api/orders/${order.id}`);
    const validate = schemaValidator();
    expect(validate(order) ? [] : validate.errors).toEqual([]);

    const fetched = await t.app.request(`/api/orders/${order.id}`, { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(order);
  });

  it('shows the order by its id to anyone, with the contact masked; in full only with the fulfilment token', async () => {
    const order = (await (await post(orderBody(sneaker, suedeDesign(), { contact: { name: 'Ada Lovelace', email: 'ada.lovelace@example.com' } }))).json()) as ServerOrder;
    const response = await t.app.request(`/api/orders/${order.id}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/Lovelace|ada\.lovelace|example\.com|Rivoli|Paris|75001/);
    const shown = JSON.parse(text) as ServerOrder & { contact: { masked: true; name: string; email: string } };
    expect(shown.contact).toEqual({ masked: true, name: 'A.', email: 'a•••@e•••.com' });
    expect(shown.shippingAddress).toEqual({ masked: true, line1: '1•••', line2: '', city: 'P•••', postalCode: '7•••', country: 'FR' });
    const { contact: _hidden, shippingAddress: _address, ...rest } = order;
    expect(shown).toEqual({ ...rest, contact: shown.contact, shippingAddress: shown.shippingAddress });
    const validate = schemaValidator();
    expect(validate(shown) ? [] : validate.errors).toEqual([]);

    await expectError(await t.app.request(`/api/orders/${order.id}`, { headers: { Authorization: 'Bearer wrong-token' } }), 401, 'unauthorized');
    const full = (await (await t.app.request(`/api/orders/${order.id}`, { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } })).json()) as ServerOrder;
    expect(full.contact).toEqual({ name: 'Ada Lovelace', email: 'ada.lovelace@example.com' });
    expect(full.shippingAddress).toEqual({ line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' });
  });

  it('stores the shipping address as checked, and refuses one the carrier could not use, naming the field', async () => {
    const address = { line1: '  221B Baker Street ', line2: 'Flat 2', city: 'London', postalCode: 'nw1 6xe', country: 'GB' };
    const order = (await (await post({ ...orderBody(sneaker, suedeDesign()), shippingAddress: address })).json()) as ServerOrder;
    expect(order.shippingAddress).toEqual({ line1: '221B Baker Street', line2: 'Flat 2', city: 'London', postalCode: 'NW1 6XE', country: 'GB' });

    const wrongCode = await expectError(await post({ ...orderBody(sneaker, suedeDesign()), shippingAddress: { ...address, postalCode: '75001' } }), 422, 'invalid_address');
    expect(wrongCode.problems).toEqual([{ path: 'shippingAddress.postalCode', message: '"75001" is not a postal code in United Kingdom: it should look like SW1A 1AA.', hint: 'correct the shipping address' }]);
    const elsewhere = await expectError(await post({ ...orderBody(sneaker, suedeDesign()), shippingAddress: { ...address, country: 'JP', postalCode: '100-0001' } }), 422, 'invalid_address');
    expect(elsewhere.message).toMatch(/We do not ship to Japan yet/);
    const missing = await expectError(await post({ ...orderBody(sneaker, suedeDesign()), shippingAddress: undefined }), 422, 'invalid_request');
    expect(missing.problems).toEqual([expect.objectContaining({ path: 'shippingAddress', message: 'the order has no shipping address' })]);
  });

  it('numbers orders in sequence', async () => {
    const numbers = [];
    for (let index = 0; index < 3; index++) numbers.push(((await (await post(orderBody(sneaker, suedeDesign()))).json()) as ServerOrder).orderNumber);
    expect(numbers).toEqual(['ATL-000001', 'ATL-000002', 'ATL-000003']);
  });

  it('computes the price itself when the client sends none, and accepts a size by id', async () => {
    const body = { ...orderBody(sneaker, designFrom(sneaker), { withPrice: false }), size: undefined, sizeId: 'eu-38' };
    const response = await post(body);
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order.price.unitTotal).toBe(t.entry.product.basePrice);
    expect(order.size.eu).toBe('38');
  });

  it('revalidates a design made under an earlier published rules version, and prices it under that version', async () => {
    const design = { ...designFrom(sneaker), rulesVersion: olderEntry.rulesVersion };
    const body = orderBody(sneaker, design, { withPrice: false });
    const response = await post(body);
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order.rulesVersion).toBe(olderEntry.rulesVersion);
    expect(order.price.unitTotal).toBe(olderEntry.product.basePrice);
  });
});

describe('retrying an order', () => {
  it('returns the stored order for the same key and body, never a second one', async () => {
    const body = orderBody(sneaker, suedeDesign(), { previewImages: [{ view: 'side', dataUrl: pngDataUrl() }] });
    const key = newKey();
    const first = await post(body, key);
    t.setNow('2026-11-25T12:05:00.000Z');
    const again = await post(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
    expect(await storedCount()).toBe(1);
  });

  it('treats the same data with its keys in another order as the same request', async () => {
    const body = orderBody(sneaker, suedeDesign());
    const key = newKey();
    const first = (await (await post(body, key)).json()) as ServerOrder;
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(JSON.stringify(reordered, null, 2), key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ServerOrder).id).toBe(first.id);
  });

  it('stores one order when the same request arrives many times at once', async () => {
    const body = orderBody(sneaker, suedeDesign());
    const key = newKey();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(body, key)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as ServerOrder).id));
    expect(new Set(ids).size).toBe(1);
    expect(await storedCount()).toBe(1);
  });

  it('refuses a key already used for a different order', async () => {
    const key = newKey();
    await post(orderBody(sneaker, suedeDesign()), key);
    const error = await expectError(await post(orderBody(sneaker, suedeDesign(), { quantity: 3 }), key), 422, 'idempotency_key_reused');
    expect(error.message).toContain('ATL-000001');
    expect(await storedCount()).toBe(1);
  });
});

describe('refusing an order', () => {
  it('answers 409 for a rules version the shop never published', async () => {
    const design = { ...suedeDesign(), rulesVersion: 'feedfacefeedface' };
    const error = await expectError(await post(orderBody(sneaker, design)), 409, 'unknown_rules_version');
    expect(error.message).toContain('feedfacefeedface');
    expect(error.message).toContain(t.entry.rulesVersion);
  });

  it('answers 422 with the broken rules for a tampered design', async () => {
    const design = suedeDesign();
    const tampered = { ...design, choices: { ...design.choices, 'toeCap.material': 'patent', 'toeCap.colour': 'black' } };
    const error = await expectError(await post({ ...orderBody(sneaker, design), design: tampered }), 422, 'invalid_design');
    expect(JSON.stringify(error.problems)).toContain('patent-toe-on-firm-vamp');
    expect(await storedCount()).toBe(0);
  });

  it('answers 422 for an option that does not exist', async () => {
    const design = suedeDesign();
    const error = await expectError(await post({ ...orderBody(sneaker, design), design: { ...design, choices: { ...design.choices, 'laces.colour': 'gold' } } }), 422, 'invalid_design');
    expect(error.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'choices.laces.colour' })]));
  });

  it('answers 422 for personal text the factory cannot make, checked as the configurator checks it', async () => {
    const design = { ...suedeDesign(), personalisation: { heelText: 'N1KE', 'heelText.font': 'bebas-neue', 'heelText.colour': 'black' } };
    const error = await expectError(await post({ ...orderBody(sneaker, design), design }), 422, 'invalid_personalisation');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'personalisation.heelText', message: expect.stringContaining('cannot name other brands') })]);
    expect(await storedCount()).toBe(0);
  });

  it('stores personal text with its style and charges for it', async () => {
    const design = { ...suedeDesign(), personalisation: { heelText: 'ADA', 'heelText.font': 'bebas-neue', 'heelText.colour': 'black' } };
    // The price the customer saw includes the text's €5.00.
    const { clientPrice: _shownWithoutText, ...body } = orderBody(sneaker, design);
    const response = await post({ ...body, design, clientPrice: { unitTotal: 11900 + 1500 + 500, total: 11900 + 1500 + 500, currency: 'EUR' } });
    expect(response.status).toBe(201);
    const order = (await response.json()) as { design: { personalisation: Record<string, string> }; price: { surcharges: { label: string; amount: number }[] } };
    expect(order.design.personalisation).toEqual(design.personalisation);
    expect(order.price.surcharges).toContainEqual(expect.objectContaining({ label: 'Heel tab text', amount: 500 }));
  });

  it('answers 422 naming the difference when the client was shown another price', async () => {
    const body = orderBody(sneaker, suedeDesign(), { quantity: 2 });
    const error = await expectError(await post({ ...body, clientPrice: { unitTotal: 9900, total: 19800, currency: 'EUR' } }), 422, 'price_mismatch');
    expect(error.message).toContain('€99.00');
    expect(error.message).toContain(`€${((t.entry.product.basePrice + 1500) / 100).toFixed(2)}`);
    expect(error.problems).toHaveLength(2);
    expect(await storedCount()).toBe(0);
  });

  it('answers 400 for malformed JSON', async () => {
    const error = await expectError(await post('{"design": {"productId": "sneaker",'), 400, 'malformed_json');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('answers 400 without an Idempotency-Key or with a malformed one', async () => {
    await expectError(await post(orderBody(sneaker, suedeDesign()), null), 400, 'missing_idempotency_key');
    await expectError(await post(orderBody(sneaker, suedeDesign()), 'short'), 400, 'malformed_idempotency_key');
    await expectError(await post(orderBody(sneaker, suedeDesign()), 'has spaces in it'), 400, 'malformed_idempotency_key');
  });

  it('answers 415 for a body that is not JSON', async () => {
    await expectError(await post('design=x', newKey(), { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });

  it('answers 422 listing every field of the wrong type', async () => {
    const error = await expectError(await post({ design: 'sneaker', size: 42, quantity: 0, contact: { name: 7 }, colour: 'red' }), 422, 'invalid_request');
    expect(error.problems!.map((problem) => (problem as { path: string }).path)).toEqual(['colour', 'design', 'size', 'quantity', 'contact.name', 'contact.email', 'shippingAddress']);
    await expectError(await post([]), 422, 'invalid_request');
    await expectError(await post(orderBody(sneaker, suedeDesign(), { quantity: 21 })), 422, 'invalid_request');
  });

  it.each(['<script>@x.com', 'a@[127.0.0.1]', 'a@-b.com', 'ada@example.com\r\nBcc: eve@example.com', 'ada\u0085@example.com'])('refuses the email address %j (422, contact.email)', async (email) => {
    const error = await expectError(await post(orderBody(sneaker, suedeDesign(), { contact: { name: 'Ada Lovelace', email } })), 422, 'invalid_request');
    expect(error.problems!.map((problem) => (problem as { path: string }).path)).toEqual(['contact.email']);
    expect(await storedCount()).toBe(0);
  });

  it.each(['ada+shoes@mail.example.co.uk', 'user@xn--bcher-kva.de', 'o\'brien@example.ie'])('accepts the email address %j', async (email) => {
    const response = await post(orderBody(sneaker, suedeDesign(), { contact: { name: 'Ada Lovelace', email } }));
    expect(response.status).toBe(201);
  });

  it('answers 422 for a product the shop does not sell, and for a size it does not come in', async () => {
    await expectError(await post(orderBody(sneaker, { ...suedeDesign(), productId: 'boot' })), 422, 'unknown_product');
    await expectError(await post(orderBody(sneaker, suedeDesign(), { eu: '55' })), 422, 'unknown_size');
  });

  it('answers 413 for a body over the limit, by its Content-Length or by counting streamed bytes', async () => {
    const huge = JSON.stringify({ ...orderBody(sneaker, suedeDesign()), padding: 'x'.repeat(13 * 1024 * 1024) });
    await expectError(await post(huge), 413, 'body_too_large');
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1 << 20) controller.enqueue(bytes.subarray(offset, offset + (1 << 20)));
        controller.close();
      },
    });
    const streamed = await t.app.request(new Request('http://localhost/api/orders', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: stream, duplex: 'half',
    } as RequestInit));
    await expectError(streamed, 413, 'body_too_large');
    expect(await storedCount()).toBe(0);
  });
});

describe('preview images', () => {
  it('stores PNG previews and serves each at its URL', async () => {
    const side = pngFile(8, 4);
    const top = pngFile(2, 2, [0, 128, 0]);
    const response = await post(orderBody(sneaker, suedeDesign(), { previewImages: [{ view: 'side', dataUrl: pngDataUrl(side) }, { view: 'top', dataUrl: pngDataUrl(top) }] }));
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order.previewImages.map(({ view, width, height, bytes }) => ({ view, width, height, bytes }))).toEqual([
      { view: 'side', width: 8, height: 4, bytes: side.length },
      { view: 'top', width: 2, height: 2, bytes: top.length },
    ]);
    const image = await t.app.request(order.previewImages[1]!.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(top);
    await expectError(await t.app.request(`/api/orders/${order.id}/images/3`), 404, 'not_found');
  });

  it.each([
    ['a JPEG', `data:image/jpeg;base64,${Buffer.from('not a png').toString('base64')}`, /not a base64 PNG data URL/],
    ['a GIF labelled as PNG', `data:image/png;base64,${Buffer.from('GIF89a0123456789012345678901234567890123456789').toString('base64')}`, /signature/],
    ['broken base64', 'data:image/png;base64,iVBORw0KGgo!!!!', /not valid base64/],
    ['a truncated PNG', pngDataUrl(pngFile(16, 16).subarray(0, 60)), /truncated|damaged/],
    ['a PNG over 2 MiB', pngDataUrl(pngFile(4, 4, [1, 2, 3], 2 * 1024 * 1024 + 10)), /more than the 2\.0 MiB allowed/],
  ])('refuses %s', async (_name, dataUrl, message) => {
    const error = await expectError(await post(orderBody(sneaker, suedeDesign(), { previewImages: [{ view: 'side', dataUrl }] })), 422, 'invalid_image');
    expect(JSON.stringify(error.problems)).toMatch(message);
    expect(await storedCount()).toBe(0);
  });

  it('refuses more than four images', async () => {
    const images = Array.from({ length: 5 }, () => ({ view: 'side', dataUrl: pngDataUrl() }));
    await expectError(await post(orderBody(sneaker, suedeDesign(), { previewImages: images })), 422, 'invalid_image');
  });
});

describe('the fulfilment export', () => {
  const exportUrl = (query: string) => t.app.request(`/api/orders/export?${query}`, { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } });

  beforeEach(async () => {
    t.setNow('2026-11-24T09:00:00.000Z');
    await post(orderBody(sneaker, designFrom(sneaker)));
    t.setNow('2026-11-25T09:00:00.000Z');
    await post(orderBody(sneaker, suedeDesign(), { quantity: 2, contact: { name: '=HYPERLINK("x")', email: 'eve@example.com' }, previewImages: [{ view: 'side', dataUrl: pngDataUrl() }] }));
  });

  it('needs the fulfilment role: the shared token, an API token or a session', async () => {
    await expectError(await t.app.request('/api/orders/export'), 401, 'not_signed_in');
    await expectError(await t.app.request('/api/orders/export', { headers: { Authorization: 'Bearer wrong' } }), 401, 'unauthorized');
    for (const authorization of ['', 'Bearer', 'Bearer ', 'Basic dGVzdA==', `Bearer ${FULFILMENT_TOKEN} extra`, `Bearer ${FULFILMENT_TOKEN}!`, `bearer  ${FULFILMENT_TOKEN}x`]) {
      const response = await t.app.request('/api/orders/export', { headers: { Authorization: authorization } });
      await expectError(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await t.app.request('/api/orders/export', { headers: { Authorization: `bearer ${FULFILMENT_TOKEN}` } })).status).toBe(200);
  });

  it('streams the orders since a time as NDJSON, one order document per line', async () => {
    const response = await exportUrl('since=2026-11-25T00:00:00Z&format=ndjson');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const order = JSON.parse(lines[0]!) as ServerOrder;
    expect(order.orderNumber).toBe('ATL-000002');
    expect(order.shippingAddress).toEqual({ line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' });
    const validate = schemaValidator();
    expect(validate(order) ? [] : validate.errors).toEqual([]);
    expect((await (await exportUrl('')).text()).trimEnd().split('\n')).toHaveLength(2);
  });

  it('exports CSV with one row per order line and the bill of materials in columns', async () => {
    const response = await exportUrl('since=2026-11-01&format=csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await response.text()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    const header = rows[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['order_number', 'order_id', 'status']);
    for (const part of t.entry.product.parts) expect(header).toContain(`${part.id}.material_code`);
    const second = rows[2]!;
    expect(second.startsWith('ATL-000002,')).toBe(true);
    expect(second).toContain(',2,EUR,'); // quantity and currency
    expect(second).toContain('"\'=HYPERLINK(""x"")"'); // a formula is defused and quoted
    expect(second).toContain('vamp=MT-SUE/');
    expect(header).toEqual(expect.arrayContaining(['ship_to_line1', 'ship_to_city', 'ship_to_postal_code', 'ship_to_country']));
    expect(second).toContain(',1 Rue de Rivoli,,Paris,75001,FR,');
    expect(second).toContain('/images/1');
  });

  it('refuses a bad time or format', async () => {
    await expectError(await exportUrl('since=yesterday'), 400, 'invalid_query');
    await expectError(await exportUrl('format=xml'), 400, 'invalid_query');
  });
});

describe('sizes in the product\'s own words', () => {
  let tshirt: ProductUnderTest;
  beforeAll(async () => {
    const { loadCatalogFromDisk } = await import('../../src/server/catalogFiles.ts');
    tshirt = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!);
  });
  const shirtBody = (size: unknown) => ({ ...orderBody(tshirt, designFrom(tshirt)), size });
  const exportCsv = async () => {
    const rows = (await (await t.app.request('/api/orders/export?format=csv', { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } })).text()).trimEnd().split('\r\n');
    const header = rows[0]!.split(',');
    // No cell of these orders holds a comma: a plain split reads them.
    return rows.slice(1).map((row) => Object.fromEntries(row.split(',').map((cell, index) => [header[index]!, cell])));
  };

  it('orders a t-shirt by its size id, and the order file carries the letter code, not EU, US or UK', async () => {
    const medium = tshirt.entry.product.sizes.find((size) => size.codes.letter === 'M')!;
    const response = await post(shirtBody({ id: medium.id }));
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order.size).toEqual({ id: medium.id, label: medium.label, codes: { letter: 'M' } });
    const validate = schemaValidator();
    expect(validate(order) ? [] : validate.errors).toEqual([]);
    // A client written when every size was EU sends the code in the product's first system.
    expect(((await (await post(shirtBody({ eu: 'M' }))).json()) as ServerOrder).size.id).toBe(medium.id);
  });

  it('refuses a size the product does not come in, listing its sizes in its own words', async () => {
    const shoe = await expectError(await post(orderBody(sneaker, suedeDesign(), { eu: '55' })), 422, 'unknown_size');
    expect(shoe.message).toBe('"sneaker" does not come in size EU 55');
    expect(shoe.hint).toMatch(/^choose one of the sizes: EU 36 \(eu-36\), EU 37 \(eu-37\), /);
    const shirt = await expectError(await post(shirtBody({ id: 'letter-xxxxl' })), 422, 'unknown_size');
    expect(shirt.hint).toMatch(/^choose one of the sizes: Size XS \(letter-xs\), Size S \(letter-s\), /);
    expect(shirt.hint).not.toMatch(/EU/);
  });

  it('orders under a rules version published before size systems were data', async () => {
    const current = t.entry.product;
    const { sizeSystems: _systems, ...rest } = current;
    const product = { ...rest, basePrice: current.basePrice - 2000, sizes: current.sizes.map((size) => ({ id: size.id, eu: size.codes.eu, us: size.codes.us, uk: size.codes.uk, label: size.label })) };
    const legacy = { ...t.entry, product, rulesVersion: rulesVersionOf(product as unknown as CatalogEntry['product'], t.entry.ruleSet) } as unknown as CatalogEntry;
    await t.repository.publishCatalogEntry(legacy, new Date('2026-09-01T00:00:00Z'));
    // Published, then replaced by today's version an hour ago: still within its grace.
    await t.repository.makeCurrentRulesVersion('sneaker', legacy.rulesVersion, new Date('2026-11-25T11:00:00Z'), 86_400);
    await t.repository.makeCurrentRulesVersion('sneaker', t.entry.rulesVersion, new Date('2026-11-25T11:00:00Z'), 86_400);
    const response = await post({ ...orderBody(sneaker, { ...designFrom(sneaker), rulesVersion: legacy.rulesVersion }, { withPrice: false }), size: { id: 'eu-42' } });
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    expect(order.price.unitTotal).toBe(current.basePrice - 2000);
    expect(order.size).toEqual({ id: 'eu-42', label: 'EU 42 · US 8.5 · UK 8', codes: { eu: '42', us: '8.5', uk: '8' }, eu: '42', us: '8.5', uk: '8' });
  });

  it('exports each size in its product\'s words, with eu, us and uk only where the product has them, orders stored earlier too', async () => {
    await post(orderBody(sneaker, suedeDesign()));
    await post(shirtBody({ id: tshirt.entry.product.sizes.find((size) => size.codes.letter === 'XL')!.id }));
    await post(orderBody(sneaker, suedeDesign(), { eu: '38' }));
    // The third as orders were stored before size systems were data: only eu, us and uk.
    const [stored] = await t.client.query<{ document: string }>('SELECT document::text AS document FROM orders WHERE seq = 3');
    const earlier = { ...(JSON.parse(stored!.document) as Record<string, unknown>), size: { eu: '38', us: '6', uk: '5' } };
    await t.client.query('UPDATE orders SET document = $1::text::json WHERE seq = 3', [JSON.stringify(earlier)]);

    const rows = await exportCsv();
    expect(rows.map((row) => [row.size, row.size_eu, row.size_us, row.size_uk])).toEqual([
      ['EU 42 / US 8.5 / UK 8', '42', '8.5', '8'],
      ['Size XL', '', '', ''],
      ['EU 38 / US 6 / UK 5', '38', '6', '5'],
    ]);
    const fetched = (await (await t.app.request(`/api/orders/${rows[2]!.order_id}`, { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } })).json()) as ServerOrder;
    expect(fetched.size).toEqual({ eu: '38', us: '6', uk: '5' });
    const validate = schemaValidator();
    expect(validate(fetched) ? [] : validate.errors).toEqual([]);
  });
});

describe('the rest of the API', () => {
  it('serves the order and design JSON Schemas', async () => {
    const order = await t.app.request('/api/schemas/order.json');
    expect(order.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(((await order.json()) as { $id: string }).$id).toMatch(/server-order\.schema\.json$/);
    expect(((await (await t.app.request('/api/schemas/design.json')).json()) as { $id: string }).$id).toMatch(/design\.schema\.json$/);
    await expectError(await t.app.request('/api/schemas/nothing.json'), 404, 'not_found');
  });

  it('answers 404 in the error shape for an unknown order or endpoint', async () => {
    await expectError(await t.app.request('/api/orders/ATL-000001'), 404, 'not_found');
    await expectError(await t.app.request('/api/nothing'), 404, 'not_found');
    await expectError(await t.app.request('/api/orders', { method: 'DELETE' }), 404, 'not_found');
  });
});

describe('the built app', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/design/sneaker', '/gallery?sort=top']) {
      const response = await t.app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves assets with their type, immutable caching and gzip', async () => {
    const response = await t.app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString()).toContain('x'.repeat(4000));
    const plain = await t.app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(`console.log("${'x'.repeat(4000)}");`.length));
    const model = await t.app.request('/models/sneaker.glb');
    expect(model.headers.get('content-type')).toBe('model/gltf-binary');
    expect(model.headers.get('cache-control')).toBe('no-cache');
    const lastModified = model.headers.get('last-modified')!;
    const notModified = await t.app.request('/models/sneaker.glb', { headers: { 'If-Modified-Since': lastModified } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe('no-cache');
    expect(await notModified.text()).toBe('');
    expect((await t.app.request('/models/sneaker.glb', { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() } })).status).toBe(200);
    const head = await t.app.request('/assets/index-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['/models/sneaker.glb', 'model/gltf-binary'],
    ['/textures/leather.webp', 'image/webp'],
    ['/assets/inter-latin-400-normal-abc123.woff2', 'font/woff2'],
    ['/schemas/design.schema.json', /^application\/json/],
    ['/assets/favicon-abc123.svg', /^image\/svg\+xml/],
    ['/assets/index-abc123.css', /^text\/css/],
  ])('serves %s as %s, with the security headers', async (path, type) => {
    const response = await t.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it('answers 405 for other methods than GET and HEAD', async () => {
    const response = await t.app.request('/index.html', { method: 'PUT' });
    await expectError(response, 405, 'method_not_allowed');
  });

  it('answers 404 for a missing file and never leaves dist/', async () => {
    await expectError(await t.app.request('/assets/missing.js'), 404, 'not_found');
    const escapes = [
      '/../package.json', '/%2e%2e/package.json', '/%2E%2E/package.json', '/..%2fpackage.json', '/..%2Fpackage.json', '/..%5cpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e%2fpackage.json', '/assets%2f..%2f..%2fpackage.json',
      '/..\\package.json', '//..//package.json', '/%252e%252e/package.json', '/.%2e/package.json', '/%00/../package.json',
    ];
    for (const path of escapes) {
      const response = await t.app.request(`http://localhost${path}`);
      expect([400, 404], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('devDependencies');
    }
  });

  it('never serves the build\'s own records (dist/.vite/manifest.json) or any other dot file', async () => {
    for (const path of ['/.vite/manifest.json', '/%2Evite/manifest.json', '/%2evite%2fmanifest.json', '/assets/.hidden']) {
      const response = await t.app.request(`http://localhost${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('ProductPreview');
    }
  });

  it('never leaves dist/ for raw request paths sent on a socket', async () => {
    const { serve } = await import('@hono/node-server');
    const { request } = await import('node:http');
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((done) => server.once('listening', done));
    const { port } = server.address() as { port: number };
    const get = (path: string) => new Promise<{ status: number; body: string }>((done, fail) => {
      const sent = request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => { body += chunk.toString(); });
        response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      });
      sent.on('error', fail);
      sent.end();
    });
    try {
      for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..\\package.json']) {
        const { status, body } = await get(path);
        expect([400, 404], path).toContain(status);
        expect(body, path).not.toContain('devDependencies');
      }
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
