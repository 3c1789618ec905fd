// Hostile input at every endpoint of the real app (in-process, real PGlite, real catalog): generated
// JSON bodies (deep nesting, prototype keys, NUL, lone surrogates, huge numbers, wrong types, valid
// bodies with one field made hostile) and hostile path segments. No request may get a 5xx, and
// nothing the server writes to its console may hold the customer's name or email.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, orderBody, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

const NAME = 'Zelda Quixotefield';
const EMAIL = 'zelda.quixotefield@example.org';
/** What must never appear in the server's log: parts of the contact, also when mangled. */
const PERSONAL = [/quixote/i, /zelda/i];

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let ids: { order: string; candidate: string; artwork: string };
const logged: string[] = [];
const restoreConsole: (() => void)[] = [];

/** Collects what the server writes to its console while the suite runs (and still shows it). */
function captureConsole(): void {
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}\n${arg.stack ?? ''}\n${JSON.stringify(arg)}` : typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
      original.apply(console, args);
    };
    restoreConsole.push(() => { console[method] = original; });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A voter cookie issued by the app, so that votes reach their checks (a vote without one is refused first). */
let voterCookie = '';

beforeAll(async () => {
  // Generated submissions would soon meet the per-address limit; here the checks behind it are under attack.
  const generous = { max: 1_000_000, windowSeconds: 3600 };
  t = await startTestApp([], { clientLimits: { voterIds: generous, submissions: generous } });
  voterCookie = (await t.app.request('/api/candidates')).headers.get('set-cookie')!.split(';')[0]!;
  sneaker = productUnderTest(t.entry);
  const order = await t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'hostile-base-order-0001' },
    body: JSON.stringify(orderBody(sneaker, designFrom(sneaker), { contact: { name: NAME, email: EMAIL } })),
  });
  expect(order.status).toBe(201);
  const candidate = await t.app.request('/api/candidates', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ design: designFrom(sneaker, { 'vamp.material': 'suede' }), title: 'Hostile base' }),
  });
  expect(candidate.status).toBe(201);
  const artwork = await t.app.request('/api/artworks', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: Buffer.from(pngFile(64, 64)) });
  expect(artwork.status).toBe(201);
  ids = {
    order: ((await order.json()) as ServerOrder).id,
    candidate: ((await candidate.json()) as { candidate: { id: string } }).candidate.id,
    artwork: ((await artwork.json()) as { artwork: { id: string } }).artwork.id,
  };
  captureConsole();
}, 120_000);

afterAll(async () => {
  for (const restore of restoreConsole) restore();
  await t?.dispose();
});

/** The endpoints as the app itself lists them in its 404 for an unknown API path. */
async function listedEndpoints(): Promise<{ method: string; path: string }[]> {
  const response = await t.app.request('/api/no-such-endpoint');
  const { error } = (await response.json()) as { error: { hint: string } };
  const list = /the endpoints are: (.*)$/.exec(error.hint)![1]!;
  return list.split(', ').map((entry) => {
    const [method, path] = entry.split(' ');
    return { method: method!, path: path! };
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '\u0000', `${NAME}\u0000`, `\u0000${EMAIL}`, '\ud800', `${NAME}\udc00`, `zelda\ud83d@example.org`, 'a\u0007b', '\u202e', '\ufeff',
    'toString', 'constructor', '__proto__', 'prototype', 'hasOwnProperty', 'valueOf',
    '<script>@x.com', 'a@[127.0.0.1]', 'a@-b.com', '', ' ', '../../etc/passwd', '%00', 'x'.repeat(70_000), '😀'.repeat(300),
    'up', 'down', 'none', 'sneaker', 'eu-42', '42', 'EUR', '00000000-0000-4000-8000-000000000000',
    'data:image/png;base64,', 'data:image/png;base64,AAAA', 'data:image/svg+xml;base64,PHN2Zz4=',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 0.5, 1e-320, 99_999_999_999),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');

/** Any JSON value, hostile in its leaves and keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileStrings,
    hostileNumbers,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(prototypeKeys, hostileStrings), tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

/** An object with the given own keys, `__proto__` included as an own key (as JSON.parse makes it). */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A valid body of the endpoint with one to three fields replaced by hostile values. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(base);
  return fc.array(fc.tuple(fc.constantFrom(...paths), fc.oneof(hostileJson, hostileStrings, prototypeKeys)), { minLength: 1, maxLength: 3 }).map((changes) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    for (const [path, value] of changes) setAt(copy, path, value);
    return copy;
  });
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, [...prefix, '__proto__'], ...entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]))];
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (path.length === 0) return;
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text nested `depth` levels deep, in arrays, objects or both. */
const deepJson = fc.tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom('array', 'object', 'mixed')).map(([depth, kind]) => {
  const open = kind === 'array' ? '[' : kind === 'object' ? '{"a":' : '[{"design":';
  const close = kind === 'array' ? ']' : kind === 'object' ? '}' : '}]';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
});

/** A request body: JSON text, raw bytes, or a JSON value made to text. */
const hostileBodyFor = (base: unknown): fc.Arbitrary<string> => fc.oneof(
  { weight: 4, arbitrary: mutated(base).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: fc.constantFrom('{"contact":{"name":"\\u0000","email":"\\ud800@example.org"}}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '1e999999', '{"quantity":1e400}', '[]', '"x"', 'null', '{', '\u0000') },
);

// ---------------------------------------------------------------------------------------------
// Hostile paths

const HOSTILE_SEGMENTS = ['%00', 'abc%00', '%ff', '%fe%ff', '%ed%a0%80', '%c0%ae', '..', '%2e%2e', '%2e%2e%2f%2e%2e', '%2F', 'a%2Fb', '%5C', '%0a', '%0d%0a', '%20', '%7f', '%e2%80%ae', 'ü', '%F0%9F%98%80', '😀',
    'x'.repeat(5_000), '0'.repeat(300), '-1', '0', '1e9', 'NaN', 'constructor', '__proto__', 'toString', 'null', 'undefined', 'front.png%00', '%00.png', '..%2f..%2fpackage.json'];

const hostileSegment = fc.oneof(
  fc.constantFrom(...HOSTILE_SEGMENTS),
  fc.string({ maxLength: 20 }).map((text) => encodeURIComponent(text)),
  fc.string({ unit: 'binary', maxLength: 8 }).map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, 'x'))),
);

/** A path of the endpoint with each `:param` replaced by a real id, a real id made hostile, or a hostile segment. */
function hostilePathFor(template: string): fc.Arbitrary<string> {
  const params = template.match(/:[a-z]+/g) ?? [];
  if (params.length === 0) return fc.constant(template);
  return fc.tuple(...params.map((param) => fc.oneof(
    fc.constant(realValue(template, param)),
    hostileSegment,
    hostileSegment.map((segment) => `${realValue(template, param)}${segment}`),
  ))).map((values) => {
    let path = template;
    params.forEach((param, index) => { path = path.replace(param, values[index]!); });
    return path;
  });
}

function realValue(template: string, param: string): string {
  if (param === ':n') return '1';
  if (param === ':zone') return 'front';
  if (param === ':file') return 'front.png';
  if (param === ':name') return 'order.json';
  if (template.startsWith('/api/candidates')) return ids.candidate;
  if (template.startsWith('/api/artworks')) return ids.artwork;
  return ids.order;
}

const hostileQuery = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?product=%00', '?sort=constructor', '?limit=1e999', '?limit=-1', '?since=%00', '?since=2026-13-45', '?format=%ff', '?product=__proto__&product=x', '?limit=%ed%a0%80'),
  fc.tuple(fc.constantFrom('product', 'sort', 'limit', 'since', 'format', '__proto__'), hostileSegment).map(([key, value]) => `?${key}=${value}`),
);

// ---------------------------------------------------------------------------------------------

function validBody(method: string, path: string): unknown {
  if (path === '/api/orders') return orderBody(sneaker, designFrom(sneaker), { contact: { name: NAME, email: EMAIL } });
  if (path === '/api/candidates') return { design: designFrom(sneaker), title: 'Hostile title' };
  if (path.endsWith('/votes')) return { vote: 'up' };
  return method === 'GET' ? undefined : {};
}

let keyCounter = 0;

async function send(method: string, path: string, body: string | undefined, contentType: string): Promise<Response> {
  return t.app.request(path, {
    method,
    headers: { 'Content-Type': contentType, 'Idempotency-Key': `hostile-key-${String(++keyCounter).padStart(8, '0')}`, 'X-File-Name': '%00%ff..%2f', Cookie: voterCookie },
    ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
}

function expectNoServerError(response: Response, method: string, path: string): void {
  if (response.status >= 500) throw new Error(`${method} ${path.slice(0, 200)} answered ${response.status}`);
}

function expectNothingPersonalLogged(): void {
  const leaks = logged.filter((line) => PERSONAL.some((pattern) => pattern.test(line)));
  expect(leaks.map((line) => line.slice(0, 300))).toEqual([]);
}

describe('hostile input at every endpoint', () => {
  it('lists the endpoints it attacks (the app\'s own list)', async () => {
    const endpoints = await listedEndpoints();
    expect(endpoints.length).toBeGreaterThanOrEqual(14);
    expect(endpoints.map((endpoint) => endpoint.method)).toContain('POST');
  });

  it('answers hostile JSON bodies with 4xx, never 5xx, and logs no personal data', async () => {
    const endpoints = await listedEndpoints();
    for (const { method, path } of endpoints.filter((endpoint) => endpoint.method !== 'GET')) {
      const concrete = path.replace(':id', realValue(path, ':id'));
      await fc.assert(fc.asyncProperty(hostileBodyFor(validBody(method, concrete)), async (body) => {
        const response = await send(method, concrete, body, 'application/json');
        expectNoServerError(response, method, concrete);
        await response.arrayBuffer();
      }), { numRuns: 40, seed: 20_260_801 });
    }
    expectNothingPersonalLogged();
  }, 120_000);

  it('answers every listed hostile segment in every id of every endpoint with 4xx, never 5xx', async () => {
    const failures: string[] = [];
    for (const { method, path } of await listedEndpoints()) {
      for (const param of path.match(/:[a-z]+/g) ?? []) {
        for (const segment of HOSTILE_SEGMENTS) {
          for (const value of [segment, `${realValue(path, param)}${segment}`]) {
            const hostilePath = path.replace(param, value).replace(/:[a-z]+/g, (other) => realValue(path, other));
            const response = await send(method, hostilePath, method === 'GET' ? undefined : JSON.stringify(validBody(method, path)), 'application/json');
            if (response.status >= 500) failures.push(`${method} ${hostilePath.slice(0, 120)} → ${response.status}`);
            await response.arrayBuffer();
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expectNothingPersonalLogged();
  }, 120_000);

  it('answers generated hostile paths and queries at every endpoint with 4xx, never 5xx', async () => {
    const endpoints = await listedEndpoints();
    for (const { method, path } of endpoints) {
      await fc.assert(fc.asyncProperty(hostilePathFor(path), hostileQuery, async (hostilePath, query) => {
        const body = method === 'GET' ? undefined : JSON.stringify(validBody(method, path));
        const response = await send(method, `${hostilePath}${query}`, body, 'application/json');
        expectNoServerError(response, method, `${hostilePath}${query}`);
        await response.arrayBuffer();
      }), { numRuns: 20, seed: 20_260_802 });
    }
    expectNothingPersonalLogged();
  }, 120_000);

  it.each([
    ['GET', '/api/orders/%00'],
    ['GET', '/api/candidates/%00'],
    ['GET', '/api/artworks/%00'],
    ['GET', '/api/orders/%00/images/1'],
    ['GET', '/api/orders/%00/print/front.png'],
    ['GET', '/api/candidates/%00/thumbnail'],
    ['POST', '/api/candidates/%00/votes'],
  ])('answers %s %s (a NUL in the id) with 404', async (method, path) => {
    const response = await send(method, path, method === 'POST' ? '{"vote":"up"}' : undefined, 'application/json');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it.each([
    ['a NUL in the name', { name: `${NAME}\u0000`, email: EMAIL }, 'contact.name'],
    ['a lone surrogate in the name', { name: `${NAME}\ud800`, email: EMAIL }, 'contact.name'],
    ['a NUL in the email', { name: NAME, email: `zelda\u0000quixotefield@example.org` }, 'contact.email'],
    ['a lone surrogate in the email', { name: NAME, email: `zelda\udc00@example.org` }, 'contact.email'],
    ['a control character in the name', { name: `${NAME}\u0007`, email: EMAIL }, 'contact.name'],
  ])('refuses an order with %s (422) and logs nothing of it', async (_case, contact, path) => {
    const response = await send('POST', '/api/orders', JSON.stringify(orderBody(sneaker, designFrom(sneaker), { contact })), 'application/json');
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { problems: { path: string }[] } };
    expect(error.problems.map((problem) => problem.path)).toContain(path);
    expectNothingPersonalLogged();
  });

  it.each([
    ['an order', '/api/orders', 20_000],
    ['a candidate', '/api/candidates', 20_000],
    ['a vote (whose body may have 1 KiB)', '/api/candidates/:id/votes', 400],
  ])('refuses %s nested deeply with 400 naming the nesting limit', async (_case, template, depth) => {
    const path = template.replace(':id', ids.candidate);
    const response = await send('POST', path, `${'['.repeat(depth)}${']'.repeat(depth)}`, 'application/json');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('malformed_json');
    expect(error.message).toMatch(/nest/);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('answers the vote value "%s" with 4xx (fixed in castVote.ts)', async (vote) => {
    const response = await send('POST', `/api/candidates/${ids.candidate}/votes`, JSON.stringify({ vote }), 'application/json');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
