// The storage suite: the same cases run against every implementation of the repository (PGlite in
// repository.pglite.test.ts, a PostgreSQL server in repository.postgres.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrderDocument, rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations, readMigrations } from '../../src/server/migrate.ts';
import type { NewOrder, Repository } from '../../src/server/repository.ts';
import type { OrderRecord } from '../../src/server/serverOrder.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { designFrom, pngFile, productUnderTest, randomDesign, seededRandom } from './support/orderBodies.ts';

/** Opens a database for the suite, and a function to close and remove it. */
export type OpenDatabase = () => Promise<{ client: SqlClient; dispose: () => Promise<void> }>;

const entry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const sneaker = productUnderTest(entry);

/** The same product with another base price: what a merchandiser's next publish looks like. */
function republished(base: CatalogEntry, basePrice: number): CatalogEntry {
  const product = { ...base.product, basePrice };
  return { ...base, product, rulesVersion: rulesVersionOf(product, base.ruleSet) };
}

function recordAt(createdAt: Date, seed = 1): OrderRecord {
  const design = randomDesign(sneaker, seededRandom(seed));
  const { schema: _schema, status: _status, ...document } = createOrderDocument(entry, design, entry.product.sizes[3]!, 1 + (seed % 3), createdAt);
  return { status: 'received', ...document, updatedAt: createdAt.toISOString(), contact: { name: `Customer ${seed}`, email: `c${seed}@example.com` }, previewImages: [] };
}

function newOrder(key: string, overrides: Partial<NewOrder> = {}): NewOrder {
  return { id: `id-${key}`, idempotencyKey: key, requestHash: `hash-${key}`, record: recordAt(new Date('2026-11-25T12:00:00Z')), images: [], ...overrides };
}

