// FastDiag against brute force on random monotone problems: it finds a minimal set of candidates to
// give up, preferring to give up the earliest (oldest) ones, or says that nothing helps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastDiag } from '../../src/domain/engine/fastDiag.ts';
import { consistencyOf, counting, monotoneProblemArb, sameSet, subsetsOf } from './support/monotoneProblem.ts';

/** The preferred diagnosis: from the latest candidate to the earliest, keep each one that keeps things consistent. */
function preferredDiagnosis<T>(background: readonly T[], candidates: readonly T[], isConsistent: (items: readonly T[]) => boolean): T[] {
  const kept: T[] = [];
  for (const candidate of [...candidates].reverse()) {
    if (isConsistent([...background, ...kept, candidate])) kept.push(candidate);
  }
  return candidates.filter((candidate) => !kept.includes(candidate));
}

describe('FastDiag', () => {
  it('gives up nothing when everything is consistent, and cannot help when the background alone is inconsistent', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const diagnosis = fastDiag(problem.background, problem.candidates, isConsistent);
      if (!isConsistent(problem.background)) expect(diagnosis).toBeUndefined();
      else if (isConsistent([...problem.background, ...problem.candidates])) expect(diagnosis).toEqual([]);
      else expect(diagnosis!.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });

  it('gives up candidates whose removal makes the rest consistent, and none it could keep', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const diagnosis = fastDiag(problem.background, problem.candidates, isConsistent);
      if (diagnosis === undefined) return;
      expect(diagnosis.every((item) => problem.candidates.includes(item))).toBe(true);
      expect(new Set(diagnosis).size).toBe(diagnosis.length);
      const kept = problem.candidates.filter((candidate) => !diagnosis.includes(candidate));
      expect(isConsistent([...problem.background, ...kept])).toBe(true);
      diagnosis.forEach((item) => {
        expect(isConsistent([...problem.background, ...kept, item]), `${item} could have been kept`).toBe(false);
      });
    }), { numRuns: 500 });
  });

  it('returns one of the minimal diagnoses brute force finds', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const diagnosis = fastDiag(problem.background, problem.candidates, isConsistent);
      if (diagnosis === undefined) return;
      const repairs = subsetsOf(problem.candidates).filter((removed) =>
        isConsistent([...problem.background, ...problem.candidates.filter((candidate) => !removed.includes(candidate))]));
      const minimal = repairs.filter((removed) => !repairs.some((smaller) => smaller.length < removed.length && smaller.every((item) => removed.includes(item))));
      expect(minimal.some((candidate) => sameSet(candidate, diagnosis))).toBe(true);
    }), { numRuns: 300 });
  });

  it('prefers giving up earlier candidates, keeping the latest ones', () => {
    fc.assert(fc.property(monotoneProblemArb, (problem) => {
      const isConsistent = consistencyOf(problem);
      const diagnosis = fastDiag(problem.background, problem.candidates, isConsistent);
      if (diagnosis === undefined) return;
      expect(sameSet(diagnosis, preferredDiagnosis(problem.background, problem.candidates, isConsistent)),
        `candidates ${problem.candidates.join(',')}, conflicts ${JSON.stringify(problem.conflicts)}: gave up ${diagnosis.join(',')}`).toBe(true);
    }), { numRuns: 500 });
  });

  it('gives up the older of two conflicting choices', () => {
    const isConsistent = consistencyOf({ background: [], candidates: [], conflicts: [['a', 'b']] });
    expect(fastDiag([], ['a', 'b'], isConsistent)).toEqual(['a']);
    expect(fastDiag([], ['b', 'a'], isConsistent)).toEqual(['b']);
  });

  it('keeps the latest candidate even when that means giving up two older ones', () => {
    // {a, c} and {b, c} conflict. Giving up {c} or {a, b} both work; c is the latest, so keep it.
    const isConsistent = consistencyOf({ background: [], candidates: [], conflicts: [['a', 'c'], ['b', 'c']] });
    expect(fastDiag([], ['a', 'b', 'c'], isConsistent)!.sort()).toEqual(['a', 'b']);
    // With c first it is the oldest, and giving it up alone is enough.
    expect(fastDiag([], ['c', 'a', 'b'], isConsistent)).toEqual(['c']);
  });

  it('frees a wanted option by giving up the choice that blocks it, as repairs do', () => {
    // The target t conflicts with choice b; a and c are unrelated.
    const isConsistent = consistencyOf({ background: [], candidates: [], conflicts: [['t', 'b']] });
    expect(fastDiag(['t'], ['a', 'b', 'c'], isConsistent)).toEqual(['b']);
    expect(fastDiag(['t', 'b'], ['a', 'c'], isConsistent)).toBeUndefined();
  });

  it('needs few consistency checks for one small diagnosis among many candidates', () => {
    const candidates = Array.from({ length: 64 }, (_, index) => `c${index}`);
    const { predicate, calls } = counting(consistencyOf({ background: ['t'], candidates, conflicts: [['t', 'c17']] }));
    expect(fastDiag(['t'], candidates, predicate)).toEqual(['c17']);
    expect(calls()).toBeLessThan(30);
  });
});
