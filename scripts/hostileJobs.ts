// Hostile jobs against a running server, and what /api/health latency looks like meanwhile:
// `tsx scripts/hostileJobs.ts [--url http://127.0.0.1:4173] [--seconds 30] [--concurrency 2]`.
//
// Without --url it starts src/server/main.ts on a fresh temporary data folder (the ATELIER_JOB_*
// variables of this shell reach it). The jobs are the inputs that once blocked the server, in a loop until stopped:
// a 618-byte JPEG that claims 6000 × 6000 px, a 120 KB PNG of 36 megapixels, and the print file of a
// new order whose front carries an SVG of 49,000 shapes (each order is new, so each print is a new
// render). Budget (PRODUCT.md §7): /api/health p99 ≤ 50 ms while they run. A figure, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import type { ServerOrder } from '../src/server/serverOrder.ts';
import { hostileJpeg, hostilePng, hostileSvg } from './support/hostileFiles.ts';
import { designFrom, productUnderTest } from './support/orderBodies.ts';
import { startServerProcess } from './serverProcess.ts';

/** The kinds of hostile job. */
export type HostileJobKind = 'jpeg' | 'png' | 'print';

/** The hostile files built and the hostile SVG uploaded, ready to fire (see {@link prepareHostileJobs}). */
export interface HostileJobs {
  readonly baseUrl: string;
  readonly kinds: readonly HostileJobKind[];
  readonly jpeg: Uint8Array;
  readonly png: Uint8Array;
  /** Places a new order carrying the hostile SVG; resolves with its front print file's URL. */
  readonly newPrintOrder: () => Promise<string>;
}

/** How to fire hostile jobs. */
export interface HostileJobsOptions {
  /** Stops the loop; jobs in flight are waited for. */
  readonly signal: AbortSignal;
  /** Jobs in flight at once (default 2). */
  readonly concurrency?: number;
}

/** What the hostile jobs got back: per kind, how many answers of each status and how long they took. */
export interface HostileJobsReport {
  readonly jobs: number;
  readonly byKind: Readonly<Record<string, { readonly statuses: Readonly<Record<string, number>>; readonly p50Ms: number; readonly maxMs: number }>>;
}

