// A realistic shop's demand for the designers' review, written as design signals (and so into the
// daily rollup the designers' views read): skewed popularity (Zipf), families of near-identical
// designs, remixes, submissions and votes on a few, and designs that trend up or fade. Used by
// `npm run seed:demand` and `npm run bench:insight`.
import { seededRandom } from '../../src/domain/shared/index.ts';
import { canonicalKey, type DesignDocument } from '../../src/domain/index.ts';
import type { DesignSignal, Repository } from '../../src/server/repository.ts';
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

const BATCH = 5000;
const VARIANTS_PER_FAMILY = 8;

/**
 * Writes the demand through the repository's own statement (signals and rollup), in batches of
 * 5,000. Calls `progress` after each batch with the signals written so far.
 */
export async function seedDemand(repository: Pick<Repository, 'recordDesignSignals'>, product: ProductUnderTest, seed: DemandSeed, progress: (written: number) => void = () => {}): Promise<{ designs: number }> {
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
  let written = 0;
  let batch: DesignSignal[] = [];
  const flush = async () => {
    await repository.recordDesignSignals(batch);
    written += batch.length;
    batch = [];
    progress(written);
  };
  const session = (n: number) => `seed-session-${String(n).padStart(10, '0')}`;
  for (let n = 0; n < seed.signals; n++) {
    const index = draw();
    const design = pool[index]!;
    const at = new Date(seed.until.getTime() - dayOf(index) * 86_400_000 - Math.floor(random() * 86_400_000));
    let kind: DesignSignal['kind'] = 'ordered';
    if (n >= seed.orders) {
      let pick = random();
      kind = otherKinds.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'reviewed';
    }
    batch.push({
      at, productId: design.productId, rulesVersion: design.rulesVersion, designKey: canonicalKey(design), kind,
      units: kind === 'ordered' ? 1 + Math.floor(random() * 3) : 1, sessionId: session(Math.floor(random() * seed.signals / 3)), remix: random() < 0.1,
    });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { designs: pool.length };
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
