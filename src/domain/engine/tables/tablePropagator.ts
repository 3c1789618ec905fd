import type { IndexedTable } from './tableProblem.ts';

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
const LEMMA = -2;

/** The removal reason standing for lemma `index`. */
export function lemmaReason(index: number): number {
  return LEMMA - index;
}

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
 * {@link TablePropagator.solve} adds a bounded search that either finds a witness or exhausts.
 *
 * Every removal records the table (or lemma) that made it, so a refutation names the tables it
 * used ({@link TablePropagator.implicated}).
 */
export class TablePropagator {
  readonly tableCount: number;
  readonly variableCount: number;
  /** Decisions the last {@link solve} took (for benchmarks). */
  searchNodes = 0;
  /** First value slot of each variable in per-value arrays; `valueOffsets[variableCount]` values in all. */
  private readonly valueOffsets: Int32Array;
  private readonly index: readonly TableIndex[];
  /** Last word where each table value's support was found (a hint shared by all runs). */
  private readonly residues: Int32Array;
  /** The fixed values `restricted` holds tables' rows for. */
  private restrictedFor: Int32Array | undefined;
  private readonly restricted = new Map<number, { readonly curr: Uint32Array; readonly live: Int32Array }>();
  private readonly lemmaTables = new WeakMap<readonly Lemma[], readonly Int32Array[]>();
  /** Scratch for the values left in a domain. */
  private readonly valuesLeft: Int32Array;
  /** The variable of each value slot. */
  private readonly slotVariable: Int32Array;
  /** Scratch for explaining a removal: rows not yet explained, and their non-zero words. */
  private readonly uncovered: Uint32Array;
  private readonly openWords: Int32Array;

  private constructor(readonly domainSizes: Int32Array, index: TableIndex[], slotCount: number) {
    this.variableCount = domainSizes.length;
    this.tableCount = index.length;
    this.valueOffsets = new Int32Array(domainSizes.length + 1);
    for (let variable = 0; variable < domainSizes.length; variable++) this.valueOffsets[variable + 1] = this.valueOffsets[variable]! + domainSizes[variable]!;
    this.index = index;
    this.residues = new Int32Array(slotCount);
    this.valuesLeft = new Int32Array(Math.max(0, ...domainSizes));
    const maxWords = Math.max(0, ...index.map((table) => table.words));
    this.uncovered = new Uint32Array(maxWords);
    this.openWords = new Int32Array(maxWords);
    this.slotVariable = new Int32Array(this.valueOffsets[domainSizes.length]!);
    for (let variable = 0; variable < domainSizes.length; variable++) this.slotVariable.fill(variable, this.valueOffsets[variable]!, this.valueOffsets[variable + 1]!);
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
    return this.index[table]!.allowed;
  }

