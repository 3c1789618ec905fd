// Order throughput and latency of the real server over real HTTP: `npm run bench:server`.
//
//   npm run bench:server [-- --orders 2000 --concurrency 16 --rate 500 --votes 2000]
//
// For each database — the embedded PGlite (a fresh temporary data folder) and, when DATABASE_URL
// or ATELIER_TEST_DATABASE_URL names one, a PostgreSQL server (in a throw-away schema) — it starts
// src/server/main.ts as a child process and sends new orders (each a different valid design with
// its own idempotency key, fully revalidated and priced by the server):
//   1. closed loop: --concurrency requests in flight at all times: the most orders per second;
//   2. open loop: orders arrive at --rate per second whatever the server does: the latency a
//      customer sees at that load.
//   3. votes: --votes up/down votes by many voters (signed cookies) on gallery designs: votes/s.
// All its voters come from one address (this machine), so the server is started with per-address
// limits far above the shop's defaults (BENCH_LIMITS below); the figures say so.
// Budget (PRODUCT.md §7): ≥ 500 orders/s, p99 ≤ 50 ms, on 2 cores.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import { createPostgresClient } from '../src/server/postgresClient.ts';
import { orderBody, productUnderTest, randomDesign } from './support/orderBodies.ts';
import { seededRandom } from '../src/domain/shared/index.ts';
import { residentMb, startServerProcess } from './serverProcess.ts';
import { numberArgument } from './numberArgument.ts';

const ORDERS = numberArgument('orders', 2000);
const CONCURRENCY = numberArgument('concurrency', 16);
const RATE = numberArgument('rate', 500);
const WARM_UP = 300;
const VOTES = numberArgument('votes', 2000);

const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
const designs = Array.from({ length: 500 }, (_, index) => randomDesign(sneaker, seededRandom(index + 1)));
let sequence = 0;
/** A new order: a different key each time, one of 500 designs, sizes and quantities varied. */
function nextOrder(): { key: string; body: string } {
  const index = sequence++;
  return {
    key: `bench-${process.pid}-${index}`,
    body: JSON.stringify(orderBody(sneaker, designs[index % designs.length]!, { eu: String(36 + (index % 13)), quantity: 1 + (index % 3) })),
  };
}

