// Security headers on every response, writes refused from other sites' pages unless their origin is
// allowed (ATELIER_ALLOWED_ORIGINS), and CORS following the same list; the real app in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedOrigins } from '../../src/server/allowedOrigins.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, orderBody, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';

let t: TestApp;
let plain: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let ids: { order: string; candidate: string; artwork: string };
let plainIds: typeof ids;
let keyCounter = 0;
/** A voter cookie from the app with allowed origins: a vote without one is refused before it is read. */
let voterCookie = '';

beforeAll(async () => {
  t = await startTestApp([], { allowedOrigins: [SHOP] });
  plain = await startTestApp();
  sneaker = productUnderTest(t.entry);
  ids = await seed(t);
  voterCookie = (await t.app.request('/api/candidates')).headers.get('set-cookie')!.split(';')[0]!;
  plainIds = await seed(plain);
}, 120_000);

/** One order, one candidate and one artwork in an app. */
async function seed(app: TestApp): Promise<typeof ids> {
  const order = (await (await app.app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `seed-key-${String(++keyCounter).padStart(6, '0')}` }, body: JSON.stringify(orderBody(sneaker, designFrom(sneaker))) })).json()) as ServerOrder;
  const candidate = (await (await app.app.request('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(candidateBody()) })).json()) as { candidate: { id: string } };
  const artwork = (await (await app.app.request('/api/artworks', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: Buffer.from(pngFile(64, 64)) })).json()) as { artwork: { id: string } };
  return { order: order.id, candidate: candidate.candidate.id, artwork: artwork.artwork.id };
}

afterAll(async () => {
  await t?.dispose();
  await plain?.dispose();
});

function placeOrder(headers: Record<string, string> = {}) {
  return t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `headers-key-${String(++keyCounter).padStart(6, '0')}`, ...headers },
    body: JSON.stringify(orderBody(sneaker, designFrom(sneaker))),
  });
}

function candidateBody() {
  return { design: designFrom(sneaker, { 'vamp.material': 'suede' }), title: 'Headers test' };
}

