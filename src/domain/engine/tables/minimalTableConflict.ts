// A minimal set of tables inconsistent with some fixed values: propagation (or a bounded search)
// names the suspects, deletion shrinks them (shrinkConflict.ts), the diagrams decide when search
// gives up (diagramConflict.ts).
import { REFUTATION_NODE_LIMIT, type ConflictContext } from './conflictContext.ts';
import { diagramConflict } from './diagramConflict.ts';
import { shrinkConflict } from './shrinkConflict.ts';

/**
 * A minimal subset of `candidates` (table indices) inconsistent with the fixed values (`fixed[variable]`,
 * -1 when free): dropping any table makes them consistent. Empty when the candidates are consistent.
 *
 * 1. A single table over a fixed variable that excludes the values on its own is preferred (one
 *    table's propagation is exact).
 * 2. Propagation (GAC, with the lemmas) over all candidates — for all the tables, from their
 *    propagated state with nothing fixed, so only the fixed values' consequences are propagated.
 *    When it empties a domain, the tables its refutation used are the suspects: usually a handful,
 *    near the fixed variables. When it does not, a bounded search refutes the values, and the
 *    tables its refutation used are the suspects.
 * 3. The suspects shrink to a minimal set ({@link shrinkConflict}).
 *
 * When even the refutation search over all candidates gives up, the whole conflict is found with
 * the diagrams ({@link diagramConflict}), as it was before there was a propagator.
 */
export function minimalTableConflict(context: ConflictContext, candidates: readonly number[], fixed: Int32Array): number[] {
  const { propagator, scopes, lemmas } = context;
  if (!propagator) return diagramConflict(context, candidates, fixed);
  const single = candidates.find((table) => scopes[table]!.some((variable) => fixed[variable]! >= 0) && !propagator.allows(table, fixed));
  if (single !== undefined) return [single];

  // Over all the tables, start from what they imply with nothing fixed: only the fixed values' consequences are left to propagate.
  const all = context.everything && new Set(candidates).size === propagator.tableCount;
  const everything = all ? propagator.restrict(context.everything!, fixed) : propagator.propagate(candidates, fixed, lemmas);
  if (everything.failed) return shrinkConflict(context, propagator.implicated(everything), fixed);
  const core: number[] = [];
  const verdict = propagator.solveFrom(everything, { nodeLimit: context.nodeLimits?.refutation ?? REFUTATION_NODE_LIMIT, core });
  if (verdict === 'consistent') return [];
  if (verdict === 'unknown') return diagramConflict(context, candidates, fixed);
  return shrinkConflict(context, core, fixed);
}
