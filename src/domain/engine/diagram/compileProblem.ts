import { buildTable } from '../tables/buildTable.ts';
import { CompiledDiagram } from './compiledDiagram.ts';
import { FALSE, MddStore, TRUE } from './mddStore.ts';
import type { IndexedTable } from '../tables/tableProblem.ts';
import { forceOrder } from './variableOrder.ts';

/** A compiled problem: the diagram, the variable order, and each table's own diagram (for explanations). */
export interface CompiledProblem {
  readonly diagram: CompiledDiagram;
  /** `order[level]` is the variable at that level. */
  readonly order: Int32Array;
  /** `levelOf[variable]` is its level. */
  readonly levelOf: Int32Array;
  /** The store, kept for building diagrams of rule subsets later. */
  readonly store: MddStore;
  /** Root of each table's diagram in `store`, in table order. */
  readonly tableRoots: Int32Array;
}

/**
 * Compiles tables over variables with the given domain sizes into one reduced MDD: order the
 * variables (FORCE), build each table directly, then conjoin them bottom-up — tables whose
 * variables sit deepest first, so intermediate diagrams stay small.
 */
export function compileProblem(domainSizes: Int32Array, tables: readonly IndexedTable[], order?: Int32Array): CompiledProblem {
  const variableOrder = order ?? forceOrder(domainSizes.length, tables.map((table) => table.scope));
  const levelOf = new Int32Array(domainSizes.length);
  variableOrder.forEach((variable, level) => (levelOf[variable] = level));
  const levelSizes = Int32Array.from(variableOrder, (variable) => domainSizes[variable]!);
  const store = new MddStore(levelSizes);
  const tableRoots = Int32Array.from(tables, (table) => buildTable(store, table, levelOf));

  const byDepth = Array.from(tableRoots.keys()).sort((a, b) => store.level(tableRoots[b]!) - store.level(tableRoots[a]!) || a - b);
  let root = TRUE;
  for (const index of byDepth) {
    root = store.and(root, tableRoots[index]!);
    if (root === FALSE) break;
  }
  store.clearMemo();
  return { diagram: freeze(store, root), order: variableOrder, levelOf, store, tableRoots };
}

/** Copies the nodes reachable from `root` into a {@link CompiledDiagram}, numbered by ascending level. */
export function freeze(store: MddStore, root: number): CompiledDiagram {
  const levelCount = store.levelCount;
  const seen = new Uint8Array(store.nodeCount);
  const stack = [root];
  const reachable: number[] = [];
  seen[FALSE] = 1;
  seen[TRUE] = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node]) continue;
    seen[node] = 1;
    reachable.push(node);
    const level = store.levels[node]!;
    const start = store.childStart[node]!;
    for (let value = 0; value < store.domainSizes[level]!; value++) {
      const child = store.children[start + value]!;
      if (!seen[child]) stack.push(child);
    }
  }
  reachable.sort((a, b) => store.levels[a]! - store.levels[b]! || a - b);
  const renumber = new Int32Array(store.nodeCount);
  renumber[TRUE] = TRUE;
  reachable.forEach((node, index) => (renumber[node] = index + 2));
  const nodeCount = reachable.length + 2;
  const levels = new Int32Array(nodeCount).fill(levelCount);
  const edgeStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (const node of reachable) {
    const start = store.childStart[node]!;
    for (let value = 0; value < store.domainSizes[store.levels[node]!]!; value++) if (store.children[start + value] !== FALSE) edgeCount++;
  }
  const edgeValue = new Int32Array(edgeCount);
  const edgeChild = new Int32Array(edgeCount);
  let edge = 0;
  reachable.forEach((node, index) => {
    const id = index + 2;
    const level = store.levels[node]!;
    levels[id] = level;
    edgeStart[id] = edge;
    const start = store.childStart[node]!;
    for (let value = 0; value < store.domainSizes[level]!; value++) {
      const child = store.children[start + value]!;
      if (child === FALSE) continue;
      edgeValue[edge] = value;
      edgeChild[edge] = renumber[child]!;
      edge++;
    }
  });
  // Terminals 0 and 1 have empty edge ranges (edgeStart[0..2] are 0); the last node ends at `edge`.
  edgeStart[nodeCount] = edge;
  return new CompiledDiagram(store.domainSizes, levels, edgeStart, edgeValue, edgeChild, root < 2 ? root : renumber[root]!);
}
