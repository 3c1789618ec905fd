// The storage suite: the same cases run against every implementation of the repository (PGlite in
// repository.pglite.test.ts, a PostgreSQL server in repository.postgres.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalKey, createOrderDocument, rulesVersionOf, type CatalogEntry, type DesignDocument } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations, readMigrations } from '../../src/server/migrate.ts';
import type { CandidateSort, DesignSignal, NewCandidate, NewOrder, NewVote, Repository, StoredCandidate } from '../../src/server/repository.ts';
import type { OrderRecord } from '../../src/server/serverOrder.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { DEFAULT_VOTING_POLICY, type VotingPolicy } from '../../src/server/votingPolicy.ts';
import { designFrom, distinctDesigns, pngFile, productUnderTest, randomDesign } from '../../scripts/support/orderBodies.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';

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

/** An order of a given design (so of a candidate's canonical key), placed at a time. */
function orderOf(design: DesignDocument, createdAt: string, remixOf?: string): NewOrder {
  const { schema: _schema, status: _status, ...document } = createOrderDocument(entry, design, entry.product.sizes[0]!, 1, new Date(createdAt));
  const record: OrderRecord = { status: 'received', ...document, updatedAt: createdAt, contact: { name: 'Ada', email: 'ada@example.com' }, previewImages: [], ...(remixOf ? { remixOf } : {}) };
  const key = `key-${randomUUID()}`;
  return { id: randomUUID(), idempotencyKey: key, requestHash: 'hash', record, images: [] };
}

const designs = distinctDesigns(sneaker, 8);

function newCandidate(design: DesignDocument, overrides: Partial<NewCandidate> = {}): NewCandidate {
  return {
    id: randomUUID(), productId: design.productId, rulesVersion: design.rulesVersion, canonicalKey: canonicalKey(design), design: { ...design, personalisation: {} },
    title: 'Midnight runner', thumbnail: pngFile(3, 3), submittedBy: 'voter-a', createdAt: '2026-11-25T12:00:00.000Z', ...overrides,
  };
}

