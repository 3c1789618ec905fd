// Model rotation: one witness that proves a table needed, changed a value at a time, proves more
// tables needed without another search.
import type { TablePropagator } from './tablePropagator.ts';

/** Bound on the value changes one witness's rotation tries. */
const ROTATION_LIMIT = 400;

/**
 * Model rotation (Marques-Silva and Lynce 2011): a witness satisfying every table of the conflict
 * but `broken` proves `broken` needed. Changing one of its variables (not a fixed one) so that
 * `broken` holds may break exactly one other table — which is then needed too, proved by the
 * changed witness, without a search; and so on from there.
 */
export function rotateWitness(propagator: TablePropagator, scopes: readonly Int32Array[], conflict: readonly number[], broken: number, witness: Int32Array, fixed: Int32Array, needed: Set<number>): void {
  // Variables only `broken` reads are free in the witness: any value keeps the others satisfied.
  for (const variable of scopes[broken]!) if (witness[variable]! < 0) witness[variable] = 0;
  const tablesOf = new Map<number, number[]>();
  for (const table of conflict) {
    for (const variable of scopes[table]!) {
      if (witness[variable]! < 0) return;
      let list = tablesOf.get(variable);
      if (!list) tablesOf.set(variable, (list = []));
      list.push(table);
    }
  }
  // The witness must break `broken` alone: allowed tables hold (each took one of its valid rows),
  // but a forbidden table's free variables took their values one by one.
  for (const table of conflict) if (table !== broken && !propagator.isAllowedTable(table) && !propagator.satisfies(table, witness)) return;
  let budget = ROTATION_LIMIT;
  const pending: [Int32Array, number][] = [[witness.slice(), broken]];
  while (pending.length > 0 && budget > 0) {
    const [assignment, only] = pending.pop()!;
    for (const variable of scopes[only]!) {
      if (fixed[variable]! >= 0) continue;
      const original = assignment[variable]!;
      for (let value = 0; value < propagator.domainSizes[variable]! && budget > 0; value++) {
        if (value === original) continue;
        budget--;
        assignment[variable] = value;
        let breaks = -1;
        let count = 0;
        for (const table of tablesOf.get(variable)!) {
          if (propagator.satisfies(table, assignment)) continue;
          breaks = table;
          if (++count > 1) break;
        }
        if (count === 1 && !needed.has(breaks)) {
          needed.add(breaks);
          pending.push([assignment.slice(), breaks]);
        }
      }
      assignment[variable] = original;
    }
  }
}
