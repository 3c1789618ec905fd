// Resident memory of the real server under mixed traffic: `npm run bench:memory`.
//
//   npm run bench:memory [-- --seconds 120 --concurrency 6 --versions 60 --budget 400 --snapshots <dir>]
//
// Starts src/server/main.ts on a fresh PGlite data folder that already holds --versions earlier
// rules versions of each product (as a shop that edits its rules for months has), then for
// --seconds sends mixed traffic from --concurrency clients: orders with preview images, orders
// under old rules versions, orders with personal text and artwork and their print files, artwork
// uploads (PNG, JPEG, SVG), order/image/artwork reads, gallery submissions, votes and list queries,
// and the app's start page. Then a hostile round: deep JSON, oversized bodies, a 36 MP PNG, a JPEG
// that claims 6000×6000, an SVG of 49k elements printed, odd ids. It samples the server's resident
// set (VmRSS from /proc, Linux) four times a second, and its V8 heap through a probe loaded into the
// server (scripts/memoryProbe.mjs, over the child-process channel: nothing is added to the HTTP
// API). --snapshots <dir> writes heap snapshots at the start and the end.
//
// Budget: the resident set at the end, after the hostile round, at most --budget MB (default 400).
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { rulesVersionOf, type CatalogEntry, type DesignDocument } from '../src/domain/index.ts';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import { applyMigrations } from '../src/server/migrate.ts';
import { createPgliteClient } from '../src/server/pgliteClient.ts';
import { createSqlRepository } from '../src/server/sqlRepository.ts';
import { designFrom, orderBody, pngDataUrl, pngFile, productUnderTest, randomDesign } from './support/orderBodies.ts';
import { seededRandom } from '../src/domain/shared/index.ts';
import { startServerProcess, type ServerProcess } from './serverProcess.ts';
import { numberArgument } from './numberArgument.ts';

const SECONDS = numberArgument('seconds', 120, 'non-negative');
const CONCURRENCY = Math.max(1, Math.round(numberArgument('concurrency', 6, 'non-negative')));
const VERSIONS = Math.round(numberArgument('versions', 60, 'non-negative'));
const BUDGET_MB = numberArgument('budget', 400, 'non-negative');
const snapshotIndex = process.argv.indexOf('--snapshots');
const SNAPSHOTS = snapshotIndex >= 0 ? resolve(process.argv[snapshotIndex + 1] ?? 'heap-snapshots') : undefined;

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

// ---------------------------------------------------------------------------------------------
// The shop: the current catalog, and VERSIONS earlier versions of each product (other base prices).

const { entries } = loadCatalogFromDisk(process.cwd());
const sneaker = productUnderTest(entries.find((entry) => entry.product.id === 'sneaker')!);
const tshirt = productUnderTest(entries.find((entry) => entry.product.id === 'tshirt')!);

function olderVersions(entry: CatalogEntry, count: number): CatalogEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const product = { ...entry.product, basePrice: entry.product.basePrice - 100 * (index + 1) };
    return { ...entry, product, rulesVersion: rulesVersionOf(product, entry.ruleSet) };
  });
}
const history = [...olderVersions(sneaker.entry, VERSIONS), ...olderVersions(tshirt.entry, VERSIONS)];

async function publishHistory(dataDir: string): Promise<void> {
  const client = await createPgliteClient({ dataDir });
  try {
    await applyMigrations(client);
    const repository = createSqlRepository(client);
    const at = new Date('2026-01-01T00:00:00Z');
    for (const entry of history) await repository.publishCatalogEntry(entry, at);
  } finally {
    await client.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Files: noisy PNGs (a canvas capture does not compress to nothing), artworks, hostile files.

function noisyPng(width: number, height: number, random: () => number): Uint8Array {
  const raw = Buffer.alloc((1 + width * 3) * height);
  for (let index = 0; index < raw.length; index++) raw[index] = index % (1 + width * 3) === 0 ? 0 : (random() * 256) | 0;
  return pngFromRaw(width, height, raw);
}

/** A PNG of colour bands with a few random pixels: compresses well, decodes to many pixels. */
function artworkPng(width: number, height: number, random: () => number): Uint8Array {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const band = Math.floor((y / height) * 6);
    for (let x = 0; x < width; x++) raw.set([40 * band, 200 - 30 * band, (x >> 6) * 8], y * stride + 1 + x * 3);
  }
  for (let n = 0; n < 64; n++) raw[Math.floor(random() * height) * stride + 1 + Math.floor(random() * width * 3)] = (random() * 256) | 0;
  return pngFromRaw(width, height, raw);
}

function pngFromRaw(width: number, height: number, raw: Buffer): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

function artworkJpeg(width: number, height: number, random: () => number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  const shade = (random() * 200) | 0;
  for (let index = 0; index < data.length; index += 4) data.set([shade, (index >> 10) & 255, 90, 255], index);
  return new Uint8Array(jpeg.encode({ data, width, height }, 85).data);
}

function artworkSvg(random: () => number, elements = 40): string {
  const shapes = Array.from({ length: elements }, (_, n) => `<rect x="${(random() * 900).toFixed(1)}" y="${(random() * 400).toFixed(1)}" width="${10 + (n % 50)}" height="${10 + (n % 30)}" fill="#${((random() * 0xffffff) | 0).toString(16).padStart(6, '0')}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500" viewBox="0 0 1000 500">${shapes.join('')}</svg>`;
}

/** A tiny JPEG whose header claims 6000×6000 pixels (a 723-byte file of this kind once held the server for seconds). */
function claimingJpeg(): Uint8Array {
  const bytes = Buffer.from(jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 128), width: 16, height: 16 }, 50).data);
  for (let index = 0; index < bytes.length - 8; index++) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xc0) {
      bytes.writeUInt16BE(6000, index + 5);
      bytes.writeUInt16BE(6000, index + 7);
      break;
    }
  }
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

