import { distance, type Vec3 } from './vec.ts';

/**
 * Cumulative distances along the polyline `points`, divided by its total length: 0 at the first
 * point, 1 at the last. Print zones use it to lay artwork on a mesh by arc length, so the artwork
 * keeps its proportions on curved leather or fabric.
 *
 * @example
 * arcFractions([vec3(0, 0, 0), vec3(1, 0, 0), vec3(3, 0, 0)]); // [0, 1/3, 1]
 */
export function arcFractions(points: readonly Vec3[]): number[] {
  const run = [0];
  for (let k = 1; k < points.length; k++) run.push(run[k - 1]! + distance(points[k]!, points[k - 1]!));
  return run.map((r) => r / run[run.length - 1]!);
}
