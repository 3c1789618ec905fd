import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey } from '../../src/domain/index.ts';
import { createSignalRecorder } from '../../src/server/designSignals.ts';
import { signalSettingsFromEnv } from '../../src/server/signalSettings.ts';
import type { DesignSignal } from '../../src/server/repository.ts';
import { designFrom, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { fromAddress, startTestApp, type TestApp } from './support/testApp.ts';

const SESSION = 'anonymous-session-0001';
let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let recorder: ReturnType<typeof createSignalRecorder>;
let keys = 0;

beforeAll(async () => {
  // The recorder writes when told (flush), not on a timer, so each test reads what it sent.
  const database: { repository?: TestApp['repository'] } = {};
  recorder = createSignalRecorder({ recordDesignSignals: (signals) => database.repository!.recordDesignSignals(signals) }, { flushMs: 3_600_000 });
  t = await startTestApp([], { signals: recorder });
  database.repository = t.repository;
  sneaker = productUnderTest(t.entry);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const order = (design = designFrom(sneaker), headers: Record<string, string> = {}, quantity = 1) =>
  post('/api/orders', orderBody(sneaker, design, { quantity }), { 'Idempotency-Key': `signal-key-${String(++keys).padStart(6, '0')}`, ...headers });
const browserSignal = (kind: string, choices: Record<string, string>, extra: Record<string, unknown> = {}) =>
  ({ kind, productId: 'sneaker', rulesVersion: t.entry.rulesVersion, choices, ...extra });

async function demandOf(key: string) {
  await recorder.flush();
  const today = new Date('2026-11-25T12:00:00.000Z');
  return (await t.repository.listDesignDemand({ productId: 'sneaker', since: today, until: today, limit: 1000 })).find((row) => row.designKey === key);
}

async function storedSignals() {
  await recorder.flush();
  return t.client.query<Record<string, unknown>>('SELECT * FROM design_signals ORDER BY seq');
}

/** Every signal and every design key the signals name, as text. */
async function everythingStored() {
  return JSON.stringify([await storedSignals(), await t.client.query('SELECT * FROM design_keys')]);
}

describe('design signals: what customers do with designs, anonymously', () => {
  it('counts an order\'s units and the page\'s reviews and shares of the design in the daily rollup', async () => {
    const design = designFrom(sneaker, { 'laces.colour': 'black' });
    const key = canonicalKey(design);
    expect((await order(design, { 'Atelier-Session': SESSION }, 3)).status).toBe(201);
    const sent = await post('/api/signals', { session: SESSION, signals: [browserSignal('reviewed', design.choices), browserSignal('shared', design.choices), browserSignal('reviewed', design.choices, { remix: true })] });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ recorded: 3 });
    expect(await demandOf(key)).toEqual({ designKey: key, reviewed: 2, shared: 1, submitted: 0, voted: 0, orders: 1, units: 3, remixes: 1, visits: 1 });
  });

  it('never stores a name, an email, an address, personal text, an order id or a client address', async () => {
    const design = designFrom(sneaker);
    const response = await order(design, { 'Atelier-Session': SESSION, 'X-Forwarded-For': '203.0.113.9' });
    const placed = (await response.json()) as { id: string; contact: { name: string; email: string } };
    const everything = await everythingStored();
    const body = orderBody(sneaker, design) as { contact: { name: string; email: string }; shippingAddress: Record<string, string> };
    for (const personal of [body.contact.name, body.contact.email, body.shippingAddress.line1!, placed.id, '203.0.113.9']) expect(everything).not.toContain(personal);
    const columns = Object.keys((await storedSignals())[0]!);
    expect(columns.sort()).toEqual(['at', 'design_id', 'kind', 'product_id', 'remix', 'rules_version', 'seq', 'session_id', 'units']);
    // A signal that tries to carry personal text is refused whole.
    const withText = await post('/api/signals', { session: SESSION, signals: [browserSignal('reviewed', design.choices, { personalisation: { name: 'Ana Lopez' } })] });
    expect(withText.status).toBe(422);
    expect(await everythingStored()).not.toContain('Ana Lopez');
  });

  it('records nothing for a browser that asks not to be tracked (DNT or Global Privacy Control)', async () => {
    const design = designFrom(sneaker, { 'laces.colour': 'red' });
    const key = canonicalKey(design);
    for (const header of [{ DNT: '1' }, { 'Sec-GPC': '1' }] as Record<string, string>[]) {
      expect((await order(design, header)).status).toBe(201);
      const response = await post('/api/signals', { session: SESSION, signals: [browserSignal('reviewed', design.choices)] }, header);
      expect(await response.json()).toEqual({ recorded: 0 });
    }
    expect(await demandOf(key)).toBeUndefined();
  });

  it('refuses, with what is wrong and how to fix it, signals for designs the shop never offered, and records none of the request', async () => {
    const design = designFrom(sneaker, { 'laces.colour': 'navy' });
    const cases: [unknown, RegExp][] = [
      [{ session: SESSION, signals: [browserSignal('reviewed', design.choices), browserSignal('reviewed', { 'laces.colour': 'plaid' })] }, /laces\.colour: plaid" is not an option/],
      [{ session: SESSION, signals: [{ ...browserSignal('reviewed', design.choices), productId: 'boot' }] }, /no product "boot"/],
      [{ session: SESSION, signals: [{ ...browserSignal('reviewed', design.choices), rulesVersion: 'nope' }] }, /never published rules version "nope"/],
      [{ session: SESSION, signals: [browserSignal('ordered', design.choices)] }, /"kind" must be "reviewed" or "shared"/],
      [{ session: 'short', signals: [browserSignal('reviewed', design.choices)] }, /"session" must be 16 to 64/],
      [{ session: SESSION, signals: [] }, /"signals" is empty/],
      [{ session: SESSION, signals: Array.from({ length: 21 }, () => browserSignal('reviewed', design.choices)) }, /more than 20 signals/],
    ];
    for (const [body, message] of cases) {
      const response = await post('/api/signals', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      const { error } = (await response.json()) as { error: { message: string; hint: string; problems?: { message: string }[] } };
      expect([error.message, ...(error.problems ?? []).map((problem) => problem.message)].join(' | ')).toMatch(message);
      expect(error.hint.length).toBeGreaterThan(0);
    }
    expect(await demandOf(canonicalKey(design))).toBeUndefined();
  });
});

describe('a client address that sends too many signal requests', () => {
  it('is refused with 429, Retry-After and what to do, records nothing more, and leaves other addresses alone', async () => {
    const app = await t.sibling({ signals: recorder, signalLimit: { max: 3, windowSeconds: 3600 } });
    const design = designFrom(sneaker, { 'laces.colour': 'tan' });
    const send = (address: string, headers: Record<string, string> = {}) => app.request('/api/signals', {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ session: SESSION, signals: [browserSignal('reviewed', design.choices)] }),
    }, fromAddress(address));
    for (let n = 0; n < 3; n++) {
      const taken = await send('198.51.100.20');
      expect(taken.status).toBe(202);
      expect(taken.headers.get('RateLimit-Remaining')).toBe(String(2 - n));
    }
    const before = await demandOf(canonicalKey(design));
    const refused = await send('198.51.100.20');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    const { error } = (await refused.json()) as { error: { code: string; message: string; hint: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/too many signal requests from this address: at most 3 requests an hour/);
    expect(error.hint).toMatch(/wait .+ before sending more/);
    expect((await demandOf(canonicalKey(design)))!.reviewed).toBe(before!.reviewed);
    // Another address, and a browser asking not to be tracked (nothing to record, nothing counted), go on.
    expect((await send('198.51.100.21')).status).toBe(202);
    expect((await send('198.51.100.20', { DNT: '1' })).status).toBe(202);
  });
});

describe('the signal recorder', () => {
  const signal = (n: number): DesignSignal => ({ at: new Date(), productId: 'p', rulesVersion: 'v', designKey: `k${n}`, kind: 'reviewed', units: 1, sessionId: SESSION, remix: false });

  it('writes in batches, keeps a failed batch for the next try, and never holds more than its limit', async () => {
    const written: number[] = [];
    let failing = true;
    const recorder = createSignalRecorder({
      recordDesignSignals: async (batch) => {
        if (failing) throw new Error('database down');
        written.push(batch.length);
      },
    }, { flushMs: 3_600_000, maxBatch: 4, maxHeld: 6 });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      for (let n = 0; n < 3; n++) recorder.record(signal(n));
      await recorder.flush();
      expect(written).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(String(errors[0])).not.toContain('k1');
      for (let n = 3; n < 9; n++) recorder.record(signal(n));
      failing = false;
      await recorder.flush();
    } finally {
      console.error = original;
    }
    expect(recorder.dropped).toBe(3);
    expect(written).toEqual([4, 2]);
  });

  it('reads its settings from the environment, with a message for a bad value', () => {
    expect(signalSettingsFromEnv({})).toEqual({ ok: true, settings: { enabled: true, retentionDays: 400, perClient: { max: 600, windowSeconds: 3600 } } });
    expect(signalSettingsFromEnv({ ATELIER_SIGNALS: 'off', ATELIER_SIGNAL_RETENTION_DAYS: '30', ATELIER_SIGNAL_REQUESTS_PER_HOUR: '50' }))
      .toEqual({ ok: true, settings: { enabled: false, retentionDays: 30, perClient: { max: 50, windowSeconds: 3600 } } });
    expect(signalSettingsFromEnv({ ATELIER_SIGNAL_REQUESTS_PER_HOUR: '1.5' })).toMatchObject({ ok: false, message: expect.stringMatching(/ATELIER_SIGNAL_REQUESTS_PER_HOUR must be a whole number/) });
    expect(signalSettingsFromEnv({ ATELIER_SIGNALS: 'maybe' })).toMatchObject({ ok: false, message: expect.stringMatching(/"on" or "off"/) });
    expect(signalSettingsFromEnv({ ATELIER_SIGNAL_RETENTION_DAYS: '0' })).toMatchObject({ ok: false, message: expect.stringMatching(/1 to 3650/) });
  });

  it('deletes signals older than the retention period and keeps the rollup\'s counts', async () => {
    const old = new Date('2025-01-01T00:00:00Z');
    await t.repository.recordDesignSignals([{ ...signal(0), at: old, productId: 'sneaker', designKey: 'retention-key' }]);
    expect(await t.repository.deleteDesignSignalsBefore(new Date('2025-06-01T00:00:00Z'))).toBe(1);
    const rollup = await t.repository.listDesignDemand({ productId: 'sneaker', since: old, until: old, limit: 10 });
    expect(rollup.map((row) => [row.designKey, row.reviewed])).toEqual([['retention-key', 1]]);
  });
});
