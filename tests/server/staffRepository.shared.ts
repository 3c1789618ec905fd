// The storage suite of the shop's side (migration 009): staff accounts and sessions, API tokens,
// webhooks (the outbox written with each order, deliveries, attempts) and the audit log. The same
// cases run on PGlite (staffRepository.pglite.test.ts) and a PostgreSQL server
// (staffRepository.postgres.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrderDocument } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { NewOrder, Repository } from '../../src/server/repository.ts';
import type { OrderRecord } from '../../src/server/serverOrder.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import type { NewStaffAccount, SessionLifetime } from '../../src/server/staffRecords.ts';
import { productUnderTest, randomDesign } from '../../scripts/support/orderBodies.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';

/** Opens a database for the suite, and a function to close and remove it. */
export type OpenDatabase = () => Promise<{ client: SqlClient; dispose: () => Promise<void> }>;

const entry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const sneaker = productUnderTest(entry);

const T0 = new Date('2026-12-01T10:00:00Z');
/** `seconds` after {@link T0}. */
const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
/** The repository's text of an instant (ISO 8601 with microseconds). */
const text = (date: Date) => date.toISOString().replace('Z', '000Z');

const LIFETIME: SessionLifetime = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 };

function account(id: string, email: string, overrides: Partial<NewStaffAccount> = {}): NewStaffAccount {
  return { id, email, roles: ['admin'], passwordHash: `$argon2id$hash-of-${id}`, createdAt: T0, ...overrides };
}

/** An order placed at `createdAt`, its URL id `order-<key>`. */
function order(key: string, createdAt: Date = T0): NewOrder {
  const design = randomDesign(sneaker, seededRandom(key.length));
  const { schema: _schema, status: _status, ...document } = createOrderDocument(entry, design, entry.product.sizes[0]!, 1, createdAt);
  const record: OrderRecord = { status: 'received', ...document, updatedAt: createdAt.toISOString(), contact: { name: 'Ada', email: 'ada@example.com' }, previewImages: [] };
  return { id: `order-${key}`, idempotencyKey: `key-${key}`, requestHash: `hash-${key}`, record, images: [] };
}

