import { clamp } from '../shared/curves.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';
import { PRINT_ZONES, TONGUE_ZONE_DROP } from './printZones.ts';
import { buildShell, type ShellPoint } from './shell.ts';
import { centreLine, zonedGrid, type ZoneGrid } from './shellGrid.ts';
import { upperParamsAt, upperPoint, VAMP_POINT_X } from './sneakerShape.ts';
import { liningThickness } from './lining.ts';
import { upperNormal } from './upperSurface.ts';
import { add, addScaled, distance, normalize, scale, sub, vec3 } from '../shared/vec.ts';

const BOTTOM_X = VAMP_POINT_X + 0.016;
/** Behind this x the tongue leaves the instep and stands free above the collar. */
const FREE_X = -0.036;
/** Share of the tongue's rows that lie under the upper. */
const FREE_W = 0.72;
const HALF_WIDTH = 0.0285;
const ROWS = 16;
/** Columns across the print zone, and between it and each side edge. */
const COLUMNS: Omit<ZoneGrid, 'halfWidth'> = { zone: 4, side: 3, straight: { reach: 0.08, blendRows: 3 } };

/** Half-width at height fraction `w`: straight sides, rounded shoulders at the top. */
function halfWidth(w: number): number {
  const q = clamp((w - 0.76) / 0.24, 0, 1);
  return HALF_WIDTH * (1 + 0.06 * clamp((w - 0.6) / 0.3, 0, 1)) * (1 - 0.5 * (1 - Math.sqrt(1 - q * q)));
}

/** Where the tongue lies under the upper: just inside the lining, so it tucks under the eyestays. */
function underUpper(x: number, offset: number): ShellPoint {
  const side = offset >= 0 ? 'lateral' : 'medial';
  const { sigma, v } = upperParamsAt(side, x, Math.abs(offset));
  const n = upperNormal(side, sigma, v);
  const depth = liningThickness(side, sigma, v) + 0.0009;
  return { p: addScaled(upperPoint(side, sigma, v), n, -depth), n, thickness: 0 };
}

/** Where the top edge of the tongue ends up (centre), standing above the collar's front. */
const TOP_CENTRE = vec3(-0.058, 0.1255, 0.002);
/** Direction the tongue points at its top edge: up and a little back, toward the shin. */
const TOP_DIRECTION = normalize(vec3(-0.12, 1, 0));

/**
 * A point of the tongue's outer face. In front of {@link FREE_X} it follows the inside of the
 * upper; behind, it sweeps up (a Hermite curve per column) to a flatter, more upright top edge,
 * so it rises out of the lace opening like a padded tongue. `u` runs across from the lateral
 * edge (0) to the medial edge (1), which is left to right when you face the shoe's front.
 */
export function tonguePoint(u: number, w: number): ShellPoint {
  const x = BOTTOM_X + (FREE_X - BOTTOM_X) * Math.min(1, w / FREE_W);
  const offset = (0.5 - u) * 2 * halfWidth(w);
  const thickness = 0.003 + 0.0058 * w * w;
  if (w <= FREE_W) return { ...underUpper(x, offset), thickness };
  const t = (w - FREE_W) / (1 - FREE_W);
  const base = underUpper(FREE_X, offset);
  const dir = normalize(sub(base.p, underUpper(FREE_X + 0.004, offset).p));
  const centre = underUpper(FREE_X, 0).p;
  // Lift the edges part of the way toward the centre so the free top is flatter than the instep.
  const end = add(addScaled(base.p, sub(TOP_CENTRE, centre), 1), vec3(0, 0.6 * (centre.y - base.p.y), 0));
  const span = distance(base.p, end);
  const h00 = 2 * t ** 3 - 3 * t * t + 1;
  const h10 = t ** 3 - 2 * t * t + t;
  const h01 = -2 * t ** 3 + 3 * t * t;
  const h11 = t ** 3 - t * t;
  const p = add(
    add(scale(base.p, h00), scale(dir, h10 * span)),
    add(scale(end, h01), scale(TOP_DIRECTION, h11 * span)),
  );
  return { p, n: base.n, thickness };
}

/**
 * The padded tongue. Its outer face is UV-mapped to [0, 1]² (u across, v up) and carries the
 * tongue print zone in TEXCOORD_1: centred across the free top, its top {@link TONGUE_ZONE_DROP}
 * below the top edge, read from the front of the shoe (u from the lateral edge to the medial,
 * image top toward the top edge). The zone's columns stand at equal steps of arc length across
 * the curved tongue, and the rows nearest its top and bottom edges are moved onto them.
 */
export function buildTongue(): PrintableMesh {
  const zone = PRINT_ZONES.tongue;
  const centre = centreLine(tonguePoint);
  const top = centre.at(TONGUE_ZONE_DROP);
  const bottom = centre.at(TONGUE_ZONE_DROP + zone.heightMm / 1000);
  // Rows bunch up toward the top, where the rounded edge needs them; the two nearest the zone's
  // edges move onto them, the others between follow piecewise linearly.
  const base = Array.from({ length: ROWS + 1 }, (_, j) => 1 - (1 - j / ROWS) ** 1.5);
  const nearest = (w: number): number => base.reduce((best, b, j) => (Math.abs(b - w) < Math.abs(base[best]! - w) ? j : best), 0);
  const zoneRows: [number, number] = [nearest(bottom), nearest(top)];
  if (!(zoneRows[0] > 0 && zoneRows[1] > zoneRows[0] && zoneRows[1] < ROWS)) throw new Error(`tongue: print zone rows ${zoneRows.join('…')}`);
  const knots: [number, number][] = [
    [0, 0],
    [base[zoneRows[0]]!, bottom],
    [base[zoneRows[1]]!, top],
    [1, 1],
  ];
  const ws = base.map((b) => {
    const k = Math.max(0, knots.findIndex(([x], n) => n > 0 && b <= x) - 1);
    const [[x0, y0], [x1, y1]] = [knots[k]!, knots[k + 1]!];
    return y0 + ((y1 - y0) * (b - x0)) / (x1 - x0);
  });
  const grid = zonedGrid(tonguePoint, ws, zoneRows, { ...COLUMNS, halfWidth: zone.widthMm / 2000 });
  return buildShell(grid.samples, {
    bottom: false,
    tex: (j, i) => [grid.us[j]![i]!, j / ROWS],
    print: { rows: zoneRows, cols: [COLUMNS.side, COLUMNS.side + COLUMNS.zone], rect: zone.uv },
  });
}
