// Crash test of order storage: `npm run crash-test -- --orders 1000 [--concurrency 50] [--kills 1]`.
//
// Starts the real server on a fresh embedded database, sends the orders concurrently, each with
// its own idempotency key, kills the server with SIGKILL mid-run (--kills times), restarts it on
// the same data, retries every order that was not acknowledged and a sample of those that were,
// with the same keys, and proves from the fulfilment export that every acknowledged order is
// stored exactly once, as acknowledged, and that every order ends up stored exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import type { ServerOrder } from '../src/server/serverOrder.ts';
import { orderBody, productUnderTest, randomDesign } from './support/orderBodies.ts';
import { seededRandom } from '../src/domain/shared/index.ts';
import { startServerProcess, type ServerProcess } from './serverProcess.ts';
import { numberArgument } from './numberArgument.ts';

/** How to run the crash test. */
export interface CrashTestOptions {
  readonly orders: number;
  readonly concurrency: number;
  readonly kills: number;
  /** A data folder to use (it is removed afterwards); default a new empty temporary folder. */
  readonly dataDir?: string;
  /** Progress lines; default none. */
  readonly log?: (line: string) => void;
}

/** What the crash test saw and proved. */
export interface CrashTestResult {
  readonly orders: number;
  readonly kills: number;
  /** Orders acknowledged (200/201) before the last kill. */
  readonly acknowledgedBeforeKills: number;
  /** Requests that failed because the server was killed under them. */
  readonly failedInFlight: number;
  /** Of those, orders the server had committed but never acknowledged (found by the retry). */
  readonly committedButUnacknowledged: number;
  /** Acknowledged orders sent again with their key, and how many came back as the same order. */
  readonly retriedAcknowledged: number;
  readonly retriedAcknowledgedSame: number;
  /** Orders in the database at the end, and how many orders are stored twice, missing, or differ from their acknowledgement. */
  readonly stored: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly differFromAcknowledgement: number;
  /** Responses other than 200/201 or a dropped connection. */
  readonly unexpected: readonly string[];
  readonly seconds: number;
  readonly ok: boolean;
}

interface Attempt {
  readonly index: number;
  readonly status: 'acknowledged' | 'failed' | 'unexpected';
  readonly order?: ServerOrder;
  readonly httpStatus?: number;
  readonly detail?: string;
}

const TOKEN = 'crash-test-token';

/** Runs the crash test; see the file comment. */
export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'atelier-crash-'));
  const env = { ATELIER_DATA_DIR: dataDir, ATELIER_FULFILMENT_TOKEN: TOKEN };
  const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
  const run = Date.now().toString(36);
  const orders = Array.from({ length: options.orders }, (_, index) => ({
    key: `crash-${run}-${index}`,
    body: JSON.stringify(orderBody(sneaker, randomDesign(sneaker, seededRandom(index + 1)), {
      eu: String(36 + (index % 13)), quantity: 1 + (index % 3), contact: { name: `Customer ${index}`, email: `customer-${index}@example.com` },
    })),
  }));
  const acknowledged = new Map<number, ServerOrder>();
  const unexpected: string[] = [];
  let failedInFlight = 0;
  let server: ServerProcess | undefined;

  try {
    // Each kill ends a phase: orders go out until enough are acknowledged, then SIGKILL.
    let next = 0;
    const unacknowledged = new Set<number>();
    for (let kill = 1; kill <= options.kills; kill++) {
      server = await startServerProcess(env);
      log(`server ${kill} up at ${server.url}`);
      const killAt = Math.floor((options.orders * kill) / (options.kills + 1));
      const current = server;
      let killed = false;
      let killScheduled = false;
      const attempts = await sendAll(current.url, () => {
        if (killed) return undefined;
        if (acknowledged.size >= killAt && !killScheduled) {
          killScheduled = true;
          // Not right after an acknowledgement: a few milliseconds later, while orders are mid-commit.
          setTimeout(() => {
            killed = true;
            current.child.kill('SIGKILL');
            log(`SIGKILL after ${acknowledged.size} acknowledgements, ${next} orders sent`);
          }, 2 + Math.random() * 20);
        }
        return next < orders.length ? next++ : undefined;
      }, orders, options.concurrency, (attempt) => record(attempt));
      await current.stop('SIGKILL');
      for (const attempt of attempts) {
        if (attempt.status === 'failed') {
          failedInFlight++;
          unacknowledged.add(attempt.index);
        }
      }
    }
    const acknowledgedBeforeKills = acknowledged.size;

    server = await startServerProcess(env);
    log(`server restarted at ${server.url}; sending the rest and retrying`);
    const retriedSample = [...acknowledged.keys()].filter((_, position) => position % 10 === 0);
    const before = new Map([...acknowledged].filter(([index]) => retriedSample.includes(index)));
    const queue = [...unacknowledged, ...retriedSample, ...range(next, orders.length)];
    let committedButUnacknowledged = 0;
    let retriedAcknowledgedSame = 0;
    let position = 0;
    await sendAll(server.url, () => (position < queue.length ? queue[position++] : undefined), orders, options.concurrency, (attempt) => {
      if (attempt.status === 'acknowledged') {
        if (unacknowledged.has(attempt.index) && attempt.httpStatus === 200) committedButUnacknowledged++;
        const earlier = before.get(attempt.index);
        if (earlier && earlier.id === attempt.order!.id && earlier.orderNumber === attempt.order!.orderNumber) retriedAcknowledgedSame++;
      }
      if (attempt.status === 'failed') unexpected.push(`order ${attempt.index}: ${attempt.detail} after the restart`);
      record(attempt);
    });

    const exported = await exportAll(server.url);
    const byIndex = new Map<number, ServerOrder[]>();
    for (const order of exported) {
      const index = Number(/^customer-(\d+)@/.exec(order.contact.email)?.[1]);
      byIndex.set(index, [...(byIndex.get(index) ?? []), order]);
    }
    const duplicates = [...byIndex.values()].filter((list) => list.length > 1).length;
    const missing = orders.filter((_, index) => !byIndex.has(index)).length;
    const differFromAcknowledgement = [...acknowledged].filter(([index, order]) => {
      const stored = byIndex.get(index)?.[0];
      return !stored || stored.id !== order.id || stored.orderNumber !== order.orderNumber || stored.createdAt !== order.createdAt;
    }).length;
    const stopped = await server.stop('SIGTERM');
    if (stopped !== 'exit 0') unexpected.push(`the server did not stop cleanly on SIGTERM (${stopped})`);
    server = undefined;

    const result = {
      orders: options.orders,
      kills: options.kills,
      acknowledgedBeforeKills,
      failedInFlight,
      committedButUnacknowledged,
      retriedAcknowledged: retriedSample.length,
      retriedAcknowledgedSame,
      stored: exported.length,
      duplicates,
      missing,
      differFromAcknowledgement,
      unexpected,
      seconds: (performance.now() - started) / 1000,
    };
    const ok = result.stored === options.orders && duplicates === 0 && missing === 0 && differFromAcknowledgement === 0
      && retriedAcknowledgedSame === retriedSample.length && acknowledged.size === options.orders && unexpected.length === 0 && failedInFlight > 0;
    return { ...result, ok };
  } finally {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }

  function record(attempt: Attempt): void {
    if (attempt.status === 'acknowledged') acknowledged.set(attempt.index, attempt.order!);
    if (attempt.status === 'unexpected') unexpected.push(`order ${attempt.index}: HTTP ${attempt.httpStatus} ${attempt.detail}`);
  }
}

