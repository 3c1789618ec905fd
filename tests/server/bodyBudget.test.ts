// Request bodies held in memory at once are bounded: a client that opens many large uploads at the
// same time gets 503 with Retry-After for the ones beyond the budget instead of the server holding
// every body (and its decoded images) at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/server/catalog.ts';
import { createApp } from '../../src/server/createApp.ts';
import { DEFAULT_LIMITS } from '../../src/server/serverLimits.ts';
import { designFrom, orderBody, pngDataUrl, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await startTestApp();
  const catalog = await openCatalog([t.entry], t.repository, new Date());
  app = createApp({ repository: t.repository, catalog, distDir: t.distDir, limits: { ...DEFAULT_LIMITS, maxBodyBytesInFlight: 1024 * 1024 } });
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

/** An order body of about `bytes` bytes (a preview image padded to size). */
function largeOrder(bytes: number, key: string): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const product = productUnderTest(t.entry);
  const image = pngDataUrl(pngFile(4, 4, [10, 20, 30], Math.floor((bytes * 3) / 4) - 2000));
  const body = new TextEncoder().encode(JSON.stringify(orderBody(product, designFrom(product), { previewImages: [{ view: 'side', dataUrl: image }] })));
  return { body, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength), 'Idempotency-Key': key } };
}

/** A request whose body arrives only when `finish` is called, as a slow upload does. */
function slowRequest(order: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }): { response: Promise<Response>; finish: () => void } {
  let finish!: () => void;
  const arrived = new Promise<void>((resolve) => { finish = resolve; });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await arrived;
      controller.enqueue(order.body);
      controller.close();
    },
  });
  const request = new Request('http://localhost/api/orders', { method: 'POST', headers: order.headers, body, duplex: 'half' } as RequestInit);
  return { response: Promise.resolve(app.request(request)), finish };
}

describe('request bodies in flight', () => {
  it('answers 503 with Retry-After while the bodies being read would exceed the budget, and accepts again once they are done', async () => {
    const first = slowRequest(largeOrder(700 * 1024, `budget-first-${Date.now()}`));
    // Let the first request reach its handler and start reading.
    await new Promise((resolve) => setImmediate(resolve));
    const second = largeOrder(600 * 1024, `budget-second-${Date.now()}`);
    const busy = await app.request('/api/orders', { method: 'POST', headers: second.headers, body: second.body });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    const { error } = (await busy.json()) as { error: { code: string; message: string; hint: string } };
    expect(error.code).toBe('server_busy');
    expect(error.hint).toMatch(/try again/);

    // A small body still fits beside the large one.
    const small = await app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `budget-small-${Date.now()}` }, body: JSON.stringify(orderBody(productUnderTest(t.entry), designFrom(productUnderTest(t.entry)))) });
    expect(small.status).toBe(201);

    first.finish();
    expect((await first.response).status).toBe(201);
    const again = await app.request('/api/orders', { method: 'POST', headers: second.headers, body: second.body });
    expect(again.status).toBe(201);
  });

  it('charges a body that declares no length as the largest body allowed', async () => {
    const first = slowRequest(largeOrder(100 * 1024, `budget-chunked-${Date.now()}`));
    await new Promise((resolve) => setImmediate(resolve));
    // Within the budget by its declared length, so it is the undeclared one below that is refused.
    const order = largeOrder(200 * 1024, `budget-undeclared-${Date.now()}`);
    const { 'Content-Length': _, ...headers } = order.headers;
    const stream = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(order.body); controller.close(); } });
    const busy = await app.request(new Request('http://localhost/api/orders', { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: stream, duplex: 'half' } as RequestInit));
    expect(busy.status).toBe(503);
    first.finish();
    expect((await first.response).status).toBe(201);
  });
});
