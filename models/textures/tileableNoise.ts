/**
 * Periodic noise on the unit square: every function here takes (u, v) in [0, 1) and returns the
 * same value at u and u + 1 (and v and v + 1), so that maps built from them tile without a seam.
 * Seeded and deterministic: the same seed gives the same numbers on every machine.
 */
import { seededRandom } from '../../src/domain/shared/index.ts';

/** A seed from a name (FNV-1a), so that each map's noise is its own. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function wrap(i: number, period: number): number {
  return ((i % period) + period) % period;
}

const smooth = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);

/**
 * Gradient noise with `periodX` × `periodY` lattice cells over the square, in about [-1, 1].
 * Different periods on the two axes stretch the noise (fibres, streaks).
 */
export function periodicNoise(seed: number, periodX: number, periodY: number = periodX): (u: number, v: number) => number {
  const random = seededRandom(seed);
  const angles = Float64Array.from({ length: periodX * periodY }, () => random() * Math.PI * 2);
  const gradient = (ix: number, iy: number, dx: number, dy: number) => {
    const angle = angles[wrap(iy, periodY) * periodX + wrap(ix, periodX)]!;
    return Math.cos(angle) * dx + Math.sin(angle) * dy;
  };
  return (u, v) => {
    const x = u * periodX;
    const y = v * periodY;
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = x - ix;
    const fy = y - iy;
    const sx = smooth(fx);
    const sy = smooth(fy);
    const top = gradient(ix, iy, fx, fy) * (1 - sx) + gradient(ix + 1, iy, fx - 1, fy) * sx;
    const bottom = gradient(ix, iy + 1, fx, fy - 1) * (1 - sx) + gradient(ix + 1, iy + 1, fx - 1, fy - 1) * sx;
    return 1.5 * (top * (1 - sy) + bottom * sy);
  };
}

/** Octaves of {@link periodicNoise}, each twice as fine and half as strong; about [-1, 1]. */
export function periodicFbm(seed: number, period: number, octaves: number, stretch: readonly [number, number] = [1, 1]): (u: number, v: number) => number {
  const layers = Array.from({ length: octaves }, (_, octave) => periodicNoise(seed + octave * 7919, period * stretch[0] * 2 ** octave, period * stretch[1] * 2 ** octave));
  const norm = layers.reduce((sum, _, octave) => sum + 0.5 ** octave, 0);
  return (u, v) => layers.reduce((sum, layer, octave) => sum + layer(u, v) * 0.5 ** octave, 0) / norm;
}

/** What {@link periodicCells} says about a point: distances (in cells) to the nearest and second nearest cell centre, and the nearest cell's own random number. */
export interface CellSample {
  readonly f1: number;
  readonly f2: number;
  readonly id: number;
}

/** Cellular (Worley) noise with `period` × `period` jittered cells over the square. */
export function periodicCells(seed: number, period: number, jitter = 0.85): (u: number, v: number) => CellSample {
  const random = seededRandom(seed);
  const points = Float64Array.from({ length: period * period * 3 }, () => random());
  return (u, v) => {
    const x = u * period;
    const y = v * period;
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    let f1 = Infinity;
    let f2 = Infinity;
    let id = 0;
    for (let dy = -1; dy <= 1; dy += 1) {
      for (let dx = -1; dx <= 1; dx += 1) {
        const cell = (wrap(iy + dy, period) * period + wrap(ix + dx, period)) * 3;
        const px = ix + dx + 0.5 + (points[cell]! - 0.5) * jitter;
        const py = iy + dy + 0.5 + (points[cell + 1]! - 0.5) * jitter;
        const distance = Math.hypot(x - px, y - py);
        if (distance < f1) {
          f2 = f1;
          f1 = distance;
          id = points[cell + 2]!;
        } else if (distance < f2) f2 = distance;
      }
    }
    return { f1, f2, id };
  };
}

/** Hermite step from 0 at `edge0` to 1 at `edge1`. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