/** Registers the suite for one implementation; `skip` explains why it cannot run here. */
export function describeStaffRepository(name: string, open: OpenDatabase, skip?: string): void {
  describe.skipIf(skip !== undefined)(`the ${name} repository's staff, tokens, webhooks and audit log`, () => {
    let client: SqlClient;
    let dispose: () => Promise<void>;
    let repository: Repository;

    beforeAll(async () => {
      ({ client, dispose } = await open());
      await applyMigrations(client);
      repository = createSqlRepository(client);
    }, 120_000);

    afterAll(async () => {
      await dispose?.();
    });

    beforeEach(async () => {
      // Not audit_log: it refuses TRUNCATE (the audit cases count from the lines they append).
      await client.query(`TRUNCATE webhook_attempts, webhook_deliveries, outbox_events, webhook_endpoints, api_tokens, staff_sessions, staff_accounts,
        order_images, orders RESTART IDENTITY CASCADE`);
    });

    const countRows = async (sql: string, params: (string | number)[] = []) => Number((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n);

    describe('staff accounts', () => {
      it('refuses a second account whose email is taken, whatever its case, storing nothing', async () => {
        const first = await repository.createStaffAccount(account('acc_ada', 'ada@shop.example'));
        expect(first.kind).toBe('created');
        expect(await repository.createStaffAccount(account('acc_other', ' ADA@Shop.example '))).toEqual({ kind: 'email_taken' });
        expect(await repository.findStaffAccount('acc_other')).toBeUndefined();
        expect((await repository.listStaffAccounts()).map((stored) => stored.id)).toEqual(['acc_ada']);
        expect((await repository.findStaffAccountByEmail('Ada@Shop.Example'))?.id).toBe('acc_ada');
      });

      it('stores each role once, in the order of STAFF_ROLES, whatever order it is given in', async () => {
        const created = await repository.createStaffAccount(account('acc_ada', 'ada@shop.example', { roles: ['fulfilment', 'admin', 'fulfilment', 'designer'] }));
        expect(created.kind === 'created' && created.account.roles).toEqual(['admin', 'designer', 'fulfilment']);
        const changed = await repository.updateStaffAccount('acc_ada', { roles: ['designer', 'merchandiser', 'designer'], now: after(60) });
        expect(changed?.roles).toEqual(['merchandiser', 'designer']);
        expect((await repository.findStaffAccount('acc_ada'))?.roles).toEqual(['merchandiser', 'designer']);
      });

      it('finds an account with its password hash, lists them oldest first without it', async () => {
        await repository.createStaffAccount(account('acc_bob', 'bob@shop.example', { createdAt: after(10) }));
        await repository.createStaffAccount(account('acc_ada', 'ada@shop.example'));
        expect(await repository.findStaffAccount('acc_ada')).toEqual({
          id: 'acc_ada', email: 'ada@shop.example', roles: ['admin'], disabled: false, passwordHash: '$argon2id$hash-of-acc_ada',
          createdAt: text(T0), updatedAt: text(T0), lastLoginAt: null,
        });
        const listed = await repository.listStaffAccounts();
        expect(listed.map((stored) => stored.id)).toEqual(['acc_ada', 'acc_bob']);
        expect(listed.every((stored) => !('passwordHash' in stored))).toBe(true);
        await repository.recordStaffLogin('acc_bob', after(99));
        expect((await repository.findStaffAccountByEmail('bob@shop.example'))?.lastLoginAt).toBe(text(after(99)));
      });

      it('counts the enabled accounts holding a role', async () => {
        await repository.createStaffAccount(account('acc_ada', 'ada@shop.example', { roles: ['admin', 'designer'] }));
        await repository.createStaffAccount(account('acc_bob', 'bob@shop.example', { roles: ['admin'] }));
        await repository.createStaffAccount(account('acc_cy', 'cy@shop.example', { roles: ['designer'] }));
        expect(await repository.countEnabledStaffWithRole('admin')).toBe(2);
        await repository.updateStaffAccount('acc_bob', { disabled: true, now: after(60) });
        expect(await repository.countEnabledStaffWithRole('admin')).toBe(1);
        expect(await repository.countEnabledStaffWithRole('designer')).toBe(2);
        expect(await repository.countEnabledStaffWithRole('fulfilment')).toBe(0);
      });

      it('changes nothing of an unknown account, and enables a disabled one again', async () => {
        expect(await repository.updateStaffAccount('acc_nobody', { disabled: true, now: after(1) })).toBeUndefined();
        await repository.createStaffAccount(account('acc_ada', 'ada@shop.example'));
        expect((await repository.updateStaffAccount('acc_ada', { disabled: true, now: after(60) }))?.disabled).toBe(true);
        const enabled = await repository.updateStaffAccount('acc_ada', { disabled: false, now: after(120) });
        expect(enabled).toMatchObject({ disabled: false, updatedAt: text(after(120)), roles: ['admin'] });
        expect((await repository.findStaffAccount('acc_ada'))?.passwordHash).toBe('$argon2id$hash-of-acc_ada');
      });
    });

    describe('staff sessions', () => {
      beforeEach(async () => {
        await repository.createStaffAccount(account('acc_ada', 'ada@shop.example'));
        await repository.createStaffAccount(account('acc_bob', 'bob@shop.example'));
      });

      const session = (idHash: string, accountId = 'acc_ada', createdAt = T0) => repository.createStaffSession({ idHash, accountId, createdAt, client: '203.0.113.7' });
      const sessionRows = (idHash: string) => countRows('staff_sessions WHERE id_hash = $1', [idHash]);

      it('writes the last-seen time at most once a minute', async () => {
        await session('s1');
        const soon = await repository.findStaffSession('s1', after(30), LIFETIME);
        expect(soon).toMatchObject({ idHash: 's1', createdAt: text(T0), lastSeenAt: text(T0), account: { id: 'acc_ada', email: 'ada@shop.example' } });
        expect((await repository.findStaffSession('s1', after(61), LIFETIME))?.lastSeenAt).toBe(text(after(61)));
        expect((await repository.findStaffSession('s1', after(100), LIFETIME))?.lastSeenAt).toBe(text(after(61)));
      });

      it('ends a session left idle, and deletes it', async () => {
        await session('s1');
        // Seen 20 minutes in, so alive 29 minutes after that, though 49 minutes after login.
        expect(await repository.findStaffSession('s1', after(20 * 60), LIFETIME)).toBeDefined();
        expect(await repository.findStaffSession('s1', after(49 * 60), LIFETIME)).toBeDefined();
        expect(await repository.findStaffSession('s1', after(49 * 60 + LIFETIME.idleSeconds), LIFETIME)).toBeUndefined();
        expect(await sessionRows('s1')).toBe(0);
        // Deleted, not only judged: an earlier clock does not bring it back.
        expect(await repository.findStaffSession('s1', after(50 * 60), LIFETIME)).toBeUndefined();
      });

      it('ends a session at its absolute lifetime however busy it is, and deletes it', async () => {
        await session('s1');
        for (let seconds = 20 * 60; seconds < LIFETIME.absoluteSeconds; seconds += 20 * 60) {
          expect(await repository.findStaffSession('s1', after(seconds), LIFETIME), `at ${seconds} s`).toBeDefined();
        }
        expect(await repository.findStaffSession('s1', after(LIFETIME.absoluteSeconds), LIFETIME)).toBeUndefined();
        expect(await sessionRows('s1')).toBe(0);
      });

      it('ends every session of an account when it is disabled, and finds none of a disabled account', async () => {
        await session('s1');
        await session('s2');
        await session('s-bob', 'acc_bob');
        await repository.updateStaffAccount('acc_ada', { disabled: true, now: after(60) });
        expect(await countRows('staff_sessions WHERE account_id = $1', ['acc_ada'])).toBe(0);
        expect(await repository.findStaffSession('s1', after(61), LIFETIME)).toBeUndefined();
        expect(await repository.findStaffSession('s-bob', after(61), LIFETIME)).toBeDefined();
        // A session stored for a disabled account (a login racing the disabling) is not found either, and goes.
        await session('s3', 'acc_ada', after(62));
        expect(await repository.findStaffSession('s3', after(63), LIFETIME)).toBeUndefined();
        expect(await sessionRows('s3')).toBe(0);
      });

      it('ends every session of an account when its password changes, but not when its roles do', async () => {
        await session('s1');
        await repository.updateStaffAccount('acc_ada', { roles: ['designer'], now: after(60) });
        expect((await repository.findStaffSession('s1', after(61), LIFETIME))?.account.roles).toEqual(['designer']);
        await repository.updateStaffAccount('acc_ada', { passwordHash: '$argon2id$new', now: after(120) });
        expect(await repository.findStaffSession('s1', after(121), LIFETIME)).toBeUndefined();
        expect(await countRows('staff_sessions')).toBe(0);
        expect((await repository.findStaffAccount('acc_ada'))?.passwordHash).toBe('$argon2id$new');
      });

      it('logs out one session, or every session of an account and says how many', async () => {
        await Promise.all(['s1', 's2', 's3'].map((idHash) => session(idHash)));
        await session('s-bob', 'acc_bob');
        await repository.deleteStaffSession('s1');
        expect(await repository.findStaffSession('s1', after(1), LIFETIME)).toBeUndefined();
        expect(await repository.deleteStaffSessionsOf('acc_ada')).toBe(2);
        expect(await repository.deleteStaffSessionsOf('acc_ada')).toBe(0);
        expect(await repository.findStaffSession('s-bob', after(1), LIFETIME)).toBeDefined();
      });
    });

    describe('API tokens', () => {
      beforeEach(async () => {
        await repository.createStaffAccount(account('acc_ada', 'ada@shop.example'));
      });

      const token = (id: string, tokenHash: string, overrides: { createdAt?: Date; expiresAt?: Date } = {}) => repository.createApiToken({
        id, name: `print house ${id}`, role: 'fulfilment', tokenHash, createdAt: overrides.createdAt ?? T0, expiresAt: overrides.expiresAt ?? after(86_400), createdBy: 'acc_ada',
      });

      it('finds a token by its hash until it expires, recording its use at most once a minute', async () => {
        await token('tok_1', 'hash-1');
        expect(await repository.findApiToken('hash-other', after(1))).toBeUndefined();
        expect(await repository.findApiToken('hash-1', after(1))).toEqual({
          id: 'tok_1', name: 'print house tok_1', role: 'fulfilment', createdAt: text(T0), expiresAt: text(after(86_400)), revokedAt: null,
          lastUsedAt: text(after(1)), createdBy: 'ada@shop.example',
        });
        expect((await repository.findApiToken('hash-1', after(40)))?.lastUsedAt).toBe(text(after(1)));
        expect((await repository.findApiToken('hash-1', after(62)))?.lastUsedAt).toBe(text(after(62)));
        expect(await repository.findApiToken('hash-1', after(86_399))).toBeDefined();
        expect(await repository.findApiToken('hash-1', after(86_400))).toBeUndefined();
      });

      it('finds no revoked token; revoking twice or an unknown token says false', async () => {
        await token('tok_1', 'hash-1');
        expect(await repository.revokeApiToken('tok_1', after(5))).toBe(true);
        expect(await repository.findApiToken('hash-1', after(6))).toBeUndefined();
        expect(await repository.revokeApiToken('tok_1', after(7))).toBe(false);
        expect(await repository.revokeApiToken('tok_nobody', after(7))).toBe(false);
        expect((await repository.listApiTokens())[0]?.revokedAt).toBe(text(after(5)));
      });

      it('lists every token newest first, revoked and expired ones too, the creator gone as null', async () => {
        await token('tok_old', 'hash-old', { expiresAt: after(10) });
        await token('tok_new', 'hash-new', { createdAt: after(20) });
        await repository.revokeApiToken('tok_new', after(30));
        expect((await repository.listApiTokens()).map((listed) => [listed.id, listed.createdBy])).toEqual([['tok_new', 'ada@shop.example'], ['tok_old', 'ada@shop.example']]);
        await client.query("DELETE FROM staff_accounts WHERE id = 'acc_ada'");
        expect((await repository.listApiTokens()).map((listed) => listed.createdBy)).toEqual([null, null]);
      });
    });

    describe('webhooks', () => {
      const endpoint = (id: string, events: readonly 'order.placed'[] = ['order.placed'], createdAt = T0) => repository.createWebhookEndpoint({
        id, url: `https://hooks.example/${id}`, events, description: `endpoint ${id}`, secret: `whsec_${id}`, createdAt,
      });
      /** Another event of a subject, as a later feature (say, a shipped order) will write it, with a delivery due at `at`. */
      const laterEvent = async (subject: string, endpointId: string, at: Date) => {
        const [event] = await client.query<{ seq: string }>(
          `INSERT INTO outbox_events (id, type, subject, data, created_at) VALUES ($1, 'order.shipped', $2, '{}', $3::text::timestamptz) RETURNING seq::text AS seq`,
          [`evt_shipped_${subject}`, subject, at.toISOString()],
        );
        await client.query(
          `INSERT INTO webhook_deliveries (event_seq, endpoint_id, status, next_attempt_at, created_at) VALUES ($1::bigint, $2, 'pending', $3::text::timestamptz, $3::text::timestamptz)`,
          [event!.seq, endpointId, at.toISOString()],
        );
      };
      const claimedSubjects = async (now: Date, limit = 10, lease = 30) => (await repository.claimDueDeliveries(now, limit, lease)).map((due) => `${due.subject} ${due.eventType} → ${due.endpointId}`);

      it('writes an order.placed event with the order, one delivery per enabled endpoint subscribed to it', async () => {
        await endpoint('whk_a');
        await endpoint('whk_b');
        await endpoint('whk_off');
        await endpoint('whk_none', []);
        expect(await repository.disableWebhookEndpoint('whk_off', after(1))).toBe(true);
        expect(await repository.disableWebhookEndpoint('whk_off', after(2))).toBe(false);
        const placedAt = after(10);
        await repository.placeOrder(order('one', placedAt));
        const events = await client.query<{ id: string; type: string; subject: string; data: unknown }>('SELECT id, type, subject, data FROM outbox_events');
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ type: 'order.placed', subject: 'order-one', data: { orderId: 'order-one' } });
        expect(events[0]!.id).toMatch(/^evt_[A-Za-z0-9_-]{22}$/);
        for (const id of ['whk_a', 'whk_b']) {
          expect(await repository.listDeliveries(id, 10)).toEqual([{
            seq: expect.any(Number), eventId: events[0]!.id, eventType: 'order.placed', subject: 'order-one', endpointId: id, status: 'pending', attempts: 0,
            nextAttemptAt: text(placedAt), lastAttemptAt: null, lastStatusCode: null, lastError: null, createdAt: text(placedAt),
          }]);
        }
        expect(await repository.listDeliveries('whk_off', 10)).toEqual([]);
        expect(await repository.listDeliveries('whk_none', 10)).toEqual([]);
      });

      it('writes no second event for a replayed idempotency key, nor for orders racing on one key', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        expect((await repository.placeOrder(order('one'))).kind).toBe('existing');
        const racing = await Promise.all([order('two'), order('two'), order('three'), order('two')].map((racer, index) => repository.placeOrder({ ...racer, id: `${racer.id}-${index}` })));
        expect(racing.filter((outcome) => outcome.kind === 'created')).toHaveLength(2);
        const subjects = await client.query<{ subject: string }>('SELECT subject FROM outbox_events ORDER BY seq');
        expect(subjects.map((row) => row.subject).sort()).toEqual(['order-one', racing[0]!.order.id, 'order-three-2'].sort());
        expect(await countRows('webhook_deliveries')).toBe(3);
        expect(new Set((await repository.listDeliveries('whk_a', 10)).map((delivery) => delivery.eventId)).size).toBe(3);
      });

      it('lists the endpoints oldest first, disabled ones too', async () => {
        await endpoint('whk_b', ['order.placed'], after(5));
        await endpoint('whk_a', ['order.placed', 'order.placed']);
        await repository.disableWebhookEndpoint('whk_b', after(9));
        expect(await repository.listWebhookEndpoints()).toEqual([
          { id: 'whk_a', url: 'https://hooks.example/whk_a', events: ['order.placed'], description: 'endpoint whk_a', secret: 'whsec_whk_a', createdAt: text(T0), disabledAt: null },
          { id: 'whk_b', url: 'https://hooks.example/whk_b', events: ['order.placed'], description: 'endpoint whk_b', secret: 'whsec_whk_b', createdAt: text(after(5)), disabledAt: text(after(9)) },
        ]);
        expect(await repository.disableWebhookEndpoint('whk_nobody', after(9))).toBe(false);
      });

      it('hands a due delivery to a worker with where to send it and the event, and to no other worker within the lease', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        expect(await repository.claimDueDeliveries(after(-1), 10, 30)).toEqual([]);
        const [due, ...more] = await repository.claimDueDeliveries(T0, 10, 30);
        expect(more).toEqual([]);
        expect(due).toMatchObject({
          url: 'https://hooks.example/whk_a', secret: 'whsec_whk_a', data: { orderId: 'order-one' }, eventCreatedAt: text(T0),
          subject: 'order-one', eventType: 'order.placed', status: 'pending', attempts: 0, nextAttemptAt: text(after(30)),
        });
        expect(await repository.claimDueDeliveries(after(29), 10, 30)).toEqual([]);
        // The worker died with it: when the lease ends, it is due again.
        expect((await repository.claimDueDeliveries(after(30), 10, 30)).map((again) => again.seq)).toEqual([due!.seq]);
      });

      it('gives two workers asking at once different deliveries', async () => {
        await endpoint('whk_a');
        await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => repository.placeOrder(order(key))));
        const [first, second] = await Promise.all([repository.claimDueDeliveries(T0, 4, 30), repository.claimDueDeliveries(T0, 4, 30)]);
        const taken = [...first!, ...second!].map((due) => due.seq);
        expect(taken).toHaveLength(6);
        expect(new Set(taken).size).toBe(6);
      });

      it('holds an event back while an earlier event of its subject is undelivered to that endpoint', async () => {
        await endpoint('whk_a');
        await endpoint('whk_b');
        await repository.placeOrder(order('one'));
        await repository.placeOrder(order('two', after(1)));
        await laterEvent('order-one', 'whk_a', after(2));
        // Taken in event order; the later event of order-one waits for the first.
        expect(await claimedSubjects(after(5), 1)).toEqual(['order-one order.placed → whk_a']);
        expect(await claimedSubjects(after(5))).toEqual(['order-one order.placed → whk_b', 'order-two order.placed → whk_a', 'order-two order.placed → whk_b']);
        const first = (await repository.listDeliveries('whk_a', 10)).find((delivery) => delivery.subject === 'order-one' && delivery.eventType === 'order.placed')!;
        await repository.recordDeliveryAttempt({ seq: first.seq, at: after(6), delivered: true, statusCode: 204, error: null, durationMs: 12.4, nextAttemptAt: null });
        expect(await claimedSubjects(after(7))).toEqual(['order-one order.shipped → whk_a']);
      });

      it('sends no pending delivery of a disabled endpoint', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        await repository.disableWebhookEndpoint('whk_a', after(1));
        expect(await repository.claimDueDeliveries(after(2), 10, 30)).toEqual([]);
        expect((await repository.listDeliveries('whk_a', 10))[0]?.status).toBe('pending');
      });

      it('records every attempt: a failure with its next attempt, then the delivery', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        const [due] = await repository.claimDueDeliveries(T0, 10, 30);
        await repository.recordDeliveryAttempt({ seq: due!.seq, at: after(1), delivered: false, statusCode: 503, error: 'the receiver answered 503', durationMs: 80, nextAttemptAt: after(11) });
        expect((await repository.listDeliveries('whk_a', 10))[0]).toMatchObject({
          status: 'pending', attempts: 1, nextAttemptAt: text(after(11)), lastAttemptAt: text(after(1)), lastStatusCode: 503, lastError: 'the receiver answered 503',
        });
        expect(await repository.claimDueDeliveries(after(10), 10, 30)).toEqual([]);
        expect((await repository.claimDueDeliveries(after(11), 10, 30)).map((again) => again.attempts)).toEqual([1]);
        await repository.recordDeliveryAttempt({ seq: due!.seq, at: after(12), delivered: true, statusCode: 200, error: null, durationMs: 40, nextAttemptAt: null });
        expect((await repository.listDeliveries('whk_a', 10))[0]).toMatchObject({ status: 'delivered', attempts: 2, nextAttemptAt: null, lastStatusCode: 200, lastError: null });
        expect(await repository.claimDueDeliveries(after(3600), 10, 30)).toEqual([]);
        const log = await client.query<{ status_code: number | null; error: string | null; duration_ms: number }>(
          'SELECT status_code, error, duration_ms FROM webhook_attempts WHERE delivery_seq = $1::bigint ORDER BY at', [due!.seq],
        );
        expect(log.map((line) => [line.status_code, line.error, Number(line.duration_ms)])).toEqual([[503, 'the receiver answered 503', 80], [200, null, 40]]);
      });

      it('lists an endpoint\'s deliveries newest first, at most as many as asked', async () => {
        await endpoint('whk_a');
        for (const key of ['a', 'b', 'c']) await repository.placeOrder(order(key));
        expect((await repository.listDeliveries('whk_a', 2)).map((delivery) => delivery.subject)).toEqual(['order-c', 'order-b']);
        expect(await repository.listDeliveries('whk_nobody', 2)).toEqual([]);
      });

      it('gives a delivery up when it has no next attempt, holding its subject back, until it is redelivered', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        await laterEvent('order-one', 'whk_a', after(1));
        const [due] = await repository.claimDueDeliveries(T0, 10, 30);
        await repository.recordDeliveryAttempt({ seq: due!.seq, at: after(2), delivered: false, statusCode: null, error: 'connection refused', durationMs: 3, nextAttemptAt: null });
        const [, failed] = await repository.listDeliveries('whk_a', 10);
        expect(failed).toMatchObject({ seq: due!.seq, status: 'failed', attempts: 1, nextAttemptAt: null, lastStatusCode: null, lastError: 'connection refused' });
        expect(await claimedSubjects(after(3600))).toEqual([]);
        expect(await repository.redeliver(due!.seq, after(3601))).toBe(true);
        expect(await repository.redeliver(999_999, after(3601))).toBe(false);
        const [again, ...others] = await repository.claimDueDeliveries(after(3601), 10, 30);
        expect(others).toEqual([]);
        expect(again).toMatchObject({ seq: due!.seq, eventType: 'order.placed', attempts: 1 });
        await repository.recordDeliveryAttempt({ seq: due!.seq, at: after(3602), delivered: true, statusCode: 200, error: null, durationMs: 3, nextAttemptAt: null });
        expect(await claimedSubjects(after(3603))).toEqual(['order-one order.shipped → whk_a']);
      });

      it('redelivers a delivered event', async () => {
        await endpoint('whk_a');
        await repository.placeOrder(order('one'));
        const [due] = await repository.claimDueDeliveries(T0, 10, 30);
        await repository.recordDeliveryAttempt({ seq: due!.seq, at: after(1), delivered: true, statusCode: 200, error: null, durationMs: 3, nextAttemptAt: null });
        expect(await repository.redeliver(due!.seq, after(60))).toBe(true);
        expect((await repository.listDeliveries('whk_a', 1))[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: text(after(60)) });
        expect((await repository.claimDueDeliveries(after(60), 10, 30)).map((again) => again.eventId)).toEqual([due!.eventId]);
      });
    });

    describe('the audit log', () => {
      const line = (action: string, seconds: number) => repository.appendAudit({
        at: after(seconds), actor: { kind: 'staff', accountId: 'acc_ada', email: 'ada@shop.example' }, action, target: `acc_${action}`, details: { roles: ['admin'], n: seconds }, client: '203.0.113.7',
      });

      it('lists lines newest first, a page at a time before a line', async () => {
        for (let n = 1; n <= 5; n++) await line(`test.page_${n}`, n);
        const first = await repository.listAudit(2);
        expect(first.map((entry) => entry.action)).toEqual(['test.page_5', 'test.page_4']);
        expect(first[0]).toEqual({
          seq: expect.any(Number), at: text(after(5)), actor: { kind: 'staff', accountId: 'acc_ada', email: 'ada@shop.example' }, action: 'test.page_5',
          target: 'acc_test.page_5', details: { roles: ['admin'], n: 5 }, client: '203.0.113.7',
        });
        const second = await repository.listAudit(2, first.at(-1)!.seq);
        expect(second.map((entry) => entry.action)).toEqual(['test.page_3', 'test.page_2']);
        expect((await repository.listAudit(2, second.at(-1)!.seq))[0]?.action).toBe('test.page_1');
        await repository.appendAudit({ at: after(9), actor: { kind: 'anonymous' }, action: 'login.failed', target: null, details: { email: 'x@shop.example' }, client: 'cli' });
        expect((await repository.listAudit(1))[0]).toMatchObject({ actor: { kind: 'anonymous' }, target: null, details: { email: 'x@shop.example' } });
      });

      it('refuses UPDATE, DELETE and TRUNCATE, leaving the log as it was', async () => {
        await line('test.kept', 1);
        const before = await repository.listAudit(100);
        await expect(client.query("UPDATE audit_log SET action = 'test.rewritten'")).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
        await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
        expect(await repository.listAudit(100)).toEqual(before);
      });
    });
  });
}
