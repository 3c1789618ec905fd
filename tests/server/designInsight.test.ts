import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey, type DesignDocument } from '../../src/domain/index.ts';
import { createSignalRecorder } from '../../src/server/designSignals.ts';
import { designFrom, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let recorder: ReturnType<typeof createSignalRecorder>;
let designer: StaffBrowser;
let merchandiser: StaffBrowser;
let keys = 0;
/** Designs by what the test made of them; their option ids come from the product's own lists, whatever they are. */
const made: Record<string, DesignDocument> = {};

const laces = () => sneaker.entry.product.attributes.find((attribute) => attribute.id === 'laces.colour')!;

beforeAll(async () => {
  const database: { repository?: TestApp['repository'] } = {};
  recorder = createSignalRecorder({ recordDesignSignals: (signals) => database.repository!.recordDesignSignals(signals) }, { flushMs: 3_600_000 });
  t = await startTestApp([], { signals: recorder });
  database.repository = t.repository;
  sneaker = productUnderTest(t.entry);
  const now = new Date('2026-11-25T12:00:00.000Z');
  designer = await sessionFor(t.repository, await addAccount(t.repository, 'designer@shop.example', ['designer']), now);
  merchandiser = await sessionFor(t.repository, await addAccount(t.repository, 'merch@shop.example', ['merchandiser']), now);
  // A family of near-identical designs (one base, its laces in other colours) and one far from them.
  const [first, second, third] = laces().options.map((option) => option.id);
  made.base = designFrom(sneaker, { 'laces.colour': first! });
  made.lace2 = designFrom(sneaker, { 'laces.colour': second! });
  made.lace3 = designFrom(sneaker, { 'laces.colour': third! });
  made.far = designFrom(sneaker, { 'vamp.material': 'suede', 'laces.colour': third!, 'quarter.material': 'suede' });
  const order = (design: DesignDocument, quantity: number) => t.app.request('/api/orders', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `insight-key-${String(++keys).padStart(6, '0')}` }, body: JSON.stringify(orderBody(sneaker, design, { quantity })),
  });
  for (const [design, quantity] of [[made.base, 5], [made.base, 4], [made.lace2, 3], [made.lace3, 1], [made.far, 2]] as const) expect((await order(design, quantity)).status).toBe(201);
  await recorder.flush();
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const get = (path: string, who: StaffBrowser | null = designer) => t.app.request(path, { headers: who ? { Cookie: who.cookie } : {} });

describe('the designers\' review of what customers design', () => {
  it('lists the most ordered designs, gallery or not, with their choices and whether today\'s rules allow them', async () => {
    const response = await get('/api/staff/insight/sneaker/popular?days=30');
    expect(response.status).toBe(200);
    const { designs } = (await response.json()) as { designs: { designKey: string; units: number; orders: number; submitted: number; allowedNow: boolean; choices: Record<string, string> }[] };
    expect(designs.map((design) => [design.designKey, design.units, design.orders])).toEqual([
      [canonicalKey(made.base!), 9, 2], [canonicalKey(made.lace2!), 3, 1], [canonicalKey(made.far!), 2, 1], [canonicalKey(made.lace3!), 1, 1],
    ]);
    expect(designs[0]!.submitted).toBe(0);
    // All in the last 7 days (the test's clock): a design catching on; each order its own visit (no session sent); not in the gallery.
    const top = designs[0] as unknown as { sessions: number; trend: { recentUnits: number; baselineUnits: number; change: number }; gallery: unknown };
    expect(top.trend).toEqual({ recentUnits: 9, baselineUnits: 0, change: expect.closeTo(10 / 7 / (1 / 28) - 1, 6) });
    expect(top.sessions).toBe(2);
    expect(top.gallery).toBeNull();
    expect(designs[0]!.choices).toEqual(made.base!.choices);
    expect(designs.every((design) => design.allowedNow)).toBe(true);
  });

  it('groups the designs that differ only in their laces, shown by the most central, and says so', async () => {
    const { clusters } = (await (await get('/api/staff/insight/sneaker/clusters?days=30')).json()) as { clusters: { size: number; units: number; medoid: { designKey: string }; differences: { sentence: string }; members: { designKey: string }[] }[] };
    expect(clusters[0]!.size).toBe(3);
    expect(clusters[0]!.units).toBe(13);
    expect(clusters[0]!.medoid.designKey).toBe(canonicalKey(made.base!));
    expect(clusters[0]!.differences.sentence).toBe('3 designs, differ only in laces colour');
    expect(clusters.slice(1).map((cluster) => cluster.members.map((member) => member.designKey))).toEqual([[canonicalKey(made.far!)]]);
  });

  it('gives take rates by units ordered and the funnel', async () => {
    const body = (await (await get('/api/staff/insight/sneaker/options?days=30')).json()) as { takeRates: { attributeId: string; optionId: string; rate: number }[]; funnel: Record<string, number> };
    const rate = (optionId: string) => body.takeRates.find((entry) => entry.attributeId === 'laces.colour' && entry.optionId === optionId)!.rate;
    const [first, second, third] = laces().options.map((option) => option.id);
    expect(rate(first!)).toBeCloseTo(9 / 15);
    expect(rate(second!)).toBeCloseTo(3 / 15);
    expect(rate(third!)).toBeCloseTo(3 / 15);
    expect(body.funnel).toEqual({ reviewed: 0, shared: 0, submitted: 0, ordered: 5 });
  });

  it('says how often customers change each part from the design they start from, by units ordered', async () => {
    const { partChanges } = (await (await get('/api/staff/insight/sneaker/options?days=30')).json()) as { partChanges: { basis: string; total: number; starting: Record<string, string>; parts: { partId: string; rate: number; weight: number; attributes: { attributeId: string; rate: number }[] }[] } };
    const product = sneaker.entry.product;
    expect(partChanges.starting).toEqual(designFrom(sneaker).choices);
    expect(partChanges.basis).toBe('units');
    expect(partChanges.total).toBe(15);
    expect(partChanges.parts.map((part) => part.partId)).toEqual(product.parts.map((part) => part.id));
    // Worked out from the orders placed above and the starting design, whatever the product's options are.
    const orders = [[made.base, 9], [made.lace2, 3], [made.lace3, 1], [made.far, 2]] as const;
    for (const part of partChanges.parts) {
      const ids = product.attributes.filter((attribute) => attribute.partId === part.partId).map((attribute) => attribute.id);
      const changed = orders.filter(([design]) => ids.some((id) => design!.choices[id] !== partChanges.starting[id])).reduce((sum, [, units]) => sum + units, 0);
      expect(part.weight, part.partId).toBe(changed);
      expect(part.rate, part.partId).toBeCloseTo(changed / 15);
    }
    // Three lace colours were ordered: at least two differ from the starting laces, so the figure is not all zeros.
    expect(partChanges.parts.some((part) => part.rate > 0)).toBe(true);
  });

  it('counts design signals instead of units when nothing was ordered in the period asked', async () => {
    // Two reviews of the far design under a rules version no order was placed under.
    const rulesVersion = 'a-version-reviewed-but-never-ordered';
    for (const session of ['anonymous-session-0201', 'anonymous-session-0202']) recorder.record({ at: new Date('2026-11-25T12:00:00.000Z'), productId: 'sneaker', rulesVersion, designKey: canonicalKey(made.far!), kind: 'reviewed', units: 1, sessionId: session, remix: false });
    await recorder.flush();
    const { partChanges } = (await (await get(`/api/staff/insight/sneaker/options?days=30&rulesVersion=${rulesVersion}`)).json()) as { partChanges: { basis: string; total: number; starting: Record<string, string>; parts: { partId: string; rate: number }[] } };
    expect(partChanges.basis).toBe('signals');
    expect(partChanges.total).toBe(2);
    for (const part of partChanges.parts) {
      const changed = sneaker.entry.product.attributes.some((attribute) => attribute.partId === part.partId && made.far!.choices[attribute.id] !== partChanges.starting[attribute.id]);
      expect(part.rate, part.partId).toBe(changed ? 1 : 0);
    }
  });

  it('is for designers only, and says what is wrong with a bad query', async () => {
    expect((await get('/api/staff/insight/sneaker/popular', null)).status).toBe(401);
    expect((await get('/api/staff/insight/sneaker/popular', merchandiser)).status).toBe(403);
    const unknown = await get('/api/staff/insight/boot/popular');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { hint: string } }).error.hint).toMatch(/sneaker/);
    for (const query of ['days=0', 'days=abc', 'days=99999', 'limit=0', 'limit=100000']) {
      const response = await get(`/api/staff/insight/sneaker/popular?${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});

describe('a most wanted design that a customer submitted to the gallery', () => {
  it('shows its gallery candidate and votes', async () => {
    const submitted = await t.app.request('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ design: made.lace2, title: 'Laces of my own' }) });
    expect(submitted.status).toBe(201);
    const { candidate } = (await submitted.json()) as { candidate: { id: string } };
    await recorder.flush();
    const { designs } = (await (await get('/api/staff/insight/sneaker/popular?days=30')).json()) as { designs: { designKey: string; submitted: number; gallery: { candidateId: string; upVotes: number } | null }[] };
    const row = designs.find((design) => design.designKey === canonicalKey(made.lace2!))!;
    expect(row.gallery).toMatchObject({ candidateId: candidate.id, upVotes: 0 });
    expect(row.submitted).toBe(1);
  });
});

describe('the views kept between requests', () => {
  type Clusters = { designsClustered: number; designsAdded: number; clusters: { members: { designKey: string; units: number }[] }[] };
  const clustersOf = async (days: number) => (await (await get(`/api/staff/insight/sneaker/clusters?days=${days}`)).json()) as Clusters;

  it('are not computed again while the demand is the same, and take in new demand when it comes', async () => {
    const first = await clustersOf(90);
    expect(first.designsAdded).toBe(first.designsClustered);
    const popular = async () => ((await (await get('/api/staff/insight/sneaker/popular?days=90')).json()) as { designs: { designKey: string; units: number }[] }).designs;
    const popularBefore = await popular();
    const funnel = async () => ((await (await get('/api/staff/insight/sneaker/options?days=90')).json()) as { funnel: { ordered: number } }).funnel;
    const funnelBefore = await funnel();
    expect(await funnel()).toEqual(funnelBefore);
    const again = await clustersOf(90);
    expect(again.designsAdded).toBe(0);
    expect(again.clusters).toEqual(first.clusters);
    // A design one lace colour from the family, ordered now: the next answer places it, and it alone, in the family's group.
    const taken = new Set(['base', 'lace2', 'lace3', 'far'].map((name) => made[name]!.choices['laces.colour']));
    const newcomer = designFrom(sneaker, { 'laces.colour': laces().options.find((option) => !taken.has(option.id))!.id });
    recorder.record({ at: new Date('2026-11-25T12:00:00.000Z'), productId: 'sneaker', rulesVersion: t.entry.rulesVersion, designKey: canonicalKey(newcomer), kind: 'ordered', units: 2, sessionId: 'anonymous-session-0099', remix: false });
    await recorder.flush();
    const after = await clustersOf(90);
    expect(after.designsAdded).toBe(1);
    const family = after.clusters.find((cluster) => cluster.members.some((member) => member.designKey === canonicalKey(made.base!)))!;
    expect(family.members.find((member) => member.designKey === canonicalKey(newcomer))?.units).toBe(2);
    expect(popularBefore.map((design) => design.designKey)).not.toContain(canonicalKey(newcomer));
    expect((await popular()).find((design) => design.designKey === canonicalKey(newcomer))?.units).toBe(2);
    expect((await funnel()).ordered, 'the options view, kept too, counts the new order').toBe(funnelBefore.ordered + 1);
  });
});

describe('the rollup of a shop that had orders before signals were recorded', () => {
  it('starts from the orders and gallery submissions already stored (migration 015)', async () => {
    const { openTestPglite } = await import('../../scripts/support/testDatabases.ts');
    const { applyMigrations, readMigrations } = await import('../../src/server/migrate.ts');
    const { createSqlRepository } = await import('../../src/server/sqlRepository.ts');
    const { client, dispose } = await openTestPglite();
    try {
      const all = readMigrations();
      await applyMigrations(client, all.filter((migration) => migration.version < 15));
      // Two orders of one design, as an older server stored them (the document holds the quantity).
      for (const [n, quantity] of [[1, 2], [2, 3]] as const) {
        await client.query(
          `INSERT INTO orders (public_id, idempotency_key, request_hash, product_id, rules_version, canonical_key, status, document, created_at, updated_at)
           VALUES ($1, $2, 'h', 'sneaker', 'v1', 'sneaker|laces.colour=white', 'received', $3::text::json, '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
          [`order-${n}`, `key-${n}-0000`, JSON.stringify({ quantity })],
        );
      }
      await applyMigrations(client, all);
      const rows = await createSqlRepository(client).listDesignDemand({ productId: 'sneaker', since: new Date('2026-11-01'), until: new Date('2026-11-30'), limit: 10 });
      expect(rows).toEqual([{ designKey: 'sneaker|laces.colour=white', reviewed: 0, shared: 0, submitted: 0, voted: 0, orders: 2, units: 5, remixes: 0, visits: 0 }]);
    } finally {
      await dispose();
    }
  });
});
