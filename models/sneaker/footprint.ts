import { cumulativeLengths, sampleClosedCatmullRom, type Vec2 } from '../shared/curves.ts';

/** Which half of the shoe a point belongs to: lateral faces +Z, medial faces −Z (right shoe). */
export type Side = 'lateral' | 'medial';

/** Both sides, lateral first. */
export const SIDES: readonly Side[] = ['lateral', 'medial'];

/** A point of the plan view: `x` toward the toe, `z` toward the lateral side. */
export interface PlanPoint {
  readonly x: number;
  readonly z: number;
}

/** A plan point with its outward unit normal (in the XZ plane). */
export interface OutlineSample {
  readonly p: PlanPoint;
  readonly n: PlanPoint;
}

/**
 * Outer edge of the cupsole of a right EU 42 court shoe, seen from above, as spline control
 * points: heel centre first, along the lateral side to the toe tip (index {@link TOE_INDEX}),
 * then back along the medial side. 0.29 m long, 0.105 m across the ball; the toe tip sits a
 * little medial of centre and the ball is set further forward on the medial side, as on a foot.
 */
const CONTROL_POINTS: readonly PlanPoint[] = [
  { x: -0.145, z: -0.001 },
  { x: -0.1405, z: 0.019 },
  { x: -0.128, z: 0.0325 },
  { x: -0.105, z: 0.039 },
  { x: -0.06, z: 0.0415 },
  { x: -0.015, z: 0.0445 },
  { x: 0.03, z: 0.0495 },
  { x: 0.07, z: 0.0505 },
  { x: 0.1, z: 0.0455 },
  { x: 0.1225, z: 0.0355 },
  { x: 0.1385, z: 0.019 },
  { x: 0.145, z: -0.004 },
  { x: 0.1405, z: -0.026 },
  { x: 0.1255, z: -0.0415 },
  { x: 0.0975, z: -0.0525 },
  { x: 0.062, z: -0.0545 },
  { x: 0.025, z: -0.0475 },
  { x: -0.015, z: -0.04 },
  { x: -0.06, z: -0.0378 },
  { x: -0.105, z: -0.0372 },
  { x: -0.128, z: -0.0315 },
  { x: -0.1405, z: -0.0195 },
];
const TOE_INDEX = 11;
const PER_SEGMENT = 64;
const TABLE_SIZE = 1201;

/**
 * A closed plan outline split into a lateral and a medial half, each running from the heel
 * centre (σ = 0) to the toe tip (σ = 1) and parameterised by arc-length fraction σ. Both halves
 * share their end points and end normals exactly, which keeps the sheets built on them sealed.
 */
export class Outline {
  private constructor(private readonly tables: Record<Side, OutlineSample[]>) {}

  /** The cupsole outline. */
  static readonly sole: Outline = Outline.fromControlPoints(CONTROL_POINTS);

  /** Builds an outline from closed-loop control points (heel centre first, toe at {@link TOE_INDEX}). */
  static fromControlPoints(points: readonly PlanPoint[]): Outline {
    const dense = sampleClosedCatmullRom(
      points.map((p) => ({ x: p.x, y: p.z })),
      PER_SEGMENT,
    );
    const count = dense.length;
    const normals: Vec2[] = dense.map((_, i) => {
      const a = dense[(i - 1 + count) % count]!;
      const b = dense[(i + 1) % count]!;
      const tx = b.x - a.x;
      const tz = b.y - a.y;
      const len = Math.hypot(tx, tz);
      // Loop runs heel → lateral → toe → medial, so the outward normal is the tangent turned right.
      return { x: -tz / len, y: tx / len };
    });
    const tip = TOE_INDEX * PER_SEGMENT;
    const lateralIdx = Array.from({ length: tip + 1 }, (_, i) => i);
    const medialIdx = [0, ...Array.from({ length: count - tip }, (_, i) => count - 1 - i)];
    const build = (idx: number[]): OutlineSample[] => {
      const pts = idx.map((i) => dense[i]!);
      const nrm = idx.map((i) => normals[i]!);
      const cum = cumulativeLengths(pts);
      const total = cum[cum.length - 1]!;
      const table: OutlineSample[] = [];
      let seg = 0;
      for (let k = 0; k < TABLE_SIZE; k++) {
        const s = (total * k) / (TABLE_SIZE - 1);
        if (k === 0 || k === TABLE_SIZE - 1) {
          const j = k === 0 ? 0 : pts.length - 1;
          table.push({ p: { x: pts[j]!.x, z: pts[j]!.y }, n: { x: nrm[j]!.x, z: nrm[j]!.y } });
          continue;
        }
        while (cum[seg + 1]! < s) seg++;
        const t = (s - cum[seg]!) / (cum[seg + 1]! - cum[seg]!);
        const a = pts[seg]!;
        const b = pts[seg + 1]!;
        const na = nrm[seg]!;
        const nb = nrm[seg + 1]!;
        const nx = na.x * (1 - t) + nb.x * t;
        const nz = na.y * (1 - t) + nb.y * t;
        const nl = Math.hypot(nx, nz);
        table.push({ p: { x: a.x * (1 - t) + b.x * t, z: a.y * (1 - t) + b.y * t }, n: { x: nx / nl, z: nz / nl } });
      }
      return table;
    };
    return new Outline({ lateral: build(lateralIdx), medial: build(medialIdx) });
  }

  /** The outline point and outward normal at arc-length fraction `sigma` of `side`. */
  at(side: Side, sigma: number): OutlineSample {
    const table = this.tables[side];
    const f = Math.min(Math.max(sigma, 0), 1) * (TABLE_SIZE - 1);
    const i = Math.min(Math.floor(f), TABLE_SIZE - 2);
    const t = f - i;
    if (t === 0) return table[i]!;
    if (t === 1) return table[i + 1]!;
    const a = table[i]!;
    const b = table[i + 1]!;
    const nx = a.n.x * (1 - t) + b.n.x * t;
    const nz = a.n.z * (1 - t) + b.n.z * t;
    const nl = Math.hypot(nx, nz);
    return { p: { x: a.p.x * (1 - t) + b.p.x * t, z: a.p.z * (1 - t) + b.p.z * t }, n: { x: nx / nl, z: nz / nl } };
  }

  /** The outline pushed inward by `inset` metres along its normal. */
  inset(side: Side, sigma: number, inset: number): PlanPoint {
    const { p, n } = this.at(side, sigma);
    return { x: p.x - n.x * inset, z: p.z - n.z * inset };
  }
}
