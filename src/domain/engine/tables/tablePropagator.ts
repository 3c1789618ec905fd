// The table propagator: what the conflict finders ask of a problem's tables. It sets up each run
// (which tables, which values fixed, which lemmas apply), leaves the filtering to
// compactTableFilter.ts, the search to tableSearch.ts and the reasons of a refutation to
// removalReasons.ts.
import { CompactTableFilter } from './compactTableFilter.ts';
import { DECISION as DECISION_REASON, lemmaReason, PropagationState, type Lemma, type StateLayout } from './propagationState.ts';
import { RemovalReasons } from './removalReasons.ts';
import { popcount, indexTable, type TableIndex } from './tableIndex.ts';
import type { IndexedTable } from './tableProblem.ts';
import { solveFrom, type SolveOptions, type Verdict } from './tableSearch.ts';

// A module constant rather than the import itself: an import is a live binding, which tsx and
// Vitest read through a getter, and every search decision removes values with it.
const DECISION = DECISION_REASON;

/**
 * Generalised arc consistency over table constraints, for explaining conflicts: "with these values
 * fixed, can these tables hold together?" without conjoining their diagrams.
 *
 * Each table is indexed once (per compiled space): for every value of every column, a bitset of the
 * rows holding it (compact-table filtering, Demeulenaere et al. 2016). A run keeps, per table, the
 * bitset of rows still valid under the current domains, and removes each value that no valid row
 * supports (allowed tables) or whose every completion is a forbidden row (forbidden tables, by
 * counting), until nothing changes. Domains emptied that way prove the tables inconsistent with the
 * fixed values (propagation is sound); domains left non-empty prove nothing on their own, so
 * {@link TablePropagator.solve} adds a bounded search (tableSearch.ts) that either finds a witness or exhausts.
 *
 * Every removal records the table (or lemma) that made it, so a refutation names the tables it
 * used ({@link TablePropagator.implicated}, removalReasons.ts).
 */
export class TablePropagator {
  readonly tableCount: number;
  readonly variableCount: number;
  /** Decisions the last {@link solve} took (for benchmarks). */
  searchNodes = 0;
  /** First value slot of each variable in per-value arrays; `valueOffsets[variableCount]` values in all. */
  readonly valueOffsets: Int32Array;
  /** The indexed tables, by table index (read only). */
  readonly tables: readonly TableIndex[];
  /** Explains the failures and removals of this propagator's states. */
  readonly reasons: RemovalReasons;
  private readonly filter: CompactTableFilter;
  /** The fixed values `restricted` holds tables' rows for. */
  private restrictedFor: Int32Array | undefined;
  private readonly restricted = new Map<number, { readonly curr: Uint32Array; readonly live: Int32Array }>();
  private readonly lemmaTables = new WeakMap<readonly Lemma[], readonly Int32Array[]>();

  private constructor(readonly domainSizes: Int32Array, index: TableIndex[], slotCount: number) {
    this.variableCount = domainSizes.length;
    this.tableCount = index.length;
    this.valueOffsets = new Int32Array(domainSizes.length + 1);
    for (let variable = 0; variable < domainSizes.length; variable++) this.valueOffsets[variable + 1] = this.valueOffsets[variable]! + domainSizes[variable]!;
    this.tables = index;
    this.filter = new CompactTableFilter(domainSizes, this.valueOffsets, index, slotCount);
    this.reasons = new RemovalReasons(this.valueOffsets, index);
  }

  /**
   * Indexes the tables (variables by index, `domainSizes[variable]` values each). Returns
   * `undefined` when the row bitsets would take more than `maxWords` 32-bit words: callers then
   * keep to the diagram-based checks.
   */
  static create(domainSizes: Int32Array, tables: readonly IndexedTable[], maxWords = 1 << 24): TablePropagator | undefined {
    let total = 0;
    for (const table of tables) {
      const arity = table.scope.length;
      const rowCount = arity === 0 ? 0 : table.rows.length / arity;
      let slots = 0;
      for (const variable of table.scope) slots += domainSizes[variable]!;
      total += slots * Math.ceil(rowCount / 32);
      if (total > maxWords) return undefined;
    }
    let slotCount = 0;
    const index = tables.map((table) => {
      const built = indexTable(table, domainSizes, slotCount);
      slotCount += built.slotCount;
      return built;
    });
    return new TablePropagator(domainSizes, index, slotCount);
  }

