import { bisect, clamp } from '../shared/curves.ts';
import type { Side } from './footprint.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';
import { HEEL_TAB_ZONE_DROP, PRINT_ZONES } from './printZones.ts';
import { buildShell, type ShellPoint } from './shell.ts';
import { centreLine, rowsThrough, zonedGrid, type ZoneColumns } from './shellGrid.ts';
import { upperPoint, upperTopV, upperVAtHeight } from './sneakerShape.ts';
import { LAYER } from './upperParts.ts';
import { upperNormal, upperUpTangent } from './upperSurface.ts';
import { add, addScaled, dot, normalize, scale, vec3 } from '../shared/vec.ts';

const BOTTOM_Y = 0.061;
/** How far the tab stands above the collar edge (before the loop is laid out along it). */
const RISE = 0.0115;
/**
 * The pull loop above the collar: up this far, over a half circle of this radius, then back down
 * to this height above the bend (clear of the print zone below it), where it curls into the tab.
 */
const LOOP_UP = 0.0105;
const LOOP_RADIUS = 0.005;
const LOOP_END = 0.0042;
const HALF_WIDTH = 0.0128;
const THICKNESS = 0.0019;
/** Columns across the print zone, and between it and each side edge. */
const COLUMNS: Omit<ZoneColumns, 'halfWidth'> = { zone: 4, side: 1 };

/** Collar height at the heel centre. */
const collarTopY = (): number => upperPoint('lateral', 0, upperTopV('lateral', 0)).y;
/** Height of the bend where the tab leaves the heel counter and rises free above the collar. */
const surfaceTopY = (): number => collarTopY() - 0.0015;
/** The tab's height fraction `w` at height `y` (before the rocker bend). */
const wAtY = (y: number): number => (y - BOTTOM_Y) / (collarTopY() + RISE - BOTTOM_Y);

/** The sheet point at height `y` that lies `offset` (m, + lateral) round the heel from its centre. */
function heelSheetAt(offset: number, y: number): { side: Side; sigma: number; v: number } {
  const side: Side = offset >= 0 ? 'lateral' : 'medial';
  const back = upperPoint(side, 0, upperVAtHeight(side, 0, y));
  const sigma =
    offset === 0
      ? 0
      : bisect((s) => {
          const p = upperPoint(side, s, upperVAtHeight(side, s, y));
          return Math.hypot(p.x - back.x, p.z - back.z) - Math.abs(offset);
        }, 0, 0.3);
  return { side, sigma, v: upperVAtHeight(side, sigma, y) };
}

/** Half the tab's width: the full width on the heel counter, a little narrower round the loop. */
function halfWidth(w: number): number {
  const bend = wAtY(surfaceTopY());
  return HALF_WIDTH * (1 - 0.16 * clamp((w - bend) / (0.25 * (1 - bend)), 0, 1) ** 2);
}

/**
 * The loop's centre line above the bend, `s` from 0 (the bend) to 1 (its end): `a` along the
 * rising tab, `b` backward, away from the heel, and the unit tangent (ta, tb). Up, over a half
 * circle, down, and curling in to end against the rising leg, so the loop is closed and a finger
 * goes through it.
 */