const directives = (policy: string | null) => new Map((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
  const paths = () => [
    ['the app page', '/'],
    ['a client-side route', '/gallery'],
    ['the health check', '/api/health'],
    ['an order', `/api/orders/${plainIds.order}`],
    ['an order\'s picture-less 404', `/api/orders/${plainIds.order}/images/1`],
    ['a candidate list', '/api/candidates'],
    ['a candidate thumbnail', `/api/candidates/${plainIds.candidate}/thumbnail`],
    ['a schema', '/api/schemas/order.json'],
    ['an API 404', '/api/nothing-here'],
    ['a missing file', '/assets/missing.js'],
  ];

  it('sends a CSP without unsafe-eval or unsafe-inline scripts, frame-ancestors none, a Referrer-Policy and nosniff on every response', async () => {
    for (const [name, path] of paths()) {
      const response = await plain.app.request(path!);
      const csp = directives(response.headers.get('content-security-policy'));
      expect({ name, frameAncestors: csp.get('frame-ancestors') }).toEqual({ name, frameAncestors: ["'none'"] });
      expect({ name, defaultSrc: csp.get('default-src') }).toEqual({ name, defaultSrc: ["'self'"] });
      expect({ name, scriptSrc: csp.get('script-src') }).toEqual({ name, scriptSrc: ["'self'"] });
      expect({ name, objectSrc: csp.get('object-src') }).toEqual({ name, objectSrc: ["'none'"] });
      expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
      expect({ name, nosniff: response.headers.get('x-content-type-options') }).toEqual({ name, nosniff: 'nosniff' });
      expect({ name, referrer: response.headers.get('referrer-policy') }).toEqual({ name, referrer: 'no-referrer' });
      expect({ name, frames: response.headers.get('x-frame-options') }).toEqual({ name, frames: 'DENY' });
    }
  });

  it('lets only the allowed origins frame the app when there are any (an embedding shop)', async () => {
    const response = await t.app.request('/');
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual([SHOP]);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  });

  it('sends the headers with refusals too', async () => {
    const response = await placeOrder({ Origin: EVIL });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the stricter CSP of an uploaded artwork', async () => {
    const response = await plain.app.request(`/api/artworks/${plainIds.artwork}`);
    expect(response.status).toBe(200);
    expect(directives(response.headers.get('content-security-policy')).get('default-src')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('writes from other sites', () => {
  const writes = () => [
    ['an order', () => ({ path: '/api/orders', body: JSON.stringify(orderBody(sneaker, designFrom(sneaker))), type: 'application/json' })],
    ['an artwork upload', () => ({ path: '/api/artworks', body: Buffer.from(pngFile(32, 32)), type: 'image/png' })],
    ['a gallery submission', () => ({ path: '/api/candidates', body: JSON.stringify(candidateBody()), type: 'application/json' })],
    ['a vote', () => ({ path: `/api/candidates/${ids.candidate}/votes`, body: JSON.stringify({ vote: 'up' }), type: 'application/json' })],
  ] as const;

  async function write(which: ReturnType<ReturnType<typeof writes>[number][1]>, headers: Record<string, string>) {
    return t.app.request(which.path, { method: 'POST', headers: { 'Content-Type': which.type, 'Idempotency-Key': `origin-key-${String(++keyCounter).padStart(6, '0')}`, Cookie: voterCookie, ...headers }, body: which.body });
  }

  it.each([
    ['another site', { Origin: EVIL }, EVIL],
    ['another site, by Sec-Fetch-Site', { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' }, EVIL],
    ['a sibling subdomain', { Origin: 'http://shop.localhost', 'Sec-Fetch-Site': 'same-site' }, 'http://shop.localhost'],
    ['an opaque origin (a sandboxed frame)', { Origin: 'null' }, '"null"'],
    ['a cross-site page that sent no Origin', { 'Sec-Fetch-Site': 'cross-site' }, 'cross-site'],
    ['a page claiming the own host but marked cross-site', { Origin: 'http://localhost', 'Sec-Fetch-Site': 'cross-site' }, 'http://localhost'],
  ])('refuses every kind of write from %s (403, nothing stored)', async (_case, headers, named) => {
    const ordersBefore = Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n);
    for (const [name, make] of writes()) {
      const response = await write(make(), headers);
      expect({ name, status: response.status }).toEqual({ name, status: 403 });
      const { error } = (await response.json()) as { error: { code: string; message: string; hint: string } };
      expect(error.code).toBe('forbidden_origin');
      expect(error.message).toContain(named);
      expect(error.hint).toContain('ATELIER_ALLOWED_ORIGINS');
    }
    expect(Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n)).toBe(ordersBefore);
  });

  it.each([
    ['the shop\'s own pages', { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }],
    ['an allowed origin', { Origin: SHOP, 'Sec-Fetch-Site': 'cross-site' }],
    ['a client that is not a browser (no Origin)', {}],
    ['a browser typing the address (Sec-Fetch-Site: none)', { 'Sec-Fetch-Site': 'none' }],
  ])('accepts writes from %s', async (_case, headers) => {
    for (const [name, make] of writes()) {
      const response = await write(make(), headers);
      expect({ name, status: response.status }).toEqual({ name, status: expect.any(Number) as number });
      expect({ name, accepted: response.status === 200 || response.status === 201 }).toEqual({ name, accepted: true });
    }
  });

  it('lets reads through from anywhere (the guard is for writes)', async () => {
    expect((await t.app.request('/api/candidates', { headers: { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin with its origin, the methods and the headers', async () => {
    const response = await t.app.request('/api/orders', { method: 'OPTIONS', headers: { Origin: SHOP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/idempotency-key/);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives other origins no CORS headers, so their pages cannot read the API', async () => {
    const preflight = await t.app.request('/api/orders', { method: 'OPTIONS', headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await t.app.request('/api/candidates', { headers: { Origin: EVIL } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed origin read responses and the headers it needs', async () => {
    const response = await t.app.request('/api/candidates', { headers: { Origin: SHOP } });
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Location/);
  });
});

describe('parseAllowedOrigins', () => {
  it.each([
    [undefined, []],
    ['', []],
    [' https://shop.example , http://localhost:5173 ', ['https://shop.example', 'http://localhost:5173']],
    ['https://Shop.Example', ['https://shop.example']],
    ['https://shop.example/', ['https://shop.example']],
    ['https://shop.example/path', 'error'],
    ['shop.example', 'error'],
    ['ftp://shop.example', 'error'],
    ['*', 'error'],
  ])('reads %j', (text, expected) => {
    if (expected === 'error') expect(() => parseAllowedOrigins(text)).toThrow(/ATELIER_ALLOWED_ORIGINS: .* is not an origin/);
    else expect(parseAllowedOrigins(text)).toEqual(expected);
  });
});
