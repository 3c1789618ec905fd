// The one seeded generator (src/domain/shared/seededRandom.ts): a fixed sequence per seed (the
// committed textures and the benchmark product depend on it), floats in [0, 1), and a roughly
// uniform spread.
import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from '../../src/domain/shared/seededRandom.ts';

const draws = (random: () => number, count: number): number[] => Array.from({ length: count }, () => random());

describe('seededRandom', () => {
  it('gives the mulberry32 sequence for a seed, the same on every run', () => {
    // Multiples of 2⁻³²: the generator's 32-bit outputs, as published for mulberry32.
    expect(draws(seededRandom(1), 5).map((x) => x * 2 ** 32)).toEqual([2693262067, 11749833, 2265367787, 4213581821, 4159151403]);
    expect(draws(seededRandom(42), 5).map((x) => x * 2 ** 32)).toEqual([2581720956, 1925393290, 3661312704, 2876485805, 750819978]);
    expect(draws(seededRandom(7), 100)).toEqual(draws(seededRandom(7), 100));
  });

  it('uses the low 32 bits of the seed, and different seeds give different sequences', () => {
    expect(draws(seededRandom(2 ** 32 + 1), 10)).toEqual(draws(seededRandom(1), 10));
    expect(draws(seededRandom(-1), 10)).toEqual(draws(seededRandom(0xffffffff), 10));
    expect(draws(seededRandom(1), 10)).not.toEqual(draws(seededRandom(2), 10));
  });

  it('returns floats in [0, 1)', () => {
    for (const seed of [0, 1, 0x5eed, 0xffffffff]) {
      const xs = draws(seededRandom(seed), 10_000);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThan(1);
    }
  });

  it('spreads roughly uniformly: ten equal bins, mean ½, variance 1/12', () => {
    const n = 100_000;
    const xs = draws(seededRandom(2024), n);
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]! += 1;
    // χ² with 9 degrees of freedom: 27.9 is its 0.999 quantile.
    const chiSquare = bins.reduce((sum, count) => sum + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chiSquare).toBeLessThan(27.9);
    const mean = xs.reduce((sum, x) => sum + x, 0) / n;
    expect(mean).toBeCloseTo(0.5, 2);
    const variance = xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / n;
    expect(variance).toBeCloseTo(1 / 12, 2);
  });
});

describe('randomInt', () => {
  it('draws once and gives floor(random() × n)', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    for (let k = 0; k < 1000; k++) expect(randomInt(a, 7)).toBe(Math.floor(b() * 7));
  });

  it('covers every integer in [0, n) and nothing else', () => {
    const random = seededRandom(11);
    const seen = new Map<number, number>();
    for (let k = 0; k < 6000; k++) {
      const i = randomInt(random, 6);
      expect(Number.isInteger(i) && i >= 0 && i < 6).toBe(true);
      seen.set(i, (seen.get(i) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const count of seen.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