/** Registers the storage suite for one implementation; `skip` explains why it cannot run here. */
export function describeRepository(name: string, open: OpenDatabase, skip?: string): void {
  describe.skipIf(skip !== undefined)(`the ${name} repository`, () => {
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
      await client.query('TRUNCATE order_images, orders, catalog_entries RESTART IDENTITY CASCADE');
      await repository.publishCatalogEntry(entry, new Date('2026-11-01T00:00:00Z'));
    });

    describe('migrations', () => {
      it('are recorded once and not applied again', async () => {
        expect(await applyMigrations(client)).toEqual([]);
        const rows = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
        expect(rows.map((row) => Number(row.version))).toEqual(readMigrations().map((migration) => migration.version));
      });

      it('refuse a database migrated by a newer server, changing nothing', async () => {
        await client.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
        try {
          await expect(applyMigrations(client)).rejects.toThrow(/schema version 999, newer than this server knows/);
        } finally {
          await client.query('DELETE FROM schema_migrations WHERE version = 999');
        }
      });

      it('roll back every statement of a failing migration', async () => {
        const broken = [...readMigrations(), { version: 998, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' }];
        await expect(applyMigrations(client, broken)).rejects.toThrow(/no_such_table/);
        const tables = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
        expect(tables).toHaveLength(0);
        const recorded = await client.query('SELECT 1 FROM schema_migrations WHERE version = 998');
        expect(recorded).toHaveLength(0);
      });
    });

    describe('the catalog', () => {
      it('keeps every published rules version, exactly as published', async () => {
        const next = republished(entry, entry.product.basePrice + 500);
        await repository.publishCatalogEntry(next, new Date('2026-11-20T00:00:00Z'));
        await repository.publishCatalogEntry(entry, new Date('2026-11-21T00:00:00Z')); // already there: no change
        expect(await repository.listRulesVersions('sneaker')).toEqual([
          { rulesVersion: entry.rulesVersion, publishedAt: '2026-11-01T00:00:00.000000Z' },
          { rulesVersion: next.rulesVersion, publishedAt: '2026-11-20T00:00:00.000000Z' },
        ]);
        expect(JSON.stringify(await repository.findCatalogEntry('sneaker', entry.rulesVersion))).toBe(JSON.stringify(entry));
        expect((await repository.findCatalogEntry('sneaker', next.rulesVersion))?.product.basePrice).toBe(entry.product.basePrice + 500);
      });

      it('finds nothing for a version or product never published', async () => {
        expect(await repository.findCatalogEntry('sneaker', '0000000000000000')).toBeUndefined();
        expect(await repository.findCatalogEntry('boot', entry.rulesVersion)).toBeUndefined();
      });
    });

    describe('placing orders', () => {
      it('stores an order with the next number and returns it exactly as stored', async () => {
        const first = await repository.placeOrder(newOrder('key-00000001'));
        const second = await repository.placeOrder(newOrder('key-00000002'));
        expect([first.kind, second.kind]).toEqual(['created', 'created']);
        expect(second.order.seq).toBe(first.order.seq + 1);
        const found = await repository.findOrder('id-key-00000002');
        expect(found).toEqual(second.order);
        expect(JSON.stringify(found!.record)).toBe(JSON.stringify(newOrder('key-00000002').record));
        expect(await repository.countOrders()).toBe(2);
      });

      it('never stores a second order under one idempotency key', async () => {
        const first = await repository.placeOrder(newOrder('key-00000001'));
        const again = await repository.placeOrder(newOrder('key-00000001', { id: 'other-id', requestHash: 'other-hash' }));
        expect(again).toEqual({ kind: 'existing', order: first.order });
        expect(await repository.findOrderByIdempotencyKey('key-00000001')).toEqual(first.order);
        expect(await repository.findOrder('other-id')).toBeUndefined();
        expect(await repository.countOrders()).toBe(1);
      });

      it('stores exactly one order when requests with one key race', async () => {
        const outcomes = await Promise.all(Array.from({ length: 12 }, (_, index) => repository.placeOrder(newOrder('key-racing-1', { id: `racer-${index}` }))));
        expect(outcomes.filter((outcome) => outcome.kind === 'created')).toHaveLength(1);
        expect(new Set(outcomes.map((outcome) => outcome.order.id)).size).toBe(1);
        expect(await repository.countOrders()).toBe(1);
      });

      it('stores the preview images byte for byte and serves them by position', async () => {
        const images = [pngFile(3, 2), pngFile(5, 5, [0, 0, 255])];
        await repository.placeOrder(newOrder('key-images-1', { images }));
        expect(Array.from((await repository.findOrderImage('id-key-images-1', 1))!.bytes)).toEqual(Array.from(images[0]!));
        expect(await repository.findOrderImage('id-key-images-1', 2)).toEqual({ contentType: 'image/png', bytes: new Uint8Array(images[1]!) });
        expect(await repository.findOrderImage('id-key-images-1', 3)).toBeUndefined();
        expect(await repository.findOrderImage('no-such-order', 1)).toBeUndefined();
      });

      it('stores orders that arrive together, one per key, each with its own number', async () => {
        // The first order is written at once; the next ones queue behind it and are written together.
        const outcomes = await Promise.all([
          repository.placeOrder(newOrder('key-batch-0')),
          repository.placeOrder(newOrder('key-batch-1', { images: [pngFile(2, 2)] })),
          repository.placeOrder(newOrder('key-batch-2', { id: 'one-of-two' })),
          repository.placeOrder(newOrder('key-batch-2', { id: 'other-of-two' })),
          repository.placeOrder(newOrder('key-batch-3')),
        ]);
        const [first, withImage, twin, otherTwin, last] = outcomes;
        expect([first, withImage, last].map((outcome) => outcome!.kind)).toEqual(['created', 'created', 'created']);
        expect([twin!.kind, otherTwin!.kind].sort()).toEqual(['created', 'existing']);
        expect(otherTwin!.order).toEqual(twin!.order);
        expect(new Set(outcomes.map((outcome) => outcome.order.seq)).size).toBe(4);
        expect(await repository.findOrderImage('id-key-batch-1', 1)).toBeDefined();
        expect(await repository.countOrders()).toBe(4);
      });

      it('fails only the bad order of a batch', async () => {
        await repository.placeOrder(newOrder('key-taken-id', { id: 'taken' }));
        const outcomes = await Promise.allSettled([
          repository.placeOrder(newOrder('key-good-0')),
          repository.placeOrder(newOrder('key-good-1')),
          repository.placeOrder(newOrder('key-bad-id', { id: 'taken', images: [pngFile()] })),
          repository.placeOrder(newOrder('key-good-2')),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        expect(await repository.findOrderByIdempotencyKey('key-bad-id')).toBeUndefined();
        expect(await client.query('SELECT 1 FROM order_images')).toHaveLength(0);
        expect(await repository.countOrders()).toBe(4);
      });

      it('writes nothing when any part of an order fails', async () => {
        const broken = newOrder('key-broken-1', { images: [pngFile(), null as unknown as Uint8Array] });
        await expect(repository.placeOrder(broken)).rejects.toThrow();
        expect(await repository.countOrders()).toBe(0);
        expect(await client.query('SELECT 1 FROM order_images')).toHaveLength(0);
        expect(await repository.findOrderByIdempotencyKey('key-broken-1')).toBeUndefined();
      });
    });

    describe('exporting orders', () => {
      it('lists the orders since a time, oldest first, a page at a time', async () => {
        const times = ['2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-22T09:00:00.000Z', '2026-11-23T09:00:00.000Z'];
        for (const [index, time] of times.entries()) {
          await repository.placeOrder(newOrder(`key-export-${index}`, { record: recordAt(new Date(time), index) }));
        }
        const seen: string[] = [];
        let page = await repository.listOrdersSince(new Date('2026-11-21T00:00:00Z'), 2);
        seen.push(...page.orders.map((order) => order.idempotencyKey));
        while (page.next) {
          page = await repository.listOrdersSince(new Date('2026-11-21T00:00:00Z'), 2, page.next);
          seen.push(...page.orders.map((order) => order.idempotencyKey));
        }
        expect(seen).toEqual(['key-export-1', 'key-export-2', 'key-export-3', 'key-export-4']);
        expect((await repository.listOrdersSince(new Date('2026-12-01T00:00:00Z'), 10)).orders).toEqual([]);
      });
    });

    it('returns the same designs it was given (a round trip through the database)', async () => {
      const design = designFrom(sneaker, { 'vamp.material': 'suede', 'outsole.material': 'crepe' });
      const { schema: _schema, status: _status, ...document } = createOrderDocument(entry, design, entry.product.sizes[0]!, 2, new Date('2026-11-25T12:00:00Z'));
      const record: OrderRecord = { status: 'received', ...document, updatedAt: document.createdAt, contact: { name: 'Zoë Ünicode 👟', email: 'zoe@example.com' }, previewImages: [] };
      await repository.placeOrder(newOrder('key-roundtrip', { record }));
      expect((await repository.findOrder('id-key-roundtrip'))!.record).toEqual(record);
    });
  });
}
