import { bisect } from '../shared/curves.ts';
import { catmullRomPath } from '../shared/catmullRomPath.ts';
import { cross, normalize, sub, vec3, type Vec3 } from '../shared/vec.ts';
import {
  FABRIC_THICKNESS,
  NECK_CENTRE_Z,
  NECK_RADIUS,
  SHOULDER_PROFILES,
  TORSO_EXPONENT,
  TUBE_TOP_Y,
  torsoBackDepth,
  torsoFrontDepth,
  torsoHalfWidth,
} from './tshirtShape.ts';

/*
 * The torso as one smooth surface P(θ, ℓ), closed around and open at the hem and the neck:
 *  - θ is the angle around the vertical axis x = z = 0: θ = 0 at the centre front (+Z),
 *    θ = π/2 at the wearer's left side (+X), θ = π at the centre back;
 *  - ℓ is the arc length (metres) up the column at θ, from the hem (ℓ = 0).
 * Each column is a profile in the half-plane at θ: straight up the tube, then in over the
 * shoulders toward the neck. The neckline (neckline.ts) later decides how far up ℓ the fabric
 * goes, and the sleeves are separate tubes that run into this surface at the shoulders.
 */

/** Lowest point of the outer surface: the hem's fold (body.ts) rounds below it to y = 0. */
export const HEM_START_Y = FABRIC_THICKNESS / 2;
/** Depth of the hem's folds. */
const HEM_DRAPE = 0.012;
const SAMPLES_PER_SPAN = 40;

/** Radius of the torso tube at angle θ and height y (a superellipse in polar form). */
export function tubeRadius(theta: number, y: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const a = torsoHalfWidth(y);
  const d = c >= 0 ? torsoFrontDepth(y) : torsoBackDepth(y);
  const n = TORSO_EXPONENT;
  return (Math.abs(s / a) ** n + Math.abs(c / d) ** n) ** (-1 / n);
}

/**
 * How far the hem stands in or out at angle θ: soft folds where the fabric hangs free below the
 * chest, fading out up the body (the column's spline carries it only up to its next knot, 15 cm
 * up). Even in θ, so the shirt stays mirror-symmetric.
 */
function hemDrape(theta: number): number {
  return HEM_DRAPE * (0.55 * Math.cos(5 * theta) + 0.3 * Math.cos(9 * theta) + 0.15 * Math.cos(13 * theta));
}

/** Distance from the axis to the neck cylinder along angle θ (the neck sits a little back). */
export function neckRadius(theta: number): number {
  const c = Math.cos(theta);
  // |r·(sin θ, cos θ) − (0, z0)| = R, solved for r > 0.
  return c * NECK_CENTRE_Z + Math.sqrt(NECK_RADIUS ** 2 - NECK_CENTRE_Z ** 2 * (1 - c * c));
}

/** One column of the surface: a polyline in the (radius, height) half-plane, by arc length. */
class Column {
  readonly r: number[] = [];
  readonly y: number[] = [];
  readonly length: number[] = [];

  constructor(readonly theta: number) {
    const s = Math.sin(theta);
    const c = Math.cos(theta);
    // Blend the three key profiles: pure front at θ = 0, side at ±π/2, back at π.
    const wFront = Math.max(0, c) ** 2;
    const wBack = Math.max(0, -c) ** 2;
    const wSide = s * s;
    const rTop = tubeRadius(theta, TUBE_TOP_Y);
    const rNeck = neckRadius(theta);
    const knots: Vec3[] = [HEM_START_Y, 0.15, 0.3, 0.45].map((y) => vec3(tubeRadius(theta, y) + (y < 0.1 ? hemDrape(theta) : 0), y, 0));
    for (let k = 0; k < SHOULDER_PROFILES.front.length; k++) {
      const [lf, yf] = SHOULDER_PROFILES.front[k]!;
      const [ls, ys] = SHOULDER_PROFILES.side[k]!;
      const [lb, yb] = SHOULDER_PROFILES.back[k]!;
      const lambda = wFront * lf + wSide * ls + wBack * lb;
      const y = wFront * yf + wSide * ys + wBack * yb;
      knots.push(vec3(rNeck + lambda * (rTop - rNeck), y, 0));
    }
    const path = catmullRomPath(knots, SAMPLES_PER_SPAN);
    let run = 0;
    path.forEach((p, i) => {
      if (i > 0) run += Math.hypot(p.x - path[i - 1]!.x, p.y - path[i - 1]!.y);
      this.r.push(p.x);
      this.y.push(p.y);
      this.length.push(run);
    });
  }