  /** True for a table of allowed rows, false for one of forbidden rows. */
  isAllowedTable(table: number): boolean {
    return this.tables[table]!.allowed;
  }

  /** How many rows a table has. */
  rowCount(table: number): number {
    return this.tables[table]!.rowCount;
  }

  /** Where `variable`'s values start in a state's per-value arrays (`present`). */
  valueOffset(variable: number): number {
    return this.valueOffsets[variable]!;
  }

  /**
   * Propagates the tables (by index) to a fixpoint from full domains with `fixed[variable]` set
   * (-1 for free), using each lemma whose tables are all among them. The state says whether a
   * domain was emptied.
   */
  propagate(tables: ArrayLike<number>, fixed: Int32Array, lemmas: readonly Lemma[] = []): PropagationState {
    const state = this.initialState(tables, fixed, lemmas);
    // Small tables first: a refutation found among them never pays for filtering the large ones.
    if (!state.failed) this.filter.run(state, allPositions(state.subset.length).sort((a, b) => this.tables[state.subset[a]!]!.words - this.tables[state.subset[b]!]!.words));
    return state;
  }

  /**
   * A copy of a propagated state with the fixed values (`fixed[variable]`, -1 when free) fixed
   * too, propagated again: only the tables over those variables, and what they wake, are filtered.
   */
  restrict(state: PropagationState, fixed: Int32Array): PropagationState {
    const child = state.clone();
    const queue: number[] = [];
    for (let variable = 0; variable < this.variableCount && !child.failed; variable++) {
      const value = fixed[variable]!;
      if (value < 0) continue;
      const offset = this.valueOffsets[variable]!;
      let removed = false;
      for (let other = 0; other < this.domainSizes[variable]!; other++) {
        if (other === value || child.present[offset + other] === 0) continue;
        child.remove(variable, other, DECISION);
        removed = true;
      }
      if (child.size[variable] === 0) child.fail(DECISION, variable);
      else if (removed) queue.push(...this.filter.watchers(child, variable));
    }
    if (!child.failed) this.filter.run(child, queue);
    return child;
  }

  /** A copy of a state whose removals cite these lemmas' tables (lemma `l` as {@link lemmaReason}(l)). */
  citingLemmas(state: PropagationState, lemmaTables: readonly Int32Array[]): PropagationState {
    return state.clone({ ...state.layout, lemmaTables });
  }

  /** A copy of a propagated state with `variable` fixed to `value`, propagated again. */
  probe(state: PropagationState, variable: number, value: number): PropagationState {
    const child = state.clone();
    this.assign(child, variable, value);
    return child;
  }

  /** Removes a value from a propagated state for the reason given (a table, {@link DECISION} or a lemma code) and propagates again. */
  exclude(state: PropagationState, variable: number, value: number, reason: number): void {
    if (state.failed || state.present[this.valueOffsets[variable]! + value] === 0) return;
    state.remove(variable, value, reason);
    if (state.size[variable] === 0) state.fail(reason, variable);
    else this.filter.run(state, Array.from(this.filter.watchers(state, variable)));
  }

  /**
   * Decides whether some assignment keeping the fixed values satisfies every table in `tables`:
   * propagation, then depth-first search over the variables two or more of the tables share,
   * propagating after each decision. Once those are all decided, each table's remaining valid row
   * completes it independently, so that is a witness. Gives up as `unknown` after `nodeLimit`
   * decisions. See {@link SolveOptions} for lemmas, refutation cores and preferred values.
   */
  solve(tables: ArrayLike<number>, fixed: Int32Array, options: SolveOptions): 'consistent' | 'inconsistent' | 'unknown' {
    return this.solveFrom(this.propagate(tables, fixed, options.lemmas), options);
  }