// node:http with keep-alive rather than fetch: the client shares the 2 cores with the server, so
// it should cost as little as it can.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function placeOrder(url: string, order: { key: string; body: string }): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = Buffer.from(order.body);
    const req = request(`${url}/api/orders`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Idempotency-Key': order.key },
    }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 201 ? resolve(performance.now() - started) : reject(new Error(`expected 201, got ${response.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Figures { readonly ordersPerSecond: number; readonly p50: number; readonly p99: number; readonly max: number }

function figures(latencies: number[], seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { ordersPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

async function closedLoop(url: string, count: number, concurrency: number): Promise<Figures> {
  const orders = Array.from({ length: count }, nextOrder);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < orders.length) latencies.push(await placeOrder(url, orders[next++]!));
  }));
  return figures(latencies, (performance.now() - started) / 1000);
}

async function openLoop(url: string, count: number, rate: number): Promise<Figures> {
  const orders = Array.from({ length: count }, nextOrder);
  const latencies: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (const [index, order] of orders.entries()) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((done) => setTimeout(done, wait));
    // Latency counts from when the order was due, so a late client does not hide a slow server.
    pending.push(placeOrder(url, order).then(() => { latencies.push(performance.now() - due); }));
  }
  await Promise.all(pending);
  return figures(latencies, (performance.now() - started) / 1000);
}

/**
 * The bench's limits per client address: every voter and submission comes from 127.0.0.1, far
 * beyond a shop's defaults (30 new voter ids and 20 submissions an hour per address).
 */
const BENCH_LIMITS = { ATELIER_VOTER_IDS_PER_HOUR: '1000000', ATELIER_SUBMISSIONS_PER_HOUR: '1000000' };

/** A new voter: a first visit to the gallery, which gives the voter its signed cookie. */
function newVoter(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/candidates?limit=1`, { agent }, (response) => {
      response.resume();
      const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
      response.on('end', () => (cookie ? resolve(cookie) : reject(new Error(`the gallery set no voter cookie (status ${response.statusCode})`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** One HTTP request with a JSON body; resolves with the status, the latency and any Set-Cookie. */
function sendJson(url: string, path: string, payload: unknown, cookie?: string): Promise<{ status: number; ms: number; cookie?: string; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(payload));
    const req = request(`${url}${path}`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, ...(cookie ? { Cookie: cookie } : {}) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const setCookie = response.headers['set-cookie']?.[0]?.split(';')[0];
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString(), ...(setCookie ? { cookie: setCookie } : {}) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Votes per second: gallery designs are submitted, then many voters (each with the signed cookie
 * the server gave it) vote on them, --concurrency votes in flight. Each voter stays under the
 * rate limit, so every vote is a real, counted write.
 */
async function votes(url: string): Promise<Figures> {
  const candidates: string[] = [];
  for (const [index, design] of designs.slice(0, 20).entries()) {
    const answer = await sendJson(url, '/api/candidates', { design, title: `Bench design ${index + 1}` });
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`submitting a candidate: expected 201, got ${answer.status}: ${answer.body}`);
    candidates.push((JSON.parse(answer.body) as { candidate: { id: string } }).candidate.id);
  }
  // Eight measured votes each (plus the first): under the burst threshold, so none is flagged.
  const voters = Math.ceil(VOTES / 8);
  const cookies: string[] = [];
  for (let voter = 0; voter < voters; voter++) {
    // A vote counts only with a cookie from an earlier request: the gallery gives it.
    const cookie = await newVoter(url);
    const first = await sendJson(url, `/api/candidates/${candidates[0]}/votes`, { vote: 'up' }, cookie);
    if (first.status !== 200) throw new Error(`the first vote: expected 200, got ${first.status}: ${first.body}`);
    cookies.push(cookie);
  }
  const jobs = Array.from({ length: VOTES }, (_, index) => ({
    cookie: cookies[index % voters]!,
    candidate: candidates[1 + (Math.floor(index / voters) % (candidates.length - 1))]!,
    vote: index % 3 === 0 ? 'down' : 'up',
  }));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const answer = await sendJson(url, `/api/candidates/${job.candidate}/votes`, { vote: job.vote }, job.cookie);
      if (answer.status !== 200) throw new Error(`voting: expected 200, got ${answer.status}: ${answer.body}`);
      latencies.push(answer.ms);
    }
  }));
  return figures(latencies, (performance.now() - started) / 1000);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

async function bench(label: string, env: Record<string, string>): Promise<void> {
  const server = await startServerProcess({ ...env, ...BENCH_LIMITS, ATELIER_FULFILMENT_TOKEN: 'bench' });
  try {
    await closedLoop(server.url, WARM_UP, CONCURRENCY);
    const serverCpu = cpuMs(server.child.pid!);
    const clientCpu = process.cpuUsage();
    const closed = await closedLoop(server.url, ORDERS, CONCURRENCY);
    const serverCpuPerOrder = (cpuMs(server.child.pid!) - serverCpu) / ORDERS;
    const clientCpuPerOrder = (process.cpuUsage(clientCpu).user + process.cpuUsage(clientCpu).system) / 1000 / ORDERS;
    const open = await openLoop(server.url, Math.min(ORDERS, Math.round(RATE * 4)), RATE);
    console.log(`${label}`);
    console.log(`  most orders/s, ${CONCURRENCY} in flight:  ${closed.ordersPerSecond.toFixed(0)} orders/s   p50 ${ms(closed.p50)}   p99 ${ms(closed.p99)}   max ${ms(closed.max)}`);
    console.log(`  at ${RATE} orders/s arriving:          ${open.ordersPerSecond.toFixed(0)} orders/s   p50 ${ms(open.p50)}   p99 ${ms(open.p99)}   max ${ms(open.max)}`);
    console.log(`  CPU per order: server process ${serverCpuPerOrder.toFixed(2)} ms (at most ${(1000 / serverCpuPerOrder).toFixed(0)} orders/s on one core), load generator ${clientCpuPerOrder.toFixed(2)} ms`);
    const pass = closed.ordersPerSecond >= 500 && open.p99 <= 50;
    console.log(`  budget ≥ 500 orders/s and p99 ≤ 50 ms: ${pass ? 'met' : 'NOT met'}`);
    const voting = await votes(server.url);
    console.log(`  votes, ${CONCURRENCY} in flight:            ${voting.ordersPerSecond.toFixed(0)} votes/s    p50 ${ms(voting.p50)}   p99 ${ms(voting.p99)}   max ${ms(voting.max)}`);
    const memory = residentMb(server.child.pid!);
    console.log(memory ? `  server resident memory at the end: ${memory.now.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)` : '  server resident memory: not measured (needs Linux /proc)');
  } finally {
    await server.stop('SIGTERM');
  }
}

console.log(`Limits per client address set for the bench (every request comes from this machine): ${Object.entries(BENCH_LIMITS).map(([name, value]) => `${name}=${value}`).join(', ')}`);
console.log(`Orders with full revalidation over HTTP: ${ORDERS} orders after ${WARM_UP} to warm up; node ${process.version}; load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);

const dataDir = mkdtempSync(join(tmpdir(), 'atelier-bench-'));
try {
  await bench('PGlite (embedded, in the server process)', { ATELIER_DATA_DIR: dataDir });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const url = process.env.DATABASE_URL?.trim() || process.env.ATELIER_TEST_DATABASE_URL?.trim();
if (!url) {
  console.log('PostgreSQL: skipped (set DATABASE_URL or ATELIER_TEST_DATABASE_URL; `eval "$(bash scripts/testPostgres.sh start)"` starts a local one)');
} else {
  const schema = `atelier_bench_${process.pid}`;
  const admin = createPostgresClient({ url, maxConnections: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    await bench(`PostgreSQL (${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}, schema ${schema})`, { DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}search_path=${schema}` });
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
