// What a propagation run works on: the domains, each table's valid rows, and every removal with its
// reason (a table, a decision or a lemma) and its time, from which refutations are explained.

/**
 * A fact propagation alone may miss: with just `tables`, `variable` never takes `value` (whatever
 * else is fixed). Propagation over a set of tables that includes all of `tables` may use it.
 */
export interface Lemma {
  readonly variable: number;
  readonly value: number;
  readonly tables: Int32Array;
}

/** Why a value was removed: a table's index (>= 0), a fixed value or search decision, or lemma `l` as `LEMMA - l`. */
export const DECISION = -1;
/** The first lemma's removal reason: reasons at or below it are lemmas (see {@link lemmaReason}). */
export const LEMMA = -2;

/** The removal reason standing for lemma `index`. */
export function lemmaReason(index: number): number {
  return LEMMA - index;
}

/** The arrays a state's tables live at, shared by a state and its clones. */
export interface StateLayout {
  readonly subset: Int32Array;
  readonly valueOffsets: Int32Array;
  readonly currOffsets: Int32Array;
  readonly processedOffsets: Int32Array;
  /** The tables of each lemma given to the run, by lemma index. */
  readonly lemmaTables: readonly Int32Array[];
  /** Subset positions of the tables over variable v: `watchPositions[watchStart[v] .. watchStart[v + 1]]`. */
  readonly watchStart: Int32Array;
  readonly watchPositions: Int32Array;
}

/**
 * Domains and valid rows during propagation. Removed values are kept per variable in the order
 * they went, each with its reason (a table, {@link DECISION} or a lemma) and a time, which is what
 * `removalReasons.ts` reads to explain a refutation.
 */
export class PropagationState {
  failed = false;
  /** The reason that emptied a domain (or left a table no valid row), which domain (-1 for none), and when. */
  failedTable = DECISION;
  failedVariable = -1;
  failedAt = 0;
  private clock = 0;

  readonly size: Int32Array;
  readonly removedCount: Int32Array;
  readonly removedValue: Int32Array;
  readonly removedBy: Int32Array;
  readonly removedAt: Int32Array;
  /** Per table, the indices of its words that are not zero (the first `liveCount[position]`). */
  readonly live: Int32Array;
  readonly liveCount: Int32Array;
  /** Per table and column, how many of the column variable's removals its valid rows reflect. */
  readonly processed: Int32Array;

  private constructor(
    readonly layout: StateLayout,
    private readonly domainSizes: Int32Array,
    /** Everything but the bits, in one buffer so that a copy is one copy: the arrays above are views of it. */
    private readonly numbers: Int32Array,
    /** 1 when the value (at `valueOffsets[variable] + value`) is still in its domain. */
    readonly present: Uint8Array,
    /** Valid-row bitsets of the subset's tables, at `layout.currOffsets[position]`. */
    readonly curr: Uint32Array,
  ) {
    const variables = domainSizes.length;
    const values = layout.valueOffsets[variables]!;
    let at = 0;
    const next = (length: number) => numbers.subarray(at, (at += length));
    this.size = next(variables);
    this.removedCount = next(variables);
    this.removedValue = next(values);
    this.removedBy = next(values);
    this.removedAt = next(values);
    this.live = next(curr.length);
    this.liveCount = next(layout.subset.length);
    this.processed = next(layout.processedOffsets[layout.subset.length]!);
  }

  /** Full domains and no valid rows yet (the caller fills them), in arrays sized for `layout`. */
  static fresh(layout: StateLayout, domainSizes: Int32Array, words: number, columns: number): PropagationState {
    const variables = domainSizes.length;
    const values = layout.valueOffsets[variables]!;
    const numbers = new Int32Array(2 * variables + 3 * values + words + layout.subset.length + columns);
    numbers.set(domainSizes);
    return new PropagationState(layout, domainSizes, numbers, new Uint8Array(values).fill(1), new Uint32Array(words));
  }

  get subset(): Int32Array {
    return this.layout.subset;
  }

  /** The time the next removal will get. */
  get now(): number {
    return this.clock;
  }

  /** An independent copy (one copy of each buffer), over the same layout unless another is given. */
  clone(layout: StateLayout = this.layout): PropagationState {
    const copy = new PropagationState(layout, this.domainSizes, this.numbers.slice(), this.present.slice(), this.curr.slice());
    copy.clock = this.clock;
    return copy;
  }

  /** Removes a value from its domain, recording the reason and the time. */
  remove(variable: number, value: number, reason: number): void {
    const offset = this.layout.valueOffsets[variable]!;
    this.present[offset + value] = 0;
    this.size[variable]!--;
    const slot = offset + this.removedCount[variable]!++;
    this.removedValue[slot] = value;
    this.removedBy[slot] = reason;
    this.removedAt[slot] = this.clock++;
  }

  /** Records a failure: `reason` emptied `variable`'s domain, or (`variable` -1) left the table no valid row. */
  fail(reason: number, variable: number): void {
    if (this.failed) return;
    this.failed = true;
    this.failedTable = reason;
    this.failedVariable = variable;
    this.failedAt = this.clock++;
  }
}
