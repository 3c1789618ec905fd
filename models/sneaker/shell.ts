import type { AtlasRect } from '../shared/printAtlas.ts';
import { arcFractions } from '../shared/arcFractions.ts';
import { PrintableMesh } from '../shared/printableMesh.ts';
import { add, addScaled, cross, distance, dot, normalize, scale, sub, type Vec3 } from '../shared/vec.ts';

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
 * A print zone on a block of a shell's outer face: grid rows `rows[0]` (its bottom edge) to
 * `rows[1]` (its top edge) and columns `cols[0]` to `cols[1]` (vertex indices, inclusive). Seen
 * from outside, the columns must run left to right and the rows upward.
 */
export interface ShellPrintZone {
  readonly rows: readonly [number, number];
  readonly cols: readonly [number, number];
  /** The zone's atlas rect: its top edge (v0) along row `rows[1]`, its left edge (u0) along column `cols[0]`. */
  readonly rect: AtlasRect;
}

/** How a shell is built besides its samples. */
export interface ShellOptions {
  /** Whether the rounded edge runs along the bottom too (else the bottom is left open, tucked away). */
  readonly bottom: boolean;
  /** TEXCOORD_0 of sample [row][col] (default: col / cols, row / rows). */
  readonly tex?: (row: number, col: number) => readonly [number, number];
  /** The print zone carried in TEXCOORD_1; every other vertex maps to the atlas's blank corner. */
  readonly print?: ShellPrintZone;
}

/**
 * Builds a padded shell (tongue, heel tab) from a grid of outer-face samples `samples[w][u]`:
 * the outer face UV-mapped to [0, 1]² (u across, v = w upward), the inner face, and a rounded
 * edge rolling from one to the other along the chosen sides. With a print zone, the zone's block
 * of the outer face is mapped onto its atlas rect by arc length (across each row, down each
 * column), on vertices of its own, so no triangle spans the zone's edge.
 */
export function buildShell(samples: readonly (readonly ShellPoint[])[], options: ShellOptions): PrintableMesh {
  const mesh = new PrintableMesh();
  const rows = samples.length - 1;
  const cols = samples[0]!.length - 1;
  const tex = options.tex ?? ((j: number, i: number): readonly [number, number] => [i / cols, j / rows]);
  // Normals from the grid itself (the given ones only choose the side), so bends shade right.
  const grid = samples.map((row, j) =>
    row.map((s, i) => {
      const du = sub(row[Math.min(cols, i + 1)]!.p, row[Math.max(0, i - 1)]!.p);
      const dw = sub(samples[Math.min(rows, j + 1)]![i]!.p, samples[Math.max(0, j - 1)]![i]!.p);
      const n = normalize(cross(du, dw), s.n);
      return { ...s, n: dot(n, s.n) >= 0 ? n : scale(n, -1) };
    }),
  );
  const outer = grid.map((row, j) => row.map((s, i) => mesh.addVertex(s.p, s.n, ...tex(j, i))));
  const printed = printedVertices(mesh, grid, tex, options.print);
  // Only the outer face carries the print: the back takes the (hidden) bottom-centre texel, and
  // the rounded edge the texel of the border it rolls over, so nothing shows mirrored or torn.
  const inner = grid.map((row) =>
    row.map((s) => mesh.addVertex(addScaled(s.p, s.n, -s.thickness), scale(s.n, -1), 0.5, 0)),
  );
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      const face = printed.inZone(j, i) ? printed.ids : outer;
      mesh.addQuadFacingNormals(face[j]![i]!, face[j]![i + 1]!, face[j + 1]![i + 1]!, face[j + 1]![i]!);
      mesh.addQuadFacingNormals(inner[j]![i]!, inner[j]![i + 1]!, inner[j + 1]![i + 1]!, inner[j + 1]![i]!);
    }

  // Perimeter, walked up the u = 0 side, across the top, down the u = 1 side (and along the bottom).
  const perimeter: [number, number][] = [];
  for (let j = 0; j <= rows; j++) perimeter.push([j, 0]);
  for (let i = 1; i <= cols; i++) perimeter.push([rows, i]);
  for (let j = rows - 1; j >= 0; j--) perimeter.push([j, cols]);
  if (options.bottom) for (let i = cols - 1; i >= 1; i--) perimeter.push([0, i]);
  const closed = options.bottom;
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
      return mesh.addVertex(pos, nrm, ...tex(j, i));
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

/**
 * The print zone's own copies of its block's outer-face vertices, carrying its atlas rect:
 * u by arc length along each row from the zone's left column, v by arc length down each column
 * from its top row (v runs down the atlas), so artwork lies on the face at its size, upright and
 * unmirrored seen from outside.
 */
function printedVertices(
  mesh: PrintableMesh,
  grid: readonly (readonly ShellPoint[])[],
  tex: (row: number, col: number) => readonly [number, number],
  zone: ShellPrintZone | undefined,
): { ids: number[][]; inZone(row: number, col: number): boolean } {
  if (!zone) return { ids: [], inZone: () => false };
  const [r0, r1] = zone.rows;
  const [c0, c1] = zone.cols;
  if (!(r0 >= 0 && r1 > r0 && r1 < grid.length && c0 >= 0 && c1 > c0 && c1 < grid[0]!.length))
    throw new Error(`buildShell: print zone rows ${r0}…${r1}, columns ${c0}…${c1} are not a block of the grid`);
  const [u0, v0, u1, v1] = zone.rect;
  const ids: number[][] = grid.map(() => []);
  const across = new Map<number, number[]>();
  for (let j = r0; j <= r1; j++) across.set(j, arcFractions(grid[j]!.slice(c0, c1 + 1).map((s) => s.p)));
  for (let i = c0; i <= c1; i++) {
    const down = arcFractions(Array.from({ length: r1 - r0 + 1 }, (_, k) => grid[r1 - k]![i]!.p));
    for (let j = r0; j <= r1; j++) {
      const s = grid[j]![i]!;
      const id = mesh.addVertex(s.p, s.n, ...tex(j, i));
      mesh.setPrintUv(id, u0 + (u1 - u0) * across.get(j)![i - c0]!, v0 + (v1 - v0) * down[r1 - j]!);
      ids[j]![i] = id;
    }
  }
  return { ids, inZone: (j, i) => j >= r0 && j < r1 && i >= c0 && i < c1 };
}
