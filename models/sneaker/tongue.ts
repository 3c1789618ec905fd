import { clamp } from './curves.ts';
import type { MeshBuilder } from './meshBuilder.ts';
import { buildShell, type ShellPoint } from './shell.ts';
import { upperParamsAt, upperPoint, VAMP_POINT_X } from './sneakerShape.ts';
import { liningThickness } from './lining.ts';
import { upperNormal } from './upperSurface.ts';
import { add, addScaled, distance, normalize, scale, sub, vec3 } from './vec.ts';

const BOTTOM_X = VAMP_POINT_X + 0.016;
/** Behind this x the tongue leaves the instep and stands free above the collar. */
const FREE_X = -0.036;
/** Share of the tongue's rows that lie under the upper. */
const FREE_W = 0.72;
const HALF_WIDTH = 0.0285;
const ROWS = 16;
const COLS = 10;

/** Half-width at height fraction `w`: straight sides, rounded shoulders at the top. */
function halfWidth(w: number): number {
  const q = clamp((w - 0.76) / 0.24, 0, 1);
  return HALF_WIDTH * (1 + 0.06 * clamp((w - 0.6) / 0.3, 0, 1)) * (1 - 0.5 * (1 - Math.sqrt(1 - q * q)));
}

/** Where the tongue lies under the upper: just inside the lining, so it tucks under the eyestays. */
function underUpper(x: number, offset: number): ShellPoint {
  const side = offset >= 0 ? 'lateral' : 'medial';
  const { sigma, v } = upperParamsAt(side, x, Math.abs(offset));
  const n = upperNormal(side, sigma, v);
  const depth = liningThickness(side, sigma, v) + 0.0009;
  return { p: addScaled(upperPoint(side, sigma, v), n, -depth), n, thickness: 0 };
}

/** Where the top edge of the tongue ends up (centre), standing above the collar's front. */
const TOP_CENTRE = vec3(-0.058, 0.1255, 0.002);
/** Direction the tongue points at its top edge: up and a little back, toward the shin. */
const TOP_DIRECTION = normalize(vec3(-0.12, 1, 0));

/**
 * A point of the tongue's outer face. In front of {@link FREE_X} it follows the inside of the
 * upper; behind, it sweeps up (a Hermite curve per column) to a flatter, more upright top edge,
 * so it rises out of the lace opening like a padded tongue. `u` runs across from the lateral
 * edge (0) to the medial edge (1), which is left to right when you face the shoe's front.
 */
export function tonguePoint(u: number, w: number): ShellPoint {
  const x = BOTTOM_X + (FREE_X - BOTTOM_X) * Math.min(1, w / FREE_W);
  const offset = (0.5 - u) * 2 * halfWidth(w);
  const thickness = 0.003 + 0.0058 * w * w;
  if (w <= FREE_W) return { ...underUpper(x, offset), thickness };
  const t = (w - FREE_W) / (1 - FREE_W);
  const base = underUpper(FREE_X, offset);
  const dir = normalize(sub(base.p, underUpper(FREE_X + 0.004, offset).p));
  const centre = underUpper(FREE_X, 0).p;
  // Lift the edges part of the way toward the centre so the free top is flatter than the instep.
  const end = add(addScaled(base.p, sub(TOP_CENTRE, centre), 1), vec3(0, 0.6 * (centre.y - base.p.y), 0));
  const span = distance(base.p, end);
  const h00 = 2 * t ** 3 - 3 * t * t + 1;
  const h10 = t ** 3 - 2 * t * t + t;
  const h01 = -2 * t ** 3 + 3 * t * t;
  const h11 = t ** 3 - t * t;
  const p = add(
    add(scale(base.p, h00), scale(dir, h10 * span)),
    add(scale(end, h01), scale(TOP_DIRECTION, h11 * span)),
  );
  return { p, n: base.n, thickness };
}

/** The padded tongue; its outer face is UV-mapped to [0, 1]² (u across, v up) for printing. */
export function buildTongue(): MeshBuilder {
  // Rows bunch up toward the top, where the rounded edge needs them.
  const grid = Array.from({ length: ROWS + 1 }, (_, j) =>
    Array.from({ length: COLS + 1 }, (_, i) => tonguePoint(i / COLS, 1 - (1 - j / ROWS) ** 1.5)),
  );
  return buildShell(grid, { bottom: false });
}
