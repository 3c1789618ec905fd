import type { Vec3 } from '../shared/vec.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';

/** One grid vertex: position, a normal that says which side is out, and fabric UVs. */
export interface GridSample {
  readonly p: Vec3;
  readonly n: Vec3;
  readonly u: number;
  readonly v: number;
}

/**
 * A print zone laid on a block of grid cells: rows `rows[0]..rows[1]` and columns
 * `cols[0]..cols[1]` (vertex indices, inclusive), with the atlas UV of each vertex of the block.
 */
export interface GridZone {
  readonly rows: readonly [number, number];
  readonly cols: readonly [number, number];
  printUv(row: number, col: number): readonly [number, number];
}

/**
 * Adds a grid of quads `grid[row][col]` to `mesh`, each facing its samples' normals, and returns
 * the vertex ids (the blank-print copy of each sample). The vertices on a zone's border are
 * doubled: the copy used by the zone's cells carries the zone's atlas UV and the copy used by the
 * cells outside carries the blank corner's, so no triangle stretches across the atlas between a
 * zone and the blank corner (which would smear the other zones' artwork over the fabric).
 */
export function addGrid(mesh: PrintableMesh, grid: readonly (readonly GridSample[])[], zones: readonly GridZone[] = []): number[][] {
  const ids = grid.map((row) => row.map((s) => mesh.addVertex(s.p, s.n, s.u, s.v)));
  const zoneCopies = zones.map(() => new Map<number, number>());
  const vertex = (row: number, col: number, zone: number): number => {
    if (zone < 0) return ids[row]![col]!;
    const key = row * 65536 + col;
    let id = zoneCopies[zone]!.get(key);
    if (id === undefined) {
      const s = grid[row]![col]!;
      id = mesh.addVertex(s.p, s.n, s.u, s.v);
      const [u, v] = zones[zone]!.printUv(row, col);
      mesh.setPrintUv(id, u, v);
      zoneCopies[zone]!.set(key, id);
    }
    return id;
  };
  for (let i = 0; i + 1 < grid.length; i++)
    for (let j = 0; j + 1 < grid[i]!.length; j++) {
      const zone = zones.findIndex((z) => i >= z.rows[0] && i < z.rows[1] && j >= z.cols[0] && j < z.cols[1]);
      mesh.addQuadFacingNormals(vertex(i, j, zone), vertex(i, j + 1, zone), vertex(i + 1, j + 1, zone), vertex(i + 1, j, zone));
    }
  return ids;
}

/**
 * Stitches a row of `2k + 1` vertices to a row of `k + 1` (every other column), e.g. where a
 * hem's facing at full resolution meets a coarser inner shell.
 */
export function addHalvingStrip(mesh: PrintableMesh, fine: readonly number[], coarse: readonly number[]): void {
  if (fine.length !== 2 * coarse.length - 1) throw new Error(`addHalvingStrip: ${fine.length} fine vertices for ${coarse.length} coarse`);
  for (let k = 0; k + 1 < coarse.length; k++) {
    const [a, b, c] = [fine[2 * k]!, fine[2 * k + 1]!, fine[2 * k + 2]!];
    const [p, q] = [coarse[k]!, coarse[k + 1]!];
    mesh.addTriangleFacingNormals(a, b, p);
    mesh.addTriangleFacingNormals(b, q, p);
    mesh.addTriangleFacingNormals(b, c, q);
  }
}
