import type { MeshBuilder } from '../shared/meshBuilder.ts';
import { add, addScaled, cross, distance, dot, lerp, normalize, scale, sub, vec3, type Vec3 } from '../shared/vec.ts';

/** Triangles of a mesh as point triples, for collision queries. */
export function trianglesOf(meshes: readonly MeshBuilder[]): [Vec3, Vec3, Vec3][] {
  const out: [Vec3, Vec3, Vec3][] = [];
  for (const m of meshes)
    for (let t = 0; t < m.indices.length; t += 3)
      out.push([m.position(m.indices[t]!), m.position(m.indices[t + 1]!), m.position(m.indices[t + 2]!)]);
  return out;
}

/** Closest point to `p` on triangle (a, b, c) (Ericson, Real-Time Collision Detection 5.1.5). */
export function closestPointOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const ab = sub(b, a);
  const ac = sub(c, a);
  const ap = sub(p, a);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const bp = sub(p, b);
  const d3 = dot(ab, bp);
  const d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return addScaled(a, ab, d1 / (d1 - d3));
  const cp = sub(p, c);
  const d5 = dot(ab, cp);
  const d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return addScaled(a, ac, d2 / (d2 - d6));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) return addScaled(b, sub(c, b), (d4 - d3) / (d4 - d3 + (d5 - d6)));
  const denom = 1 / (va + vb + vc);
  return add(add(a, scale(ab, vb * denom)), scale(ac, vc * denom));
}

/**
 * Lifts the points of a path (except `keepEnds` at each end) until they clear every triangle in
 * `support` by `clearance`, measuring along the nearest triangle's facing normal, with a little
 * smoothing between passes so laces drape rather than kink.
 */
export function drapeOver(path: Vec3[], support: readonly [Vec3, Vec3, Vec3][], clearance: number, keepEnds: number): Vec3[] {
  let pts = [...path];
  const lo = keepEnds;
  const hi = pts.length - 1 - keepEnds;
  for (let pass = 0; pass < 4; pass++) {
    pts = pts.map((p, i) => {
      if (i < lo || i > hi) return p;
      let best = Infinity;
      let bestQ = p;
      let bestN = vec3(0, 1, 0);
      for (const [a, b, c] of support) {
        const q = closestPointOnTriangle(p, a, b, c);
        const d = distance(p, q);
        if (d < best) {
          best = d;
          bestQ = q;
          bestN = normalize(cross(sub(b, a), sub(c, a)));
        }
      }
      const side = dot(sub(p, bestQ), bestN);
      return side < clearance ? addScaled(bestQ, bestN, clearance) : p;
    });
    if (pass < 3)
      pts = pts.map((p, i) => (i <= lo || i >= hi ? p : lerp(p, scale(add(pts[i - 1]!, pts[i + 1]!), 0.5), 0.35)));
  }
  return pts;
}
