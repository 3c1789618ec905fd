// What the conflict finders share: the tables' scopes, the propagator and its lemmas, the exact
// diagram checks to fall back on, the search bounds, and the one question they all ask.
import type { Lemma, PropagationState } from './propagationState.ts';
import type { TablePropagator } from './tablePropagator.ts';

/** Search bound for deciding whether a few tables hold together (a witness or a refutation). */
export const WITNESS_NODE_LIMIT = 50;
/** Search bound for refuting the fixed values under all the candidate tables when propagation alone cannot. */
export const REFUTATION_NODE_LIMIT = 5_000;

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
  /** Facts propagation may use (see `deadValueLemmas.ts`); built once per compiled space. */
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
