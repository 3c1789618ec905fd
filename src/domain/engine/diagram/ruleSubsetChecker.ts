import { buildTable } from '../tables/buildTable.ts';
import { FALSE, MddStore, TRUE } from './mddStore.ts';
import type { IndexedTable } from '../tables/tableProblem.ts';

/**
 * Answers "are these fixed values consistent with just these tables?" — what explanations ask to
 * find the rules behind a conflict. Each table's diagram is restricted to the fixed values first
 * (which removes the fixed levels and usually shrinks it to a handful of nodes), then the
 * restricted diagrams are conjoined, stopping at the first FALSE.
 *
 * It keeps its own node store, rebuilt from the tables when it grows too large, so explanations
 * never bloat the compiled diagram.
 */
export class RuleSubsetChecker {
  private store: MddStore | undefined;
  private roots: Int32Array | undefined;
  private baseNodeCount = 0;
  /** Restricted table roots for the last restriction asked about (explanations ask many subsets under one). */
  private restrictionKey = '';
  private restricted = new Map<number, number>();

  constructor(
    private readonly levelSizes: Int32Array,
    private readonly tables: readonly IndexedTable[],
    private readonly levelOf: Int32Array,
    /** A store that already holds the tables' diagrams (from compilation), reused at first. */
    initial?: { store: MddStore; tableRoots: Int32Array },
  ) {
    if (initial) {
      this.store = initial.store;
      this.roots = initial.tableRoots;
      this.baseNodeCount = initial.store.nodeCount;
    }
  }

  /** True when some assignment agreeing with `restriction` (indexed by level) satisfies every table in `tableIndices`. */
  isConsistent(tableIndices: readonly number[], restriction: Int32Array): boolean {
    const { store, roots } = this.ready();
    const key = restriction.join(',');
    if (key !== this.restrictionKey) {
      this.restrictionKey = key;
      this.restricted = new Map();
    }
    const restrictedRoot = (index: number): number => {
      let root = this.restricted.get(index);
      if (root === undefined) {
        root = store.restrict(roots[index]!, restriction);
        this.restricted.set(index, root);
      }
      return root;
    };
    let result = TRUE;
    // Deepest diagrams first, as in compilation, so intermediate conjunctions stay small.
    const restricted = tableIndices.map(restrictedRoot);
    if (restricted.includes(FALSE)) return false;
    restricted.sort((a, b) => store.level(b) - store.level(a));
    for (const root of restricted) {
      result = store.and(result, root);
      if (result === FALSE) return false;
    }
    return true;
  }

  /**
   * Conjoins the tables in the given order and returns the position at which the conjunction
   * first becomes inconsistent with the restriction, or -1 when it never does. The table at that
   * position belongs to every conflict among the tables up to it, which lets callers shrink a
   * conflict quickly before minimising it.
   */
  firstInconsistentPrefix(tableIndices: readonly number[], restriction: Int32Array): number {
    const { store, roots } = this.ready();
    let result = TRUE;
    for (let position = 0; position < tableIndices.length; position++) {
      result = store.and(result, store.restrict(roots[tableIndices[position]!]!, restriction));
      if (result === FALSE) return position;
    }
    return -1;
  }

  private ready(): { store: MddStore; roots: Int32Array } {
    if (!this.store || !this.roots || this.store.nodeCount > Math.max(4 * this.baseNodeCount, 1 << 16)) {
      const store = new MddStore(this.levelSizes);
      this.roots = Int32Array.from(this.tables, (table) => buildTable(store, table, this.levelOf));
      this.store = store;
      this.baseNodeCount = store.nodeCount;
      this.restrictionKey = '';
      this.restricted = new Map();
    }
    return { store: this.store, roots: this.roots };
  }
}
