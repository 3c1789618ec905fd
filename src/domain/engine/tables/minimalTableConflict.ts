import { quickXplain } from '../quickXplain.ts';
import { lemmaReason, type Lemma, type PropagationState } from './propagationState.ts';
import type { TablePropagator } from './tablePropagator.ts';

/** Search bound for deciding whether a few tables hold together (a witness or a refutation). */
export const WITNESS_NODE_LIMIT = 50;
/** Search bound for refuting the fixed values under all the candidate tables when propagation alone cannot. */
export const REFUTATION_NODE_LIMIT = 5_000;
/** Bound on the singleton probes spent finding dead-value lemmas, per compiled space. */
export const LEMMA_PROBE_LIMIT = 5_000;

/** The exact but slow checks, by conjoining the tables' diagrams under the fixed values. */
export interface DiagramChecks {
  isConsistent(tables: readonly number[]): boolean;
  firstInconsistentPrefix(tables: readonly number[]): number;
}

/** What a conflict among tables is looked for with. */
export interface ConflictContext {
  /** The variables of each table. */
  readonly scopes: readonly Int32Array[];
  /** Absent when the tables were too large to index: then only the diagram checks are used. */
  readonly propagator: TablePropagator | undefined;
  /** Facts propagation may use (see {@link deadValueLemmas}); built once per compiled space. */
  readonly lemmas: readonly Lemma[];
  /** All the tables propagated with nothing fixed and every lemma applied, where a refutation over all of them starts. */
  readonly everything?: PropagationState | undefined;
  readonly diagram: DiagramChecks;
  /** Search bounds ({@link WITNESS_NODE_LIMIT}, {@link REFUTATION_NODE_LIMIT} unless given; tests lower them to reach the fallbacks). */
  readonly nodeLimits?: { readonly witness: number; readonly refutation: number };
}

/**
 * True when some assignment keeping the fixed values satisfies every table in `tables`: propagation
 * and a bounded search decide almost always; when the search gives up, the diagrams decide.
 */
export function tablesConsistent(context: ConflictContext, tables: readonly number[], fixed: Int32Array): boolean {
  if (!context.propagator) return context.diagram.isConsistent(tables);
  const verdict = context.propagator.solve(tables, fixed, { nodeLimit: context.nodeLimits?.witness ?? WITNESS_NODE_LIMIT, lemmas: context.lemmas });
  return verdict === 'unknown' ? context.diagram.isConsistent(tables) : verdict === 'consistent';
}

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

/** Bound on the value changes one witness's rotation tries. */
const ROTATION_LIMIT = 400;

/**
 * Model rotation (Marques-Silva and Lynce 2011): a witness satisfying every table of the conflict
 * but `broken` proves `broken` needed. Changing one of its variables (not a fixed one) so that
 * `broken` holds may break exactly one other table — which is then needed too, proved by the
 * changed witness, without a search; and so on from there.
 */
function rotateWitness(propagator: TablePropagator, scopes: readonly Int32Array[], conflict: readonly number[], broken: number, witness: Int32Array, fixed: Int32Array, needed: Set<number>): void {
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

/**
 * Lemmas for the values no valid design has (`dead`, as variable and value; the compiled diagram
 * knows them), which propagation alone rarely sees: a tight group of tables can rule a value out
 * only by reasoning through cases. Singleton propagation finds them: starting from the propagated
 * tables, fix a dead value and propagate; when that fails, the tables the failure used exclude the
 * value, which becomes a lemma and is removed, helping the next probes. Each lemma's tables are
 * then shrunk to a minimal set that excludes the value ({@link shrinkConflict}), so that it applies
 * to as many subsets as it can. Rounds repeat until a round finds nothing new or the probes run
 * out. Values that propagation removed on its own get a lemma from their derivation. Also returns
 * the propagated tables with every lemma applied (`everything`). Deterministic: the same tables
 * give the same lemmas.
 */
export function deadValueLemmas(propagator: TablePropagator, scopes: readonly Int32Array[], dead: readonly (readonly [number, number])[], probeLimit = LEMMA_PROBE_LIMIT): { lemmas: Lemma[]; everything: PropagationState | undefined } {
  const all = Array.from({ length: propagator.tableCount }, (_, table) => table);
  const base = propagator.propagate(all, new Int32Array(propagator.variableCount).fill(-1));
  if (base.failed) return { lemmas: [], everything: undefined };
  const lemmas: Lemma[] = [];
  const lemmaTables: Int32Array[] = [];
  const isPresent = ([variable, value]: readonly [number, number]) => base.present[propagator.valueOffset(variable) + value] === 1;
  let pending = dead.filter(isPresent);
  let probes = 0;
  for (let found = true; found && pending.length > 0 && probes < probeLimit;) {
    found = false;
    for (const [variable, value] of pending) {
      if (!isPresent([variable, value])) continue;
      if (probes++ >= probeLimit) break;
      const probe = propagator.probe(base, variable, value);
      if (!probe.failed) continue;
      // The probe's derivation may pass through more tables than needed: keep a smallest set that still refutes the value.
      const fixed = new Int32Array(propagator.variableCount).fill(-1);
      fixed[variable] = value;
      const derived = propagator.implicated(probe, lemmaTables);
      const byPropagation = quickXplain([], derived, (subset) => !propagator.propagate(subset, fixed, lemmas).failed) ?? derived;
      const tables = Int32Array.from(shrinkConflict({ scopes, propagator, lemmas, diagram: { isConsistent: () => true, firstInconsistentPrefix: () => -1 } }, byPropagation, fixed));
      lemmas.push({ variable, value, tables });
      lemmaTables.push(tables);
      propagator.exclude(base, variable, value, lemmaReason(lemmas.length - 1));
      found = true;
    }
    pending = pending.filter(isPresent);
  }
  const known = new Set(lemmas.map((lemma) => `${lemma.variable}:${lemma.value}`));
  for (const [variable, value] of dead) {
    if (known.has(`${variable}:${value}`) || isPresent([variable, value])) continue;
    const tables = Int32Array.from(propagator.removalReasons(base, variable, value, lemmaTables));
    if (tables.length > 0) lemmas.push({ variable, value, tables });
  }
  return { lemmas, everything: propagator.citingLemmas(base, lemmas.map((lemma) => lemma.tables)) };
}

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
