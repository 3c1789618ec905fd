import { bisect, clamp } from './curves.ts';
import type { Side } from './footprint.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';
import { HEEL_TAB_ZONE_DROP, PRINT_ZONES } from './printZones.ts';
import { buildShell, type ShellPoint } from './shell.ts';
import { centreLine, rowsThrough, zonedGrid, type ZoneColumns } from './shellGrid.ts';
import { upperPoint, upperTopV, upperVAtHeight } from './sneakerShape.ts';
import { LAYER } from './upperParts.ts';
import { upperNormal, upperUpTangent } from './upperSurface.ts';
import { addScaled, dot, normalize, vec3 } from './vec.ts';

const BOTTOM_Y = 0.061;
/** How far the tab stands above the collar edge. */
const RISE = 0.0115;
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

function halfWidth(w: number): number {
  const q = clamp((w - 0.72) / 0.28, 0, 1);
  return HALF_WIDTH * (1 - 0.45 * (1 - Math.sqrt(1 - q * q)));
}

/**
 * A point of the heel tab's outer face. Below the collar it lies on the heel counter; above, it
 * carries on straight up, tipped slightly back, as a pull tab. `u` runs from the medial edge (0)
 * to the lateral edge (1), which is left to right when you face the heel.
 */
export function heelTabPoint(u: number, w: number): ShellPoint {
  const surfaceTop = surfaceTopY();
  const y = BOTTOM_Y + (collarTopY() + RISE - BOTTOM_Y) * w;
  const offset = (u - 0.5) * 2 * halfWidth(w);
  const lift = LAYER.heelCounter + 0.0002 + THICKNESS;
  const at = heelSheetAt(offset, Math.min(y, surfaceTop));
  const base = upperPoint(at.side, at.sigma, at.v);
  const n = upperNormal(at.side, at.sigma, at.v);
  if (y <= surfaceTop) return { p: addScaled(base, n, lift), n, thickness: THICKNESS };
  const dir = normalize(addScaled(upperUpTangent(at.side, at.sigma, at.v), vec3(1, 0, 0), -0.24));
  const bent = normalize(addScaled(n, dir, -dot(n, dir)));
  const p = addScaled(base, dir, (y - surfaceTop) / dir.y);
  return { p: addScaled(p, bent, lift), n: bent, thickness: THICKNESS };
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
  // Flat below the zone (two rows do), the zone, up to the bend, then the rounded free top.
  const ws = rowsThrough([0, bottom, top, bend, 1], [2, 2, 1, 5]);
  const zoneRows: [number, number] = [2, 4];
  const grid = zonedGrid(heelTabPoint, ws, zoneRows, { ...COLUMNS, halfWidth: zone.widthMm / 2000 });
  return buildShell(grid.samples, {
    bottom: true,
    tex: (j, i) => [grid.us[j]![i]!, ws[j]!],
    print: { rows: zoneRows, cols: [COLUMNS.side, COLUMNS.side + COLUMNS.zone], rect: zone.uv },
  });
}
