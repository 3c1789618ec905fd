// A realistic shop's demand for the designers' review, written as design signals and rolled up
// into the daily and monthly rollups the designers' views read: skewed popularity (Zipf), families
// of near-identical designs, remixes, submissions and votes on a few, and designs that trend up or
// fade. Used by `npm run seed:demand` and `npm run bench:insight`.
//
// A bulk load (not while a server runs on the database): the designs' keys are written once, the
// signals as multi-row inserts of 20,000 that name each design by its id (no 600-byte key per row,
// no rollup per batch) with the signals' secondary indexes built afterwards, and the rollups are
// added to by one statement at the end (`rollUpStoredSignals`, the same counting as the server's).
import { createHash } from 'node:crypto';
import { seededRandom } from '../../src/domain/shared/index.ts';
import { canonicalKey, type DesignDocument } from '../../src/domain/index.ts';
import type { DesignSignal } from '../../src/server/repository.ts';
import { rollUpStoredSignals } from '../../src/server/repository/signalStore.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { designFrom, randomDesign, type ProductUnderTest } from './orderBodies.ts';

/** How much demand to write. */
export interface DemandSeed {
  /** Orders, each one `ordered` signal with 1–3 units. */
  readonly orders: number;
  /** All signals together, the orders' included: the rest are reviews, shares, submissions and up-votes. */
  readonly signals: number;
  /** Spread over this many days before `until`. */
  readonly days: number;
  readonly until: Date;
  /** Families of near-identical designs (a base design and its variants one option apart). */
  readonly families: number;
  readonly seed?: number;
}

const BATCH = 20_000;
const VARIANTS_PER_FAMILY = 8;

/**
 * Writes the demand in batches of 20,000 signals, then rolls them up and refreshes the tables'
 * statistics. Calls `progress` after each batch with the signals written so far.
 */
export async function seedDemand(client: SqlClient, product: ProductUnderTest, seed: DemandSeed, progress: (written: number) => void = () => {}): Promise<{ designs: number }> {
  const random = seededRandom(seed.seed ?? 2026);
  const pool = designPool(product, seed.families, random);
  // Zipf-like popularity over the pool (rank r weighs 1 / r^1.1), as a cumulative table to draw from.
  const weights = pool.map((_, rank) => 1 / (rank + 1) ** 1.1);
  const cumulative: number[] = [];
  weights.reduce((sum, weight, index) => (cumulative[index] = sum + weight), 0);
  const total = cumulative.at(-1)!;
  const draw = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // A tenth of the designs trend: their demand grows toward `until`; another tenth fades.
  const trendOf = (index: number) => (index % 10 === 3 ? 'rising' : index % 10 === 7 ? 'fading' : 'steady');
  const dayOf = (index: number): number => {
    const trend = trendOf(index);
    const u = random();
    // Days back from `until`: rising designs cluster near today, fading ones long ago.
    const back = trend === 'rising' ? u * u : trend === 'fading' ? 1 - u * u : u;
    return Math.floor(back * seed.days);
  };
  const otherKinds: readonly [DesignSignal['kind'], number][] = [['reviewed', 0.75], ['shared', 0.12], ['voted', 0.1], ['submitted', 0.03]];
  const keys = pool.map((design) => canonicalKey(design));
  const ids = keys.map(designId);
  await client.query(
    `INSERT INTO design_keys (design_id, product_id, design_key)
     SELECT md5(key)::uuid, $1, key FROM json_array_elements_text($2::text::json) AS k (key) ON CONFLICT (design_id) DO NOTHING`,
    [product.entry.product.id, JSON.stringify(keys)],
  );
  const before = await client.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM design_signals');
  // A bulk load's usual order: the signals' secondary indexes dropped, the rows written, the indexes
  // built again from their own definitions (one sort each instead of millions of random inserts).
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'design_signals' AND indexname <> 'design_signals_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  const { rulesVersion } = product.entry;
  let written = 0;
  let batch: unknown[][] = [];
  const flush = async () => {
    // Rows as arrays (at, design, kind, units, session, remix): a fifth of the JSON of named fields.
    await client.query(
      `INSERT INTO design_signals (at, product_id, rules_version, design_id, kind, units, session_id, remix)
       SELECT (row->>0)::timestamptz, $2, $3, (row->>1)::uuid, row->>2, (row->>3)::int, row->>4, (row->>5)::boolean
       FROM json_array_elements($1::text::json) AS row`,
      [JSON.stringify(batch), product.entry.product.id, rulesVersion],
    );
    written += batch.length;
    batch = [];
    progress(written);
  };
  const session = (n: number) => `seed-session-${String(n).padStart(10, '0')}`;
  for (let n = 0; n < seed.signals; n++) {
    const index = draw();
    const at = new Date(seed.until.getTime() - dayOf(index) * 86_400_000 - Math.floor(random() * 86_400_000));
    let kind: DesignSignal['kind'] = 'ordered';
    if (n >= seed.orders) {
      let pick = random();
      kind = otherKinds.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'reviewed';
    }
    const units = kind === 'ordered' ? 1 + Math.floor(random() * 3) : 1;
    batch.push([at.toISOString(), ids[index]!, kind, units, session(Math.floor(random() * seed.signals / 3)), random() < 0.1]);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  for (const index of indexes) await client.query(index.definition);
  await rollUpStoredSignals(client, Number(before[0]!.seq));
  // A settled shop's tables: the planner's statistics and the visibility map (index-only scans)
  // as autovacuum would leave them.
  await client.query('VACUUM ANALYZE design_signals');
  await client.query('VACUUM ANALYZE design_demand_daily');
  await client.query('VACUUM ANALYZE design_demand_monthly');
  await client.query('VACUUM ANALYZE design_keys');
  return { designs: pool.length };
}

/** A design's id as the database computes it (`md5(canonical key)::uuid`). */
function designId(key: string): string {
  const hex = createHash('md5').update(key, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Families of designs: a random valid base and variants of it, each one valid option apart. */
function designPool(product: ProductUnderTest, families: number, random: () => number): DesignDocument[] {
  const pool: DesignDocument[] = [];
  const seen = new Set<string>();
  const add = (design: DesignDocument) => {
    const key = canonicalKey(design);
    if (!seen.has(key)) {
      seen.add(key);
      pool.push(design);
    }
  };
  for (let family = 0; family < families; family++) {
    const base = randomDesign(product, random);
    add(base);
    for (let variant = 0; variant < VARIANTS_PER_FAMILY; variant++) {
      const attributes = product.entry.product.attributes;
      const attribute = attributes[Math.floor(random() * attributes.length)]!;
      const { [attribute.id]: _dropped, ...others } = base.choices;
      const offered = product.space.domains(others).get(attribute.id) ?? [];
      const option = offered[Math.floor(random() * offered.length)];
      if (option === undefined) continue;
      try {
        add(designFrom(product, { ...others, [attribute.id]: option }));
      } catch {
        // A variant the rules resolve differently: left out.
      }
    }
  }
  return pool;
}
