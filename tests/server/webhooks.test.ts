// Webhook delivery over real parts: a real PGlite repository with orders placed through the real
// app in-process, the real worker POSTing to a real HTTP receiver on 127.0.0.1, and signatures
// checked by the independent standardwebhooks package. Time is the test's clock: retries come due
// when the test moves it, not after waiting.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '../../src/domain/index.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import type { WebhookDelivery } from '../../src/server/staffRecords.ts';
import {
  newWebhookSecret, startWebhookWorker, wakeWebhookWorkers, type OrderPlacedPayload, type WebhookRepository, type WebhookWorker, type WebhookWorkerOptions,
} from '../../src/server/webhooks/index.ts';
import { designFrom, orderBody, productUnderTest, SHIPPING_ADDRESS, type ProductUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { closedPort, startWebhookReceiver, waitUntil, type WebhookReceiver } from './support/webhookReceiver.ts';

const START = new Date('2026-11-25T12:00:00.000Z');
const CONTACT = { name: 'Ada Lovelace', email: 'ada.lovelace@example.com' };

let t: TestApp;
let sneaker: ProductUnderTest;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  t = await startTestApp();
  sneaker = productUnderTest(t.entry);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

beforeEach(async () => {
  await t.client.query('TRUNCATE webhook_attempts, webhook_deliveries, outbox_events, webhook_endpoints, print_files, order_images, orders RESTART IDENTITY');
  t.setNow(START.toISOString());
});

afterEach(async () => {
  // Workers first: they may still be recording an attempt to a receiver about to close.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A clock the test moves. */
function testClock(start = START) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(time: Date | string) { now = new Date(time); },
  };
}

/** The repository, counting the worker's completed looks for due deliveries. */
function countingRepository() {
  let claims = 0;
  const repository: WebhookRepository = {
    findOrder: (id) => t.repository.findOrder(id),
    recordDeliveryAttempt: (attempt) => t.repository.recordDeliveryAttempt(attempt),
    async claimDueDeliveries(now, limit, leaseSeconds) {
      try {
        return await t.repository.claimDueDeliveries(now, limit, leaseSeconds);
      } finally {
        claims++;
      }
    },
  };
  return {
    repository,
    /**
     * Resolves after the worker looked `times` more times: what it did not send then, it was not
     * going to send at the time its clock shows.
     */
    async looks(times = 3) {
      const target = claims + times;
      await waitUntil(`${times} more looks for due deliveries`, () => claims >= target);
    },
  };
}

function startWorker(options: Partial<WebhookWorkerOptions> & Pick<WebhookWorkerOptions, 'repository'>): WebhookWorker {
  const worker = startWebhookWorker({ pollMilliseconds: 20, ...options });
  cleanups.push(() => worker.stop());
  return worker;
}

async function receiver(port = 0): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(port);
  cleanups.push(() => started.close());
  return started;
}

async function registerEndpoint(url: string, secret = newWebhookSecret()) {
  const id = `whk_${randomBytes(16).toString('base64url')}`;
  await t.repository.createWebhookEndpoint({ id, url, events: ['order.placed'], description: 'the test receiver', secret, createdAt: START });
  return { id, secret };
}