  /** {@link solve}, from a state {@link propagate} returned (which it leaves as it was). */
  solveFrom(root: PropagationState, options: SolveOptions): Verdict {
    return solveFrom(this, root, options);
  }


  /** True when a complete assignment of the table's variables (`assignment[variable]`) satisfies it. */
  satisfies(table: number, assignment: Int32Array): boolean {
    const index = this.tables[table]!;
    return index.listsCombination(assignment) === index.allowed;
  }

  /**
   * True when the table alone allows the fixed values: some allowed row agrees with them, or not
   * every completion of them is a forbidden row.
   */
  allows(table: number, fixed: Int32Array): boolean {
    const index = this.tables[table]!;
    const rows = this.rowsUnder(table, fixed);
    if (index.allowed) return rows.live.length > 0;
    let completions = 1;
    for (const variable of index.scope) if (fixed[variable]! < 0) completions *= this.domainSizes[variable]!;
    let forbidden = 0;
    for (const word of rows.live) forbidden += popcount(rows.curr[word]!);
    return forbidden < completions;
  }

  /**
   * After a failure, the tables the refutation used, earliest first. Propagating just these
   * tables, with the same fixed values and lemmas, fails again. `lemmas` are the tables of the
   * lemmas removals may cite, when the state is not from {@link propagate}.
   */
  implicated(state: PropagationState, lemmas: readonly Int32Array[] = state.layout.lemmaTables): number[] {
    return this.reasons.implicated(state, lemmas);
  }

  /** The tables the removal of a value was derived from, earliest first; `[]` when it is present or was fixed. */
  removalReasons(state: PropagationState, variable: number, value: number, lemmas: readonly Int32Array[] = state.layout.lemmaTables): number[] {
    return this.reasons.removalReasons(state, variable, value, lemmas);
  }


  /**
   * A table's rows that agree with the fixed values, as a row bitset and its non-zero words.
   * Explanations ask many subsets under the same fixed values, so the last values' rows are kept.
   */
  private rowsUnder(table: number, fixed: Int32Array): { readonly curr: Uint32Array; readonly live: Int32Array } {
    this.useFixed(fixed);
    let rows = this.restricted.get(table);
    if (rows) return rows;
    const index = this.tables[table]!;
    const { words, supports } = index;
    const curr = new Uint32Array(words).fill(0xffffffff);
    if (words > 0) curr[words - 1] = index.lastWordMask;
    index.scope.forEach((variable, column) => {
      const value = fixed[variable]!;
      if (value < 0) return;
      const base = (index.columnSlots[column]! + value) * words;
      for (let word = 0; word < words; word++) curr[word]! &= supports[base + word]!;
    });
    const live: number[] = [];
    for (let word = 0; word < words; word++) if (curr[word] !== 0) live.push(word);
    rows = { curr, live: Int32Array.from(live) };
    this.restricted.set(table, rows);
    return rows;
  }

  private fixedRemovals(variable: number, fixed: Int32Array): number {
    return fixed[variable]! >= 0 ? this.domainSizes[variable]! - 1 : 0;
  }

  /** Forgets the rows kept for other fixed values. */
  private useFixed(fixed: Int32Array): void {
    if (this.restrictedFor && sameValues(this.restrictedFor, fixed)) return;
    this.restrictedFor = fixed.slice();
    this.restricted.clear();
  }

  private lemmaTablesOf(lemmas: readonly Lemma[]): readonly Int32Array[] {
    // Lemmas are found one by one into the same list, so a longer list is a new one.
    let tables = this.lemmaTables.get(lemmas);
    if (!tables || tables.length !== lemmas.length) this.lemmaTables.set(lemmas, (tables = lemmas.map((lemma) => lemma.tables)));
    return tables;
  }

