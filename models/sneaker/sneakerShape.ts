import { bisect, clamp, cubicBezier, monotoneCurve, smoothstep, type Vec2 } from '../shared/curves.ts';
import { Outline, type PlanPoint, type Side } from './footprint.ts';
import { vec3, type Vec3 } from '../shared/vec.ts';

/*
 * The shape of the shoe: sole heights, the upper's surface ("last") and the openings cut into it.
 *
 * The upper is two sheets, lateral and medial, each parameterised by (σ, v):
 *  - σ ∈ [0, 1] runs along the feather line (where the upper disappears into the cupsole) from
 *    the heel centre to the toe tip, by arc-length fraction of that side;
 *  - v ∈ [0, 1] climbs from the feather line (v = 0) up and over to the spine (v = 1), the
 *    crest line along the top of the foot that both sheets share.
 * The sheets meet along the heel centre (σ = 0), at the toe tip (σ = 1, where every v lands on
 * the same point, hidden inside the sole) and along the spine, so the closed last is sealed;
 * the collar and the lace opening are then cut out of it by {@link upperTopV}.
 */

/** Height of the outsole slab (ground contact layer). */
export const OUTSOLE_TOP = 0.004;
/** How far the upper sits inside the cupsole's outer wall. */
export const FEATHER_INSET = 0.0042;
/** Where the lace opening ends at the front (the vamp point), x. */
export const VAMP_POINT_X = 0.0395;
/** Width of each eyestay strip beyond the lace opening edge. */
export const EYESTAY_WIDTH = 0.0165;
/** x of the lace rows, front to back (six eyelets per side). */
export const EYELET_XS: readonly number[] = [0.0335, 0.018, 0.0025, -0.013, -0.0285, -0.044];

/** Height of the cupsole sidewall top above the ground, before toe spring. */
export const soleTop = monotoneCurve([
  [-0.15, 0.0295],
  [-0.11, 0.028],
  [-0.05, 0.025],
  [0.02, 0.0222],
  [0.08, 0.0212],
  [0.12, 0.0222],
  [0.15, 0.025],
]);

/** Height where the upper's bottom edge is tucked into the cupsole. */
export const featherY = (x: number): number => soleTop(x) - 0.007;

/** Height of the footbed inside the shoe. */
export const floorY = (x: number): number => soleTop(x) - 0.0048;

/** The upper's outer outline along the feather line (the cupsole outline pushed inward). */
export const featherPlan = (side: Side, sigma: number): PlanPoint => Outline.sole.inset(side, sigma, FEATHER_INSET);

const TOE_TIP: PlanPoint = featherPlan('lateral', 1);

/** Height of the spine behind the toe box (knots are x, y). Behind the collar it only steers the heel walls. */
const spineHeightRear = monotoneCurve([
  [-0.15, 0.215],
  [-0.12, 0.18],
  [-0.09, 0.146],
  [-0.06, 0.1195],
  [-0.03, 0.1035],
  [0.0, 0.0925],
  [0.035, 0.081],
  [0.07, 0.0685],
]);
const TOE_BLEND_X = 0.07;
const toeCurve: readonly [Vec2, Vec2, Vec2, Vec2] = (() => {
  const slope = (spineHeightRear(TOE_BLEND_X) - spineHeightRear(TOE_BLEND_X - 0.001)) / 0.001;
  const p0 = { x: TOE_BLEND_X, y: spineHeightRear(TOE_BLEND_X) };
  const handle = 0.03;
  const tipY = featherY(TOE_TIP.x);
  return [p0, { x: p0.x + handle, y: p0.y + slope * handle }, { x: TOE_TIP.x, y: tipY + 0.031 }, { x: TOE_TIP.x, y: tipY }];
})();

/**
 * Height of the spine (the crest of the last) at `x`. In front of {@link TOE_BLEND_X} it follows
 * a Bézier that drops vertically onto the toe tip, which is what rounds the toe box in side view.
 */
export function spineHeight(x: number): number {
  if (x <= TOE_BLEND_X) return spineHeightRear(x);
  const [p0, p1, p2, p3] = toeCurve;
  const t = bisect((s) => cubicBezier(p0, p1, p2, p3, s).x - x, 0, 1);
  return cubicBezier(p0, p1, p2, p3, t).y;
}

