import { MeshBuilder } from '../shared/meshBuilder.ts';
import { add, addScaled, cross, distance, dot, normalize, scale, sub, type Vec3 } from '../shared/vec.ts';

/** Cross-section of a swept tube: an ellipse with half-axes `width` (along the side vector) and `thickness`. */
export interface TubeSection {
  readonly width: number;
  readonly thickness: number;
  readonly sides: number;
}

/**
 * Sweeps an elliptical section along `path`. With one `side` vector the wide axis starts along
 * it (projected off the tangent) and is parallel-transported, so flat laces don't twist; with
 * one surface normal per path point the section lies flat on that surface instead. Ends are
 * closed with flat caps when `caps` is set.
 */
export function sweepTube(
  mesh: MeshBuilder,
  path: readonly Vec3[],
  side: Vec3 | readonly Vec3[],
  section: TubeSection,
  caps = true,
): void {
  const count = path.length;
  const tangents = path.map((_, i) => normalize(sub(path[Math.min(count - 1, i + 1)]!, path[Math.max(0, i - 1)]!)));
  const frames: { w: Vec3; b: Vec3 }[] = [];
  if (Array.isArray(side)) {
    const normals = side as readonly Vec3[];
    let previous = normalize(cross(normals[0]!, tangents[0]!));
    for (let i = 0; i < count; i++) {
      const t = tangents[i]!;
      const w = normalize(cross(normals[i]!, t), previous);
      previous = w;
      frames.push({ w, b: normalize(cross(t, w)) });
    }
  } else {
    const start = side as Vec3;
    let w = normalize(addScaled(start, tangents[0]!, -dot(start, tangents[0]!)));
    for (let i = 0; i < count; i++) {
      const t = tangents[i]!;
      w = normalize(addScaled(w, t, -dot(w, t)), w);
      frames.push({ w, b: normalize(cross(t, w)) });
    }
  }
  let run = 0;
  const along = path.map((p, i) => (i === 0 ? 0 : (run += distance(p, path[i - 1]!))));
  const total = Math.max(run, 1e-9);
  const rings = path.map((p, i) => {
    const { w: wi, b } = frames[i]!;
    return Array.from({ length: section.sides + 1 }, (_, k) => {
      const a = (2 * Math.PI * k) / section.sides;
      const c = Math.cos(a);
      const s = Math.sin(a);
      const pos = add(addScaled(p, wi, section.width * c), scale(b, section.thickness * s));
      const nrm = add(scale(wi, c / section.width), scale(b, s / section.thickness));
      return mesh.addVertex(pos, nrm, along[i]! / total, k / section.sides);
    });
  });
  for (let i = 0; i < count - 1; i++)
    for (let k = 0; k < section.sides; k++)
      mesh.addQuadFacingNormals(rings[i]![k]!, rings[i + 1]![k]!, rings[i + 1]![k + 1]!, rings[i]![k + 1]!);
  if (!caps) return;
  for (const [i, dir] of [
    [0, -1],
    [count - 1, 1],
  ] as const) {
    const n = scale(tangents[i]!, dir);
    const centre = mesh.addVertex(path[i]!, n, 0.5, 0.5);
    const rim = rings[i]!.slice(0, section.sides).map((j) => mesh.addVertex(mesh.position(j), n, 0.5, 0.5));
    rim.forEach((j, k) => mesh.addTriangleFacingNormals(centre, j, rim[(k + 1) % rim.length]!));
  }
}

/** Adds an ellipsoid centred at `centre` with half-axes along the orthonormal `axes`. */
export function addEllipsoid(
  mesh: MeshBuilder,
  centre: Vec3,
  axes: readonly [Vec3, Vec3, Vec3],
  radii: readonly [number, number, number],
  segments = 10,
  rings = 6,
): void {
  const [ax, ay, az] = axes;
  const [rx, ry, rz] = radii;
  const grid: number[][] = [];
  for (let j = 0; j <= rings; j++) {
    const theta = (Math.PI * j) / rings;
    const row: number[] = [];
    for (let k = 0; k <= segments; k++) {
      const phi = (2 * Math.PI * k) / segments;
      const x = Math.sin(theta) * Math.cos(phi);
      const y = Math.cos(theta);
      const z = Math.sin(theta) * Math.sin(phi);
      const pos = add(add(addScaled(centre, ax, rx * x), scale(ay, ry * y)), scale(az, rz * z));
      const nrm = add(add(scale(ax, x / rx), scale(ay, y / ry)), scale(az, z / rz));
      row.push(mesh.addVertex(pos, nrm, k / segments, j / rings));
    }
    grid.push(row);
  }
  for (let j = 0; j < rings; j++)
    for (let k = 0; k < segments; k++)
      mesh.addQuadFacingNormals(grid[j]![k]!, grid[j]![k + 1]!, grid[j + 1]![k + 1]!, grid[j + 1]![k]!);
}
