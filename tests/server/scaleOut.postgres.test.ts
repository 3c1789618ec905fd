// Scaling out on PostgreSQL: two real server processes on one database take concurrent orders and
// votes. Every acknowledged order is stored once, no order number is handed out twice, an order
// retried on the other server is the same order, and the per-voter vote limit holds across both.
// Needs ATELIER_TEST_DATABASE_URL (skipped without it here, fails under CI, where it must run).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/serverProcess.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { createPostgresClient } from '../../src/server/postgresClient.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { DEFAULT_VOTING_POLICY } from '../../src/server/votingPolicy.ts';
import { orderBody, productUnderTest, randomDesign } from '../../scripts/support/orderBodies.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';

const url = process.env.ATELIER_TEST_DATABASE_URL?.trim();
const reason = 'ATELIER_TEST_DATABASE_URL is not set: the two-servers-on-PostgreSQL test is skipped (set it to postgres://user@host:port/database, or run .ci/run, which starts a PostgreSQL server)';
const TOKEN = 'scale-out-token';
const ORDERS = 120;

if (!url && process.env.CI === 'true') {
  describe('two servers on one PostgreSQL', () => {
    it('runs under CI', () => {
      throw new Error(`${reason}. Under CI it must run: check the PostgreSQL set-up step of .ci/run.`);
    });
  });
} else {
  if (!url) console.warn(`[scaleOut.postgres.test.ts] ${reason}`);
  describe.skipIf(!url)('two servers on one PostgreSQL', () => {
    const schema = `atelier_scale_${process.pid}_${randomBytes(4).toString('hex')}`;
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      const admin = createPostgresClient({ url: url!, maxConnections: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
      const env = {
        DATABASE_URL: `${url}${url!.includes('?') ? '&' : '?'}search_path=${schema}`,
        ATELIER_FULFILMENT_TOKEN: TOKEN,
        ATELIER_VOTER_SECRET: 'scale-out-voter-secret-0123456789',
      };
      // Started together, so both run the migrations at once (an advisory lock serialises them).
      servers.push(...(await Promise.all([startServerProcess(env, 90_000), startServerProcess(env, 90_000)])));
    }, 120_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop('SIGKILL')));
      const admin = createPostgresClient({ url: url!, maxConnections: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    });

    it('stores every acknowledged order once, with order numbers no two orders share', async () => {
      const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
      const run = randomBytes(4).toString('hex');
      const bodies = Array.from({ length: ORDERS }, (_, index) => JSON.stringify(orderBody(sneaker, randomDesign(sneaker, seededRandom(index + 1)), {
        contact: { name: `Customer ${index}`, email: `customer-${index}@example.com` },
      })));
      const post = async (server: ServerProcess, index: number) => {
        const response = await fetch(`${server.url}/api/orders`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `scale-${run}-${index}` },
          body: bodies[index],
        });
        return { status: response.status, order: (await response.json()) as ServerOrder };
      };
      // Every order goes to one server, and a third of them again, at the same time, to the other.
      const attempts = await Promise.all(bodies.flatMap((_, index) => [
        post(servers[index % 2]!, index).then((result) => ({ index, ...result })),
        ...(index % 3 === 0 ? [post(servers[(index + 1) % 2]!, index).then((result) => ({ index, ...result }))] : []),
      ]));
      expect(attempts.filter((attempt) => attempt.status !== 201 && attempt.status !== 200)).toEqual([]);

      const exports = await Promise.all(servers.map(async (server) => {
        const response = await fetch(`${server.url}/api/orders/export?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        expect(response.status).toBe(200);
        return (await response.text()).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ServerOrder);
      }));
      expect(exports[1]).toEqual(exports[0]);
      const stored = exports[0]!;
      expect(stored).toHaveLength(ORDERS);
      expect(new Set(stored.map((order) => order.orderNumber)).size).toBe(ORDERS);
      const byId = new Map(stored.map((order) => [order.id, order]));
      for (const attempt of attempts) {
        expect(byId.get(attempt.order.id), `order ${attempt.index}`).toEqual(attempt.order);
        expect(attempt.order.contact.email).toBe(`customer-${attempt.index}@example.com`);
      }
      const idsByIndex = new Map<number, Set<string>>();
      for (const attempt of attempts) idsByIndex.set(attempt.index, (idsByIndex.get(attempt.index) ?? new Set()).add(attempt.order.id));
      expect([...idsByIndex.values()].every((ids) => ids.size === 1)).toBe(true);
    }, 120_000);

    it('holds the per-voter vote limit across both servers', async () => {
      const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
      const submitted = await fetch(`${servers[0]!.url}/api/candidates`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ design: randomDesign(sneaker, seededRandom(7)), title: 'Two servers' }),
      });
      expect(submitted.status).toBe(201);
      const cookie = submitted.headers.get('set-cookie')!.split(';')[0]!;
      const { candidate } = (await submitted.json()) as { candidate: { id: string } };
      const limit = DEFAULT_VOTING_POLICY.maxVotesPerWindow;
      const statuses = await Promise.all(Array.from({ length: limit + 20 }, async (_, index) => {
        const response = await fetch(`${servers[index % 2]!.url}/api/candidates/${candidate.id}/votes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify({ vote: index % 2 === 0 ? 'up' : 'down' }),
        });
        await response.arrayBuffer();
        return response.status;
      }));
      expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
      expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    }, 60_000);
  });
}