  /** How many rows a table has. */
  rowCount(table: number): number {
    return this.index[table]!.rowCount;
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
    if (!state.failed) this.run(state, allPositions(state.subset.length).sort((a, b) => this.index[state.subset[a]!]!.words - this.index[state.subset[b]!]!.words));
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
      else if (removed) queue.push(...this.watchers(child, variable));
    }
    if (!child.failed) this.run(child, queue);
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
    else this.run(state, Array.from(this.watchers(state, variable)));
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
  solveFrom(root: PropagationState, { nodeLimit, core, phase, witness }: SolveOptions): 'consistent' | 'inconsistent' | 'unknown' {
    const used = new Map<number, number>();
    const branched: number[] = [];
    const collect = (state: PropagationState) => {
      if (!core) return;
      for (const [table, time] of this.failureReasons(state, branched)) if (!used.has(table) || used.get(table)! > time) used.set(table, time);
    };
    let nodes = 0;
    const finish = (verdict: 'consistent' | 'inconsistent' | 'unknown', solution?: PropagationState) => {
      this.searchNodes = nodes;
      if (core && verdict === 'inconsistent') core.push(...byTime(used));
      if (phase && solution) {
        for (const variable of shared) {
          const offset = this.valueOffsets[variable]!;
          for (let value = 0; value < this.domainSizes[variable]!; value++) if (solution.present[offset + value] === 1) phase[variable] = value;
        }
      }
      if (witness && solution) this.completeWitness(solution, witness);
      return verdict;
    };
    if (root.failed) {
      collect(root);
      return finish('inconsistent');
    }
    const shared = this.sharedVariables(root.subset);
    const { watchStart, watchPositions } = root.layout;
    // dom/wdeg (Boussemart et al. 2004): tables that fail often weigh more, so the search turns to
    // the variables of the conflict instead of thrashing on far-away ones.
    const weights = new Float64Array(this.tableCount).fill(1);
    const chooseBranch = (state: PropagationState): number => {
      let branch = -1;
      let best = Infinity;
      for (const variable of shared) {
        const size = state.size[variable]!;
        if (size <= 1) continue;
        let weight = 0;
        for (let i = watchStart[variable]!; i < watchStart[variable + 1]!; i++) weight += weights[state.subset[watchPositions[i]!]!]!;
        const score = size / weight;
        if (score < best) {
          best = score;
          branch = variable;
        }
      }
      return branch;
    };
    /** The values left to try, the preferred one first. */
    const valuesOf = (state: PropagationState, variable: number): number[] => {
      const offset = this.valueOffsets[variable]!;
      const values: number[] = [];
      const preferred = phase ? phase[variable]! : -1;
      if (preferred >= 0 && state.present[offset + preferred] === 1) values.push(preferred);
      for (let value = 0; value < this.domainSizes[variable]!; value++) if (value !== preferred && state.present[offset + value] === 1) values.push(value);
      return values;
    };
    let solution: PropagationState | undefined;
    const search = (state: PropagationState): 'consistent' | 'inconsistent' | 'unknown' => {
      const branch = chooseBranch(state);
      if (branch < 0) {
        solution = state;
        return 'consistent';
      }
      branched.push(branch, state.now);
      for (const value of valuesOf(state, branch)) {
        if (++nodes > nodeLimit) return 'unknown';
        const child = this.probe(state, branch, value);
        if (child.failed) {
          collect(child);
          if (child.failedTable >= 0) weights[child.failedTable]!++;
          continue;
        }
        const verdict = search(child);
        if (verdict !== 'inconsistent') return verdict;
      }
      branched.length -= 2;
      return 'inconsistent';
    };
    if (!core) {
      // Most sets that hold together are solved without backtracking: first a dive that takes
      // each variable's preferred value in one state, copying nothing; the search proper only if it fails.
      const dive = root.clone();
      for (;;) {
        const branch = chooseBranch(dive);
        if (branch < 0) return finish('consistent', dive);
        if (++nodes > nodeLimit) return finish('unknown');
        this.assign(dive, branch, valuesOf(dive, branch)[0]!);
        if (dive.failed) {
          if (dive.failedTable >= 0) weights[dive.failedTable]!++;
          break;
        }
      }
    }
    const verdict = search(root);
    return finish(verdict, solution);
  }

  /**
   * Writes into `assignment` a value for every variable of a solved state's tables (-1 elsewhere):
   * decided variables keep their value, and each table's other variables take the values of one of
   * its valid rows (they are its own, so the rows cannot disagree).
   */
  private completeWitness(state: PropagationState, assignment: Int32Array): void {
    assignment.fill(-1);
    for (let variable = 0; variable < this.variableCount; variable++) {
      if (state.size[variable] !== 1) continue;
      const offset = this.valueOffsets[variable]!;
      let value = 0;
      while (state.present[offset + value] === 0) value++;
      assignment[variable] = value;
    }
    state.subset.forEach((tableId, position) => {
      const table = this.index[tableId]!;
      if (table.scope.every((variable) => assignment[variable]! >= 0)) return;
      const row = this.validRow(state, position, table);
      table.scope.forEach((variable, column) => {
        if (assignment[variable]! < 0) assignment[variable] = row >= 0 ? table.rows[row * table.scope.length + column]! : this.firstValue(state, variable);
      });
    });
  }