interface Answer { readonly status: number; readonly body: Buffer; readonly cookie?: string }

function send(url: string, method: string, path: string, body?: Uint8Array | string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolveAnswer) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const req = request(`${url}${path}`, {
      method,
      agent,
      headers: { ...(payload ? { 'Content-Length': payload.length } : {}), ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
        resolveAnswer({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), ...(cookie ? { cookie } : {}) });
      });
      response.on('error', () => resolveAnswer({ status: -1, body: Buffer.alloc(0) }));
    });
    req.on('error', () => resolveAnswer({ status: -1, body: Buffer.alloc(0) }));
    req.end(payload);
  });
}

const postJson = (url: string, path: string, value: unknown, headers: Record<string, string> = {}) => send(url, 'POST', path, JSON.stringify(value), { 'Content-Type': 'application/json', ...headers });

// ---------------------------------------------------------------------------------------------
// Memory of the server process

interface MemorySample { readonly rss: number; readonly heapUsed: number; readonly external: number; readonly arrayBuffers: number }

function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/** What the benchmark asks the server process (scripts/memoryProbe.mjs answers). */
type ProbeRequest = { readonly kind: 'memory' } | { readonly kind: 'snapshot'; readonly file: string };

function ask<T>(server: ServerProcess, message: ProbeRequest, kind: string): Promise<T> {
  return new Promise((resolveAnswer, reject) => {
    const timer = setTimeout(() => reject(new Error(`the memory probe did not answer "${kind}"`)), 120_000);
    const onMessage = (answer: { kind: string } & T) => {
      if (answer.kind !== kind) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolveAnswer(answer);
    };
    server.child.on('message', onMessage);
    server.child.send(message);
  });
}

async function sample(server: ServerProcess): Promise<MemorySample> {
  const { memory } = await ask<{ memory: NodeJS.MemoryUsage }>(server, { kind: 'memory' }, 'memory');
  return { rss: residentBytes(server.child.pid!), heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers };
}

const describeSample = (s: MemorySample) => `RSS ${mb(s.rss).padStart(7)}   heap used ${mb(s.heapUsed).padStart(6)}   external ${mb(s.external).padStart(6)} (array buffers ${mb(s.arrayBuffers)})`;

// ---------------------------------------------------------------------------------------------
// Traffic

const random = seededRandom(8);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sneakerDesigns = Array.from({ length: 300 }, (_, index) => randomDesign(sneaker, seededRandom(index + 1)));
const tshirtDesigns = Array.from({ length: 100 }, (_, index) => randomDesign(tshirt, seededRandom(1000 + index)));
const previewImages = Array.from({ length: 8 }, (_, index) => pngDataUrl(noisyPng(220, 220, seededRandom(50 + index))));
const CONTACT = { name: 'Memory Bench', email: 'bench@example.com' };

interface State {
  readonly orders: { id: string; images: number; printFiles: string[] }[];
  readonly artworks: { id: string; url: string; printable: boolean }[];
  readonly candidates: string[];
  readonly cookies: string[];
  readonly statuses: Map<string, number>;
  sequence: number;
}

const state: State = { orders: [], artworks: [], candidates: [], cookies: [], statuses: new Map(), sequence: 0 };

function tally(action: string, answer: Answer): Answer {
  const key = `${action} ${answer.status}`;
  state.statuses.set(key, (state.statuses.get(key) ?? 0) + 1);
  return answer;
}

