// Generalised arc consistency over table constraints by compact-table filtering: the hot loops.
// Each table keeps the bitset of its rows still valid under the current domains; a value goes when
// no valid row supports it (allowed tables) or when its every completion is a forbidden row
// (forbidden tables, by counting). Every removal records the table that made it.
import type { PropagationState } from './propagationState.ts';
import { popcount as countBits, type TableIndex } from './tableIndex.ts';

// A module constant rather than the import itself: an import is a live binding, which tsx and
// Vitest read through a getter, and forbidden tables count bits once per live word.
const popcount = countBits;

/**
 * Filters the tables of a {@link PropagationState} to a fixpoint. One per propagator: it holds the
 * indexed tables, and the support residues (the last word where each value's support was found)
 * that every run shares.
 */
export class CompactTableFilter {
  /** Last word where each table value's support was found (a hint shared by all runs). */
  private readonly residues: Int32Array;
  /** Scratch for the values left in a domain. */
  private readonly valuesLeft: Int32Array;

  constructor(
    private readonly domainSizes: Int32Array,
    /** First value slot of each variable in per-value arrays. */
    private readonly valueOffsets: Int32Array,
    private readonly index: readonly TableIndex[],
    slotCount: number,
  ) {
    this.residues = new Int32Array(slotCount);
    this.valuesLeft = new Int32Array(Math.max(0, ...domainSizes));
  }

  /** Filters the queued tables (positions in the subset) and whatever their removals wake, to a fixpoint or a failure. */
  run(state: PropagationState, queue: number[]): void {
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
  watchers(state: PropagationState, variable: number): Int32Array {
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