  /** A row of an allowed table valid in the state, or for a forbidden table a completion it does not forbid; -1 for the latter (its values are then picked one by one). */
  private validRow(state: PropagationState, position: number, table: TableIndex): number {
    if (!table.allowed) return -1;
    const start = state.layout.currOffsets[position]!;
    const word = state.live[start]!;
    const bits = state.curr[start + word]!;
    return word * 32 + (31 - Math.clz32(bits & -bits));
  }

  private firstValue(state: PropagationState, variable: number): number {
    const offset = this.valueOffsets[variable]!;
    let value = 0;
    while (value < this.domainSizes[variable]! - 1 && state.present[offset + value] === 0) value++;
    return value;
  }

  /** True when a complete assignment of the table's variables (`assignment[variable]`) satisfies it. */
  satisfies(table: number, assignment: Int32Array): boolean {
    const index = this.index[table]!;
    return index.listsCombination(assignment) === index.allowed;
  }

  /**
   * True when the table alone allows the fixed values: some allowed row agrees with them, or not
   * every completion of them is a forbidden row.
   */
  allows(table: number, fixed: Int32Array): boolean {
    const index = this.index[table]!;
    const rows = this.rowsUnder(table, fixed);
    if (index.allowed) return rows.live.length > 0;
    let completions = 1;
    for (const variable of index.scope) if (fixed[variable]! < 0) completions *= this.domainSizes[variable]!;
    let forbidden = 0;
    for (const word of rows.live) forbidden += popcount(rows.curr[word]!);
    return forbidden < completions;
  }

  /**
   * After a failure, the tables the refutation used, earliest first (see {@link derivation}).
   * Propagating just these tables, with the same fixed values and lemmas, fails again. `lemmas`
   * are the tables of the lemmas removals may cite, when the state is not from {@link propagate}.
   */
  implicated(state: PropagationState, lemmas: readonly Int32Array[] = state.layout.lemmaTables): number[] {
    return byTime(this.failureReasons(state, [], lemmas));
  }

  /** The tables the removal of a value was derived from, earliest first; `[]` when it is present or was fixed. */
  removalReasons(state: PropagationState, variable: number, value: number, lemmas: readonly Int32Array[] = state.layout.lemmaTables): number[] {
    const offset = this.valueOffsets[variable]!;
    for (let k = 0; k < state.removedCount[variable]!; k++) {
      if (state.removedValue[offset + k] === value) return byTime(this.derivation(state, lemmas, [offset + k], [], []));
    }
    return [];
  }

  /**
   * The tables a failure was derived from, each with the earliest time it acted in the derivation.
   * `branched` holds (variable, time) pairs whose earlier removals are needed too: a search
   * branched over what was left of those variables then.
   */
  private failureReasons(state: PropagationState, branched: readonly number[], lemmas: readonly Int32Array[] = state.layout.lemmaTables): Map<number, number> {
    if (!state.failed) return new Map();
    const events: number[] = [];
    const rowsToCover: [number, number][] = [];
    if (state.failedVariable >= 0) {
      // Every value of the variable is gone: each removal is needed.
      const offset = this.valueOffsets[state.failedVariable]!;
      for (let k = 0; k < state.removedCount[state.failedVariable]!; k++) events.push(offset + k);
    } else if (state.failedTable >= 0) {
      rowsToCover.push([state.failedTable, state.failedAt]);
    }
    return this.derivation(state, lemmas, events, branched, rowsToCover);
  }