  /** Fixes `variable` to `value` in a propagated state and propagates again. */
  assign(state: PropagationState, variable: number, value: number): void {
    const offset = this.valueOffsets[variable]!;
    for (let other = 0; other < this.domainSizes[variable]!; other++) {
      if (other !== value && state.present[offset + other] === 1) state.remove(variable, other, DECISION);
    }
    if (state.size[variable] === 0) state.fail(DECISION, variable);
    else this.filter.run(state, Array.from(this.filter.watchers(state, variable)));
  }

  /** The state after the fixed values and the lemmas that apply, each table's rows reflecting the fixed values. */
  private initialState(tables: ArrayLike<number>, fixed: Int32Array, lemmas: readonly Lemma[]): PropagationState {
    const subset = Int32Array.from(tables);
    const currOffsets = new Int32Array(subset.length + 1);
    const processedOffsets = new Int32Array(subset.length + 1);
    for (let position = 0; position < subset.length; position++) {
      const table = this.tables[subset[position]!]!;
      currOffsets[position + 1] = currOffsets[position]! + table.words;
      processedOffsets[position + 1] = processedOffsets[position]! + table.scope.length;
    }
    const inSubset = new Uint8Array(this.tableCount);
    for (const table of subset) inSubset[table] = 1;
    const watchStart = new Int32Array(this.variableCount + 1);
    for (const table of subset) for (const variable of this.tables[table]!.scope) watchStart[variable + 1]!++;
    for (let variable = 0; variable < this.variableCount; variable++) watchStart[variable + 1]! += watchStart[variable]!;
    const watchPositions = new Int32Array(watchStart[this.variableCount]!);
    const filled = watchStart.slice(0, this.variableCount);
    subset.forEach((table, position) => {
      for (const variable of this.tables[table]!.scope) watchPositions[filled[variable]!++] = position;
    });
    const layout: StateLayout = { subset, valueOffsets: this.valueOffsets, currOffsets, processedOffsets, lemmaTables: this.lemmaTablesOf(lemmas), watchStart, watchPositions };
    const state = PropagationState.fresh(layout, this.domainSizes, currOffsets[subset.length]!, processedOffsets[subset.length]!);
    for (let variable = 0; variable < this.variableCount; variable++) {
      const value = fixed[variable]!;
      if (value < 0) continue;
      for (let other = 0; other < this.domainSizes[variable]!; other++) if (other !== value) state.remove(variable, other, DECISION);
    }
    for (let index = 0; index < lemmas.length && !state.failed; index++) {
      const lemma = lemmas[index]!;
      if (state.present[this.valueOffsets[lemma.variable]! + lemma.value] === 0) continue;
      let applies = true;
      for (let i = 0; i < lemma.tables.length && applies; i++) applies = inSubset[lemma.tables[i]!] === 1;
      if (!applies) continue;
      state.remove(lemma.variable, lemma.value, lemmaReason(index));
      if (state.size[lemma.variable] === 0) state.fail(lemmaReason(index), lemma.variable);
    }
    if (state.failed) return state;
    this.useFixed(fixed);
    for (let position = 0; position < subset.length; position++) {
      const tableId = subset[position]!;
      const table = this.tables[tableId]!;
      const rows = this.rowsUnder(tableId, fixed);
      const start = currOffsets[position]!;
      state.curr.set(rows.curr, start);
      state.live.set(rows.live, start);
      state.liveCount[position] = rows.live.length;
      // The valid rows reflect the fixed values: each variable's first removals.
      const processedStart = processedOffsets[position]!;
      for (let column = 0; column < table.scope.length; column++) state.processed[processedStart + column] = this.fixedRemovals(table.scope[column]!, fixed);
      if (rows.live.length === 0 && table.allowed) {
        state.fail(tableId, -1);
        break;
      }
    }
    return state;
  }

}

function sameValues(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function allPositions(count: number): number[] {
  return Array.from({ length: count }, (_, position) => position);
}