function remember(answer: Answer): void {
  if (answer.status !== 201) return;
  const order = JSON.parse(answer.body.toString()) as { id: string; previewImages?: unknown[]; printFiles?: { url: string }[] };
  state.orders.push({ id: order.id, images: order.previewImages?.length ?? 0, printFiles: (order.printFiles ?? []).map((file) => file.url) });
  if (state.orders.length > 2000) state.orders.splice(0, 1000);
}

const key = () => `memory-${process.pid}-${++state.sequence}`;
const withVersion = (design: DesignDocument, version: CatalogEntry) => ({ ...design, rulesVersion: version.rulesVersion });

function tshirtWith(personalisation: Record<string, string>, choices: Record<string, string>): DesignDocument {
  return { ...designFrom(tshirt, choices), personalisation };
}

async function uploadArtwork(url: string): Promise<void> {
  const kind = random();
  const seed = seededRandom(++state.sequence);
  const [bytes, type, printable] = kind < 0.5
    ? [artworkPng(1600, 900, seed), 'image/png', true] as const
    : kind < 0.8 ? [artworkJpeg(1400, 700, seed), 'image/jpeg', true] as const : [artworkSvg(seed), 'image/svg+xml', true] as const;
  const answer = tally('upload', await send(url, 'POST', '/api/artworks', bytes, { 'Content-Type': type }));
  if (answer.status === 201) {
    const { artwork } = JSON.parse(answer.body.toString()) as { artwork: { id: string; url: string } };
    state.artworks.push({ ...artwork, printable });
    if (state.artworks.length > 500) state.artworks.splice(0, 250);
  }
}

/** One request of the mix, chosen by weight. */
const ACTIONS: readonly [number, string, (url: string) => Promise<unknown>][] = [
  [18, 'order+images', async (url) => {
    const images = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, n) => ({ view: ['side', 'front', 'back', 'top'][n]!, dataUrl: pick(previewImages) }));
    remember(tally('order+images', await postJson(url, '/api/orders', orderBody(sneaker, pick(sneakerDesigns), { previewImages: images, contact: CONTACT }), { 'Idempotency-Key': key() })));
  }],
  [14, 'order old version', async (url) => {
    const version = pick(history);
    const product = version.product.id === 'sneaker' ? sneaker : tshirt;
    const design = withVersion(pick(product === sneaker ? sneakerDesigns : tshirtDesigns), version);
    remember(tally('order old version', await postJson(url, '/api/orders', { ...orderBody(product, design, { withPrice: false, contact: CONTACT }), size: { eu: product === sneaker ? '42' : 'M' } }, { 'Idempotency-Key': key() })));
  }],
  [6, 'order text', async (url) => {
    const text = `ADA ${state.sequence % 1000}`;
    const design = tshirtWith({ sleeveText: text.slice(0, 10), 'sleeveText.colour': 'red' }, { 'leftSleeve.method': 'embroidery' });
    remember(tally('order text', await postJson(url, '/api/orders', { design, size: { eu: 'M' }, quantity: 1, contact: CONTACT }, { 'Idempotency-Key': key() })));
  }],
  [3, 'order artwork', async (url) => {
    const artwork = state.artworks.filter((candidate) => candidate.printable).at(-1 - Math.floor(random() * 5));
    if (!artwork) return uploadArtwork(url);
    const design = tshirtWith({ frontArtwork: artwork.id, 'frontArtwork.width': '200.0', 'frontArtwork.x': '30.0', 'frontArtwork.y': '0.0' }, { 'front.method': 'dtg' });
    remember(tally('order artwork', await postJson(url, '/api/orders', { design, size: { eu: 'M' }, quantity: 1, contact: CONTACT }, { 'Idempotency-Key': key() })));
  }],
  [5, 'print file', async (url) => {
    const printed = state.orders.filter((order) => order.printFiles.length > 0);
    if (printed.length === 0) return;
    tally('print file', await send(url, 'GET', pick(pick(printed.slice(-50)).printFiles)));
  }],
  [6, 'upload', uploadArtwork],
  [8, 'read order', async (url) => {
    const order = state.orders.length > 0 ? pick(state.orders) : undefined;
    if (order) tally('read order', await send(url, 'GET', `/api/orders/${order.id}`));
  }],
  [6, 'read image', async (url) => {
    const order = pick(state.orders.filter((candidate) => candidate.images > 0).slice(-200));
    if (order) tally('read image', await send(url, 'GET', `/api/orders/${order.id}/images/${1 + Math.floor(random() * order.images)}`));
  }],
  [5, 'read artwork', async (url) => {
    const artwork = state.artworks.length > 0 ? pick(state.artworks) : undefined;
    if (artwork) tally('read artwork', await send(url, 'GET', artwork.url));
  }],
  [4, 'submit', async (url) => {
    const product = random() < 0.7 ? sneaker : tshirt;
    const design = pick(product === sneaker ? sneakerDesigns : tshirtDesigns);
    const cookie = state.cookies.length > 0 ? pick(state.cookies) : undefined;
    const answer = tally('submit', await postJson(url, '/api/candidates', { design, title: `Memory design ${state.sequence % 997}` }, cookie ? { Cookie: cookie } : {}));
    if (answer.status === 201) state.candidates.push((JSON.parse(answer.body.toString()) as { candidate: { id: string } }).candidate.id);
  }],
  [16, 'vote', async (url) => {
    if (state.candidates.length === 0 || state.cookies.length === 0) return;
    tally('vote', await postJson(url, `/api/candidates/${pick(state.candidates)}/votes`, { vote: pick(['up', 'up', 'down', 'none']) }, { Cookie: pick(state.cookies) }));
  }],
  [8, 'list', async (url) => {
    const product = pick(['', 'product=sneaker&', 'product=tshirt&']);
    const answer = tally('list', await send(url, 'GET', `/api/candidates?${product}sort=${pick(['top', 'most-ordered', 'trending', 'newest'])}&limit=${pick([24, 100])}`, undefined, state.cookies.length > 40 ? { Cookie: pick(state.cookies) } : {}));
    if (answer.cookie && state.cookies.length < 400) state.cookies.push(answer.cookie);
  }],
  [3, 'candidate', async (url) => {
    if (state.candidates.length === 0) return;
    const id = pick(state.candidates);
    tally('candidate', await send(url, 'GET', random() < 0.5 ? `/api/candidates/${id}` : `/api/candidates/${id}/thumbnail`));
  }],
  [2, 'static', async (url) => {
    tally('static', await send(url, 'GET', pick(['/', '/index.html', '/gallery', '/api/health']), undefined, { 'Accept-Encoding': 'gzip' }));
  }],
];
const TOTAL_WEIGHT = ACTIONS.reduce((sum, [weight]) => sum + weight, 0);

