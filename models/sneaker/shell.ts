import { MeshBuilder } from './meshBuilder.ts';
import { add, addScaled, cross, distance, dot, normalize, scale, sub, type Vec3 } from './vec.ts';

/** One sample of a padded shell's outer face. */
export interface ShellPoint {
  /** Outer face position. */
  readonly p: Vec3;
  /** Outward normal of the outer face. */
  readonly n: Vec3;
  /** Shell thickness here (the inner face is `p - n * thickness`). */
  readonly thickness: number;
}

/**
 * Builds a padded shell (tongue, heel tab) from a grid of outer-face samples `samples[w][u]`:
 * the outer face UV-mapped to exactly [0, 1]² (u across, v = w upward), the inner face, and a
 * rounded edge rolling from one to the other along the chosen sides.
 */
export function buildShell(
  samples: readonly (readonly ShellPoint[])[],
  edges: { readonly bottom: boolean },
): MeshBuilder {
  const mesh = new MeshBuilder();
  const rows = samples.length - 1;
  const cols = samples[0]!.length - 1;
  // Normals from the grid itself (the given ones only choose the side), so bends shade right.
  const grid = samples.map((row, j) =>
    row.map((s, i) => {
      const du = sub(row[Math.min(cols, i + 1)]!.p, row[Math.max(0, i - 1)]!.p);
      const dw = sub(samples[Math.min(rows, j + 1)]![i]!.p, samples[Math.max(0, j - 1)]![i]!.p);
      const n = normalize(cross(du, dw), s.n);
      return { ...s, n: dot(n, s.n) >= 0 ? n : scale(n, -1) };
    }),
  );
  const outer = grid.map((row, j) => row.map((s, i) => mesh.addVertex(s.p, s.n, i / cols, j / rows)));
  // Only the outer face carries the print: the back takes the (hidden) bottom-centre texel, and
  // the rounded edge the texel of the border it rolls over, so nothing shows mirrored or torn.
  const inner = grid.map((row) =>
    row.map((s) => mesh.addVertex(addScaled(s.p, s.n, -s.thickness), scale(s.n, -1), 0.5, 0)),
  );
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      mesh.addQuadFacingNormals(outer[j]![i]!, outer[j]![i + 1]!, outer[j + 1]![i + 1]!, outer[j + 1]![i]!);
      mesh.addQuadFacingNormals(inner[j]![i]!, inner[j]![i + 1]!, inner[j + 1]![i + 1]!, inner[j + 1]![i]!);
    }

  // Perimeter, walked up the u = 0 side, across the top, down the u = 1 side (and along the bottom).
  const perimeter: [number, number][] = [];
  for (let j = 0; j <= rows; j++) perimeter.push([j, 0]);
  for (let i = 1; i <= cols; i++) perimeter.push([rows, i]);
  for (let j = rows - 1; j >= 0; j--) perimeter.push([j, cols]);
  if (edges.bottom) for (let i = cols - 1; i >= 1; i--) perimeter.push([0, i]);
  const closed = edges.bottom;
  const centre = grid[Math.floor(rows / 2)]![Math.floor(cols / 2)]!.p;
  const segments = 5;
  const ringIds = perimeter.map(([j, i], k) => {
    const s = grid[j]![i]!;
    const prev = perimeter[closed ? (k - 1 + perimeter.length) % perimeter.length : Math.max(0, k - 1)]!;
    const next = perimeter[closed ? (k + 1) % perimeter.length : Math.min(perimeter.length - 1, k + 1)]!;
    const tangent = sub(grid[next[0]]![next[1]]!.p, grid[prev[0]]![prev[1]]!.p);
    // Outward in the shell's plane: away from the middle, perpendicular to the edge and the normal.
    let out = sub(s.p, centre);
    out = addScaled(out, s.n, -dot(out, s.n));
    const t = normalize(tangent);
    out = normalize(addScaled(out, t, -dot(out, t)));
    const mid = addScaled(s.p, s.n, -0.5 * s.thickness);
    const r = 0.5 * s.thickness;
    return Array.from({ length: segments + 1 }, (_, q) => {
      const phi = (Math.PI * q) / segments;
      const pos = add(addScaled(mid, s.n, r * Math.cos(phi)), scale(out, 0.85 * r * Math.sin(phi)));
      const nrm = add(scale(s.n, Math.cos(phi) / r), scale(out, Math.sin(phi) / (0.85 * r)));
      return mesh.addVertex(pos, nrm, i / cols, j / rows);
    });
  });
  const spans = closed ? perimeter.length : perimeter.length - 1;
  for (let k = 0; k < spans; k++) {
    const a = ringIds[k]!;
    const b = ringIds[(k + 1) % perimeter.length]!;
    if (distance(mesh.position(a[0]!), mesh.position(b[0]!)) < 1e-7) continue;
    for (let q = 0; q < segments; q++) mesh.addQuadFacingNormals(a[q]!, b[q]!, b[q + 1]!, a[q + 1]!);
  }
  return mesh;
}
