// The designers' views, kept between requests. A view depends on the product, its rules version,
// the period, the rules-version filter and the rollup; the rollup's high-water mark
// (`designDemandMark`, one more with every batch of signals written, in the database so that every
// server process sees it) says whether the rollup moved since the view was computed. Each server
// process keeps its own few views; the mark keeps them right across processes.

/** The views kept at most: a designer's three periods of a product or two, each clustering a few MB. */
const MAX_KEPT = 8;

/** What a kept view is computed at. */
export interface InsightKey {
  readonly productId: string;
  /** The product's current rules version: the distances and the rules the view applies. */
  readonly rulesVersion: string;
  /** The period's first and last day (UTC, `YYYY-MM-DD`): a view of tomorrow starts again. */
  readonly since: string;
  readonly until: string;
  /** The request's rules-version filter, and anything else the answer depends on (a limit). */
  readonly variant: string;
}

/**
 * A few views (the least recently used dropped first), each with the rollup mark it was computed
 * at. `S` is what a view keeps: an answer, or the state an answer is brought up to date from.
 *
 * @example
 * const kept = new InsightCache<Answer>();
 * const hit = kept.get(key);
 * if (hit?.mark === mark) return hit.state;
 */
export class InsightCache<S> {
  private readonly kept = new Map<string, { mark: number; state: S }>();

  /** The view kept for the key, and the mark it was computed at; undefined when none is kept. */
  get(key: InsightKey): { readonly mark: number; readonly state: S } | undefined {
    const id = idOf(key);
    const found = this.kept.get(id);
    if (found) {
      // Most recently used last, so the first in the map is the one to drop.
      this.kept.delete(id);
      this.kept.set(id, found);
    }
    return found;
  }

  /** Keeps a view computed at `mark`, unless one computed at a later mark is kept already (a slower request finishing last). */
  set(key: InsightKey, mark: number, state: S): void {
    const id = idOf(key);
    const found = this.kept.get(id);
    if (found && found.mark > mark) return;
    this.kept.delete(id);
    this.kept.set(id, { mark, state });
    while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
  }
}

function idOf(key: InsightKey): string {
  return JSON.stringify([key.productId, key.rulesVersion, key.since, key.until, key.variant]);
}
