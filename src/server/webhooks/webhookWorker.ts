// The webhook worker: takes due deliveries from the outbox, POSTs them signed, and records every
// attempt. The outbox row is written in the order's own transaction and a delivery stays pending
// until an attempt is recorded as delivered, so a crash at any moment loses nothing: a delivery
// taken by a process that died comes due again when its lease ends (at least once, same webhook-id).
import { performance } from 'node:perf_hooks';
import { retryDelaySeconds } from '../../domain/index.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Repository } from '../repository.ts';
import type { DeliveryAttempt, DueDelivery } from '../staffRecords.ts';
import { signWebhook } from './signWebhook.ts';
import { webhookPayload } from './webhookPayload.ts';
import { resolveWebhookWorkerSettings, type WebhookWorkerSettings } from './webhookWorkerOptions.ts';

/** What the worker needs of the repository. */
export type WebhookRepository = Pick<Repository, 'claimDueDeliveries' | 'recordDeliveryAttempt' | 'findOrder'>;

/** How the worker runs; everything but the repository has a default (`DEFAULT_WEBHOOK_WORKER_SETTINGS`). */
export interface WebhookWorkerOptions extends Partial<WebhookWorkerSettings> {
  readonly repository: WebhookRepository;
  /** The time attempts are made at and retries scheduled from (tests pass their own). */
  readonly clock?: Clock;
  /** How requests are sent (default: the global fetch). */
  readonly fetch?: typeof fetch;
  /** Where the worker's own problems go, one line each, never personal data (default: stderr). */
  readonly log?: (line: string) => void;
}

/** A running worker. */
export interface WebhookWorker {
  /** Looks for due deliveries now rather than at the next poll (e.g. after an order was placed). */
  wake(): void;
  /** Stops taking deliveries and resolves when the attempts in flight are recorded. */
  stop(): Promise<void>;
}

/** The longest error text recorded: one line for the delivery log. */
const MAX_ERROR_LENGTH = 200;

// Every worker of this process, so that code that places orders can wake them without holding one.
const runningWorkers = new Set<WebhookWorker>();

/**
 * Wakes every webhook worker running in this process, so that an event just written (an order
 * placed) is sent at once rather than at the next poll. Does nothing when none runs; safe to call
 * from anywhere, at any time.
 *
 * @example
 * const outcome = await repository.placeOrder(order);
 * if (outcome.stored) wakeWebhookWorkers();
 */
export function wakeWebhookWorkers(): void {
  for (const worker of runningWorkers) worker.wake();
}