/** Sends orders chosen by `take` (undefined: stop) with `concurrency` requests in flight. */
async function sendAll(url: string, take: () => number | undefined, orders: readonly { key: string; body: string }[], concurrency: number, onAttempt: (attempt: Attempt) => void): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const worker = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      const attempt = await send(url, index, orders[index]!);
      attempts.push(attempt);
      onAttempt(attempt);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return attempts;
}

async function send(url: string, index: number, order: { key: string; body: string }): Promise<Attempt> {
  try {
    const response = await fetch(`${url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': order.key },
      body: order.body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status === 200 || response.status === 201) return { index, status: 'acknowledged', order: JSON.parse(text) as ServerOrder, httpStatus: response.status };
    return { index, status: 'unexpected', httpStatus: response.status, detail: text.slice(0, 300) };
  } catch (error) {
    // A dropped connection, or a response cut off by the kill: not acknowledged.
    return { index, status: 'failed', detail: error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error) };
  }
}

async function exportAll(url: string): Promise<ServerOrder[]> {
  const response = await fetch(`${url}/api/orders/export?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!response.ok) throw new Error(`the export failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.text()).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as ServerOrder);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
}

/** Prints the figures of a run. */
export function formatCrashTestResult(result: CrashTestResult): string {
  return [
    `orders sent:                          ${result.orders} (${result.kills} SIGKILL${result.kills === 1 ? '' : 's'})`,
    `acknowledged before the kill(s):      ${result.acknowledgedBeforeKills}`,
    `requests cut off by the kill(s):      ${result.failedInFlight}`,
    `  of which committed, never answered: ${result.committedButUnacknowledged} (the retry found them stored)`,
    `acknowledged orders retried:          ${result.retriedAcknowledged}, same order returned: ${result.retriedAcknowledgedSame}`,
    `orders stored at the end:             ${result.stored}`,
    `duplicates / missing / changed:       ${result.duplicates} / ${result.missing} / ${result.differFromAcknowledgement}`,
    ...result.unexpected.slice(0, 10).map((line) => `unexpected: ${line}`),
    `time:                                 ${result.seconds.toFixed(1)} s`,
    result.ok ? 'PASS: every acknowledged order is stored exactly once, as acknowledged; every order is stored exactly once.' : 'FAIL',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = { orders: numberArgument('orders', 1000, 'whole'), concurrency: numberArgument('concurrency', 50, 'whole'), kills: numberArgument('kills', 1, 'whole'), log: (line: string) => console.log(`  ${line}`) };
  console.log(`Crash test: ${options.orders} orders, ${options.concurrency} at a time, ${options.kills} SIGKILL(s), embedded PGlite`);
  const result = await runCrashTest(options);
  console.log(formatCrashTestResult(result));
  process.exit(result.ok ? 0 : 1);
}
