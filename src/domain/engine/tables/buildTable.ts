import { FALSE, TRUE, type MddStore } from '../diagram/mddStore.ts';
import type { IndexedTable } from './tableProblem.ts';

/**
 * The diagram of one table, built directly from its rows as a trie in level order: O(rows × arity),
 * no conjunctions. An allowed table accepts exactly its rows; a forbidden table accepts everything
 * but its rows. `levelOf[variable]` is the variable's position in the order.
 */
export function buildTable(store: MddStore, table: IndexedTable, levelOf: Int32Array): number {
  const arity = table.scope.length;
  const rowCount = arity === 0 ? 0 : table.rows.length / arity;
  if (arity === 0) return table.allowed ? FALSE : TRUE;
  // Columns sorted by level, rows sorted lexicographically in that column order.
  const columns = Array.from({ length: arity }, (_, column) => column).sort((a, b) => levelOf[table.scope[a]!]! - levelOf[table.scope[b]!]!);
  const levels = Int32Array.from(columns, (column) => levelOf[table.scope[column]!]!);
  const sorted = new Int32Array(rowCount * arity);
  const order = Array.from({ length: rowCount }, (_, row) => row).sort((a, b) => {
    for (const column of columns) {
      const difference = table.rows[a * arity + column]! - table.rows[b * arity + column]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  order.forEach((row, index) => {
    columns.forEach((column, position) => (sorted[index * arity + position] = table.rows[row * arity + column]!));
  });
  const missing = table.allowed ? FALSE : TRUE;
  const matched = table.allowed ? TRUE : FALSE;
  const scratch = Array.from(levels, (level) => new Int32Array(store.domainSizes[level]!));

  const build = (depth: number, from: number, to: number): number => {
    const kids = scratch[depth]!;
    kids.fill(missing);
    let start = from;
    while (start < to) {
      const value = sorted[start * arity + depth]!;
      let end = start + 1;
      while (end < to && sorted[end * arity + depth] === value) end++;
      kids[value] = depth === arity - 1 ? matched : build(depth + 1, start, end);
      start = end;
    }
    // build() above may have overwritten deeper scratch only; this depth's is intact.
    return store.make(levels[depth]!, kids);
  };
  return build(0, 0, rowCount);
}
