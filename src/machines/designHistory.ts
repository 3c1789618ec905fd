import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Assignment, Choice } from '../domain/index.ts';

enablePatches();

/** The part of a session that undo and redo move through. */
export interface DesignState {
  /** The customer's own choices, oldest first (the engine keeps the most recent ones in repairs). */
  readonly choices: readonly Choice[];
  /** The colourway the customer started from: its values are suggestions, not choices. */
  readonly presetId: string | null;
  /**
   * The rest of a shared or remixed design the session started from: suggestions like a
   * colourway's (a colourway replaces them; starting over clears them).
   */
  readonly startedFrom?: Assignment;
  /** Personal texts and their styles as typed (`<field>`, `<field>.font`, `<field>.colour`). */
  readonly personalisation?: Readonly<Record<string, string>>;
}

/** One undoable change, stored as immer patches rather than whole copies. */
export interface HistoryStep {
  /** What the change did, e.g. "Toe cap colour: Navy"; announced on undo and redo. */
  readonly label: string;
  /** Consecutive changes with the same key (typing into one text box) are one step. */
  readonly coalesceKey?: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

/** The design with its undo and redo stacks. */
export interface DesignHistory {
  readonly present: DesignState;
  readonly past: readonly HistoryStep[];
  readonly future: readonly HistoryStep[];
}

/** Most steps kept for undo; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** Starts a history at `present` with nothing to undo. */
export function startHistory(present: DesignState): DesignHistory {
  return { present, past: [], future: [] };
}

/** Applies a change, recording it for undo and clearing redo. A change that changes nothing is not recorded. */
export function recordChange(history: DesignHistory, label: string, recipe: (draft: Draft<DesignState>) => void): DesignHistory {
  const [present, patches, inversePatches] = produceWithPatches(history.present, recipe);
  if (patches.length === 0) return history;
  return { present, past: [...history.past, { label, patches, inversePatches }].slice(-HISTORY_LIMIT), future: [] };
}

/**
 * Applies a change like {@link recordChange}, but merges it into the previous step when that step
 * had the same `coalesceKey` and nothing was undone since: typing a word is one step to undo, not
 * one per letter.
 */
export function recordCoalescedChange(history: DesignHistory, label: string, coalesceKey: string, recipe: (draft: Draft<DesignState>) => void): DesignHistory {
  const last = history.past[history.past.length - 1];
  if (!last || last.coalesceKey !== coalesceKey || history.future.length > 0) {
    const next = recordChange(history, label, recipe);
    if (next === history) return history;
    const step = next.past[next.past.length - 1]!;
    return { ...next, past: [...next.past.slice(0, -1), { ...step, coalesceKey }] };
  }
  const [present, patches] = produceWithPatches(history.present, recipe);
  if (patches.length === 0) return history;
  const before = applyPatches(history.present, last.inversePatches as Patch[]);
  // One step from the state before the first edit straight to the new state.
  const [, merged, mergedInverse] = produceWithPatches(before, () => present);
  return { present, past: [...history.past.slice(0, -1), { label, coalesceKey, patches: merged, inversePatches: mergedInverse }], future: [] };
}

/** Steps back once; returns the history unchanged when there is nothing to undo. */
export function undo(history: DesignHistory): DesignHistory {
  const step = history.past[history.past.length - 1];
  if (!step) return history;
  return { present: applyPatches(history.present, step.inversePatches as Patch[]), past: history.past.slice(0, -1), future: [step, ...history.future] };
}

/** Steps forward once; returns the history unchanged when there is nothing to redo. */
export function redo(history: DesignHistory): DesignHistory {
  const step = history.future[0];
  if (!step) return history;
  return { present: applyPatches(history.present, step.patches as Patch[]), past: [...history.past, step], future: history.future.slice(1) };
}

/** Replaces or adds a choice, making it the most recent. */
export function setChoice(draft: Draft<DesignState>, choice: Choice): void {
  const index = draft.choices.findIndex((existing) => existing.attribute === choice.attribute);
  if (index >= 0 && index === draft.choices.length - 1 && draft.choices[index]!.option === choice.option) return;
  if (index >= 0) draft.choices.splice(index, 1);
  draft.choices.push({ ...choice });
}
