// Reasons for a refutation: which tables (and lemmas' tables) a failure of propagation was derived
// from, read back from the removals a propagation state recorded, choosing per removal the earlier
// removals that explain it.
import { DECISION as DECISION_REASON, LEMMA as FIRST_LEMMA_REASON, type PropagationState } from './propagationState.ts';
import type { TableIndex } from './tableIndex.ts';

// Module constants rather than the imports themselves: an import is a live binding, which tsx and
// Vitest read through a getter, and the loops below read these once per removal.
const DECISION = DECISION_REASON;
const LEMMA = FIRST_LEMMA_REASON;

/**
 * Explains removals and failures of the states a propagator made. One per propagator: it holds
 * the indexed tables and the scratch arrays the explanations reuse.
 */
export class RemovalReasons {
  /** The variable of each value slot. */
  private readonly slotVariable: Int32Array;
  /** Scratch for explaining a removal: rows not yet explained, and their non-zero words. */
  private readonly uncovered: Uint32Array;
  private readonly openWords: Int32Array;

  constructor(
    /** First value slot of each variable in per-value arrays; `valueOffsets[variableCount]` values in all. */
    private readonly valueOffsets: Int32Array,
    private readonly index: readonly TableIndex[],
  ) {
    const variableCount = valueOffsets.length - 1;
    const maxWords = Math.max(0, ...index.map((table) => table.words));
    this.uncovered = new Uint32Array(maxWords);
    this.openWords = new Int32Array(maxWords);
    this.slotVariable = new Int32Array(valueOffsets[variableCount]!);
    for (let variable = 0; variable < variableCount; variable++) this.slotVariable.fill(variable, valueOffsets[variable]!, valueOffsets[variable + 1]!);
  }

  /**
   * After a failure, the tables the refutation used, earliest first (see {@link derivation}).
   * Propagating just these tables, with the same fixed values and lemmas, fails again. `lemmas`
   * are the tables of the lemmas removals may cite, when the state's layout does not hold them.
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
  failureReasons(state: PropagationState, branched: readonly number[], lemmas: readonly Int32Array[] = state.layout.lemmaTables): Map<number, number> {
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
    const visited = new Uint8Array(this.slotVariable.length);
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

}


/** The tables of a (table → earliest time) map, earliest first. */
export function byTime(used: Map<number, number>): number[] {
  return [...used].sort((a, b) => a[1] - b[1]).map(([table]) => table);
}
