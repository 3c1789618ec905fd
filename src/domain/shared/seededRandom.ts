/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * machine and every run, so generated textures, benchmark products and test designs can be
 * repeated exactly. Fast and small (32 bits of state), fine for procedural content and sampling;
 * not for anything secret.
 *
 * @param seed Any number; only its low 32 bits count (`seed >>> 0`), so `seededRandom(1)` and
 *   `seededRandom(2 ** 32 + 1)` give the same sequence.
 * @returns A function returning the next float of the sequence, in [0, 1), in steps of 2⁻³².
 *
 * @example
 * const random = seededRandom(42);
 * const roll = random(); // the same first value on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An integer in [0, n) drawn from `random` (one draw): `Math.floor(random() * n)`, e.g. an index
 * into a list of `n` items.
 *
 * @example
 * const pick = items[randomInt(random, items.length)]!;
 */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
