// QuickXplain against brute force on random monotone problems: it finds a minimal conflict, the
// preferred one for the order of the candidates, or says there is none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickXplain } from '../../src/domain/engine/quickXplain.ts';
import { consistencyOf, counting, monotoneProblemArb, sameSet, subsetsOf } from './support/monotoneProblem.ts';

/**
 * Junker's preferred conflict, computed the slow way: repeatedly add the candidate at which a prefix of
 * the (remaining) candidates first becomes inconsistent, until the chosen items alone are inconsistent.
 */
function preferredConflict<T>(background: readonly T[], candidates: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] {
  const conflict: T[] = [];
  let remaining = [...candidates];
  while (isConsistent([...background, ...conflict])) {
    let prefix = 0;
    while (isConsistent([...background, ...conflict, ...remaining.slice(0, prefix + 1)])) prefix++;
    conflict.push(remaining[prefix]!);
    remaining = remaining.slice(0, prefix);
  }
  return conflict;
}

describe('QuickXplain', () => {
  it('finds no conflict exactly when background and candidates are consistent together', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const conflict = quickXplain(problem.background, problem.candidates, isConsistent);
      expect(conflict === undefined).toBe(isConsistent([...problem.background, ...problem.candidates]));
    }), { numRuns: 500 });
  });

  it('returns candidates that, with the background, are inconsistent, and drops none it needs', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const conflict = quickXplain(problem.background, problem.candidates, isConsistent);
      if (conflict === undefined) return;
      expect(conflict.every((item) => problem.candidates.includes(item))).toBe(true);
      expect(new Set(conflict).size).toBe(conflict.length);
      expect(isConsistent([...problem.background, ...conflict])).toBe(false);
      conflict.forEach((item) => {
        expect(isConsistent([...problem.background, ...conflict.filter((other) => other !== item)]), `${item} is not needed in ${conflict.join(',')}`).toBe(true);
      });
    }), { numRuns: 500 });
  });

  it('returns one of the minimal conflicts brute force finds', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const conflict = quickXplain(problem.background, problem.candidates, isConsistent);
      if (conflict === undefined) return;
      const inconsistent = subsetsOf(problem.candidates).filter((subset) => !isConsistent([...problem.background, ...subset]));
      const minimal = inconsistent.filter((subset) => !inconsistent.some((smaller) => smaller.length < subset.length && smaller.every((item) => subset.includes(item))));
      expect(minimal.some((candidate) => sameSet(candidate, conflict))).toBe(true);
    }), { numRuns: 300 });
  });

  it('returns no candidate when the background alone is inconsistent', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      fc.pre(!isConsistent(problem.background));
      expect(quickXplain(problem.background, problem.candidates, isConsistent)).toEqual([]);
    }), { numRuns: 100 });
  });

  it('finds the preferred conflict: the one whose latest candidate comes earliest', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const conflict = quickXplain(problem.background, problem.candidates, isConsistent);
      if (conflict === undefined) return;
      expect(sameSet(conflict, preferredConflict(problem.background, problem.candidates, isConsistent))).toBe(true);
    }), { numRuns: 500 });
  });

  it('picks the conflict among the earlier candidates when two are possible', () => {
    // {a, c} and {b, c} both conflict; the order of the candidates decides.
    const isConsistent = consistencyOf({ background: [], candidates: [], conflicts: [['a', 'c'], ['b', 'c']] });
    expect(quickXplain([], ['a', 'b', 'c'], isConsistent)!.sort()).toEqual(['a', 'c']);
    expect(quickXplain([], ['b', 'a', 'c'], isConsistent)!.sort()).toEqual(['b', 'c']);
  });

  it('explains a conflict with the background, as unavailable options are explained', () => {
    // The target t conflicts with the customer's choice b only.
    const isConsistent = consistencyOf({ background: [], candidates: [], conflicts: [['t', 'b']] });
    expect(quickXplain(['t'], ['a', 'b', 'c'], isConsistent)).toEqual(['b']);
    expect(quickXplain(['t'], ['a', 'c'], isConsistent)).toBeUndefined();
    expect(quickXplain(['t'], [], isConsistent)).toBeUndefined();
  });

  it('needs few consistency checks for one small conflict among many candidates', () => {
    const candidates = Array.from({ length: 64 }, (_, index) => `c${index}`);
    const { predicate, calls } = counting(consistencyOf({ background: [], candidates, conflicts: [['c5', 'c40']] }));
    expect(quickXplain([], candidates, predicate)!.sort()).toEqual(['c40', 'c5']);
    // QuickXplain needs O(k log(n/k)) checks for a conflict of k out of n; linear search would need ~64.
    expect(calls()).toBeLessThan(30);
  });
});
