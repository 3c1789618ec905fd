// Heavy work off the event loop: uploads are read and print files rendered on the job pool's
// worker threads, each within a time and a pixel budget, behind a bounded queue; a print file is
// rendered once per order and zone. The real app in-process, over a real PGlite, with the real pool.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { slowJpeg, hostileSvg } from '../../scripts/support/hostileFiles.ts';
import { designFrom, pngFile, productUnderTest, type ProductUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

interface ErrorBody { error: { code: string; message: string; hint: string } }

let tshirt: ProductUnderTest;
beforeAll(async () => {
  const { loadCatalogFromDisk } = await import('../../src/server/catalogFiles.ts');
  tshirt = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!);
});

const upload = (t: TestApp, body: Uint8Array | string, name: string) =>
  t.app.request('/api/artworks', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': name }, body: typeof body === 'string' ? body : Buffer.from(body) });

let key = 0;
async function order(t: TestApp, personalisation: Record<string, string>): Promise<ServerOrder> {
  const design = { ...designFrom(tshirt, { 'front.method': 'dtg' }), personalisation };
  const response = await t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `heavy-jobs-${++key}-${Date.now()}` },
    body: JSON.stringify({ design, size: { eu: 'M' }, quantity: 1, contact: { name: 'Ada', email: 'ada@example.com' }, shippingAddress: { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ServerOrder;
}

/**
 * Sends the heavy request, lets it reach its work, then asks for /api/health: the order in which
 * the two answers arrive. A blocked event loop answers nothing until the heavy work is done.
 */
async function healthWhile(t: TestApp, heavy: () => Response | Promise<Response>): Promise<{ order: string[]; heavy: Response; health: Response }> {
  const order: string[] = [];
  const heavyAnswer = Promise.resolve(heavy()).then((response) => { order.push('heavy'); return response; });
  await sleep(300);
  const health = await t.app.request('/api/health');
  order.push('health');
  return { order, heavy: await heavyAnswer, health };
}

describe('reading uploads (one thread, a queue of one, 1 s per artwork)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp([], { jobs: { threads: 1, maxQueue: 1, artworkTimeoutMs: 1000 } });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('answers /api/health while a 470 KB JPEG of 40 MP is decoded, refuses it at its time budget, and reads the next upload', async () => {
    const { order: answers, heavy, health } = await healthWhile(t, () => upload(t, slowJpeg(), 'bomb.jpg'));
    expect(health.status).toBe(200);
    expect(answers).toEqual(['health', 'heavy']);
    expect(heavy.status).toBe(422);
    const { error } = (await heavy.json()) as ErrorBody;
    expect(error.code).toBe('artwork_too_complex');
    expect(error.message).toMatch(/"bomb\.jpg" took longer than 1 s to read/);
    expect(t.jobs.stats().timedOut).toBe(1);
    // Its thread was ended and replaced: the next upload is read as usual.
    const next = await upload(t, pngFile(400, 300), 'logo.png');
    expect(next.status, await next.clone().text()).toBe(201);
  }, 60_000);

  it('answers 503 with Retry-After when every thread is busy and the queue is full', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => upload(t, slowJpeg(), 'bomb.jpg')));
    // One runs, one waits, the third finds the queue full.
    expect(responses.map((response) => response.status)).toEqual([422, 422, 503]);
    const busy = responses[2]!;
    expect(busy.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const { error } = (await busy.json()) as ErrorBody;
    expect(error.code).toBe('server_busy');
    expect(error.hint).toMatch(/try again in \d+ s/);
    expect(t.jobs.stats().refusedBusy).toBe(1);
  }, 60_000);
});

describe('print files (one thread, 1 s per print file)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp([], { jobs: { threads: 1, maxQueue: 4, printTimeoutMs: 1000, artworkTimeoutMs: 120_000 } });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('answers /api/health while an SVG of 49,000 shapes is printed, and refuses the print file at its time budget', async () => {
    const uploaded = await upload(t, hostileSvg(), 'circles.svg');
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { artwork } = (await uploaded.json()) as { artwork: { id: string } };
    const placed = await order(t, { frontArtwork: artwork.id, 'frontArtwork.width': '260.0', 'frontArtwork.x': '0.0', 'frontArtwork.y': '0.0' });
    const url = placed.printFiles[0]!.url;

    const { order: answers, heavy, health } = await healthWhile(t, () => t.app.request(url));
    expect(health.status).toBe(200);
    expect(answers).toEqual(['health', 'heavy']);
    expect(heavy.status).toBe(503);
    expect(heavy.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const { error } = (await heavy.json()) as ErrorBody;
    expect(error.code).toBe('print_too_slow');
    expect(error.message).toMatch(/took longer than 1 s/);
    // A file that just ran out of time is not rendered again at once for whoever asks.
    const rendersBefore = t.jobs.stats().started.renderPrint;
    expect((await t.app.request(url)).status).toBe(503);
    expect(t.jobs.stats().started.renderPrint).toBe(rendersBefore);
  }, 120_000);
});

describe('print files (default budgets)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp([], { jobs: { threads: 1 } });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('renders each print file once, however many ask for it at once', async () => {
    const placed = await order(t, { frontText: 'ONCE', 'frontText.colour': 'navy' });
    const url = placed.printFiles[0]!.url;
    const rendersBefore = t.jobs.stats().started.renderPrint;
    const first = await Promise.all([t.app.request(url), t.app.request(url)]);
    const later = await t.app.request(url);
    const files = await Promise.all([...first, later].map(async (response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      return Buffer.from(await response.arrayBuffer());
    }));
    expect(files[0]!.length).toBeGreaterThan(1000);
    expect(files[1]!.equals(files[0]!) && files[2]!.equals(files[0]!)).toBe(true);
    expect(t.jobs.stats().started.renderPrint - rendersBefore).toBe(1);
    const stored = await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM print_files p JOIN orders o ON o.seq = p.order_seq WHERE o.public_id = $1', [placed.id]);
    expect(Number(stored[0]!.n)).toBe(1);
  }, 60_000);
});

describe('the pixel budget (1 megapixel)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp([], { jobs: { threads: 1, maxMegapixels: 1 } });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('refuses an image over it before decoding it, and a print file over it before rendering it', async () => {
    const image = await upload(t, pngFile(1200, 1000), 'wide.png');
    expect(image.status).toBe(422);
    expect(((await image.json()) as ErrorBody).error.message).toMatch(/1\.2 megapixels|megapixel/);
    const placed = await order(t, { frontText: 'BIG' });
    const print = await t.app.request(placed.printFiles[0]!.url);
    expect(print.status).toBe(503);
    const { error } = (await print.json()) as ErrorBody;
    expect(error.code).toBe('print_too_large');
    expect(error.message).toMatch(/14\.1 megapixels.*1 megapixel/);
    expect(t.jobs.stats().started).toEqual({ inspectArtwork: 1, renderPrint: 0, renderPicture: 0, compareRules: 0 });
  }, 60_000);
});
