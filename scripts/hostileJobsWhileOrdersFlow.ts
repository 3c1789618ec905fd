// The fault test's section "Hostile jobs while orders flow": a real server on a fresh data
// directory takes a steady stream of valid orders while the hostile jobs (scripts/hostileJobs.ts) run against
// it (the 6000 × 6000 px JPEG of a few hundred bytes, the 36 MP PNG, the print file of a 49,000-shape
// SVG) and /api/health is sampled. Reports health p50/p99/max against the budget (p99 ≤ 50 ms),
// orders/s and order latency, how the hostile jobs were answered or refused, the server's resident
// memory at the end, and proves from the fulfilment export that no acknowledged order was lost.
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import type { ServerOrder } from '../src/server/serverOrder.ts';
import { freshPgliteDataDir } from './support/testDatabases.ts';
import { orderBody, productUnderTest, randomDesign } from './support/orderBodies.ts';
import { seededRandom } from '../src/domain/shared/index.ts';
import type { FaultCheck } from './faultTest.ts';
import { fireHostileJobs, prepareHostileJobs, sampleHealth, type HostileJobsReport } from './hostileJobs.ts';
import { residentMb, startServerProcess } from './serverProcess.ts';

/** How long and how hard the section runs. */
export interface HostileJobsWhileOrdersFlowOptions {
  /** Seconds of hostile load (default 30). */
  readonly seconds: number;
  /** Valid orders arriving per second, whatever the server does (default 50). */
  readonly orderRate: number;
  /** Hostile jobs in flight at once (default 2). */
  readonly concurrency: number;
}

/** The budget of PRODUCT.md §7 for /api/health under hostile jobs. */
export const HEALTH_P99_BUDGET_MS = 50;

