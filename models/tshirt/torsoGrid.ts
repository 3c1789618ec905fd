import { bisect } from '../shared/curves.ts';
import { cross, distance, length, sub } from '../shared/vec.ts';
import { ribEdgeEll } from './neckline.ts';
import { BACK_ZONE_DROP, FRONT_ZONE_DROP, PRINT_ZONES } from './printZones.ts';
import { ellAtHeight, HEM_START_Y, torsoPoint } from './torsoSurface.ts';
import { TUBE_TOP_Y } from './tshirtShape.ts';

/*
 * Where the torso's grid lines go: the column angles θ and the heights of the rows up the
 * straight tube. Both are chosen so that the print zones' edges fall exactly on grid lines (the
 * zones need a seam of doubled vertices there, see surfaceGrid.ts), and both are mirror-symmetric
 * about x = 0.
 */

/** Columns around the torso (a multiple of 4: a quarter each from the side to the front or back). */
export const TORSO_COLUMNS = 80;
/** The hem's stitch line: a groove pressed into the outer face, with a row either side. */
export const HEM_STITCH_Y = 0.022;
/** Roughly how far apart the rows up the straight tube are. */
const TUBE_ROW_SPACING = 0.042;

/** A print zone's block of the torso grid: its columns and the heights of its bottom and top rows. */
export interface TorsoZoneBlock {
  /** Column indices of the zone's left and right edges (as seen facing the zone: see body.ts). */
  readonly cols: readonly [number, number];
  readonly bottomY: number;
  readonly topY: number;
}

/** The grid layout of the torso. */
export interface TorsoLayout {
  /** θ of columns 0..N; column N repeats column 0 (the fabric-UV seam, down the wearer's right side). */
  readonly thetas: readonly number[];
  /** Heights of the tube's rows, from the hem's start to {@link TUBE_TOP_Y}. */
  readonly tubeYs: readonly number[];
  readonly front: TorsoZoneBlock;
  readonly back: TorsoZoneBlock;
}

/** Arc length along the row at height y from angle a to angle b. */
function rowArc(a: number, b: number, y: number): number {
  const steps = 200;
  let total = 0;
  let prev = torsoPoint(a, ellAtHeight(a, y));
  for (let k = 1; k <= steps; k++) {
    const t = a + ((b - a) * k) / steps;
    const p = torsoPoint(t, ellAtHeight(t, y));
    total += distance(p, prev);
    prev = p;
  }
  return total;
}

/** Curvature of the row at height y around angle θ (1/m), from three nearby points. */
function rowCurvature(theta: number, y: number): number {
  const h = 0.01;
  const [a, b, c] = [theta - h, theta, theta + h].map((t) => torsoPoint(t, ellAtHeight(t, y)));
  const ab = sub(b!, a!);
  const bc = sub(c!, b!);
  const ac = sub(c!, a!);
  return (2 * length(cross(ab, bc))) / (length(ab) * length(bc) * length(ac));
}

/**
 * Angles 0..π/2 offset from `base` (the front at 0, or the back at π going toward the side),
 * `count` intervals, spaced more closely where the chest section curves (the sides) than where
 * it is flat (front and back), so the silhouette stays round with few columns.
 */
function quarter(base: number, direction: 1 | -1, count: number): number[] {
  const y = 0.45;
  const steps = 400;
  const weights: number[] = [0];
  for (let k = 1; k <= steps; k++) {
    const t0 = base + (direction * (k - 1) * Math.PI) / 2 / steps;
    const t1 = base + (direction * k * Math.PI) / 2 / steps;
    const ds = distance(torsoPoint(t0, ellAtHeight(t0, y)), torsoPoint(t1, ellAtHeight(t1, y)));
    weights.push(weights[k - 1]! + ds * (1 + 0.06 * rowCurvature(0.5 * (t0 + t1), y)));
  }
  const total = weights[steps]!;
  const out: number[] = [];
  let k = 0;
  for (let j = 0; j <= count; j++) {
    const target = (total * j) / count;
    while (k < steps && weights[k + 1]! < target) k++;
    const f = k < steps ? (target - weights[k]!) / (weights[k + 1]! - weights[k]!) : 0;
    out.push(j === count ? base + (direction * Math.PI) / 2 : base + (direction * ((k + Math.min(1, Math.max(0, f))) * Math.PI)) / 2 / steps);
  }
  return out;
}

