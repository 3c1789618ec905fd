import { addScaled, distance, scale } from '../shared/vec.ts';
import { bandPoint, necklineSections, ribWidth, type Neckline } from './neckline.ts';
import { PrintableMesh } from '../shared/printableMesh.ts';
import { addGrid, type GridSample } from './surfaceGrid.ts';
import { FABRIC_THICKNESS, FABRIC_UV_METRES, RIB_FOLD_RADIUS, RIB_LIFT } from './tshirtShape.ts';

/**
 * The rib's cross-section, from its outer edge on the body, up its outer face to the fold, round
 * the fold and back down its inner face (inside the neck opening). `across` is the fraction of
 * the band's width below the fold (−1 at the outer edge), `h` the height off the body's outer
 * face; points with `fold` set lie on the fold's half circle instead, at that angle from the
 * outer face.
 */
const SECTION: readonly { across: number; h: number; fold?: number }[] = [
  { across: -1, h: 0.0004 },
  { across: -0.9, h: RIB_LIFT * 0.9 },
  { across: -0.45, h: RIB_LIFT },
  { across: 0, h: RIB_LIFT },
  { across: 0, h: 0, fold: Math.PI / 4 },
  { across: 0, h: 0, fold: Math.PI / 2 },
  { across: 0, h: 0, fold: (3 * Math.PI) / 4 },
  { across: 0, h: -(FABRIC_THICKNESS + RIB_LIFT) },
  { across: -0.5, h: -(FABRIC_THICKNESS + RIB_LIFT) },
  { across: -1, h: -(FABRIC_THICKNESS + 0.0004) },
];

/**
 * A neck rib (`collar` for the crew, `collarV` for the V): a band lying on the body along the
 * neckline and folded over its edge to the inside, so the body's cut edge is never seen. Its
 * sections run across the edge (neckline.ts), mitred at the V's tip.
 */
export function buildCollarRib(neckline: Neckline): PrintableMesh {
  const mesh = new PrintableMesh();
  const width = ribWidth(neckline);
  const radius = RIB_FOLD_RADIUS;
  const centreH = RIB_LIFT - radius;
  const columns = necklineSections(neckline).map((section) =>
    SECTION.map(({ across, h, fold: phi }) => {
      if (phi !== undefined) {
        // The fold's half circle, rolling over the edge toward the opening.
        const { p, n, across: down, mitre } = section;
        const pos = addScaled(addScaled(p, n, centreH + radius * Math.cos(phi)), down, -radius * mitre * Math.sin(phi));
        return { p: pos, n: addScaled(scale(n, Math.cos(phi)), down, -Math.sin(phi)) };
      }
      const { p, n } = bandPoint(section, -across * width);
      return { p: addScaled(p, n, h), n: h >= 0 ? n : scale(n, -1) };
    }),
  );
  // Fabric UVs: u along the neckline, v across the section, both in metres of fabric.
  let along = 0;
  const grid: GridSample[][] = SECTION.map(() => []);
  columns.forEach((section, j) => {
    if (j > 0) along += distance(section[0]!.p, columns[j - 1]![0]!.p);
    let across = 0;
    section.forEach((s, k) => {
      if (k > 0) across += distance(s.p, section[k - 1]!.p);
      grid[k]!.push({ p: s.p, n: s.n, u: along / FABRIC_UV_METRES, v: across / FABRIC_UV_METRES });
    });
  });
  addGrid(mesh, grid);
  mesh.smoothNormalsByPosition();
  return mesh;
}