  get total(): number {
    return this.length[this.length.length - 1]!;
  }

  /** (radius, height) at arc length ℓ (clamped to the column). */
  at(ell: number): { r: number; y: number } {
    const len = this.length;
    const l = Math.min(Math.max(ell, 0), this.total);
    let lo = 0;
    let hi = len.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (len[mid]! <= l) lo = mid;
      else hi = mid;
    }
    const t = len[hi]! > len[lo]! ? (l - len[lo]!) / (len[hi]! - len[lo]!) : 0;
    return { r: this.r[lo]! * (1 - t) + this.r[hi]! * t, y: this.y[lo]! * (1 - t) + this.y[hi]! * t };
  }
}

const columns = new Map<number, Column>();

function column(theta: number): Column {
  let c = columns.get(theta);
  if (!c) {
    c = new Column(theta);
    columns.set(theta, c);
  }
  return c;
}

/** The surface point at angle θ, arc length ℓ up the column. */
export function torsoPoint(theta: number, ell: number): Vec3 {
  const { r, y } = column(theta).at(ell);
  return vec3(r * Math.sin(theta), y, r * Math.cos(theta));
}

/** Total length of the column at θ, hem to neck cylinder. */
export const columnLength = (theta: number): number => column(theta).total;

/** Arc length up the column at θ where it reaches height y (every column climbs monotonically). */
export function ellAtHeight(theta: number, y: number): number {
  const col = column(theta);
  return bisect((l) => col.at(l).y - y, 0, col.total);
}

/** Arc length where the column at θ leaves the tube and starts to curve over the shoulder. */
export const tubeTopEll = (theta: number): number => ellAtHeight(theta, TUBE_TOP_Y);

/** Unit tangent up the column (toward the neck) at (θ, ℓ). */
export function torsoUpTangent(theta: number, ell: number): Vec3 {
  const h = 1e-4;
  return normalize(sub(torsoPoint(theta, ell + h), torsoPoint(theta, ell - h)));
}

/** Outward unit normal at (θ, ℓ). */
export function torsoNormal(theta: number, ell: number): Vec3 {
  const h = 1e-4;
  const up = torsoUpTangent(theta, ell);
  // Compare the neighbouring columns at the same fraction of their length, so the difference is
  // a tangent across the surface even where the columns differ in length.
  const f = ell / columnLength(theta);
  const around = sub(torsoPoint(theta + h, f * columnLength(theta + h)), torsoPoint(theta - h, f * columnLength(theta - h)));
  // θ grows from the front toward +X, i.e. clockwise seen from above, so around × up points out.
  return normalize(cross(around, up));
}

/**
 * The surface coordinates of the torso point nearest to `p`, searched up the column under p
 * (the columns are nearly meridians of a surface of revolution, so that is the nearest column)
 * by golden-section search within `window` metres of arc length around `ellGuess`.
 */
export function projectToTorso(p: Vec3, ellGuess: number, window = 0.06): { theta: number; ell: number } {
  const theta = Math.atan2(p.x, p.z);
  const d = (l: number): number => {
    const q = torsoPoint(theta, l);
    return (q.x - p.x) ** 2 + (q.y - p.y) ** 2 + (q.z - p.z) ** 2;
  };
  const g = (Math.sqrt(5) - 1) / 2;
  let a = Math.max(0, ellGuess - window);
  let b = Math.min(columnLength(theta), ellGuess + window);
  let c = b - g * (b - a);
  let e = a + g * (b - a);
  for (let k = 0; k < 60; k++) {
    if (d(c) < d(e)) b = e;
    else a = c;
    c = b - g * (b - a);
    e = a + g * (b - a);
  }
  return { theta, ell: 0.5 * (a + b) };
}

/**
 * How far `p` lies outside the torso's outer face, measured sideways at p's height (negative
 * inside; points above the neck count as outside).
 */
export function torsoClearance(p: Vec3): number {
  const theta = Math.atan2(p.x, p.z);
  const col = column(theta);
  if (p.y <= col.y[0]!) return -1;
  if (p.y >= col.y[col.y.length - 1]!) return 1;
  const { r } = col.at(ellAtHeight(theta, p.y));
  return Math.hypot(p.x, p.z) - r;
}

/** Surface coordinates of a point lying on the torso's outer face (e.g. found by {@link torsoClearance}). */
export function torsoCoordinates(p: Vec3): { theta: number; ell: number } {
  const theta = Math.atan2(p.x, p.z);
  return { theta, ell: ellAtHeight(theta, p.y) };
}
