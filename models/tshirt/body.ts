import { addScaled, distance, scale, type Vec3 } from '../shared/vec.ts';
import { bodyEdgeEll, checkNecklineFit } from './neckline.ts';
import { arcFractions } from '../shared/arcFractions.ts';
import { PrintableMesh } from '../shared/printableMesh.ts';
import { PRINT_ZONES, type PrintZone } from './printZones.ts';
import { addGrid, addHalvingStrip, type GridSample, type GridZone } from './surfaceGrid.ts';
import { HEM_STITCH_Y, type TorsoLayout, type TorsoZoneBlock } from './torsoGrid.ts';
import { ellAtHeight, torsoNormal, torsoPoint, torsoUpTangent, tubeTopEll } from './torsoSurface.ts';
import { FABRIC_THICKNESS, FABRIC_UV_METRES } from './tshirtShape.ts';

/** Rows from the top of the tube over the shoulders to the neck opening. */
const CAP_ROWS = 14;
/** How high the hem's turned-up facing reaches inside. */
const FACING_TOP_Y = 0.028;
/** How deep the hem's stitching presses into the fabric. */
const STITCH_DEPTH = 0.0006;
/** Segments of the hem's fold, outer face to inner face. */
const FOLD_SEGMENTS = 4;

/** One row of the torso grid: arc length up each column, and a push into the fabric. */
interface Row {
  readonly ells: readonly number[];
  readonly inset: number;
}

/**
 * The `body` mesh: the torso's outer face from the hem to the neck opening, the hem folded
 * round to a short facing inside, and the inner face (at half resolution, as it is seen only
 * through the openings). The chest and upper back carry the front and back print zones in
 * TEXCOORD_1; everything else maps to the atlas's blank corner.
 */
export function buildBody(layout: TorsoLayout): PrintableMesh {
  const { thetas } = layout;
  checkNecklineFit(thetas);
  const mesh = new PrintableMesh();
  const T = FABRIC_THICKNESS;

  const rows: Row[] = layout.tubeYs.map((y) => ({ ells: thetas.map((t) => ellAtHeight(t, y)), inset: y === HEM_STITCH_Y ? STITCH_DEPTH : 0 }));
  const capStart = thetas.map(tubeTopEll);
  const capEnd = thetas.map(bodyEdgeEll);
  for (let k = 1; k <= CAP_ROWS; k++)
    rows.push({ ells: thetas.map((_, j) => capStart[j]! + ((capEnd[j]! - capStart[j]!) * k) / CAP_ROWS), inset: 0 });

  // Fabric UVs: u is the arc length along the row from the seam, v the arc length up the column.
  const sample = (j: number, ell: number, offset: number, n: Vec3): GridSample => ({
    p: addScaled(torsoPoint(thetas[j]!, ell), torsoNormal(thetas[j]!, ell), -offset),
    n,
    u: 0,
    v: ell / FABRIC_UV_METRES,
  });
  const withRowU = (row: GridSample[]): GridSample[] => {
    let run = 0;
    return row.map((s, j) => {
      if (j > 0) run += distance(s.p, row[j - 1]!.p);
      return { ...s, u: run / FABRIC_UV_METRES };
    });
  };
  const outer = rows.map((row) =>
    withRowU(row.ells.map((ell, j) => sample(j, ell, row.inset, torsoNormal(thetas[j]!, ell)))),
  );

  // The hem: from the inner facing, down and round the fold, up into the outer face's first row.
  const facingEll = thetas.map((t) => ellAtHeight(t, FACING_TOP_Y));
  const inner = (j: number, ell: number): GridSample => sample(j, ell, T, scale(torsoNormal(thetas[j]!, ell), -1));
  const fold: GridSample[][] = [];
  for (let q = FOLD_SEGMENTS; q >= 1; q--) {
    const phi = (Math.PI * q) / FOLD_SEGMENTS;
    fold.push(
      thetas.map((t, j) => {
        const ell = rows[0]!.ells[j]!;
        const n = torsoNormal(t, ell);
        const down = scale(torsoUpTangent(t, ell), -1);
        const centre = addScaled(torsoPoint(t, ell), n, -T / 2);
        const dir = addScaled(scale(n, Math.cos(phi)), down, Math.sin(phi));
        return { p: addScaled(centre, dir, T / 2), n: dir, u: 0, v: 0 };
      }),
    );
  }
  const grid = [withRowU(facingEll.map((ell, j) => inner(j, ell))), ...fold.map(withRowU), ...outer];
  const firstOuterRow = 1 + FOLD_SEGMENTS;

  const rowOfY = (y: number): number => firstOuterRow + layout.tubeYs.findIndex((t) => t === y);
  const zones = [zoneOn(grid, layout.front, PRINT_ZONES.front, rowOfY), zoneOn(grid, layout.back, PRINT_ZONES.back, rowOfY)];
  const ids = addGrid(mesh, grid, zones);

  // Inner face, every other column, from above the facing to the neck: every third row up the
  // straight tube, every other one over the shoulders.
  const coarseCols = thetas.map((_, j) => j).filter((j) => j % 2 === 0);
  const tubeRows = layout.tubeYs.length;
  const innerRows = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row, i }) => row.ells[0]! > facingEll[0]! + 0.01 && (i < tubeRows ? i % 3 === 0 : (i - tubeRows) % 2 === 1 || i === rows.length - 1));
  const innerGrid = innerRows.map(({ row }) => withRowU(coarseCols.map((j) => inner(j, row.ells[j]!))));
  const innerIds = addGrid(mesh, innerGrid);
  addHalvingStrip(mesh, ids[0]!, innerIds[0]!);

  mesh.smoothNormalsByPosition();
  return mesh;
}

/**
 * The print zone on a block of the torso grid: u across the block by arc length along each row,
 * v down it by arc length along each column, so the artwork lies on the fabric undistorted. The
 * block's columns run left to right as seen facing the zone, and v = 0 is its top row.
 */
function zoneOn(
  grid: readonly (readonly GridSample[])[],
  block: TorsoZoneBlock,
  zone: PrintZone,
  rowOfY: (y: number) => number,
): GridZone {
  const [c0, c1] = block.cols;
  const r0 = rowOfY(block.bottomY);
  const r1 = rowOfY(block.topY);
  if (r0 < 0 || r1 <= r0 || c1 <= c0) throw new Error(`body: print zone rows ${r0}…${r1}, columns ${c0}…${c1} are not a block`);
  const [u0, v0, u1, v1] = zone.uv;
  const across = new Map<number, number[]>();
  for (let i = r0; i <= r1; i++) across.set(i, arcFractions(grid[i]!.slice(c0, c1 + 1).map((s) => s.p)));
  const down = new Map<number, number[]>();
  for (let j = c0; j <= c1; j++) {
    const column: Vec3[] = [];
    for (let i = r1; i >= r0; i--) column.push(grid[i]![j]!.p);
    down.set(j, arcFractions(column));
  }
  return {
    rows: [r0, r1],
    cols: [c0, c1],
    printUv: (i, j) => [u0 + (u1 - u0) * across.get(i)![j - c0]!, v0 + (v1 - v0) * down.get(j)![r1 - i]!],
  };
}