/** Spine point shared by both sheets at `sigma`. */
export function spinePoint(sigma: number): Vec3 {
  const a = featherPlan('lateral', sigma);
  const b = featherPlan('medial', sigma);
  // Pulling the heel end of the spine forward leans the heel back in toward the ankle.
  const x = 0.5 * (a.x + b.x) + 0.028 * (1 - smoothstep(0, 0.32, sigma));
  return vec3(x, spineHeight(x), 0.5 * (a.z + b.z));
}

const K_WALL = 0.74;
const K_TOP = 0.76;

/**
 * Shape of a cross-section from the feather line (0, 0) to the spine (1, 1), as fractions of the
 * horizontal and vertical travel. A cubic Bézier that leaves the sole vertically and meets the
 * spine horizontally; handles longer than a circle's (0.55) give a slightly boxy toe and instep.
 */
export function profileFractions(v: number): { h: number; g: number } {
  const u = 1 - v;
  return {
    h: 3 * u * v * v * (1 - K_TOP) + v * v * v,
    g: 3 * u * u * v * K_WALL + 3 * u * v * v + v * v * v,
  };
}

/** Point on the (outer face of the) upper's last. */
export function upperPoint(side: Side, sigma: number, v: number): Vec3 {
  const o = featherPlan(side, sigma);
  const s = spinePoint(sigma);
  const oy = featherY(o.x);
  const { h, g } = profileFractions(v);
  return vec3(o.x * (1 - h) + s.x * h, oy * (1 - g) + s.y * g, o.z * (1 - h) + s.z * h);
}

const spineTable: Vec3[] = Array.from({ length: 801 }, (_, i) => spinePoint(i / 800));

/** z of the shoe's centre line at `x` (the spine seen from above). */
export function centreZ(x: number): number {
  const first = spineTable[0]!;
  const last = spineTable[spineTable.length - 1]!;
  if (x <= first.x) return first.z;
  if (x >= last.x) return last.z;
  let lo = 0;
  let hi = spineTable.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (spineTable[mid]!.x < x) lo = mid;
    else hi = mid;
  }
  const a = spineTable[lo]!;
  const b = spineTable[hi]!;
  const t = (x - a.x) / (b.x - a.x || 1);
  return a.z * (1 - t) + b.z * t;
}

/** Half-width the lace opening would have at `x` without its rounded front end. */
export const laceGapBase = (x: number): number => 0.0088 + 0.0037 * clamp((VAMP_POINT_X - x) / 0.085, 0, 1);

/** Half-width of the lace opening at `x` (0 in front of the vamp point, a round U end there). */
export function laceGap(x: number): number {
  if (x >= VAMP_POINT_X) return 0;
  const d = clamp((VAMP_POINT_X - x) / 0.0088, 0, 1);
  return laceGapBase(x) * Math.sqrt(1 - (1 - d) * (1 - d));
}

/** Height of the collar's top line at `x` (a low dip under the ankle bone, higher at the heel). */
const collarBase = monotoneCurve([
  [-0.16, 0.0995],
  [-0.145, 0.0995],
  [-0.13, 0.097],
  [-0.11, 0.0895],
  [-0.09, 0.082],
  [-0.075, 0.0805],
  [-0.063, 0.0845],
  [-0.053, 0.0935],
  [-0.043, 0.118],
  [-0.03, 0.3],
]);

/** Collar top-line height; the lateral side dips a little lower, under the lower ankle bone. */
export function collarY(side: Side, x: number): number {
  // A bump with compact support, so both sheets still agree exactly along the heel seam.
  const t = clamp((x + 0.085) / 0.035, -1, 1);
  const dip = side === 'lateral' ? 0.003 * (1 - t * t) ** 2 : 0;
  return collarBase(x) - dip;
}

/** σ at which the lace opening closes (the vamp point), identical for both sheets. */
export const VAMP_POINT_SIGMA = bisect((s) => spinePoint(s).x - VAMP_POINT_X, 0.3, 0.95);

const LACE_REGION_MIN_X = -0.085;

