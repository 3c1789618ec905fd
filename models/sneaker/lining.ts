import { clamp, smoothstep } from '../shared/curves.ts';
import { SIDES, type Side } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { floorY, upperPoint, upperTopV, upperVAtHeight, VAMP_POINT_SIGMA } from './sneakerShape.ts';
import { upperNormal, upperUpTangent } from './upperSurface.ts';
import { LAYER, upperColumnStations } from './upperParts.ts';
import { add, addScaled, cross, distance, dot, normalize, scale, sub, vec3, type Vec3 } from '../shared/vec.ts';

/** Lining thickness below the last: thicker near the collar, where the padding is. */
export function liningThickness(side: Side, sigma: number, v: number): number {
  const top = upperTopV(side, sigma);
  const x = upperPoint(side, sigma, top).x;
  const pad = 0.0015 + 0.0042 * (1 - smoothstep(-0.065, -0.03, x));
  const s = clamp((v - (top - 0.2)) / 0.2, 0, 1);
  return 0.0028 + pad * s * s * (3 - 2 * s);
}

const LINING_ROWS = 4;
const LINING_MAX_X = 0.012;
const RIM_SEGMENTS = 4;

/** The lining: the inner face of the upper (padded toward the collar) and the footbed. */
export function buildLining(): MeshBuilder {
  const columns = upperColumnStations.filter((sigma) =>
    SIDES.every((side) => upperPoint(side, sigma, 0).x < LINING_MAX_X),
  );
  const walls = new MeshBuilder();
  const bottoms: Record<Side, number[]> = { lateral: [], medial: [] };
  const fronts: Record<Side, number[]> = { lateral: [], medial: [] };
  for (const side of SIDES) {
    const grid = columns.map((sigma) => {
      const x0 = upperPoint(side, sigma, 0).x;
      const v0 = upperVAtHeight(side, sigma, floorY(x0));
      const v1 = upperTopV(side, sigma);
      return Array.from({ length: LINING_ROWS + 1 }, (_, j) => {
        const v = j === LINING_ROWS ? v1 : v0 + ((v1 - v0) * j) / LINING_ROWS;
        const n = upperNormal(side, sigma, v);
        const p = addScaled(upperPoint(side, sigma, v), n, -liningThickness(side, sigma, v));
        return walls.addVertex(p, scale(n, -1), (side === 'lateral' ? 0.02 : 0.52) + 0.46 * sigma, 0.55 + 0.4 * v);
      });
    });
    bottoms[side] = grid.map((col) => col[0]!);
    fronts[side] = grid[grid.length - 1]!;
    for (let i = 0; i < columns.length - 1; i++)
      for (let j = 0; j < LINING_ROWS; j++)
        walls.addQuadFacingNormals(grid[i]![j]!, grid[i + 1]![j]!, grid[i + 1]![j + 1]!, grid[i]![j + 1]!);
  }
  walls.smoothNormalsByPosition();

  const lining = new MeshBuilder();
  lining.append(walls);
  lining.append(buildFootbed(walls, bottoms));
  // Close the lining's front end so nothing shows through from the collar toward the toe.
  lining.append(buildFan([...fronts.lateral, ...fronts.medial.slice(0, -1).reverse()].map((i) => walls.position(i)), vec3(-1, 0, 0)));
  return lining;
}

/** The footbed: a fan over the lining's bottom edge. */
function buildFootbed(walls: MeshBuilder, bottoms: Record<Side, number[]>): MeshBuilder {
  const ring = [...bottoms.lateral, ...bottoms.medial.slice(1).reverse()].map((i) => walls.position(i));
  return buildFan(ring, vec3(0, 1, 0));
}

/** A flat-shaded fan over a closed ring of points, facing `normal`. */
function buildFan(ring: readonly Vec3[], normal: Vec3): MeshBuilder {
  const centre = scale(ring.reduce((acc, p) => add(acc, p), vec3(0, 0, 0)), 1 / ring.length);
  const mesh = new MeshBuilder();
  const uvOf = (p: Vec3): [number, number] => [0.5 + (p.x + p.y) / 0.32, 0.5 + p.z / 0.32];
  const c = mesh.addVertex(centre, normal, ...uvOf(centre));
  const ids = ring.map((p) => mesh.addVertex(p, normal, ...uvOf(p)));
  ids.forEach((id, k) => mesh.addTriangleFacingNormals(c, id, ids[(k + 1) % ids.length]!));
  return mesh;
}

/**
 * The rolled top edge round the collar and the lace opening: a half-round from the outer
 * leather over to the lining, standing a little proud of the cut like a padded collar.
 */
export function buildCollarRoll(): MeshBuilder {
  const open = upperColumnStations.filter((sigma) => sigma < VAMP_POINT_SIGMA);
  const loop: { side: Side; sigma: number }[] = [
    ...open.map((sigma) => ({ side: 'lateral' as const, sigma })),
    { side: 'lateral', sigma: VAMP_POINT_SIGMA },
    ...open
      .slice(1)
      .reverse()
      .map((sigma) => ({ side: 'medial' as const, sigma })),
  ];
  const points = loop.map(({ side, sigma }) => {
    const v = upperTopV(side, sigma);
    return { side, sigma, v, p: upperPoint(side, sigma, v), n: upperNormal(side, sigma, v) };
  });
  const count = points.length;
  const tangents = points.map((_, i) => normalize(sub(points[(i + 1) % count]!.p, points[(i - 1 + count) % count]!.p)));
  const sign = dot(cross(tangents[0]!, points[0]!.n), upperUpTangent('lateral', 0, points[0]!.v)) >= 0 ? 1 : -1;
  let run = 0;
  const along = points.map((pt, i) => (i === 0 ? 0 : (run += distance(pt.p, points[i - 1]!.p))));
  const total = run + distance(points[0]!.p, points[count - 1]!.p);

  const mesh = new MeshBuilder();
  const rings = points.map((pt, i) => {
    const up = scale(normalize(cross(tangents[i]!, pt.n)), sign);
    const outer = LAYER.quarter;
    const inner = liningThickness(pt.side, pt.sigma, pt.v);
    const radius = 0.5 * (outer + inner);
    const rise = 0.85 * radius;
    const centre = addScaled(pt.p, pt.n, 0.5 * (outer - inner));
    return Array.from({ length: RIM_SEGMENTS + 1 }, (_, k) => {
      const phi = (Math.PI * k) / RIM_SEGMENTS;
      const pos = add(addScaled(centre, pt.n, radius * Math.cos(phi)), scale(up, rise * Math.sin(phi)));
      const nrm = add(scale(pt.n, Math.cos(phi) / radius), scale(up, Math.sin(phi) / rise));
      return mesh.addVertex(pos, nrm, along[i]! / total, k / RIM_SEGMENTS);
    });
  });
  for (let i = 0; i < count; i++) {
    const a = rings[i]!;
    const b = rings[(i + 1) % count]!;
    for (let k = 0; k < RIM_SEGMENTS; k++) mesh.addQuadFacingNormals(a[k]!, b[k]!, b[k + 1]!, a[k + 1]!);
  }
  return mesh;
}
