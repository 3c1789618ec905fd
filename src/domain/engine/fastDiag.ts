/**
 * FastDiag (Felfernig, Schubert and Zehentner 2012): a minimal subset of `candidates` whose
 * removal makes `background` plus the remaining candidates consistent (a minimal diagnosis).
 * Candidates are ordered from least to most important to keep: the diagnosis prefers removing
 * earlier ones, so pass customer choices oldest first to keep the most recent.
 *
 * Returns `undefined` when even removing every candidate leaves `background` inconsistent, and
 * `[]` when nothing needs removing.
 */
export function fastDiag<T>(background: readonly T[], candidates: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] | undefined {
  if (!isConsistent(background)) return undefined;
  if (isConsistent([...background, ...candidates])) return [];
  // FastDiag looks for the diagnosis among the earliest candidates first, so with candidates
  // oldest first it gives up old choices and keeps recent ones.
  return diagnose(false, candidates, [...background, ...candidates], isConsistent);
}

function diagnose<T>(removedSomething: boolean, candidates: readonly T[], all: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] {
  if (removedSomething && isConsistent(all)) return [];
  if (candidates.length === 1) return [...candidates];
  const half = Math.ceil(candidates.length / 2);
  const first = candidates.slice(0, half);
  const second = candidates.slice(half);
  const withoutFirst = all.filter((item) => !first.includes(item));
  const fromFirstHalfRemoved = diagnose(first.length > 0, second, withoutFirst, isConsistent);
  const withoutThose = all.filter((item) => !fromFirstHalfRemoved.includes(item));
  const fromSecondPass = diagnose(fromFirstHalfRemoved.length > 0, first, withoutThose, isConsistent);
  return [...fromFirstHalfRemoved, ...fromSecondPass];
}