  /**
   * The tables behind some removals (event slots, `valueOffsets[variable] + k`), transitively. A
   * removal by an allowed table is explained by removals from its other columns that together
   * invalidate every row holding the removed value, chosen greedily: fixed values and decisions
   * first (they need no reason), then the earliest removals. A removal by a forbidden table is
   * explained by all earlier removals from its other columns; a lemma's by its tables.
   * `rowsToCover` are (table, time) pairs whose every row must be explained invalid.
   */
  private derivation(state: PropagationState, lemmas: readonly Int32Array[], events: readonly number[], branched: readonly number[], rowsToCover: readonly (readonly [number, number])[]): Map<number, number> {
    const used = new Map<number, number>();
    const use = (table: number, at: number) => {
      const first = used.get(table);
      if (first === undefined || at < first) used.set(table, at);
    };
    const visited = new Uint8Array(this.valueOffsets[this.variableCount]!);
    const stack: number[] = [];
    const need = (slot: number) => {
      if (visited[slot] === 0) {
        visited[slot] = 1;
        stack.push(slot);
      }
    };
    const needBefore = (variable: number, time: number) => {
      const offset = this.valueOffsets[variable]!;
      for (let k = 0; k < state.removedCount[variable]! && state.removedAt[offset + k]! < time; k++) need(offset + k);
    };
    events.forEach(need);
    for (let i = 0; i < branched.length; i += 2) needBefore(branched[i]!, branched[i + 1]!);
    for (const [table, time] of rowsToCover) {
      use(table, time);
      this.cover(state, table, -1, -1, time, need);
    }
    while (stack.length > 0) {
      const slot = stack.pop()!;
      const by = state.removedBy[slot]!;
      const at = state.removedAt[slot]!;
      if (by === DECISION) continue;
      if (by <= LEMMA) {
        for (const table of lemmas[LEMMA - by]!) use(table, at);
        continue;
      }
      use(by, at);
      const variable = this.slotVariable[slot]!;
      const table = this.index[by]!;
      if (table.allowed) {
        this.cover(state, by, variable, state.removedValue[slot]!, at, need);
      } else {
        for (const other of table.scope) if (other !== variable) needBefore(other, at);
      }
    }
    return used;
  }

  /**
   * Picks removals made before `time` from the columns of an allowed table other than `variable`
   * that invalidate every row holding `value` there (every row, when `variable` is -1), and
   * passes each to `need`.
   */
  private cover(state: PropagationState, tableId: number, variable: number, value: number, time: number, need: (slot: number) => void): void {
    const table = this.index[tableId]!;
    const { words, supports, scope, columnSlots } = table;
    const uncovered = this.uncovered;
    const open = this.openWords;
    const column = scope.indexOf(variable);
    if (column >= 0) uncovered.set(supports.subarray((columnSlots[column]! + value) * words, (columnSlots[column]! + value + 1) * words));
    else {
      uncovered.fill(0xffffffff, 0, words);
      if (words > 0) uncovered[words - 1] = table.lastWordMask;
    }
    let openCount = 0;
    for (let word = 0; word < words; word++) if (uncovered[word] !== 0) open[openCount++] = word;
    for (let pass = 0; pass < 2; pass++) {
      const decisions = pass === 0;
      for (let c = 0; c < scope.length && openCount > 0; c++) {
        const other = scope[c]!;
        if (other === variable) continue;
        const offset = this.valueOffsets[other]!;
        for (let k = 0; k < state.removedCount[other]! && openCount > 0; k++) {
          const slot = offset + k;
          if (state.removedAt[slot]! >= time) break;
          if ((state.removedBy[slot] === DECISION) !== decisions) continue;
          const base = (columnSlots[c]! + state.removedValue[slot]!) * words;
          let hit = false;
          for (let i = openCount - 1; i >= 0; i--) {
            const word = open[i]!;
            const rows = uncovered[word]! & supports[base + word]!;
            if (rows === 0) continue;
            hit = true;
            const left = uncovered[word]! & ~rows;
            uncovered[word] = left;
            if (left === 0) open[i] = open[--openCount]!;
          }
          if (hit) need(slot);
        }
      }
    }
  }

