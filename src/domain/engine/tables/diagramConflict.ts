// The conflict found with the tables' diagrams alone: the exact, slower method, used when the
// tables are too large to index or when every bounded search gives up.
import { quickXplain } from '../quickXplain.ts';
import type { ConflictContext, DiagramChecks } from './conflictContext.ts';

/**
 * The conflict found with the diagrams alone. When some table over a fixed variable excludes the
 * values on its own, that table. Otherwise the search widens ring by ring from the fixed variables
 * through tables that share variables, and minimises only within the first ring that is already
 * inconsistent: far-away tables never enter the (costly) conjunctions. Within it, the candidates
 * are narrowed by conjoining them in alternating directions, each time keeping only the prefix up
 * to where the conjunction fails (that table is in the conflict), until the set stops shrinking;
 * then QuickXplain minimises what is left.
 */
export function diagramConflict(context: ConflictContext, candidates: readonly number[], fixed: Int32Array): number[] {
  const { scopes, diagram } = context;
  const touches = (table: number, variables: ReadonlySet<number>) => scopes[table]!.some((variable) => variables.has(variable));
  const fixedVariables = new Set<number>();
  fixed.forEach((value, variable) => value >= 0 && fixedVariables.add(variable));
  const single = candidates.find((table) => touches(table, fixedVariables) && !diagram.isConsistent([table]));
  if (single !== undefined) return [single];
  const reached = new Set(fixedVariables);
  let ring: number[] = [];
  for (;;) {
    const next = candidates.filter((table) => touches(table, reached));
    // No more tables to add: the conflict lies in tables unconnected to the fixed values.
    if (next.length === ring.length) return narrowAndMinimise(diagram, candidates);
    ring = next;
    for (const table of ring) for (const variable of scopes[table]!) reached.add(variable);
    if (!diagram.isConsistent(ring)) return narrowAndMinimise(diagram, ring);
  }
}

function narrowAndMinimise(diagram: DiagramChecks, tables: readonly number[]): number[] {
  let candidates = [...tables];
  let failsAt = diagram.firstInconsistentPrefix(candidates);
  if (failsAt < 0) return [];
  // Stop once a pass in each direction has failed to shrink the set.
  for (let passesWithoutShrinking = 0; passesWithoutShrinking < 2; failsAt = diagram.firstInconsistentPrefix(candidates)) {
    const narrowed = candidates.slice(0, failsAt + 1);
    passesWithoutShrinking = narrowed.length === candidates.length ? passesWithoutShrinking + 1 : 0;
    // The table that closed the conflict goes first, the rest in reverse.
    candidates = [narrowed[narrowed.length - 1]!, ...narrowed.slice(0, -1).reverse()];
  }
  return quickXplain([], candidates, (subset) => diagram.isConsistent(subset)) ?? candidates;
}
