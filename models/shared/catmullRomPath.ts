import { addScaled, distance, lerp, sub, type Vec3 } from './vec.ts';

/**
 * Samples a centripetal Catmull–Rom curve through `points`, `perSegment` samples per span, ending
 * exactly on the last point. The end spans use a phantom point mirrored through the end point, so
 * the curve leaves and reaches its ends along the first and last chords. Used for the laces
 * (sneaker) and the torso's profile from hem over the shoulder to the neck (t-shirt).
 */
export function catmullRomPath(points: readonly Vec3[], perSegment: number): Vec3[] {
  const out: Vec3[] = [];
  const n = points.length;
  const at = (i: number): Vec3 => points[Math.min(n - 1, Math.max(0, i))]!;
  for (let i = 0; i < n - 1; i++) {
    const p0 = i === 0 ? addScaled(at(0), sub(at(0), at(1)), 1) : at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = i + 2 >= n ? addScaled(at(n - 1), sub(at(n - 1), at(n - 2)), 1) : at(i + 2);
    const t1 = Math.sqrt(distance(p0, p1)) || 1e-6;
    const t2 = t1 + (Math.sqrt(distance(p1, p2)) || 1e-6);
    const t3 = t2 + (Math.sqrt(distance(p2, p3)) || 1e-6);
    for (let s = 0; s < perSegment; s++) {
      const t = t1 + ((t2 - t1) * s) / perSegment;
      const mix = (a: Vec3, b: Vec3, ta: number, tb: number): Vec3 => lerp(a, b, (t - ta) / (tb - ta));
      const a1 = mix(p0, p1, 0, t1);
      const a2 = mix(p1, p2, t1, t2);
      const a3 = mix(p2, p3, t2, t3);
      out.push(mix(mix(a1, a2, 0, t2), mix(a2, a3, t1, t3), t1, t2));
    }
  }
  out.push(at(n - 1));
  return out;
}