function computeTopV(side: Side, sigma: number): number {
  const station = spinePoint(sigma);
  const collar = (v: number): number => {
    const p = upperPoint(side, sigma, v);
    return p.y - collarY(side, p.x);
  };
  const vCollar = collar(1) <= 0 ? 1 : bisect(collar, 0, 1);
  let vLace = 1;
  if (station.x > LACE_REGION_MIN_X && station.x < VAMP_POINT_X) {
    const lace = (v: number): number => {
      const p = upperPoint(side, sigma, v);
      return Math.abs(p.z - centreZ(p.x)) - laceGap(p.x);
    };
    vLace = lace(1) >= 0 ? 1 : bisect(lace, 0, 1);
  }
  // A 4-norm of the two cut depths rounds the corner where collar meets lace opening, yet stays
  // exactly 1 where neither cuts (a smooth minimum would dent the closed toe box).
  const depth = ((1 - vCollar) ** 4 + (1 - vLace) ** 4) ** 0.25;
  return 1 - depth;
}

const TOP_TABLE_SIZE = 2401;
const topTables: Record<Side, Float64Array> = {
  lateral: Float64Array.from({ length: TOP_TABLE_SIZE }, (_, i) => computeTopV('lateral', i / (TOP_TABLE_SIZE - 1))),
  medial: Float64Array.from({ length: TOP_TABLE_SIZE }, (_, i) => computeTopV('medial', i / (TOP_TABLE_SIZE - 1))),
};

/**
 * The top edge of the upper on one sheet: the v where the collar or the lace opening cuts it
 * (1 where the upper is closed over the toes).
 */
export function upperTopV(side: Side, sigma: number): number {
  if (sigma >= VAMP_POINT_SIGMA) return 1;
  const table = topTables[side];
  const f = clamp(sigma, 0, 1) * (TOP_TABLE_SIZE - 1);
  const i = Math.min(Math.floor(f), TOP_TABLE_SIZE - 2);
  const t = f - i;
  return table[i]! * (1 - t) + table[i + 1]! * t;
}

/** The v at which the upper's outer face reaches height `y` on the sheet at `sigma`. */
export function upperVAtHeight(side: Side, sigma: number, y: number): number {
  return bisect((v) => upperPoint(side, sigma, v).y - y, 0, 1);
}

/**
 * Finds the point of a sheet at station x `x` that lies `offset` from the centre line
 * (used to place eyelets, the tongue and the bow on the upper). Returns its (σ, v).
 */
export function upperParamsAt(side: Side, x: number, offset: number): { sigma: number; v: number } {
  const vFor = (sigma: number): number =>
    bisect((v) => {
      const p = upperPoint(side, sigma, v);
      return Math.abs(p.z - centreZ(p.x)) - offset;
    }, 0, 1);
  const sigma = bisect((s) => upperPoint(side, s, vFor(s)).x - x, 0.0, 0.999);
  return { sigma, v: vFor(sigma) };
}

const TOE_SPRING_START = 0.05;
const TOE_SPRING_LIFT = 0.013;
const HEEL_BEVEL_START = -0.112;
const HEEL_BEVEL_LIFT = 0.0035;
/** |x| of the shoe's ends, where the rocker reaches its full lift. */
const ROCKER_END = 0.146;

/** Vertical lift of the whole shoe at `x`: toe spring at the front, a small heel bevel at the back. */
export function rockerLift(x: number): number {
  if (x > TOE_SPRING_START) return TOE_SPRING_LIFT * ((x - TOE_SPRING_START) / (ROCKER_END - TOE_SPRING_START)) ** 2;
  if (x < HEEL_BEVEL_START) return HEEL_BEVEL_LIFT * ((HEEL_BEVEL_START - x) / (ROCKER_END + HEEL_BEVEL_START)) ** 2;
  return 0;
}

/** d(rockerLift)/dx, for bending normals along with the positions. */
export function rockerSlope(x: number): number {
  if (x > TOE_SPRING_START) {
    const span = ROCKER_END - TOE_SPRING_START;
    return (2 * TOE_SPRING_LIFT * (x - TOE_SPRING_START)) / (span * span);
  }
  if (x < HEEL_BEVEL_START) {
    const span = ROCKER_END + HEEL_BEVEL_START;
    return (-2 * HEEL_BEVEL_LIFT * (HEEL_BEVEL_START - x)) / (span * span);
  }
  return 0;
}