const at = (time: string) => new Date(time);

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
      await client.query('TRUNCATE rate_limit_windows, vote_casts, votes, candidate_submitters, candidates, print_files, order_images, orders, catalog_entries, rules_publications RESTART IDENTITY CASCADE');
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
      it('keeps every recorded rules version, exactly as recorded, as a draft until it is made current', async () => {
        const next = republished(entry, entry.product.basePrice + 500);
        await repository.publishCatalogEntry(next, new Date('2026-11-20T00:00:00Z'));
        await repository.publishCatalogEntry(entry, new Date('2026-11-21T00:00:00Z')); // already there: no change
        expect(await repository.listRulesVersions('sneaker')).toEqual([
          { rulesVersion: entry.rulesVersion, publishedAt: '2026-11-01T00:00:00.000000Z', state: 'draft', acceptUntil: null, retiredAt: null, publishedBy: null, message: null },
          { rulesVersion: next.rulesVersion, publishedAt: '2026-11-20T00:00:00.000000Z', state: 'draft', acceptUntil: null, retiredAt: null, publishedBy: null, message: null },
        ]);
        expect(await repository.listCurrentRulesVersions()).toEqual(new Map());
        expect(JSON.stringify(await repository.findCatalogEntry('sneaker', entry.rulesVersion))).toBe(JSON.stringify(entry));
        expect((await repository.findCatalogEntry('sneaker', next.rulesVersion))?.product.basePrice).toBe(entry.product.basePrice + 500);
      });

      it('makes one version current, superseding the other with its grace, and retires only superseded versions', async () => {
        const next = republished(entry, entry.product.basePrice + 700);
        expect(await repository.makeCurrentRulesVersion('sneaker', entry.rulesVersion, new Date('2026-11-01T00:00:00Z'), 3600)).toEqual([]);
        await repository.publishCatalogEntry(next, new Date('2026-11-20T00:00:00Z'));
        expect(await repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, new Date('2026-11-20T00:00:00Z'), 3600)).toEqual([entry.rulesVersion]);
        expect(await repository.findRulesVersionStatus('sneaker', entry.rulesVersion)).toEqual({ state: 'superseded', acceptUntil: '2026-11-20T01:00:00.000000Z', retiredAt: null });
        expect(await repository.findRulesVersionStatus('sneaker', next.rulesVersion)).toEqual({ state: 'published', acceptUntil: null, retiredAt: null });
        // Made current again (another start on the same files): nothing else changes, the grace stays.
        expect(await repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, new Date('2026-11-20T00:30:00Z'), 3600)).toEqual([]);
        expect((await repository.findRulesVersionStatus('sneaker', entry.rulesVersion))?.acceptUntil).toBe('2026-11-20T01:00:00.000000Z');
        expect(await repository.retireRulesVersion('sneaker', next.rulesVersion, new Date())).toBe('current');
        expect(await repository.retireRulesVersion('sneaker', entry.rulesVersion, new Date('2026-11-20T00:10:00Z'))).toBe('retired');
        expect(await repository.findRulesVersionStatus('sneaker', entry.rulesVersion)).toEqual({ state: 'retired', acceptUntil: null, retiredAt: '2026-11-20T00:10:00.000000Z' });
        await expect(repository.makeCurrentRulesVersion('sneaker', '0000000000000000', new Date(), 60)).rejects.toThrow(/never recorded/);
      });

      it('records who published each version and why, and every publication and rollback in the history, newest first', async () => {
        const next = republished(entry, entry.product.basePrice + 900);
        await repository.publishCatalogEntry(next, at('2026-11-20T00:00:00Z'));
        await repository.makeCurrentRulesVersion('sneaker', entry.rulesVersion, at('2026-11-20T00:00:00Z'), 3600, { actor: 'files', message: 'First version' });
        expect(await repository.retireRulesVersion('sneaker', next.rulesVersion, at('2026-11-20T00:00:00Z'))).toBe('draft');
        await repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, at('2026-11-21T00:00:00Z'), 3600, { actor: 'ada@shop.example', message: 'Gum sole for winter' });
        // Made current again while current: no line of history, the note stays.
        await repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, at('2026-11-21T00:05:00Z'), 3600, { actor: 'cli', message: 'again' });
        expect(await repository.makeCurrentRulesVersion('sneaker', entry.rulesVersion, at('2026-11-22T00:00:00Z'), 7200, { actor: 'cli', message: 'Gum sole sold out', action: 'rolled-back' })).toEqual([next.rulesVersion]);
        const versions = await repository.listRulesVersions('sneaker');
        expect(versions.map(({ rulesVersion, state, publishedBy, message }) => ({ rulesVersion, state, publishedBy, message }))).toEqual([
          { rulesVersion: entry.rulesVersion, state: 'published', publishedBy: 'cli', message: 'Gum sole sold out' },
          { rulesVersion: next.rulesVersion, state: 'superseded', publishedBy: 'ada@shop.example', message: 'Gum sole for winter' },
        ]);
        expect(versions[1]!.acceptUntil).toBe('2026-11-22T02:00:00.000000Z');
        const history = await repository.listRulesPublications('sneaker');
        expect(history.map(({ seq: _seq, ...line }) => line)).toEqual([
          { productId: 'sneaker', rulesVersion: entry.rulesVersion, action: 'rolled-back', actor: 'cli', message: 'Gum sole sold out', at: '2026-11-22T00:00:00.000000Z' },
          { productId: 'sneaker', rulesVersion: next.rulesVersion, action: 'published', actor: 'ada@shop.example', message: 'Gum sole for winter', at: '2026-11-21T00:00:00.000000Z' },
          { productId: 'sneaker', rulesVersion: entry.rulesVersion, action: 'published', actor: 'files', message: 'First version', at: '2026-11-20T00:00:00.000000Z' },
        ]);
        expect(history[0]!.seq).toBeGreaterThan(history[1]!.seq);
        expect(await repository.listRulesPublications('tshirt')).toEqual([]);
      });

      it('lets several publishers of one product take turns, leaving exactly one version current', async () => {
        const others = [1, 2, 3, 4, 5, 6].map((step) => republished(entry, entry.product.basePrice + step * 100));
        await repository.makeCurrentRulesVersion('sneaker', entry.rulesVersion, at('2026-11-20T00:00:00Z'), 60, { actor: 'files', message: 'first' });
        for (const next of others) await repository.publishCatalogEntry(next, at('2026-11-20T00:00:00Z'));
        await Promise.all(others.map((next) => repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, at('2026-11-21T00:00:00Z'), 60, { actor: 'cli', message: next.rulesVersion })));
        const states = (await repository.listRulesVersions('sneaker')).map((version) => version.state);
        expect(states.filter((state) => state === 'published')).toHaveLength(1);
        expect(states.filter((state) => state === 'superseded')).toHaveLength(others.length);
        expect(await repository.listRulesPublications('sneaker')).toHaveLength(others.length + 1);
      });

      it('keeps at most one published version per product and never lets the history be edited', async () => {
        const next = republished(entry, entry.product.basePrice + 300);
        await repository.publishCatalogEntry(next, at('2026-11-20T00:00:00Z'));
        await repository.makeCurrentRulesVersion('sneaker', entry.rulesVersion, at('2026-11-20T00:00:00Z'), 60, { actor: 'cli', message: 'one' });
        await expect(client.query("UPDATE catalog_entries SET state = 'published' WHERE rules_version = $1", [next.rulesVersion])).rejects.toThrow(/catalog_entries_one_published|duplicate key/);
        await expect(client.query("UPDATE rules_publications SET message = 'rewritten'")).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM rules_publications')).rejects.toThrow(/append-only/);
        // A superseded version always has its grace (010's CHECK, kept by 011).
        await expect(client.query("UPDATE catalog_entries SET state = 'superseded' WHERE rules_version = $1", [next.rulesVersion])).rejects.toThrow(/superseded_has_grace/);
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

      it('finds what is known of artworks without their files', async () => {
        const meta = { id: 'artwork-meta-1', format: 'png' as const, widthPx: 30, heightPx: 20, vector: false, colours: 1, palette: ['#c82828'] };
        await repository.saveArtwork({ meta, bytes: pngFile(30, 20) }, new Date('2026-11-25T12:00:00Z'));
        expect(await repository.findArtworkMetas(['artwork-meta-1', 'no-such-artwork'])).toEqual([meta]);
        expect(await repository.findArtworkMetas([])).toEqual([]);
      });

      it('stores a print file once per order and zone, byte for byte', async () => {
        await repository.placeOrder(newOrder('key-prints-1'));
        const png = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 7919) % 256);
        await repository.savePrintFile('id-key-prints-1', 'front', png, new Date('2026-11-25T12:00:00Z'));
        // An order never changes, so neither does its print file: the first one stays.
        await repository.savePrintFile('id-key-prints-1', 'front', new Uint8Array([1, 2, 3]), new Date('2026-11-25T12:01:00Z'));
        expect(Buffer.from((await repository.findPrintFile('id-key-prints-1', 'front'))!).equals(Buffer.from(png))).toBe(true);
        expect(await repository.findPrintFile('id-key-prints-1', 'back')).toBeUndefined();
        expect(await repository.findPrintFile('no-such-order', 'front')).toBeUndefined();
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

    describe('the gallery', () => {
      const vote = (candidateId: string, voterId: string, value: -1 | 0 | 1, now = '2026-11-25T12:00:00.000Z', policy: VotingPolicy = DEFAULT_VOTING_POLICY) =>
        repository.castVote({ candidateId, voterId, value, now: at(now), policy } satisfies NewVote);
      const castCandidate = async (outcome: Promise<{ kind: string; candidate?: StoredCandidate }>) => {
        const result = await outcome;
        if (result.kind !== 'cast') throw new Error(`expected a cast vote, got ${result.kind}`);
        return result.candidate!;
      };
      const list = (sort: CandidateSort, now = '2026-11-25T12:00:00.000Z', limit = 24) =>
        repository.listCandidates({ productId: 'sneaker', sort, limit, now: at(now) }).then((candidates) => candidates.map((candidate) => candidate.title));

      it('stores a candidate with its submitter and thumbnail, and finds it as stored', async () => {
        const candidate = newCandidate(designs[0]!);
        const outcome = await repository.submitCandidate(candidate);
        expect(outcome.kind).toBe('created');
        expect(outcome.candidate).toEqual({
          seq: 1, id: candidate.id, productId: 'sneaker', rulesVersion: entry.rulesVersion, canonicalKey: candidate.canonicalKey, design: candidate.design,
          title: 'Midnight runner', remixOf: null, createdAt: '2026-11-25T12:00:00.000000Z',
          upVotes: 0, downVotes: 0, flaggedVotes: 0, orders: 0, remixes: 0, submitters: 1, myVote: 0, hidden: false, coCreatedBy: null,
        });
        expect(await repository.findCandidate(candidate.id)).toEqual(outcome.candidate);
        expect(await repository.hasCandidate(candidate.id)).toBe(true);
        expect(await repository.hasCandidate(randomUUID())).toBe(false);
        expect(await repository.findCandidateThumbnail(candidate.id)).toEqual({ contentType: 'image/png', bytes: new Uint8Array(candidate.thumbnail) });
        expect(await repository.findCandidate('no-such-candidate')).toBeUndefined();
      });

      it('joins an identical design to its candidate, counting each submitter once', async () => {
        const first = await repository.submitCandidate(newCandidate(designs[0]!));
        const again = await repository.submitCandidate(newCandidate(designs[0]!, { title: 'Another name', submittedBy: 'voter-b' }));
        const twice = await repository.submitCandidate(newCandidate(designs[0]!, { submittedBy: 'voter-b' }));
        expect([again.kind, twice.kind]).toEqual(['joined', 'joined']);
        expect(twice.candidate).toMatchObject({ id: first.candidate.id, title: 'Midnight runner', submitters: 2 });
        expect(await client.query('SELECT 1 FROM candidates')).toHaveLength(1);
      });

      it('stores one candidate when identical designs are submitted at once', async () => {
        const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((voter) => repository.submitCandidate(newCandidate(designs[1]!, { submittedBy: `voter-${voter}` }))));
        expect(outcomes.filter((outcome) => outcome.kind === 'created')).toHaveLength(1);
        expect(new Set(outcomes.map((outcome) => outcome.candidate.id)).size).toBe(1);
        expect((await repository.findCandidate(outcomes[0]!.candidate.id))!.submitters).toBe(5);
      });

      it('keeps one vote per voter: a second vote replaces the first, none removes it', async () => {
        const { candidate } = await repository.submitCandidate(newCandidate(designs[0]!));
        expect(await castCandidate(vote(candidate.id, 'voter-1', 1))).toMatchObject({ upVotes: 1, downVotes: 0, myVote: 1 });
        await vote(candidate.id, 'voter-2', 1);
        expect(await castCandidate(vote(candidate.id, 'voter-1', -1))).toMatchObject({ upVotes: 1, downVotes: 1, myVote: -1 });
        expect(await castCandidate(vote(candidate.id, 'voter-1', -1))).toMatchObject({ upVotes: 1, downVotes: 1 });
        expect(await castCandidate(vote(candidate.id, 'voter-1', 0))).toMatchObject({ upVotes: 1, downVotes: 0, myVote: 0 });
        expect((await repository.findCandidate(candidate.id, 'voter-2'))!.myVote).toBe(1);
        expect(await client.query('SELECT 1 FROM votes')).toHaveLength(1);
        expect(await vote(randomUUID(), 'voter-1', 1)).toEqual({ kind: 'unknown-candidate' });
      });

      it('flags votes beyond the burst size and refuses votes beyond the rate limit, writing nothing', async () => {
        const policy: VotingPolicy = { windowSeconds: 60, maxVotesPerWindow: 5, unflaggedVotesPerWindow: 3 };
        const [a, b] = await Promise.all(designs.slice(0, 2).map((design) => repository.submitCandidate(newCandidate(design)).then((outcome) => outcome.candidate)));
        const times = ['12:00:00', '12:00:10', '12:00:20', '12:00:30', '12:00:40'].map((time) => `2026-11-25T${time}.000Z`);
        const outcomes = [];
        const values = [1, -1, 1, -1, -1] as const; // a up, a down, a up, b down, a down
        for (const [index, time] of times.entries()) outcomes.push(await vote(index === 3 ? b!.id : a!.id, 'voter-1', values[index]!, time, policy));
        expect(outcomes.map((outcome) => outcome.kind === 'cast' && outcome.flagged)).toEqual([false, false, false, true, true]);
        expect(await repository.findCandidate(b!.id)).toMatchObject({ upVotes: 0, downVotes: 0, flaggedVotes: 1 });
        expect(await repository.findCandidate(a!.id)).toMatchObject({ upVotes: 0, downVotes: 0, flaggedVotes: 1 });
        expect(await vote(a!.id, 'voter-1', -1, '2026-11-25T12:00:45.000Z', policy)).toEqual({ kind: 'rate-limited', retryAfterSeconds: 15 });
        expect(await client.query('SELECT 1 FROM vote_casts')).toHaveLength(5);
        // Once the first vote is a minute old, there is room again; calm votes are not flagged.
        const later = await vote(b!.id, 'voter-1', 1, '2026-11-25T12:01:30.000Z', policy);
        expect(later).toMatchObject({ kind: 'cast', flagged: false, candidate: { upVotes: 1, flaggedVotes: 0 } });
      });

      it('never lets concurrent votes of one voter past the rate limit', async () => {
        const policy: VotingPolicy = { windowSeconds: 60, maxVotesPerWindow: 6, unflaggedVotesPerWindow: 6 };
        const { candidate } = await repository.submitCandidate(newCandidate(designs[0]!));
        const outcomes = await Promise.all(Array.from({ length: 10 }, (_, index) => vote(candidate.id, 'voter-1', index % 2 === 0 ? 1 : -1, '2026-11-25T12:00:00.000Z', policy)));
        expect(outcomes.filter((outcome) => outcome.kind === 'cast')).toHaveLength(6);
        expect(outcomes.filter((outcome) => outcome.kind === 'rate-limited')).toHaveLength(4);
      });

      it('counts the votes a voter cast a moment later on another server (a request that waited for the voter lock)', async () => {
        const policy: VotingPolicy = { windowSeconds: 60, maxVotesPerWindow: 2, unflaggedVotesPerWindow: 2 };
        const { candidate } = await repository.submitCandidate(newCandidate(designs[0]!));
        // Each request reads its server's clock when it arrives, then waits for the lock: they commit out of clock order.
        expect(await vote(candidate.id, 'voter-1', 1, '2026-11-25T12:00:00.500Z', policy)).toMatchObject({ kind: 'cast' });
        expect(await vote(candidate.id, 'voter-1', -1, '2026-11-25T12:00:00.400Z', policy)).toMatchObject({ kind: 'cast' });
        expect(await vote(candidate.id, 'voter-1', 1, '2026-11-25T12:00:00.300Z', policy)).toMatchObject({ kind: 'rate-limited' });
        expect(await client.query('SELECT 1 FROM vote_casts')).toHaveLength(2);
      });

      it('ranks top by the Wilson lower bound of unflagged votes: 5 up of 10 below 50 up of 100', async () => {
        const [few, many, none] = await Promise.all(designs.slice(0, 3).map((design, index) => repository.submitCandidate(newCandidate(design, { title: ['few', 'many', 'none'][index]! })).then((outcome) => outcome.candidate)));
        for (let voter = 0; voter < 10; voter++) await vote(few!.id, `few-${voter}`, voter < 5 ? 1 : -1);
        for (let voter = 0; voter < 100; voter++) await vote(many!.id, `many-${voter}`, voter < 50 ? 1 : -1);
        expect(await list('top')).toEqual(['many', 'few', 'none']);
        expect(await repository.findCandidate(many!.id)).toMatchObject({ upVotes: 50, downVotes: 50 });
        const scores = await client.query<{ title: string; score: number }>('SELECT title, score FROM candidates ORDER BY title');
        expect(scores.map((row) => [row.title, Number(row.score.toFixed(3))])).toEqual([['few', 0.237], ['many', 0.404], ['none', 0]]);
        expect(none!.id).toBeDefined();
      });

      it('ranks most-ordered by the orders of the same design, whoever placed them', async () => {
        const [one, three] = await Promise.all(designs.slice(0, 2).map((design, index) => repository.submitCandidate(newCandidate(design, { title: ['one', 'three'][index]! })).then((outcome) => outcome.candidate)));
        await repository.submitCandidate(newCandidate(designs[2]!, { title: 'zero' }));
        await repository.placeOrder(orderOf(designs[0]!, '2026-11-20T10:00:00.000Z'));
        for (let index = 0; index < 3; index++) await repository.placeOrder(orderOf(designs[1]!, '2026-11-21T10:00:00.000Z'));
        await repository.placeOrder(orderOf(designs[5]!, '2026-11-21T10:00:00.000Z'));
        expect(await list('most-ordered')).toEqual(['three', 'one', 'zero']);
        expect((await repository.findCandidate(three!.id))!.orders).toBe(3);
        expect((await repository.findCandidate(one!.id))!.orders).toBe(1);
      });

      it('ranks trending by up-votes and orders of the last 7 days against the 7 days before', async () => {
        const [rising, steady, fading] = await Promise.all(designs.slice(0, 3).map((design, index) => repository.submitCandidate(newCandidate(design, { title: ['rising', 'steady', 'fading'][index]!, createdAt: '2026-11-01T00:00:00.000Z' })).then((outcome) => outcome.candidate)));
        // now = 2026-11-25T12:00Z: the last 7 days start on the 18th at noon, the 7 before on the 11th.
        const lastWeek = '2026-11-22T09:00:00.000Z';
        const weekBefore = '2026-11-14T09:00:00.000Z';
        for (let voter = 0; voter < 3; voter++) await vote(rising!.id, `r-${voter}`, 1, lastWeek);
        await repository.placeOrder(orderOf(designs[0]!, lastWeek)); // rising: 4 − 0
        for (let voter = 0; voter < 5; voter++) await vote(steady!.id, `s-${voter}`, 1, voter < 3 ? lastWeek : weekBefore); // steady: 3 − 2
        for (let voter = 0; voter < 6; voter++) await vote(fading!.id, `f-${voter}`, 1, weekBefore);
        await repository.placeOrder(orderOf(designs[2]!, lastWeek)); // fading: 1 − 6
        await vote(fading!.id, 'f-down', -1, lastWeek); // down-votes do not count
        expect(await list('trending')).toEqual(['rising', 'steady', 'fading']);
        // A week later, nothing is recent: fading 0 − 1, steady 0 − 3, rising 0 − 4.
        expect(await list('trending', '2026-12-02T12:00:00.000Z')).toEqual(['fading', 'steady', 'rising']);
      });

      it('lists newest first, per product, at most the limit', async () => {
        for (const [index, design] of designs.slice(0, 4).entries()) {
          await repository.submitCandidate(newCandidate(design, { title: `c${index}`, createdAt: `2026-11-2${index}T00:00:00.000Z` }));
        }
        expect(await list('newest')).toEqual(['c3', 'c2', 'c1', 'c0']);
        expect(await list('newest', undefined, 2)).toEqual(['c3', 'c2']);
        expect(await repository.listCandidates({ productId: 'boot', sort: 'newest', limit: 10, now: at('2026-11-25T00:00:00Z') })).toEqual([]);
        expect(await repository.listCandidates({ sort: 'top', limit: 10, now: at('2026-11-25T00:00:00Z') })).toHaveLength(4);
      });

      it('counts remixes: the candidates and the orders started from a candidate', async () => {
        const { candidate: original } = await repository.submitCandidate(newCandidate(designs[0]!));
        const { candidate: remix } = await repository.submitCandidate(newCandidate(designs[1]!, { remixOf: original.id }));
        await repository.placeOrder(orderOf(designs[2]!, '2026-11-25T10:00:00.000Z', original.id));
        await repository.placeOrder(orderOf(designs[3]!, '2026-11-25T10:00:00.000Z'));
        expect(remix.remixOf).toBe(original.id);
        expect(await repository.findCandidate(original.id)).toMatchObject({ remixes: 2, remixOf: null });
        expect(await repository.findCandidate(remix.id)).toMatchObject({ remixes: 0 });
      });
    });

    describe('rate-limit counters', () => {
      const hit = (client: string, now: string, name = 'voter-ids', windowSeconds = 3600) => repository.countRateLimitHit({ name, client, windowSeconds, now: at(now) });

      it('counts the hits of a client in a fixed window, apart from other clients and other limits', async () => {
        expect(await hit('203.0.113.7', '2026-11-25T12:10:00.000Z')).toEqual({ hits: 1, resetsAt: at('2026-11-25T13:00:00.000Z') });
        expect((await hit('203.0.113.7', '2026-11-25T12:59:59.999Z')).hits).toBe(2);
        expect((await hit('203.0.113.8', '2026-11-25T12:20:00.000Z')).hits).toBe(1);
        expect((await hit('203.0.113.7', '2026-11-25T12:20:00.000Z', 'submissions')).hits).toBe(1);
        // The next window starts again at 1.
        expect(await hit('203.0.113.7', '2026-11-25T13:00:00.000Z')).toEqual({ hits: 1, resetsAt: at('2026-11-25T14:00:00.000Z') });
      });

      it('counts concurrent hits each once', async () => {
        const counts = await Promise.all(Array.from({ length: 40 }, () => hit('203.0.113.7', '2026-11-25T12:00:00.000Z')));
        expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
      });

      it('counts a hit from a server whose clock lags into the newer window', async () => {
        await hit('203.0.113.7', '2026-11-25T13:00:00.500Z');
        expect(await hit('203.0.113.7', '2026-11-25T12:59:59.900Z')).toEqual({ hits: 2, resetsAt: at('2026-11-25T14:00:00.000Z') });
      });

      it('deletes the counters of ended windows now and then', async () => {
        await hit('198.51.100.1', '2026-11-25T10:00:00.000Z');
        for (let index = 0; index < 1000; index++) await hit('203.0.113.7', '2026-11-25T12:00:00.000Z', 'submissions', 60);
        const rows = await client.query<{ client: string }>('SELECT client FROM rate_limit_windows');
        expect(rows.map((row) => row.client)).toEqual(['203.0.113.7']);
      });
    });

    describe('design demand (migrations 015 and 017)', () => {
      const designA = canonicalKey(designs[0]!);
      const designB = canonicalKey(designs[1]!);
      type Sent = { day: string; key: string; kind: DesignSignal['kind']; units: number; session: string };
      const signal = ({ day, key, kind, units, session }: Sent, at = `${day}T12:00:00.000Z`): DesignSignal => ({
        at: new Date(at), productId: 'sneaker', rulesVersion: entry.rulesVersion, designKey: key, kind, units, sessionId: session, remix: false,
      });

      beforeEach(async () => {
        await client.query('TRUNCATE design_signals, design_demand_daily, design_demand_monthly, design_keys, design_demand_marks, design_visit_days RESTART IDENTITY');
      });

      it('sums a period from whole months and the days at its ends, as adding up its days one by one would', async () => {
        const sent: Sent[] = ['2026-07-31', '2026-08-01', '2026-08-15', '2026-08-31', '2026-09-30', '2026-10-01', '2026-11-01', '2026-11-24'].flatMap((day, n) => [
          { day, key: designA, kind: 'ordered' as const, units: 1 + (n % 3), session: `session-a-${String(n).padStart(8, '0')}` },
          { day, key: n % 2 === 0 ? designB : designA, kind: 'reviewed' as const, units: 1, session: `session-b-${String(n).padStart(8, '0')}` },
        ]);
        await repository.recordDesignSignals(sent.map((one) => signal(one)));
        const periods = [['2026-08-01', '2026-11-24'], ['2026-08-02', '2026-10-31'], ['2026-07-31', '2026-08-01'], ['2026-09-30', '2026-10-01'], ['2026-08-01', '2026-08-31'], ['2026-06-01', '2026-12-31']] as const;
        for (const [since, until] of periods) {
          const inPeriod = sent.filter((one) => one.day >= since && one.day <= until);
          const expected = [designA, designB].map((key) => {
            const mine = inPeriod.filter((one) => one.key === key);
            return {
              designKey: key, units: mine.filter((one) => one.kind === 'ordered').reduce((sum, one) => sum + one.units, 0),
              orders: mine.filter((one) => one.kind === 'ordered').length, reviewed: mine.filter((one) => one.kind === 'reviewed').length,
              visits: new Set(mine.map((one) => `${one.day} ${one.session}`)).size,
            };
          }).filter((row) => row.orders + row.reviewed > 0);
          const rows = await repository.listDesignDemand({ productId: 'sneaker', since: new Date(since), until: new Date(until), limit: 10 });
          expect(rows.map(({ designKey, units, orders, reviewed, visits }) => ({ designKey, units, orders, reviewed, visits })), `${since}..${until}`)
            .toEqual(expect.arrayContaining(expected));
          expect(rows, `${since}..${until}`).toHaveLength(expected.length);
        }
      });

      it('moves a product\'s high-water mark with every batch of signals, and no other product\'s', async () => {
        expect(await repository.designDemandMark('sneaker')).toBe(0);
        const one: Sent = { day: '2026-11-24', key: designA, kind: 'reviewed', units: 1, session: 'session-mark-0001' };
        await repository.recordDesignSignals([signal(one)]);
        const first = await repository.designDemandMark('sneaker');
        await repository.recordDesignSignals([signal(one), signal({ ...one, key: designB })]);
        expect(await repository.designDemandMark('sneaker')).toBeGreaterThan(first);
        expect(await repository.designDemandMark('boot')).toBe(0);
      });

      it('counts a visit\'s signals of today once, however many batches bring them', async () => {
        const now = new Date();
        const today = now.toISOString().slice(0, 10);
        const visit: Sent = { day: today, key: designA, kind: 'reviewed', units: 1, session: 'session-visit-0001' };
        await repository.recordDesignSignals([signal(visit, now.toISOString())]);
        await repository.recordDesignSignals([signal({ ...visit, kind: 'shared' }, now.toISOString()), signal({ ...visit, kind: 'ordered', units: 2 }, now.toISOString())]);
        await repository.recordDesignSignals([signal({ ...visit, session: 'session-visit-0002' }, now.toISOString())]);
        const [row] = await repository.listDesignDemand({ productId: 'sneaker', since: now, until: now, limit: 10 });
        expect(row).toMatchObject({ designKey: designA, reviewed: 2, shared: 1, orders: 1, units: 2, visits: 2 });
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