  /**
   * A table's rows that agree with the fixed values, as a row bitset and its non-zero words.
   * Explanations ask many subsets under the same fixed values, so the last values' rows are kept.
   */
  private rowsUnder(table: number, fixed: Int32Array): { readonly curr: Uint32Array; readonly live: Int32Array } {
    this.useFixed(fixed);
    let rows = this.restricted.get(table);
    if (rows) return rows;
    const index = this.index[table]!;
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
  private assign(state: PropagationState, variable: number, value: number): void {
    const offset = this.valueOffsets[variable]!;
    for (let other = 0; other < this.domainSizes[variable]!; other++) {
      if (other !== value && state.present[offset + other] === 1) state.remove(variable, other, DECISION);
    }
    if (state.size[variable] === 0) state.fail(DECISION, variable);
    else this.run(state, Array.from(this.watchers(state, variable)));
  }

  private sharedVariables(subset: Int32Array): number[] {
    const uses = new Int32Array(this.variableCount);
    for (const table of subset) for (const variable of this.index[table]!.scope) uses[variable]!++;
    const shared: number[] = [];
    uses.forEach((count, variable) => count > 1 && shared.push(variable));
    return shared;
  }

  /** The state after the fixed values and the lemmas that apply, each table's rows reflecting the fixed values. */
  private initialState(tables: ArrayLike<number>, fixed: Int32Array, lemmas: readonly Lemma[]): PropagationState {
    const subset = Int32Array.from(tables);
    const currOffsets = new Int32Array(subset.length + 1);
    const processedOffsets = new Int32Array(subset.length + 1);
    for (let position = 0; position < subset.length; position++) {
      const table = this.index[subset[position]!]!;
      currOffsets[position + 1] = currOffsets[position]! + table.words;
      processedOffsets[position + 1] = processedOffsets[position]! + table.scope.length;
    }
    const inSubset = new Uint8Array(this.tableCount);
    for (const table of subset) inSubset[table] = 1;
    const watchStart = new Int32Array(this.variableCount + 1);
    for (const table of subset) for (const variable of this.index[table]!.scope) watchStart[variable + 1]!++;
    for (let variable = 0; variable < this.variableCount; variable++) watchStart[variable + 1]! += watchStart[variable]!;
    const watchPositions = new Int32Array(watchStart[this.variableCount]!);
    const filled = watchStart.slice(0, this.variableCount);
    subset.forEach((table, position) => {
      for (const variable of this.index[table]!.scope) watchPositions[filled[variable]!++] = position;
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
      const table = this.index[tableId]!;
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

  /** Filters the queued tables (positions in the subset) and whatever their removals wake, to a fixpoint or a failure. */
  private run(state: PropagationState, queue: number[]): void {
    const { subset } = state;
    const queued = new Uint8Array(subset.length);
    for (const position of queue) queued[position] = 1;
    // Tables by variable, among this run's subset, so a removal wakes only the tables it concerns.
    const { watchStart, watchPositions } = state.layout;
    let head = 0;
    const wake = (variable: number, except: number) => {
      for (let i = watchStart[variable]!; i < watchStart[variable + 1]!; i++) {
        const position = watchPositions[i]!;
        if (position !== except && queued[position] === 0) {
          queued[position] = 1;
          queue.push(position);
        }
      }
    };
    while (head < queue.length && !state.failed) {
      const position = queue[head++]!;
      queued[position] = 0;
      const table = this.index[subset[position]!]!;
      if (!this.update(state, position, table)) return;
      if (table.allowed) this.filterAllowed(state, position, table, wake);
      else this.filterForbidden(state, position, table, wake);
    }
  }

  /** Subset positions of the tables over a variable. */
  private watchers(state: PropagationState, variable: number): Int32Array {
    const { watchStart, watchPositions } = state.layout;
    return watchPositions.subarray(watchStart[variable]!, watchStart[variable + 1]!);
  }

  /**
   * Brings a table's valid rows up to date with the removals since it was last filtered: clears the
   * removed values' rows, or, when more values went than remain, keeps only the remaining values'
   * rows. False when no valid row is left (the table has failed).
   */
  private update(state: PropagationState, position: number, table: TableIndex): boolean {
    const { curr, live, size, removedValue, present } = state;
    const start = state.layout.currOffsets[position]!;
    const processedStart = state.layout.processedOffsets[position]!;
    const { supports, words } = table;
    for (let column = 0; column < table.scope.length; column++) {
      const variable = table.scope[column]!;
      const done = state.processed[processedStart + column]!;
      const total = state.removedCount[variable]!;
      if (done === total) continue;
      state.processed[processedStart + column] = total;
      const valueOffset = this.valueOffsets[variable]!;
      const slotBase = table.columnSlots[column]!;
      let count = state.liveCount[position]!;
      if (total - done <= size[variable]!) {
        // Clear the rows of the values removed since, in one pass over the live words.
        const tableId = state.subset[position]!;
        const gone = this.valuesLeft;
        let goneCount = 0;
        for (let k = done; k < total; k++) {
          // An allowed table removes only values no valid row holds: clearing their rows changes nothing.
          if (table.allowed && state.removedBy[valueOffset + k] === tableId) continue;
          gone[goneCount++] = (slotBase + removedValue[valueOffset + k]!) * words;
        }
        if (goneCount > 0) {
          for (let i = count - 1; i >= 0; i--) {
            const word = live[start + i]!;
            let mask = 0;
            for (let j = 0; j < goneCount; j++) mask |= supports[gone[j]! + word]!;
            const kept = curr[start + word]! & ~mask;
            curr[start + word] = kept;
            if (kept === 0) live[start + i] = live[start + --count]!;
          }
        }
      } else {
        const left = this.valuesLeft;
        let leftCount = 0;
        for (let value = 0; value < this.domainSizes[variable]!; value++) if (present[valueOffset + value] === 1) left[leftCount++] = (slotBase + value) * words;
        for (let i = count - 1; i >= 0; i--) {
          const word = live[start + i]!;
          let mask = 0;
          for (let j = 0; j < leftCount; j++) mask |= supports[left[j]! + word]!;
          const kept = curr[start + word]! & mask;
          curr[start + word] = kept;
          if (kept === 0) live[start + i] = live[start + --count]!;
        }
      }
      state.liveCount[position] = count;
    }
    if (state.liveCount[position] === 0 && table.allowed) {
      state.fail(state.subset[position]!, -1);
      return false;
    }
    return true;
  }

  /** Removes every value no valid row of an allowed table supports. */
  private filterAllowed(state: PropagationState, position: number, table: TableIndex, wake: (variable: number, except: number) => void): void {
    const { curr, live, present, size } = state;
    const start = state.layout.currOffsets[position]!;
    const count = state.liveCount[position]!;
    const { supports, words, scope } = table;
    const tableId = state.subset[position]!;
    for (let column = 0; column < scope.length; column++) {
      const variable = scope[column]!;
      // A valid row exists and holds the variable's only value.
      if (size[variable] === 1) continue;
      const valueOffset = this.valueOffsets[variable]!;
      const slotBase = table.columnSlots[column]!;
      let removed = false;
      for (let value = 0; value < this.domainSizes[variable]!; value++) {
        if (present[valueOffset + value] === 0) continue;
        const slot = slotBase + value;
        const base = slot * words;
        const residueSlot = table.slotStart + slot;
        const residue = this.residues[residueSlot]!;
        if ((curr[start + residue]! & supports[base + residue]!) !== 0) continue;
        let supported = false;
        for (let i = 0; i < count; i++) {
          const word = live[start + i]!;
          if ((curr[start + word]! & supports[base + word]!) !== 0) {
            this.residues[residueSlot] = word;
            supported = true;
            break;
          }
        }
        if (supported) continue;
        state.remove(variable, value, tableId);
        removed = true;
        if (size[variable] === 0) {
          state.fail(tableId, variable);
          return;
        }
      }
      if (removed) wake(variable, position);
    }
    // Its own removals took away no valid row.
    const processedStart = state.layout.processedOffsets[position]!;
    for (let column = 0; column < scope.length; column++) state.processed[processedStart + column] = state.removedCount[scope[column]!]!;
  }

  /**
   * Removes every value whose completions within the other columns' domains are all forbidden rows:
   * the rows still valid that hold it number the product of the other domain sizes.
   */
  private filterForbidden(state: PropagationState, position: number, table: TableIndex, wake: (variable: number, except: number) => void): void {
    const { curr, live, present, size } = state;
    const start = state.layout.currOffsets[position]!;
    const processedStart = state.layout.processedOffsets[position]!;
    const { supports, words, scope, rowCount } = table;
    const tableId = state.subset[position]!;
    for (let changed = true; changed;) {
      changed = false;
      for (let column = 0; column < scope.length && !changed; column++) {
        let others = 1;
        for (let other = 0; other < scope.length && others <= rowCount; other++) if (other !== column) others *= size[scope[other]!]!;
        if (others > rowCount) continue;
        const variable = scope[column]!;
        const valueOffset = this.valueOffsets[variable]!;
        const slotBase = table.columnSlots[column]!;
        for (let value = 0; value < this.domainSizes[variable]!; value++) {
          if (present[valueOffset + value] === 0) continue;
          const base = (slotBase + value) * words;
          let forbidden = 0;
          const count = state.liveCount[position]!;
          for (let i = 0; i < count && forbidden <= others; i++) {
            const word = live[start + i]!;
            forbidden += popcount(curr[start + word]! & supports[base + word]!);
          }
          if (forbidden !== others) continue;
          state.remove(variable, value, tableId);
          wake(variable, position);
          if (size[variable] === 0) {
            state.fail(tableId, variable);
            return;
          }
          // The removed value's rows are no longer valid; the products changed, so start over.
          this.update(state, position, table);
          changed = true;
          break;
        }
      }
    }
    for (let column = 0; column < scope.length; column++) state.processed[processedStart + column] = state.removedCount[scope[column]!]!;
  }
}

/** How {@link TablePropagator.solve} searches. */
export interface SolveOptions {
  /** Decisions after which the search gives up (`unknown`). */
  readonly nodeLimit: number;
  /** Lemmas propagation may use (those whose tables are all among the tables solved). */
  readonly lemmas?: readonly Lemma[];
  /**
   * Receives, when the verdict is `inconsistent`, the tables the refutation used, earliest first:
   * at each failed node the tables its failure was derived from, plus those that removed values of
   * the variables branched on above it (the branches did not cover those values). The same search
   * over just these tables fails in the same places.
   */
  readonly core?: number[];
  /**
   * Preferred value per variable (-1 for none), tried first; a witness found writes its values back.
   * Successive questions about similar sets of tables then find their witnesses almost at once.
   */
  readonly phase?: Int32Array;
  /** Receives a witness when the verdict is `consistent`: a value per variable of the tables, -1 elsewhere. */
  readonly witness?: Int32Array;
}

/** The arrays a state's tables live at, shared by a state and its clones. */
interface StateLayout {
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
 * {@link TablePropagator.implicated} reads.
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

  clone(layout: StateLayout = this.layout): PropagationState {
    const copy = new PropagationState(layout, this.domainSizes, this.numbers.slice(), this.present.slice(), this.curr.slice());
    copy.clock = this.clock;
    return copy;
  }

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

function byTime(used: Map<number, number>): number[] {
  return [...used].sort((a, b) => a[1] - b[1]).map(([table]) => table);
}

/** A table's row bitsets: for column c and value v, rows holding v at c are the bits of slot `columnSlots[c] + v`. */
interface TableIndex {
  readonly scope: Int32Array;
  readonly allowed: boolean;
  readonly rowCount: number;
  /** 32-bit words per row bitset. */
  readonly words: number;
  readonly lastWordMask: number;
  readonly columnSlots: Int32Array;
  /** `supports[slot * words + word]`. */
  readonly supports: Uint32Array;
  /** This table's first slot among all tables' (for residues). */
  readonly slotStart: number;
  readonly slotCount: number;
  /** The rows, `rows[row * arity + column]` (forbidden rows once each). */
  readonly rows: Int32Array;
  /** True when a complete assignment's values for the scope are one of the rows. */
  listsCombination(assignment: Int32Array): boolean;
}

function indexTable(table: IndexedTable, domainSizes: Int32Array, slotStart: number): TableIndex {
  const arity = table.scope.length;
  let rows = table.rows;
  // Counting forbidden completions needs each forbidden row once.
  if (!table.allowed && arity > 0) rows = distinctRows(rows, arity);
  const rowCount = arity === 0 ? 0 : rows.length / arity;
  const words = Math.ceil(rowCount / 32);
  const columnSlots = new Int32Array(arity);
  let slotCount = 0;
  for (let column = 0; column < arity; column++) {
    columnSlots[column] = slotCount;
    slotCount += domainSizes[table.scope[column]!]!;
  }
  const supports = new Uint32Array(slotCount * words);
  for (let row = 0; row < rowCount; row++) {
    const word = row >>> 5;
    const bit = 1 << (row & 31);
    for (let column = 0; column < arity; column++) supports[(columnSlots[column]! + rows[row * arity + column]!) * words + word]! |= bit;
  }
  const scope = table.scope;
  let combinations = 1;
  for (const variable of scope) combinations *= domainSizes[variable]!;
  return {
    scope, allowed: table.allowed, rowCount, words, lastWordMask: rowCount % 32 === 0 ? 0xffffffff : (1 << (rowCount % 32)) - 1,
    columnSlots, supports, slotStart, slotCount, rows,
    listsCombination: combinations <= Number.MAX_SAFE_INTEGER ? sortedRowKeys(rows, scope, domainSizes) : textRowKeys(rows, scope),
  };
}

/**
 * Whether a complete assignment's values for the scope are one of the rows: each row as a
 * mixed-radix number over the scope's domain sizes, sorted once (when the table is indexed, so no
 * explanation pays for it), and looked up by bisection.
 */
function sortedRowKeys(rows: Int32Array, scope: Int32Array, domainSizes: Int32Array): (assignment: Int32Array) => boolean {
  const arity = scope.length;
  const rowCount = arity === 0 ? 0 : rows.length / arity;
  const keys = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    let key = 0;
    for (let column = 0; column < arity; column++) key = key * domainSizes[scope[column]!]! + rows[row * arity + column]!;
    keys[row] = key;
  }
  keys.sort();
  return (assignment) => {
    let key = 0;
    for (let column = 0; column < arity; column++) key = key * domainSizes[scope[column]!]! + assignment[scope[column]!]!;
    let low = 0;
    let high = rowCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low < rowCount && keys[low] === key;
  };
}

/** {@link sortedRowKeys} for scopes too large for exact numbers: rows as text, built on first use. */
function textRowKeys(rows: Int32Array, scope: Int32Array): (assignment: Int32Array) => boolean {
  const arity = scope.length;
  let keys: Set<string> | undefined;
  return (assignment) => {
    if (!keys) {
      keys = new Set();
      for (let start = 0; start < rows.length; start += arity) keys.add(rows.subarray(start, start + arity).join(','));
    }
    return keys.has(Array.from(scope, (variable) => assignment[variable]!).join(','));
  };
}

function distinctRows(rows: Int32Array, arity: number): Int32Array {
  const seen = new Set<string>();
  const kept: number[] = [];
  for (let start = 0; start < rows.length; start += arity) {
    const row = rows.subarray(start, start + arity);
    const key = row.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(...row);
  }
  return kept.length === rows.length ? rows : Int32Array.from(kept);
}

function sameValues(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function allPositions(count: number): number[] {
  return Array.from({ length: count }, (_, position) => position);
}

function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