/** /api/health latency while it was sampled. */
export interface HealthReport {
  readonly samples: number;
  readonly failures: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request with node:http (cheaper for the shared CPUs than fetch): status and body. */
function send(url: string, method: string, headers: Record<string, string> = {}, body?: Uint8Array | string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Builds the hostile files, uploads the hostile SVG and compiles the t-shirt's rules for the orders
 * that carry it. Do it before sampling latency: building the files takes this process's own event
 * loop for seconds, which would count against the server.
 */
export async function prepareHostileJobs(baseUrl: string, kinds: readonly HostileJobKind[] = ['jpeg', 'png', 'print']): Promise<HostileJobs> {
  const jpeg = hostileJpeg();
  const png = kinds.includes('png') ? hostilePng() : new Uint8Array();
  const newPrintOrder = kinds.includes('print') ? await hostilePrintOrder(baseUrl) : () => Promise.reject(new Error('print jobs were not prepared'));
  return { baseUrl, kinds, jpeg, png, newPrintOrder };
}

/**
 * Fires the prepared hostile jobs in a loop, `concurrency` at a time, until `signal` aborts;
 * resolves when the last one in flight has answered. Connection errors count as status 0.
 *
 * @example
 * const prepared = await prepareHostileJobs('http://127.0.0.1:4173');
 * const stop = new AbortController();
 * const jobs = fireHostileJobs(prepared, { signal: stop.signal });
 * const health = sampleHealth('http://127.0.0.1:4173', { signal: stop.signal });
 * setTimeout(() => stop.abort(), 30_000);
 * console.log(await jobs, await health);
 */
export async function fireHostileJobs(prepared: HostileJobs, options: HostileJobsOptions): Promise<HostileJobsReport> {
  const { baseUrl, kinds, jpeg, png } = prepared;
  const results: { kind: HostileJobKind; status: number; ms: number }[] = [];
  let next = 0;
  const one = async (kind: HostileJobKind): Promise<number> => {
    switch (kind) {
      case 'jpeg':
        return (await send(`${baseUrl}/api/artworks`, 'POST', { 'Content-Type': 'image/jpeg', 'X-File-Name': 'bomb.jpg' }, jpeg)).status;
      case 'png':
        return (await send(`${baseUrl}/api/artworks`, 'POST', { 'Content-Type': 'image/png', 'X-File-Name': 'big.png' }, png)).status;
      case 'print': {
        const url = await prepared.newPrintOrder();
        return (await send(`${baseUrl}${url}`, 'GET')).status;
      }
      default:
        throw new Error(`unknown hostile job ${JSON.stringify(kind satisfies never)}`);
    }
  };
  const lane = async () => {
    while (!options.signal.aborted) {
      const kind = kinds[next++ % kinds.length]!;
      const started = performance.now();
      const status = await one(kind).catch(() => 0);
      results.push({ kind, status, ms: performance.now() - started });
      // A refused job (busy) comes back at once: do not turn the loop into a flood of refusals.
      if (status === 503 && !options.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, lane));
  const byKind: Record<string, { statuses: Record<string, number>; p50Ms: number; maxMs: number }> = {};
  for (const kind of kinds) {
    const mine = results.filter((result) => result.kind === kind);
    const statuses: Record<string, number> = {};
    for (const result of mine) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    const times = mine.map((result) => result.ms).sort((a, b) => a - b);
    byKind[kind] = { statuses, p50Ms: percentile(times, 0.5), maxMs: times.at(-1) ?? 0 };
  }
  return { jobs: results.length, byKind };
}

/**
 * Asks for `/api/health` one request after another, `intervalMs` apart (default 20), until `signal`
 * aborts, and reports the latency of the answers (a request that fails counts as a failure).
 */
export async function sampleHealth(baseUrl: string, options: { readonly signal: AbortSignal; readonly intervalMs?: number }): Promise<HealthReport> {
  const times: number[] = [];
  let failures = 0;
  while (!options.signal.aborted) {
    const started = performance.now();
    const status = await send(`${baseUrl}/api/health`, 'GET').then((response) => response.status, () => 0);
    if (status === 200) times.push(performance.now() - started);
    else failures++;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
  times.sort((a, b) => a - b);
  return { samples: times.length, failures, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), maxMs: times.at(-1) ?? 0 };
}

/** Uploads the 49,000-shape SVG once; each call then places a new order carrying it and gives its front print file's URL. */
async function hostilePrintOrder(baseUrl: string): Promise<() => Promise<string>> {
  const uploaded = await send(`${baseUrl}/api/artworks`, 'POST', { 'Content-Type': 'image/svg+xml', 'X-File-Name': 'circles.svg' }, hostileSvg());
  if (uploaded.status !== 201) throw new Error(`the hostile SVG was refused (${uploaded.status}): ${uploaded.body.toString()}`);
  const artworkId = (JSON.parse(uploaded.body.toString()) as { artwork: { id: string } }).artwork.id;
  const tshirt = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!);
  const design = { ...designFrom(tshirt, { 'front.method': 'dtg' }), personalisation: { frontArtwork: artworkId, 'frontArtwork.width': '260.0', 'frontArtwork.x': '0.0', 'frontArtwork.y': '0.0' } };
  const body = JSON.stringify({ design, size: { eu: 'M' }, quantity: 1, contact: { name: 'Hostile Jobs', email: 'hostile@example.com' }, shippingAddress: { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } });
  let count = 0;
  return async () => {
    const placed = await send(`${baseUrl}/api/orders`, 'POST', { 'Content-Type': 'application/json', 'Idempotency-Key': `hostile-${process.pid}-${Date.now()}-${++count}` }, body);
    if (placed.status !== 201) throw new Error(`the order was refused (${placed.status}): ${placed.body.toString()}`);
    return (JSON.parse(placed.body.toString()) as ServerOrder).printFiles[0]!.url;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const seconds = Number(argument('seconds') ?? '30');
  const concurrency = Number(argument('concurrency') ?? '2');
  let url = argument('url');
  let dataDir: string | undefined;
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  if (url === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'atelier-hostile-'));
    server = await startServerProcess({ ATELIER_DATA_DIR: dataDir });
    url = server.url;
  }
  try {
    const quiet = new AbortController();
    setTimeout(() => quiet.abort(), 3000);
    const idle = await sampleHealth(url, { signal: quiet.signal });
    console.log(`health, idle:            p50 ${idle.p50Ms.toFixed(1)} ms  p99 ${idle.p99Ms.toFixed(1)} ms  max ${idle.maxMs.toFixed(1)} ms  (n=${idle.samples})`);
    const stop = new AbortController();
    const prepared = await prepareHostileJobs(url);
    const jobs = fireHostileJobs(prepared, { signal: stop.signal, concurrency });
    const health = sampleHealth(url, { signal: stop.signal });
    setTimeout(() => stop.abort(), seconds * 1000);
    const [jobReport, healthReport] = await Promise.all([jobs, health]);
    console.log(`health, hostile jobs:    p50 ${healthReport.p50Ms.toFixed(1)} ms  p99 ${healthReport.p99Ms.toFixed(1)} ms  max ${healthReport.maxMs.toFixed(1)} ms  (n=${healthReport.samples}, ${healthReport.failures} failed)  ${healthReport.p99Ms <= 50 ? 'PASS' : 'FAIL'} (budget p99 ≤ 50 ms)`);
    for (const [kind, report] of Object.entries(jobReport.byKind)) {
      console.log(`  ${kind.padEnd(6)} ${Object.entries(report.statuses).map(([status, n]) => `${n}× ${status}`).join(', ') || 'none finished'}; p50 ${(report.p50Ms / 1000).toFixed(1)} s, max ${(report.maxMs / 1000).toFixed(1)} s`);
    }
  } finally {
    agent.destroy();
    await server?.stop('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
