// Lemmas from singleton propagation: for each value no valid design has, a small set of tables
// that rules it out, which propagation over any set holding those tables may then use.
import { quickXplain } from '../quickXplain.ts';
import { lemmaReason, type Lemma, type PropagationState } from './propagationState.ts';
import { shrinkConflict } from './shrinkConflict.ts';
import type { TablePropagator } from './tablePropagator.ts';

/** Bound on the singleton probes spent finding dead-value lemmas, per compiled space. */
export const LEMMA_PROBE_LIMIT = 5_000;

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
