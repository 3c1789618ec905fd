// The per-table row index behind compact-table filtering (Demeulenaere et al. 2016): for every
// value of every column, a bitset of the rows holding it, built once per compiled space, and a
// sorted lookup of whole rows for checking complete assignments.
import type { IndexedTable } from './tableProblem.ts';

/** A table's row bitsets: for column c and value v, rows holding v at c are the bits of slot `columnSlots[c] + v`. */
export interface TableIndex {
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

/**
 * Indexes one table: a row bitset per (column, value) slot, numbered from `slotStart` among all
 * tables' slots (the propagator keeps one support residue per slot). Forbidden rows are kept once
 * each, since filtering counts them.
 */
export function indexTable(table: IndexedTable, domainSizes: Int32Array, slotStart: number): TableIndex {
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

/** The number of bits set in a 32-bit word. */
export function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
