// Random monotone consistency problems over small sets of items: a set is inconsistent exactly when it
// contains one of a few "conflict" sets, so adding items can only make things worse.
import fc from 'fast-check';

export interface MonotoneProblem {
  /** Items that always stay (the target, for explanations). */
  readonly background: readonly string[];
  /** Items the algorithms may pick, in preference order. */
  readonly candidates: readonly string[];
  readonly conflicts: readonly (readonly string[])[];
}

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];

export const monotoneProblemArb: fc.Arbitrary<MonotoneProblem> = fc
  .tuple(fc.integer({ min: 0, max: ITEMS.length }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: ITEMS.length, maxLength: ITEMS.length }))
  .chain(([size, roles]) => {
    const items = ITEMS.slice(0, size);
    // Role 0 puts an item in the background; a fifth of items on average.
    const background = items.filter((_, index) => roles[index] === 0);
    const candidates = items.filter((_, index) => roles[index] !== 0);
    return fc.record({
      background: fc.constant(background),
      candidates: fc.shuffledSubarray(candidates, { minLength: candidates.length }),
      conflicts: fc.array(fc.subarray(items, { minLength: Math.min(1, items.length), maxLength: Math.min(3, items.length) }), { maxLength: 4 }),
    });
  });

/** The monotone predicate of a problem. */
export function consistencyOf(problem: MonotoneProblem): (items: readonly string[]) => boolean {
  return (items) => !problem.conflicts.some((conflict) => conflict.every((item) => items.includes(item)));
}

/** Counts calls to a predicate (the algorithms should not need many). */
export function counting<T>(predicate: (items: readonly T[]) => boolean): { predicate: (items: readonly T[]) => boolean; calls: () => number } {
  let calls = 0;
  return { predicate: (items) => { calls++; return predicate(items); }, calls: () => calls };
}

/** Every subset of `items`, as lists keeping their order. */
export function subsetsOf<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((subsets, item) => [...subsets, ...subsets.map((subset) => [...subset, item])], [[]]);
}

export const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