function loopPath(s: number): { a: number; b: number; ta: number; tb: number } {
  const r = LOOP_RADIUS;
  const tuck = 0.003;
  const depth = 2 * r - THICKNESS;
  const pieces = [LOOP_UP, Math.PI * r, LOOP_UP - LOOP_END - tuck, (Math.PI / 2) * Math.sqrt((tuck * tuck + depth * depth) / 2)];
  const total = pieces.reduce((sum, l) => sum + l, 0);
  let d = clamp(s, 0, 1) * total;
  if (d <= pieces[0]!) return { a: d, b: 0, ta: 1, tb: 0 };
  d -= pieces[0]!;
  if (d <= pieces[1]!) {
    const phi = d / r;
    return { a: LOOP_UP + r * Math.sin(phi), b: r - r * Math.cos(phi), ta: Math.cos(phi), tb: Math.sin(phi) };
  }
  d -= pieces[1]!;
  if (d <= pieces[2]!) return { a: LOOP_UP - d, b: 2 * r, ta: -1, tb: 0 };
  d -= pieces[2]!;
  const psi = (Math.PI / 2) * Math.min(1, d / pieces[3]!);
  const ta = -tuck * Math.cos(psi);
  const tb = -depth * Math.sin(psi);
  const l = Math.hypot(ta, tb);
  return { a: LOOP_END + tuck - tuck * Math.sin(psi), b: THICKNESS + depth * Math.cos(psi), ta: ta / l, tb: tb / l };
}

/**
 * A point of the heel tab's outer face. Below the collar it lies on the heel counter; above, it
 * rises, tipped slightly back, and turns over backward into a closed pull loop. `u` runs from the
 * medial edge (0) to the lateral edge (1), which is left to right when you face the heel.
 */
export function heelTabPoint(u: number, w: number): ShellPoint {
  const surfaceTop = surfaceTopY();
  const bend = wAtY(surfaceTop);
  const y = BOTTOM_Y + (collarTopY() + RISE - BOTTOM_Y) * w;
  const offset = (u - 0.5) * 2 * halfWidth(w);
  const lift = LAYER.heelCounter + 0.0002 + THICKNESS;
  const at = heelSheetAt(offset, Math.min(y, surfaceTop));
  const base = upperPoint(at.side, at.sigma, at.v);
  const n = upperNormal(at.side, at.sigma, at.v);
  if (y <= surfaceTop) return { p: addScaled(base, n, lift), n, thickness: THICKNESS };
  const dir = normalize(addScaled(upperUpTangent(at.side, at.sigma, at.v), vec3(1, 0, 0), -0.24));
  const bent = normalize(addScaled(n, dir, -dot(n, dir)));
  const { a, b, ta, tb } = loopPath((w - bend) / (1 - bend));
  // The face that looks back on the heel counter looks into the loop once it has turned over.
  const face = normalize(add(scale(dir, -tb), scale(bent, ta)));
  return { p: addScaled(addScaled(addScaled(base, bent, lift), dir, a), bent, b), n: face, thickness: THICKNESS };
}

/**
 * The heel pull tab. Its outer face is UV-mapped to [0, 1]² (u across, v up) and carries the
 * heel-tab print zone in TEXCOORD_1: centred across the flat stretch on the heel counter, its top
 * {@link HEEL_TAB_ZONE_DROP} below the bend where the tab rises above the collar, read from
 * behind (u from the medial edge to the lateral, image top up). Rows run through the zone's
 * edges and the bend; the zone's columns stand at equal steps of arc length round the heel.
 */
export function buildHeelTab(): PrintableMesh {
  const zone = PRINT_ZONES.heelTab;
  const centre = centreLine(heelTabPoint);
  const bend = wAtY(surfaceTopY());
  const top = centre.at(centre.belowTop(bend) + HEEL_TAB_ZONE_DROP);
  const bottom = centre.at(centre.belowTop(top) + zone.heightMm / 1000);
  // Flat below the zone (two rows do), the zone, up to the bend, then round the loop.
  const ws = rowsThrough([0, bottom, top, bend, 1], [2, 2, 1, 18]);
  const zoneRows: [number, number] = [2, 4];
  const grid = zonedGrid(heelTabPoint, ws, zoneRows, { ...COLUMNS, halfWidth: zone.widthMm / 2000 });
  return buildShell(grid.samples, {
    bottom: true,
    tex: (j, i) => [grid.us[j]![i]!, ws[j]!],
    print: { rows: zoneRows, cols: [COLUMNS.side, COLUMNS.side + COLUMNS.zone], rect: zone.uv },
  });
}
