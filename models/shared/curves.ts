/** A point in a 2D plane (plan view uses x and z, side view uses x and y). */
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/** Clamps `v` to `[lo, hi]`. */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Hermite smoothstep of `v` between `edge0` and `edge1`, in `[0, 1]`. */
export function smoothstep(edge0: number, edge1: number, v: number): number {
  const t = clamp((v - edge0) / (edge1 - edge0), 0, 1);
  return t * t * (3 - 2 * t);
}

/**
 * A smooth 1D function through `knots` (sorted by x) using monotone cubic (Fritsch–Carlson)
 * interpolation, so profiles never overshoot between the measured points. Clamped outside.
 */
export function monotoneCurve(knots: ReadonlyArray<readonly [number, number]>): (x: number) => number {
  const n = knots.length;
  const xs = knots.map((k) => k[0]);
  const ys = knots.map((k) => k[1]);
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) slopes.push((ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!));
  const tangents: number[] = [slopes[0]!];
  for (let i = 1; i < n - 1; i++) {
    const a = slopes[i - 1]!;
    const b = slopes[i]!;
    tangents.push(a * b <= 0 ? 0 : (3 * a * b) / (Math.max(a, b) * 2 + Math.min(a, b)));
  }
  tangents.push(slopes[n - 2]!);
  return (x: number): number => {
    if (x <= xs[0]!) return ys[0]!;
    if (x >= xs[n - 1]!) return ys[n - 1]!;
    let i = 0;
    while (x > xs[i + 1]!) i++;
    const h = xs[i + 1]! - xs[i]!;
    const t = (x - xs[i]!) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * ys[i]! +
      (t3 - 2 * t2 + t) * h * tangents[i]! +
      (-2 * t3 + 3 * t2) * ys[i + 1]! +
      (t3 - t2) * h * tangents[i + 1]!
    );
  };
}

/**
 * Finds `t` in `[lo, hi]` where the continuous function `f` crosses zero, assuming
 * `f(lo)` and `f(hi)` have opposite signs (returns the nearer end otherwise).
 */
export function bisect(f: (t: number) => number, lo: number, hi: number, iterations = 48): number {
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Math.sign(fLo) === Math.sign(fHi)) return Math.abs(fLo) < Math.abs(fHi) ? lo : hi;
  let a = lo;
  let b = hi;
  for (let i = 0; i < iterations; i++) {
    const m = 0.5 * (a + b);
    const fm = f(m);
    if (Math.sign(fm) === Math.sign(fLo)) {
      a = m;
      fLo = fm;
    } else {
      b = m;
    }
  }
  return 0.5 * (a + b);
}

/** Point on the cubic Bézier `p0..p3` at `t`. */
export function cubicBezier(p0: Vec2, p1: Vec2, p2: Vec2, p3: Vec2, t: number): Vec2 {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/**
 * Samples a closed centripetal Catmull–Rom spline through `points`, `perSegment` samples per
 * segment; sample `i * perSegment` is exactly control point `i`.
 */
export function sampleClosedCatmullRom(points: readonly Vec2[], perSegment: number): Vec2[] {
  const n = points.length;
  const out: Vec2[] = [];
  const at = (i: number): Vec2 => points[((i % n) + n) % n]!;
  const knot = (a: Vec2, b: Vec2): number => Math.sqrt(Math.hypot(b.x - a.x, b.y - a.y));
  for (let i = 0; i < n; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    const t0 = 0;
    const t1 = t0 + knot(p0, p1);
    const t2 = t1 + knot(p1, p2);
    const t3 = t2 + knot(p2, p3);
    for (let s = 0; s < perSegment; s++) {
      if (s === 0) {
        out.push(p1);
        continue;
      }
      const t = t1 + ((t2 - t1) * s) / perSegment;
      const mix = (pa: Vec2, pb: Vec2, ta: number, tb: number): Vec2 => {
        const wa = (tb - t) / (tb - ta);
        const wb = (t - ta) / (tb - ta);
        return { x: pa.x * wa + pb.x * wb, y: pa.y * wa + pb.y * wb };
      };
      const a1 = mix(p0, p1, t0, t1);
      const a2 = mix(p1, p2, t1, t2);
      const a3 = mix(p2, p3, t2, t3);
      const b1 = mix(a1, a2, t0, t2);
      const b2 = mix(a2, a3, t1, t3);
      out.push(mix(b1, b2, t1, t2));
    }
  }
  return out;
}

/** Cumulative arc length along an open polyline (first entry 0). */
export function cumulativeLengths(points: readonly Vec2[]): number[] {
  const out = [0];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    out.push(out[i - 1]! + Math.hypot(b.x - a.x, b.y - a.y));
  }
  return out;
}
