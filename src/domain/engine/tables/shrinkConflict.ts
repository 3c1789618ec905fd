// Minimisation by deletion: a set of tables known to conflict with the fixed values loses each
// table whose absence still leaves a refutation, and keeps each one a witness proves needed.
import { WITNESS_NODE_LIMIT, type ConflictContext } from './conflictContext.ts';
import { rotateWitness } from './modelRotation.ts';

/**
 * Shrinks tables known to be inconsistent with the fixed values (in the order their refutation used
 * them) to a minimal such set, by deletion: each table in turn, the largest first, is left out;
 * when the rest is still inconsistent, the table goes — and so does every table the refutation of
 * the rest did not use — and when the rest is consistent (a witness is found), the table is needed,
 * and stays needed as the set shrinks. Propagation refutes most sets at once; search decides the
 * rest, and the diagrams when search gives up.
 */
export function shrinkConflict(context: ConflictContext, tables: readonly number[], fixed: Int32Array): number[] {
  const { propagator, lemmas, diagram, scopes } = context;
  let conflict = [...tables];
  const needed = new Set<number>();
  const keepOnly = (used: readonly number[]) => {
    const kept = new Set(used);
    conflict = conflict.filter((table) => kept.has(table));
  };
  // Each witness found is where the search for the next one starts.
  const phase = new Int32Array(propagator?.variableCount ?? 0).fill(-1);
  const witness = new Int32Array(propagator?.variableCount ?? 0);
  for (;;) {
    // The largest table not known to be needed goes first (the latest used, among equals): every
    // later check is cheaper without it, and explanations favour small, specific rules.
    let candidate = -1;
    for (let index = conflict.length - 1; index >= 0; index--) {
      const table = conflict[index]!;
      if (needed.has(table)) continue;
      if (candidate < 0 || (propagator && propagator.rowCount(table) > propagator.rowCount(candidate))) candidate = table;
    }
    if (candidate < 0) return conflict;
    const rest = conflict.filter((table) => table !== candidate);
    if (!propagator) {
      if (diagram.isConsistent(rest)) needed.add(candidate);
      else conflict = rest;
      continue;
    }
    const state = propagator.propagate(rest, fixed, lemmas);
    if (state.failed) {
      keepOnly(propagator.implicated(state));
      continue;
    }
    // Search rarely refutes what propagation could not; when it does, the table simply goes.
    const verdict = propagator.solveFrom(state, { nodeLimit: context.nodeLimits?.witness ?? WITNESS_NODE_LIMIT, phase, witness });
    if (verdict === 'consistent') {
      needed.add(candidate);
      rotateWitness(propagator, scopes, conflict, candidate, witness, fixed, needed);
    } else if (verdict === 'unknown' && diagram.isConsistent(rest)) {
      needed.add(candidate);
    } else {
      conflict = rest;
    }
  }
}
