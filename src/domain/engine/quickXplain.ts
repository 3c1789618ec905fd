/**
 * QuickXplain (Junker 2004): a minimal subset of `candidates` that, together with `background`,
 * is inconsistent. "Minimal" means removing any element makes it consistent. When several
 * minimal conflicts exist, the order of `candidates` decides which one is found.
 *
 * Returns `undefined` when background plus all candidates is consistent (there is no conflict).
 *
 * @example
 * quickXplain([target], choices, (items) => space.isConsistent(toAssignment(items)));
 */
export function quickXplain<T>(background: readonly T[], candidates: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] | undefined {
  if (isConsistent([...background, ...candidates])) return undefined;
  // The background alone is inconsistent: no candidate takes part in the conflict.
  if (candidates.length === 0 || !isConsistent(background)) return [];
  return explain(background, false, candidates, isConsistent);
}

function explain<T>(background: readonly T[], backgroundChanged: boolean, candidates: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] {
  if (backgroundChanged && !isConsistent(background)) return [];
  if (candidates.length === 1) return [...candidates];
  const half = Math.ceil(candidates.length / 2);
  const first = candidates.slice(0, half);
  const second = candidates.slice(half);
  const fromSecond = explain([...background, ...first], first.length > 0, second, isConsistent);
  const fromFirst = explain([...background, ...fromSecond], fromSecond.length > 0, first, isConsistent);
  return [...fromFirst, ...fromSecond];
}
