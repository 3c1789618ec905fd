// The bounded search that decides what propagation leaves open: depth-first over the variables
// the tables share, dom/wdeg ordering, preferred values first; it ends in a witness (a value for
// every variable of the tables) or in a refutation whose core names the tables it used.
import type { Lemma, PropagationState } from './propagationState.ts';
import { byTime } from './removalReasons.ts';
import type { TableIndex } from './tableIndex.ts';
import type { TablePropagator } from './tablePropagator.ts';

/** What a search concludes: a witness exists, none does, or it gave up at its node limit. */
export type Verdict = 'consistent' | 'inconsistent' | 'unknown';

/** How {@link solveFrom} searches. */
export interface SolveOptions {
  /** Decisions after which the search gives up (`unknown`). */
  readonly nodeLimit: number;
  /** Lemmas propagation may use (those whose tables are all among the tables solved). */
  readonly lemmas?: readonly Lemma[];
  /**
   * Receives, when the verdict is `inconsistent`, the tables the refutation used, earliest first:
   * at each failed node the tables its failure was derived from, plus those that removed values of
   * the variables branched on above it (the branches did not cover those values). The same search
   * over just these tables fails in the same places.
   */
  readonly core?: number[];
  /**
   * Preferred value per variable (-1 for none), tried first; a witness found writes its values back.
   * Successive questions about similar sets of tables then find their witnesses almost at once.
   */
  readonly phase?: Int32Array;
  /** Receives a witness when the verdict is `consistent`: a value per variable of the tables, -1 elsewhere. */
  readonly witness?: Int32Array;
}

/**
 * Decides whether some assignment keeping a propagated state's fixed values satisfies every table
 * of its subset: depth-first search over the variables two or more of the tables share,
 * propagating after each decision. Once those are all decided, each table's remaining valid row
 * completes it independently, so that is a witness. Gives up as `unknown` after `nodeLimit`
 * decisions. Leaves `root` as it was. See {@link SolveOptions} for refutation cores, preferred
 * values and witnesses.
 */
export function solveFrom(propagator: TablePropagator, root: PropagationState, { nodeLimit, core, phase, witness }: SolveOptions): Verdict {
  const used = new Map<number, number>();
  const branched: number[] = [];
  const collect = (state: PropagationState) => {
    if (!core) return;
    for (const [table, time] of propagator.reasons.failureReasons(state, branched)) if (!used.has(table) || used.get(table)! > time) used.set(table, time);
  };
  let nodes = 0;
  const finish = (verdict: Verdict, solution?: PropagationState) => {
    propagator.searchNodes = nodes;
    if (core && verdict === 'inconsistent') core.push(...byTime(used));
    if (phase && solution) {
      for (const variable of shared) {
        const offset = propagator.valueOffsets[variable]!;
        for (let value = 0; value < propagator.domainSizes[variable]!; value++) if (solution.present[offset + value] === 1) phase[variable] = value;
      }
    }
    if (witness && solution) completeWitness(propagator, solution, witness);
    return verdict;
  };
  if (root.failed) {
    collect(root);
    return finish('inconsistent');
  }
  const shared = sharedVariables(propagator, root.subset);
  const { watchStart, watchPositions } = root.layout;
  // dom/wdeg (Boussemart et al. 2004): tables that fail often weigh more, so the search turns to
  // the variables of the conflict instead of thrashing on far-away ones.
  const weights = new Float64Array(propagator.tableCount).fill(1);
  const chooseBranch = (state: PropagationState): number => {
    let branch = -1;
    let best = Infinity;
    for (const variable of shared) {
      const size = state.size[variable]!;
      if (size <= 1) continue;
      let weight = 0;
      for (let i = watchStart[variable]!; i < watchStart[variable + 1]!; i++) weight += weights[state.subset[watchPositions[i]!]!]!;
      const score = size / weight;
      if (score < best) {
        best = score;
        branch = variable;
      }
    }
    return branch;
  };
  /** The values left to try, the preferred one first. */
  const valuesOf = (state: PropagationState, variable: number): number[] => {
    const offset = propagator.valueOffsets[variable]!;
    const values: number[] = [];
    const preferred = phase ? phase[variable]! : -1;
    if (preferred >= 0 && state.present[offset + preferred] === 1) values.push(preferred);
    for (let value = 0; value < propagator.domainSizes[variable]!; value++) if (value !== preferred && state.present[offset + value] === 1) values.push(value);
    return values;
  };
  let solution: PropagationState | undefined;
  const search = (state: PropagationState): Verdict => {
    const branch = chooseBranch(state);
    if (branch < 0) {
      solution = state;
      return 'consistent';
    }
    branched.push(branch, state.now);
    for (const value of valuesOf(state, branch)) {
      if (++nodes > nodeLimit) return 'unknown';
      const child = propagator.probe(state, branch, value);
      if (child.failed) {
        collect(child);
        if (child.failedTable >= 0) weights[child.failedTable]!++;
        continue;
      }
      const verdict = search(child);
      if (verdict !== 'inconsistent') return verdict;
    }
    branched.length -= 2;
    return 'inconsistent';
  };
  if (!core) {
    // Most sets that hold together are solved without backtracking: first a dive that takes
    // each variable's preferred value in one state, copying nothing; the search proper only if it fails.
    const dive = root.clone();
    for (;;) {
      const branch = chooseBranch(dive);
      if (branch < 0) return finish('consistent', dive);
      if (++nodes > nodeLimit) return finish('unknown');
      propagator.assign(dive, branch, valuesOf(dive, branch)[0]!);
      if (dive.failed) {
        if (dive.failedTable >= 0) weights[dive.failedTable]!++;
        break;
      }
    }
  }
  const verdict = search(root);
  return finish(verdict, solution);
}