/**
 * Starts delivering webhooks: polls `claimDueDeliveries` (every `pollMilliseconds`, and at once
 * on `wake()`), POSTs each delivery signed (see `signWebhook`), with a timeout and without
 * following redirects, and records each attempt: a 2xx is delivered; any other status, a network
 * error, a redirect or a timeout is a failure, tried again after `retryDelaySeconds(attempts)`
 * and given up after `MAX_DELIVERY_ATTEMPTS`. Deliveries of one endpoint go concurrently across
 * orders; events of one order go in order, which `claimDueDeliveries` guarantees. Nothing
 * throws out of the worker: its own problems are logged in one line and it goes on.
 *
 * @example
 * const webhooks = startWebhookWorker({ repository });
 * // on shutdown, before the database closes:
 * await webhooks.stop();
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { repository, clock = systemClock, fetch: send = fetch, log = (line: string) => console.error(line) } = options;
  const settings = resolveWebhookWorkerSettings(options);

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  // Set by wake() and by a finished attempt; the loop sleeps only when nothing asked it to look again.
  let lookAgain = false;
  let interruptSleep: (() => void) | undefined;

  const nudge = () => {
    lookAgain = true;
    interruptSleep?.();
  };

  const sleep = () => new Promise<void>((done) => {
    const timer = setTimeout(finish, settings.pollMilliseconds);
    // The worker never keeps a process alive on its own: the server's socket does.
    timer.unref();
    function finish() {
      clearTimeout(timer);
      interruptSleep = undefined;
      done();
    }
    interruptSleep = finish;
  });

  const attempt = (delivery: DueDelivery) => {
    const running = deliverOnce(delivery, { repository, clock, send, timeoutMilliseconds: settings.timeoutMilliseconds, log })
      .catch((error: unknown) => log(`[webhooks] delivery ${delivery.seq}: could not record the attempt (${describeError(error)}); it is tried again when its lease ends`))
      .finally(() => {
        inFlight.delete(running);
        nudge();
      });
    inFlight.add(running);
  };

  // Whether the last look failed: a database that is down is logged once, not at every poll.
  let lookingFails = false;
  const loop = async () => {
    while (!stopping) {
      lookAgain = false;
      const room = settings.batch - inFlight.size;
      if (room > 0) {
        try {
          const due = await repository.claimDueDeliveries(clock.now(), room, settings.leaseSeconds);
          if (lookingFails) log('[webhooks] looking for due deliveries works again');
          lookingFails = false;
          // Taken deliveries are sent even when stop() came meanwhile: their lease is ours now.
          for (const delivery of due) attempt(delivery);
          // A full batch means more may be due: look again without waiting.
          if (due.length === room) lookAgain = true;
        } catch (error) {
          if (!lookingFails) log(`[webhooks] could not look for due deliveries (${describeError(error)}); trying again every ${settings.pollMilliseconds} ms`);
          lookingFails = true;
          // Wait for the next poll even when woken: asking a failing database again at once helps no one.
          lookAgain = false;
        }
      }
      if (!stopping && !lookAgain) await sleep();
    }
  };

  const worker: WebhookWorker = {
    wake: nudge,
    async stop() {
      stopping = true;
      runningWorkers.delete(worker);
      interruptSleep?.();
      await looping;
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
  runningWorkers.add(worker);
  const looping = loop().catch((error: unknown) => log(`[webhooks] the worker stopped unexpectedly (${describeError(error)})`));
  return worker;
}

interface AttemptContext {
  readonly repository: WebhookRepository;
  readonly clock: Clock;
  readonly send: typeof fetch;
  readonly timeoutMilliseconds: number;
  readonly log: (line: string) => void;
}

/** What one POST led to, before it is recorded. */
interface AttemptResult {
  readonly delivered: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** Makes one attempt of a delivery and records it. */
async function deliverOnce(delivery: DueDelivery, context: AttemptContext): Promise<void> {
  const at = context.clock.now();
  const started = performance.now();
  const result = await post(delivery, at, context);
  const durationMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  const delay = result.delivered ? undefined : retryDelaySeconds(attempts);
  const finishedAt = context.clock.now();
  const record: DeliveryAttempt = {
    seq: delivery.seq,
    at,
    delivered: result.delivered,
    statusCode: result.statusCode,
    error: result.error,
    durationMs,
    nextAttemptAt: delay === undefined ? null : new Date(finishedAt.getTime() + delay * 1000),
  };
  await context.repository.recordDeliveryAttempt(record);
  if (!result.delivered && delay === undefined) {
    context.log(`[webhooks] delivery ${delivery.seq} (event ${delivery.eventId}) to endpoint ${delivery.endpointId} given up after ${attempts} attempts: ${result.error ?? 'failed'}`);
  }
}

/** Builds, signs and POSTs the delivery; never throws. */
async function post(delivery: DueDelivery, at: Date, context: AttemptContext): Promise<AttemptResult> {
  let body: string;
  try {
    const built = await webhookPayload(context.repository, delivery);
    if (!built.ok) return { delivered: false, statusCode: null, error: built.reason };
    body = JSON.stringify(built.payload);
  } catch (error) {
    return { delivered: false, statusCode: null, error: `could not build the body: ${describeError(error)}` };
  }
  let headers;
  try {
    headers = signWebhook({ id: delivery.eventId, timestamp: at, body, secret: delivery.secret });
  } catch (error) {
    return { delivered: false, statusCode: null, error: describeError(error) };
  }
  let response: Response;
  try {
    response = await context.send(delivery.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Atelier-Webhooks/1' },
      body,
      // A redirect would send the signed order to an address the admin never entered.
      redirect: 'manual',
      signal: AbortSignal.timeout(context.timeoutMilliseconds),
    });
  } catch (error) {
    // The URL may carry the receiver's own token in its query: the error says "the endpoint's URL" instead.
    const text = networkError(error, context.timeoutMilliseconds).split(delivery.url).join("the endpoint's URL");
    return { delivered: false, statusCode: null, error: text };
  }
  // The receiver's body is never read: it is not ours to store, and it may be anything.
  await response.body?.cancel().catch(() => undefined);
  const { status } = response;
  if (status >= 200 && status < 300) return { delivered: true, statusCode: status, error: null };
  if (status >= 300 && status < 400) {
    return { delivered: false, statusCode: status, error: `the receiver answered HTTP ${status}, a redirect, which is not followed: give the endpoint its final URL` };
  }
  return { delivered: false, statusCode: status, error: `the receiver answered HTTP ${status}` };
}

/** One line for a request that got no answer: a timeout, a refused connection, a failed lookup. */
function networkError(error: unknown, timeoutMilliseconds: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMilliseconds} ms (timed out)`;
  }
  // undici's "fetch failed" says little; its cause has the system's code (ECONNREFUSED, ENOTFOUND, …).
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code) return `could not reach the receiver (${code})`;
  return `could not reach the receiver (${describeError(cause instanceof Error ? cause : error)})`;
}

/** An error in one short line: its class and the first line of its message. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return oneLine(text);
}

function oneLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0]!.replace(/\s+/g, ' ').trim();
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}