/** Moves the entry of `values` nearest to `target` (never the first or last) onto it. */
function snap(values: number[], target: number): number {
  let best = 1;
  for (let i = 1; i < values.length - 1; i++) if (Math.abs(values[i]! - target) < Math.abs(values[best]! - target)) best = i;
  values[best] = target;
  for (let i = 1; i < values.length; i++)
    if (!(values[i]! > values[i - 1]!) && !(values[i]! < values[i - 1]!))
      throw new Error(`torso grid: snapping to ${target} made two grid lines meet`);
  return best;
}

/** Builds the torso's grid layout, print zones included. */
export function torsoLayout(): TorsoLayout {
  const q = TORSO_COLUMNS / 4;
  // The chest zone: its top a fixed drop below the crew neckline's centre front.
  const frontTop = torsoPoint(0, ribEdgeEll('crew', 0)).y - FRONT_ZONE_DROP;
  const frontBottom = frontTop - PRINT_ZONES.front.heightMm / 1000;
  // The back zone's top may land on the top of the tube (within 2 mm it is put there), not above.
  const backNeckDrop = torsoPoint(Math.PI, ribEdgeEll('crew', Math.PI)).y - BACK_ZONE_DROP;
  const backTop = backNeckDrop > TUBE_TOP_Y - 0.002 ? TUBE_TOP_Y : backNeckDrop;
  const backBottom = backTop - PRINT_ZONES.back.heightMm / 1000;
  if (frontTop > TUBE_TOP_Y - 0.01 || backNeckDrop > TUBE_TOP_Y + 0.002)
    throw new Error('torso grid: the print zones must lie on the straight tube (below TUBE_TOP_Y)');

  // Half-widths as angles: where the row through the zone's middle is 140 mm from the centre line.
  const halfAngle = (base: number, direction: 1 | -1, y: number, halfWidth: number): number =>
    Math.abs(bisect((t) => rowArc(base, base + direction * t, y) - halfWidth, 0.05, 1.4));
  const frontHalf = halfAngle(0, 1, 0.5 * (frontTop + frontBottom), PRINT_ZONES.front.widthMm / 2000);
  const backHalf = halfAngle(Math.PI, -1, 0.5 * (backTop + backBottom), PRINT_ZONES.back.widthMm / 2000);

  const frontQuarter = quarter(0, 1, q); // 0 → π/2
  const backQuarter = quarter(Math.PI, -1, q); // π → π/2
  snap(frontQuarter, frontHalf);
  const backNegated = backQuarter.map((t) => -t); // ascending, for snap
  snap(backNegated, -(Math.PI - backHalf));
  const back = backNegated.map((t) => -t);

  // Column 0 at the wearer's right side (θ = −π/2), then front, left side, back, and round again.
  const thetas: number[] = [];
  for (let j = 0; j < q; j++) thetas.push(-frontQuarter[q - j]!);
  for (let j = 0; j < q; j++) thetas.push(frontQuarter[j]!);
  for (let j = 0; j < q; j++) thetas.push(back[q - j]!);
  for (let j = 0; j < q; j++) thetas.push(2 * Math.PI - back[j]!);
  thetas.push(thetas[0]!);

  // The hem: its fold, then the stitch line with a row 3 mm either side, then the tube proper.
  const tubeYs = [HEM_START_Y, 0.01, HEM_STITCH_Y - 0.003, HEM_STITCH_Y, HEM_STITCH_Y + 0.003];
  const start = 0.045;
  const spans = Math.round((TUBE_TOP_Y - start) / TUBE_ROW_SPACING);
  const upper: number[] = [];
  for (let k = 0; k <= spans; k++) upper.push(start + ((TUBE_TOP_Y - start) * k) / spans);
  for (const y of [frontBottom, frontTop, backBottom, ...(backTop < TUBE_TOP_Y ? [backTop] : [])]) snap(upper, y);
  tubeYs.push(...upper);

  const col = (theta: number): number => {
    const j = thetas.findIndex((t) => Math.abs(t - theta) < 1e-12);
    if (j < 0) throw new Error(`torso grid: no column at θ = ${theta}`);
    return j;
  };
  return {
    thetas,
    tubeYs,
    front: { cols: [col(-frontHalf), col(frontHalf)], bottomY: frontBottom, topY: frontTop },
    // Seen from behind, the zone's left edge is toward +X (θ < π) and its right toward −X.
    back: { cols: [col(Math.PI - backHalf), col(Math.PI + backHalf)], bottomY: backBottom, topY: backTop },
  };
}