let orderCount = 0;
async function placeOrder(): Promise<ServerOrder> {
  const response = await t.app.request('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `webhook-test-${++orderCount}` },
    body: JSON.stringify(orderBody(sneaker, designFrom(sneaker, { 'vamp.material': 'suede' }), { contact: CONTACT })),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as ServerOrder;
}

/** An endpoint's deliveries, newest first, their next attempt as `toISOString` writes it (the store keeps microseconds). */
async function deliveriesOf(endpointId: string): Promise<WebhookDelivery[]> {
  const deliveries = await t.repository.listDeliveries(endpointId, 50);
  return deliveries.map((delivery) => ({ ...delivery, nextAttemptAt: delivery.nextAttemptAt === null ? null : new Date(delivery.nextAttemptAt).toISOString() }));
}

async function onlyDelivery(endpointId: string): Promise<WebhookDelivery> {
  const deliveries = await deliveriesOf(endpointId);
  expect(deliveries).toHaveLength(1);
  return deliveries[0]!;
}

async function attemptsOf(seq: number) {
  return t.client.query<{ at: string; status_code: number | null; error: string | null }>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, status_code, error FROM webhook_attempts WHERE delivery_seq = $1 ORDER BY at`,
    [seq],
  );
}

const plusSeconds = (time: Date | string, seconds: number) => new Date(new Date(time).getTime() + seconds * 1000).toISOString();

function payloadValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const file of ['design', 'order', 'server-order']) ajv.addSchema(JSON.parse(readFileSync(`public/schemas/${file}.schema.json`, 'utf8')) as object);
  return ajv.compile(JSON.parse(readFileSync('public/schemas/webhook-order-placed.schema.json', 'utf8')) as object);
}

describe('a delivered webhook', () => {
  it('is signed so that the standard library verifies it, and a tampered body or another secret fails', async () => {
    const hooks = await receiver();
    const endpoint = await registerEndpoint(hooks.url);
    const order = await placeOrder();
    // The real time: the standard library refuses timestamps more than five minutes from its now.
    startWorker({ repository: t.repository });
    const [request] = await hooks.waitForRequests(1);
    await waitUntil('the delivery recorded as delivered', async () => (await onlyDelivery(endpoint.id)).status === 'delivered');

    const verified = new Webhook(endpoint.secret).verify(request!.body, request!.headers) as OrderPlacedPayload;
    expect(verified.data.orderId).toBe(order.id);
    expect(request!.headers['webhook-id']).toBe((await onlyDelivery(endpoint.id)).eventId);
    expect(request!.headers['webhook-id']).toMatch(/^evt_/);
    expect(request!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.path).toBe('/hooks');

    const tampered = request!.body.replace(order.orderNumber, 'ATL-999999');
    expect(tampered).not.toBe(request!.body);
    expect(() => new Webhook(endpoint.secret).verify(tampered, request!.headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(newWebhookSecret()).verify(request!.body, request!.headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(endpoint.secret).verify(request!.body, { ...request!.headers, 'webhook-id': 'evt_another' })).toThrow(WebhookVerificationError);
  });

  it('carries the order as the public GET shows it, valid against the published schema, with no contact or address', async () => {
    const hooks = await receiver();
    await registerEndpoint(hooks.url);
    const order = await placeOrder();
    startWorker({ repository: t.repository, clock: testClock() });
    const [request] = await hooks.waitForRequests(1);

    const payload = JSON.parse(request!.body) as OrderPlacedPayload;
    const validate = payloadValidator();
    expect(validate(payload), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const publicOrder = await (await t.app.request(`/api/orders/${order.id}`)).json() as unknown;
    expect(payload).toEqual({
      type: 'order.placed',
      timestamp: order.createdAt,
      data: { orderId: order.id, orderNumber: order.orderNumber, url: `/api/orders/${order.id}`, order: publicOrder },
    });
    expect(payload.data.order.contact).toEqual({ masked: true, name: 'A.', email: 'a•••@e•••.com' });
    for (const personal of [CONTACT.name, CONTACT.email, 'Lovelace', SHIPPING_ADDRESS.line1, SHIPPING_ADDRESS.city, SHIPPING_ADDRESS.postalCode]) {
      expect(request!.body).not.toContain(personal);
    }

    // The schema holds the masking: a payload with the contact in full is refused.
    const unmasked = { ...payload, data: { ...payload.data, order: { ...payload.data.order, contact: CONTACT } } };
    expect(validate(unmasked)).toBe(false);
  });
});

describe('retries', () => {
  it('tries again after a 500 on the backoff of retryDelaySeconds, with the same webhook-id, until delivered; every attempt is listed', async () => {
    const hooks = await receiver();
    hooks.answer((_request, index) => (index < 3 ? { status: 500, body: 'receiver-private-stack-trace' } : 200));
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    const clock = testClock();
    const counting = countingRepository();
    startWorker({ repository: counting.repository, clock });

    await hooks.waitForRequests(1);
    await waitUntil('the first attempt recorded', async () => (await onlyDelivery(endpoint.id)).attempts === 1);
    let delivery = await onlyDelivery(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 500, nextAttemptAt: plusSeconds(START, retryDelaySeconds(1)!) });
    expect(delivery.lastError).toMatch(/HTTP 500/);
    expect(delivery.lastError).not.toContain('receiver-private');

    let expectedAttemptTimes = [START.toISOString()];
    for (let failed = 1; failed <= 3; failed++) {
      const due = delivery.nextAttemptAt!;
      // A second before it is due, nothing is sent however often the worker looks.
      clock.set(plusSeconds(due, -1));
      await counting.looks();
      expect(hooks.received).toHaveLength(failed);
      clock.set(due);
      await hooks.waitForRequests(failed + 1);
      await waitUntil(`attempt ${failed + 1} recorded`, async () => (await onlyDelivery(endpoint.id)).attempts === failed + 1);
      delivery = await onlyDelivery(endpoint.id);
      expectedAttemptTimes = [...expectedAttemptTimes, due];
      if (failed < 3) expect(delivery.nextAttemptAt).toBe(plusSeconds(due, retryDelaySeconds(failed + 1)!));
    }

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    // 10, 20 and 40 seconds apart: retryDelaySeconds(1..3).
    expect(expectedAttemptTimes).toEqual([START, plusSeconds(START, 10), plusSeconds(START, 30), plusSeconds(START, 70)].map((time) => new Date(time).toISOString()));
    const attempts = await attemptsOf(delivery.seq);
    expect(attempts.map((attempt) => [attempt.at, attempt.status_code])).toEqual(expectedAttemptTimes.map((time, index) => [time.replace('.000Z', 'Z'), index < 3 ? 500 : 200]));
    expect(new Set(hooks.received.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
    // Each attempt is signed at its own time.
    expect(hooks.received.map((request) => Number(request.headers['webhook-timestamp']))).toEqual(expectedAttemptTimes.map((time) => new Date(time).getTime() / 1000));
  });

  it('delivers once the receiver is up again, and two events of one order arrive in order', async () => {
    const port = await closedPort();
    const endpoint = await registerEndpoint(`http://127.0.0.1:${port}/hooks`);
    const order = await placeOrder();
    // A second event about the same order, written as the outbox writes events (only order.placed exists yet).
    const secondEventId = `evt_${randomBytes(16).toString('base64url')}`;
    await t.client.query(
      `WITH event AS (
         INSERT INTO outbox_events (id, type, subject, data, created_at)
         VALUES ($1, 'order.placed', $2, jsonb_build_object('orderId', $2::text), $3::text::timestamptz) RETURNING seq, created_at)
       INSERT INTO webhook_deliveries (event_seq, endpoint_id, status, attempts, next_attempt_at, created_at)
       SELECT event.seq, $4, 'pending', 0, event.created_at, event.created_at FROM event`,
      [secondEventId, order.id, START.toISOString(), endpoint.id],
    );
    const clock = testClock();
    const counting = countingRepository();
    startWorker({ repository: counting.repository, clock });

    await waitUntil('the first attempt recorded', async () => (await deliveriesOf(endpoint.id)).some((delivery) => delivery.attempts === 1));
    const [second, first] = await deliveriesOf(endpoint.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, nextAttemptAt: plusSeconds(START, 10) });
    expect(first!.lastError).toMatch(/could not reach the receiver \(ECONNREFUSED\)/);
    // The later event waits for the earlier one, though it is due too.
    await counting.looks();
    expect(second).toMatchObject({ eventId: secondEventId, status: 'pending', attempts: 0 });
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ attempts: 0 });

    const hooks = await receiver(port);
    clock.set(plusSeconds(START, 10));
    await hooks.waitForRequests(2);
    await waitUntil('both delivered', async () => (await deliveriesOf(endpoint.id)).every((delivery) => delivery.status === 'delivered'));
    expect(hooks.received.map((request) => request.headers['webhook-id'])).toEqual([first!.eventId, secondEventId]);
  });

  it('counts a timeout as a failure, to be tried again', async () => {
    const hooks = await receiver();
    hooks.answer(() => 'hold');
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    startWorker({ repository: t.repository, clock: testClock(), timeoutMilliseconds: 300, leaseSeconds: 6 });

    await waitUntil('the attempt recorded', async () => (await onlyDelivery(endpoint.id)).attempts === 1);
    const delivery = await onlyDelivery(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null, nextAttemptAt: plusSeconds(START, 10) });
    expect(delivery.lastError).toBe('no answer within 300 ms (timed out)');
    expect(hooks.received).toHaveLength(1);
  });

  it('does not follow a redirect, and counts it as a failure', async () => {
    const hooks = await receiver();
    hooks.answer(() => ({ status: 307, headers: { location: '/elsewhere' } }));
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    const counting = countingRepository();
    startWorker({ repository: counting.repository, clock: testClock() });

    await waitUntil('the attempt recorded', async () => (await onlyDelivery(endpoint.id)).attempts === 1);
    await counting.looks();
    expect(await onlyDelivery(endpoint.id)).toMatchObject({ status: 'pending', lastStatusCode: 307 });
    expect((await onlyDelivery(endpoint.id)).lastError).toMatch(/redirect, which is not followed/);
    expect(hooks.received.map((request) => request.path)).toEqual(['/hooks']);
  });

  it('gives up after MAX_DELIVERY_ATTEMPTS, and an admin redelivery sends it once more', async () => {
    const hooks = await receiver();
    hooks.answer((_request, index) => (index === 0 ? 503 : 204));
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    // As if every earlier attempt had failed: this one is the last.
    await t.client.query('UPDATE webhook_deliveries SET attempts = $1', [MAX_DELIVERY_ATTEMPTS - 1]);
    const lines: string[] = [];
    const clock = testClock();
    const counting = countingRepository();
    startWorker({ repository: counting.repository, clock, log: (line) => lines.push(line) });

    await waitUntil('the last attempt recorded', async () => (await onlyDelivery(endpoint.id)).status !== 'pending');
    const delivery = await onlyDelivery(endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^\\[webhooks\\] delivery ${delivery.seq} .* given up after ${MAX_DELIVERY_ATTEMPTS} attempts: the receiver answered HTTP 503$`))]);
    clock.set(plusSeconds(START, 7 * 24 * 3600));
    await counting.looks();
    expect(hooks.received).toHaveLength(1);

    expect(await t.repository.redeliver(delivery.seq, clock.now())).toBe(true);
    await hooks.waitForRequests(2);
    await waitUntil('the redelivery recorded', async () => (await onlyDelivery(endpoint.id)).status === 'delivered');
    expect(hooks.received[1]!.headers['webhook-id']).toBe(delivery.eventId);
  });
});

describe('endpoints and the worker', () => {
  it('sends nothing to a disabled endpoint', async () => {
    const [enabledHooks, disabledHooks] = [await receiver(), await receiver()];
    const enabled = await registerEndpoint(enabledHooks.url);
    const disabled = await registerEndpoint(disabledHooks.url);
    await placeOrder();
    expect(await t.repository.disableWebhookEndpoint(disabled.id, START)).toBe(true);
    await placeOrder();
    const counting = countingRepository();
    startWorker({ repository: counting.repository, clock: testClock() });

    await enabledHooks.waitForRequests(2);
    await waitUntil('both delivered', async () => (await deliveriesOf(enabled.id)).every((delivery) => delivery.status === 'delivered'));
    await counting.looks();
    expect(disabledHooks.received).toHaveLength(0);
    // The delivery written before it was disabled stays unsent; the order after it wrote none.
    expect(await deliveriesOf(disabled.id)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
  });

  it('sends the deliveries of other orders while one receiver request hangs', async () => {
    const hooks = await receiver();
    hooks.answer((_request, index) => (index === 0 ? 'hold' : 200));
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    await placeOrder();
    startWorker({ repository: t.repository, clock: testClock() });

    await hooks.waitForRequests(2);
    await waitUntil('one delivered', async () => (await deliveriesOf(endpoint.id)).some((delivery) => delivery.status === 'delivered'));
    expect((await deliveriesOf(endpoint.id)).filter((delivery) => delivery.status === 'pending')).toHaveLength(1);
    hooks.release(200);
    await waitUntil('both delivered', async () => (await deliveriesOf(endpoint.id)).every((delivery) => delivery.status === 'delivered'));
  });

  it('is woken by wakeWebhookWorkers without waiting for its next poll', async () => {
    const hooks = await receiver();
    await registerEndpoint(hooks.url);
    const counting = countingRepository();
    // A poll of an hour: only the wake can send the order's delivery within the test.
    startWorker({ repository: counting.repository, clock: testClock(), pollMilliseconds: 3_600_000 });
    await counting.looks(1);
    await placeOrder();
    wakeWebhookWorkers();
    await hooks.waitForRequests(1);
  });

  it('goes on after the database fails, logging one line without personal data', async () => {
    const hooks = await receiver();
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    let failures = 3;
    const repository: WebhookRepository = {
      findOrder: (id) => t.repository.findOrder(id),
      recordDeliveryAttempt: (attempt) => t.repository.recordDeliveryAttempt(attempt),
      claimDueDeliveries(now, limit, leaseSeconds) {
        if (failures-- > 0) return Promise.reject(new Error('Connection terminated unexpectedly\n    at Socket.<anonymous>'));
        return t.repository.claimDueDeliveries(now, limit, leaseSeconds);
      },
    };
    const lines: string[] = [];
    startWorker({ repository, clock: testClock(), log: (line) => lines.push(line) });

    await hooks.waitForRequests(1);
    await waitUntil('delivered', async () => (await onlyDelivery(endpoint.id)).status === 'delivered');
    expect(lines).toEqual([
      '[webhooks] could not look for due deliveries (Error: Connection terminated unexpectedly); trying again every 20 ms',
      '[webhooks] looking for due deliveries works again',
    ]);
  });

  it('stop() waits for the attempts in flight and records them, and then sends nothing more', async () => {
    const hooks = await receiver();
    hooks.answer(() => 'hold');
    const endpoint = await registerEndpoint(hooks.url);
    await placeOrder();
    const worker = startWorker({ repository: t.repository, clock: testClock() });

    await hooks.waitForRequests(1);
    let stopped = false;
    const stopping = worker.stop().then(() => { stopped = true; });
    await new Promise((done) => setTimeout(done, 200));
    expect(stopped).toBe(false);
    hooks.release(200);
    await stopping;
    expect(await onlyDelivery(endpoint.id)).toMatchObject({ status: 'delivered', attempts: 1 });

    hooks.answer(() => 200);
    await placeOrder();
    wakeWebhookWorkers();
    await new Promise((done) => setTimeout(done, 200));
    expect(hooks.received).toHaveLength(1);
  });

  it('refuses a lease shorter than the time an attempt may take', () => {
    expect(() => startWebhookWorker({ repository: t.repository, timeoutMilliseconds: 10_000, leaseSeconds: 12 })).toThrow(/lease must be at least 15 s/);
    expect(() => startWebhookWorker({ repository: t.repository, batch: 0 })).toThrow(/batch must be a positive whole number/);
  });
});
