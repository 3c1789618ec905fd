import { bisect, clamp } from './curves.ts';
import type { Side } from './footprint.ts';
import type { MeshBuilder } from './meshBuilder.ts';
import { buildShell, type ShellPoint } from './shell.ts';
import { upperPoint, upperTopV, upperVAtHeight } from './sneakerShape.ts';
import { LAYER } from './upperParts.ts';
import { upperNormal, upperUpTangent } from './upperSurface.ts';
import { addScaled, dot, normalize, vec3 } from './vec.ts';

const BOTTOM_Y = 0.061;
/** How far the tab stands above the collar edge. */
const RISE = 0.0115;
const HALF_WIDTH = 0.0128;
const THICKNESS = 0.0019;
const ROWS = 10;
const COLS = 6;

/** Collar height at the heel centre. */
const collarTopY = (): number => upperPoint('lateral', 0, upperTopV('lateral', 0)).y;

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
  const surfaceTop = collarTopY() - 0.0015;
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

/** The heel pull tab; its outer face is UV-mapped to [0, 1]² (u across, v up) for printing. */
export function buildHeelTab(): MeshBuilder {
  const grid = Array.from({ length: ROWS + 1 }, (_, j) =>
    Array.from({ length: COLS + 1 }, (_, i) => heelTabPoint(i / COLS, j / ROWS)),
  );
  return buildShell(grid, { bottom: true });
}