const TOKEN = 'fault-test-token';
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One order sent with node:http (cheap for the shared CPUs): its status and body. */
function postOrder(url: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = request(`${url}/api/orders`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': bytes.length, 'Idempotency-Key': key },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

/** What the stream of orders got: the acknowledged orders, latencies from when each was due, other answers. */
interface OrderStream {
  readonly sent: number;
  readonly acknowledged: ServerOrder[];
  readonly latencies: number[];
  readonly refused: string[];
  readonly seconds: number;
}

/**
 * Valid orders at `rate` per second (an open loop: an order is sent when it is due, whether or not
 * the earlier ones were answered) until `signal` aborts; resolves when the last one has answered.
 */
async function streamOrders(url: string, bodies: readonly string[], rate: number, signal: AbortSignal): Promise<OrderStream> {
  const acknowledged: ServerOrder[] = [];
  const latencies: number[] = [];
  const refused: string[] = [];
  const pending: Promise<void>[] = [];
  const run = Date.now().toString(36);
  const started = performance.now();
  for (let index = 0; !signal.aborted; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((done) => setTimeout(done, wait));
    if (signal.aborted) break;
    pending.push(postOrder(url, `flow-${run}-${index}`, bodies[index % bodies.length]!).then(
      (answer) => {
        if (answer.status === 201) {
          latencies.push(performance.now() - due);
          acknowledged.push(JSON.parse(answer.body) as ServerOrder);
        } else {
          refused.push(`${answer.status} ${answer.body.slice(0, 200)}`);
        }
      },
      (error: Error) => { refused.push(`no answer: ${error.message}`); },
    ));
  }
  await Promise.all(pending);
  return { sent: pending.length, acknowledged, latencies, refused, seconds: (performance.now() - started) / 1000 };
}

/** Every order in the fulfilment export, by id (a list, so an order stored twice shows). */
async function exportedOrders(url: string): Promise<Map<string, ServerOrder[]>> {
  const response = await fetch(`${url}/api/orders/export?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!response.ok) throw new Error(`the export failed: HTTP ${response.status} ${await response.text()}`);
  const byId = new Map<string, ServerOrder[]>();
  for (const line of (await response.text()).split('\n')) {
    if (line.trim() === '') continue;
    const order = JSON.parse(line) as ServerOrder;
    byId.set(order.id, [...(byId.get(order.id) ?? []), order]);
  }
  return byId;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Statuses a hostile job may get: done (201/200), refused as too big or too slow (422), refused as busy (503). */
const EXPECTED_HOSTILE_STATUSES = new Set(['200', '201', '422', '503']);

function hostileCheck(report: HostileJobsReport): FaultCheck {
  const kinds = Object.entries(report.byKind);
  const count = (wanted: (status: string) => boolean) => kinds.reduce((sum, [, kind]) => sum + Object.entries(kind.statuses).filter(([status]) => wanted(status)).reduce((n, [, times]) => n + times, 0), 0);
  const unexpected = count((status) => !EXPECTED_HOSTILE_STATUSES.has(status));
  return {
    name: 'hostile jobs answered or refused, none dropped or 500',
    ok: unexpected === 0 && report.jobs > 0,
    detail: kinds.map(([kind, { statuses, p50Ms, maxMs }]) => `${kind} ${Object.entries(statuses).map(([status, n]) => `${n}× ${status === '0' ? 'no answer' : status}`).join(', ') || 'none finished'} (p50 ${(p50Ms / 1000).toFixed(1)} s, max ${(maxMs / 1000).toFixed(1)} s)`).join('; '),
    figures: { jobs: report.jobs, 'refused 422': count((status) => status === '422'), 'refused 503': count((status) => status === '503') },
  };
}

/** Runs the section; see the file comment. */
export async function hostileJobsWhileOrdersFlow(options: HostileJobsWhileOrdersFlowOptions, log: (line: string) => void): Promise<FaultCheck[]> {
  const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
  // Bodies built before the load, so building them does not take the shared CPUs during it.
  const bodies = Array.from({ length: 200 }, (_, index) => JSON.stringify(orderBody(sneaker, randomDesign(sneaker, seededRandom(index + 1)), {
    eu: String(36 + (index % 13)), quantity: 1 + (index % 3), contact: { name: `Flow ${index}`, email: `flow-${index}@example.com` },
  })));
  const dir = await freshPgliteDataDir();
  const server = await startServerProcess({ ATELIER_DATA_DIR: dir, ATELIER_FULFILMENT_TOKEN: TOKEN }, 120_000);
  const jobSettings = Object.entries(process.env).filter(([name]) => name.startsWith('ATELIER_JOB_')).map(([name, value]) => `${name}=${value}`);
  log(`server up at ${server.url} (process ${server.child.pid}); job pool ${jobSettings.length === 0 ? 'with its defaults' : jobSettings.join(' ')}`);
  try {
    // The first answers of a new server are slow (code loaded and compiled on first use): not counted.
    await sampleHealth(server.url, { signal: AbortSignal.timeout(500) });
    const quiet = new AbortController();
    setTimeout(() => quiet.abort(), 2000);
    const idle = await sampleHealth(server.url, { signal: quiet.signal });
    const prepared = await prepareHostileJobs(server.url);
    log(`hostile jobs prepared; ${options.seconds} s of hostile jobs (${options.concurrency} at a time), ${options.orderRate} orders/s and health samples`);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), options.seconds * 1000);
    const loadBefore = loadavg()[0]!;
    const [jobs, health, orders] = await Promise.all([
      fireHostileJobs(prepared, { signal: stop.signal, concurrency: options.concurrency }),
      sampleHealth(server.url, { signal: stop.signal }),
      streamOrders(server.url, bodies, options.orderRate, stop.signal),
    ]).finally(() => clearTimeout(timer));

    const alive = server.child.exitCode === null && server.child.signalCode === null;
    const stored = await exportedOrders(server.url);
    const lost = orders.acknowledged.filter((order) => !stored.has(order.id)).length;
    const twice = orders.acknowledged.filter((order) => (stored.get(order.id)?.length ?? 0) > 1).length;
    const changed = orders.acknowledged.filter((order) => {
      const found = stored.get(order.id)?.[0];
      return found !== undefined && (found.orderNumber !== order.orderNumber || found.createdAt !== order.createdAt);
    }).length;
    const memory = residentMb(server.child.pid!);
    const latencies = [...orders.latencies].sort((a, b) => a - b);
    const withinBudget = health.p99Ms <= HEALTH_P99_BUDGET_MS;
    return [
      {
        name: '/api/health answers under hostile jobs',
        ok: health.failures === 0 && health.samples > 0,
        detail: `p50 ${ms(health.p50Ms)}, p99 ${ms(health.p99Ms)}, max ${ms(health.maxMs)} (n=${health.samples}, ${health.failures} failed); idle before: p50 ${ms(idle.p50Ms)}, p99 ${ms(idle.p99Ms)} (n=${idle.samples}); machine load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`,
        figures: { 'p99 (ms)': health.p99Ms.toFixed(1) },
        budgets: { [`health p99 ≤ ${HEALTH_P99_BUDGET_MS} ms`]: withinBudget },
      },
      {
        name: 'valid orders acknowledged during hostile jobs',
        ok: orders.refused.length === 0 && orders.acknowledged.length > 0,
        detail: `${orders.acknowledged.length} of ${orders.sent} acknowledged at ${options.orderRate}/s offered: p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}, max ${ms(latencies.at(-1) ?? 0)}${orders.refused.length === 0 ? '' : `; not acknowledged: ${orders.refused.slice(0, 3).join(' | ')}`}`,
        figures: { 'orders/s': (orders.acknowledged.length / orders.seconds).toFixed(1), 'p99 (ms)': percentile(latencies, 0.99).toFixed(1) },
      },
      hostileCheck(jobs),
      {
        name: 'every acknowledged order stored (fulfilment export)',
        ok: lost === 0 && twice === 0 && changed === 0,
        detail: `${orders.acknowledged.length} acknowledged; lost / twice / changed: ${lost} / ${twice} / ${changed}; ${[...stored.values()].length} orders stored in all (with the hostile print orders)`,
        figures: { lost },
      },
      {
        name: 'server still running at the end',
        ok: alive,
        detail: memory ? `resident memory ${memory.now.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)` : 'resident memory not measured (needs Linux /proc)',
        figures: memory ? { 'VmRSS (MB)': memory.now.toFixed(0) } : {},
      },
    ];
  } finally {
    agent.destroy();
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