async function oneRequest(url: string): Promise<void> {
  let roll = random() * TOTAL_WEIGHT;
  for (const [weight, , run] of ACTIONS) {
    roll -= weight;
    if (roll < 0) {
      await run(url);
      return;
    }
  }
}

/** The hostile round: the inputs that once blocked or crashed the server, each sent a few times. */
async function hostileRound(url: string): Promise<void> {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const huge = Buffer.alloc(13 * MB, 0x61);
  const bigPng = pngFile(6000, 6000, [30, 60, 90]);
  const denseSvg = artworkSvg(seededRandom(99), 49_000);
  const jobs: [string, () => Promise<Answer>][] = [
    ...Array.from({ length: 6 }, () => ['deep json', () => send(url, 'POST', '/api/orders', `{"design":${deep}}`, { 'Content-Type': 'application/json', 'Idempotency-Key': key() })] as [string, () => Promise<Answer>]),
    ...Array.from({ length: 4 }, () => ['oversized body', () => send(url, 'POST', '/api/orders', huge, { 'Content-Type': 'application/json', 'Idempotency-Key': key() })] as [string, () => Promise<Answer>]),
    ...Array.from({ length: 6 }, (_, n) => ['vote value', () => postJson(url, `/api/candidates/${state.candidates[0] ?? 'x'}/votes`, { vote: ['toString', 'constructor', '__proto__'][n % 3] }, state.cookies[0] ? { Cookie: state.cookies[0] } : {})] as [string, () => Promise<Answer>]),
    ...Array.from({ length: 6 }, () => ['nul id', () => send(url, 'GET', '/api/orders/%00abc')] as [string, () => Promise<Answer>]),
    ...Array.from({ length: 3 }, () => ['36 MP png', () => send(url, 'POST', '/api/artworks', bigPng, { 'Content-Type': 'image/png' })] as [string, () => Promise<Answer>]),
    ...Array.from({ length: 2 }, () => ['6000² jpeg', () => send(url, 'POST', '/api/artworks', claimingJpeg(), { 'Content-Type': 'image/jpeg' })] as [string, () => Promise<Answer>]),
  ];
  for (const [label, job] of jobs) tally(`hostile ${label}`, await job());
  // The dense SVG, printed: uploaded, ordered, and its print file asked for twice.
  const uploaded = tally('hostile dense svg', await send(url, 'POST', '/api/artworks', denseSvg, { 'Content-Type': 'image/svg+xml' }));
  if (uploaded.status === 201) {
    const { artwork } = JSON.parse(uploaded.body.toString()) as { artwork: { id: string } };
    const design = tshirtWith({ frontArtwork: artwork.id, 'frontArtwork.width': '200.0', 'frontArtwork.x': '30.0', 'frontArtwork.y': '0.0' }, { 'front.method': 'dtg' });
    const placed = tally('hostile dense order', await postJson(url, '/api/orders', { design, size: { eu: 'M' }, quantity: 1, contact: CONTACT }, { 'Idempotency-Key': key() }));
    if (placed.status === 201) {
      const order = JSON.parse(placed.body.toString()) as { printFiles: { url: string }[] };
      for (let n = 0; n < 2; n++) tally('hostile dense print', await send(url, 'GET', order.printFiles[0]!.url));
    }
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`Server memory under mixed traffic: ${SECONDS} s, ${CONCURRENCY} clients, ${VERSIONS} earlier rules versions of each product; node ${process.version}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const dataDir = mkdtempSync(join(tmpdir(), 'atelier-memory-'));
let server: ServerProcess | undefined;
let died: ((code: number | null, signal: string | null) => void) | undefined;
try {
  await publishHistory(dataDir);
  server = await startServerProcess({ ATELIER_DATA_DIR: dataDir, ATELIER_FULFILMENT_TOKEN: 'bench' }, 180_000, { nodeArgs: ['--import', resolve(import.meta.dirname, 'memoryProbe.mjs')], ipc: true });
  const running = server;
  // A server that dies mid-run says why, instead of leaving only a closed channel.
  died = (code: number | null, signal: string | null) => console.error(`  the server exited (${signal ?? `exit ${code}`}):\n${running.output().slice(-4000)}`);
  running.child.once('exit', died);
  if (SNAPSHOTS) mkdirSync(SNAPSHOTS, { recursive: true });
  await new Promise((done) => setTimeout(done, 1000));
  const start = await sample(running);
  console.log(`  start            ${describeSample(start)}`);
  if (SNAPSHOTS) console.log(`  heap snapshot: ${(await ask<{ file: string }>(running, { kind: 'snapshot', file: join(SNAPSHOTS, 'start.heapsnapshot') }, 'snapshot')).file}`);

  let peak = start.rss;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(running.child.pid!));
    } catch {
      // the process is gone; the next request will say so
    }
  }, 250);
  let done = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let nextReport = started + 15_000;
  const reporter = setInterval(() => {
    void sample(running).then((s) => {
      if (performance.now() < nextReport) return;
      nextReport += 15_000;
      console.log(`  ${String(Math.round((performance.now() - started) / 1000)).padStart(4)} s  ${String(done).padStart(6)} req  ${describeSample(s)}`);
    }, () => {});
  }, 1000);
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < until) {
      await oneRequest(running.url);
      done++;
    }
  }));
  clearInterval(reporter);
  const seconds = (performance.now() - started) / 1000;
  const mixed = await sample(running);
  console.log(`  after mixed      ${describeSample(mixed)}   (${done} requests, ${(done / seconds).toFixed(0)}/s)`);
  await hostileRound(running.url);
  const hostile = await sample(running);
  console.log(`  after hostile    ${describeSample(hostile)}`);
  await new Promise((settle) => setTimeout(settle, 5000));
  clearInterval(sampler);
  const end = await sample(running);
  console.log(`  end (5 s idle)   ${describeSample(end)}`);
  console.log(`  peak RSS ${mb(peak)}`);
  if (SNAPSHOTS) console.log(`  heap snapshot: ${(await ask<{ file: string }>(running, { kind: 'snapshot', file: join(SNAPSHOTS, 'end.heapsnapshot') }, 'snapshot')).file}`);
  console.log(`  responses: ${[...state.statuses.entries()].sort().map(([name, count]) => `${name}: ${count}`).join(', ')}`);
  const pass = end.rss <= BUDGET_MB * MB;
  console.log(`  (after the mixed traffic alone: ${mb(mixed.rss)}, ${mixed.rss <= BUDGET_MB * MB ? 'within' : 'over'} the budget)`);
  console.log(`  budget: RSS at the end, after the hostile round, ≤ ${BUDGET_MB} MB: ${pass ? 'PASS' : 'FAIL'} (${mb(end.rss)})`);
  process.exitCode = pass ? 0 : 1;
} finally {
  if (died) server?.child.removeListener('exit', died);
  await server?.stop('SIGTERM');
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