/**
 * Writes into `assignment` a value for every variable of a solved state's tables (-1 elsewhere):
 * decided variables keep their value, and each table's other variables take the values of one of
 * its valid rows (they are its own, so the rows cannot disagree).
 */
function completeWitness(propagator: TablePropagator, state: PropagationState, assignment: Int32Array): void {
  assignment.fill(-1);
  for (let variable = 0; variable < propagator.variableCount; variable++) {
    if (state.size[variable] !== 1) continue;
    const offset = propagator.valueOffsets[variable]!;
    let value = 0;
    while (state.present[offset + value] === 0) value++;
    assignment[variable] = value;
  }
  state.subset.forEach((tableId, position) => {
    const table = propagator.tables[tableId]!;
    if (table.scope.every((variable) => assignment[variable]! >= 0)) return;
    const row = validRow(state, position, table);
    table.scope.forEach((variable, column) => {
      if (assignment[variable]! < 0) assignment[variable] = row >= 0 ? table.rows[row * table.scope.length + column]! : firstValue(propagator, state, variable);
    });
  });
}

/** A row of an allowed table valid in the state, or for a forbidden table a completion it does not forbid; -1 for the latter (its values are then picked one by one). */
function validRow(state: PropagationState, position: number, table: TableIndex): number {
  if (!table.allowed) return -1;
  const start = state.layout.currOffsets[position]!;
  const word = state.live[start]!;
  const bits = state.curr[start + word]!;
  return word * 32 + (31 - Math.clz32(bits & -bits));
}

/** The first value left in a variable's domain (its last value when none is). */
function firstValue(propagator: TablePropagator, state: PropagationState, variable: number): number {
  const offset = propagator.valueOffsets[variable]!;
  let value = 0;
  while (value < propagator.domainSizes[variable]! - 1 && state.present[offset + value] === 0) value++;
  return value;
}

/** The variables two or more of the tables read: those a search branches on. */
function sharedVariables(propagator: TablePropagator, subset: Int32Array): number[] {
  const uses = new Int32Array(propagator.variableCount);
  for (const table of subset) for (const variable of propagator.tables[table]!.scope) uses[variable]!++;
  const shared: number[] = [];
  uses.forEach((count, variable) => count > 1 && shared.push(variable));
  return shared;
}
