import { bisect, smoothstep } from '../shared/curves.ts';
import { add, addScaled, distance, normalize, scale, vec3, type Vec3 } from '../shared/vec.ts';
import { PrintableMesh } from '../shared/printableMesh.ts';
import { PRINT_ZONES, SLEEVE_ZONE_START } from './printZones.ts';
import { addGrid, addHalvingStrip, type GridSample, type GridZone } from './surfaceGrid.ts';
import { columnLength, torsoClearance, torsoCoordinates, torsoNormal, torsoPoint, tubeTopEll } from './torsoSurface.ts';
import {
  CUFF_LENGTH,
  FABRIC_THICKNESS,
  FABRIC_UV_METRES,
  LONG_SLEEVE_LENGTH,
  LONG_SLEEVE_WRIST_DROP,
  SHORT_SLEEVE_LENGTH,
  SHOULDER_X,
  SLEEVE_DROP,
  sleeveAcrossRadius,
  sleeveUpRadius,
} from './tshirtShape.ts';

/*
 * A sleeve is a tube swept down an axis in the vertical plane z = 0, leaving the shoulder at
 * {@link SLEEVE_DROP} below the horizontal; a = 0 is the ring whose outer side passes through
 * the shoulder point. Going inward (a < 0) the tube narrows and sinks into the torso, and where
 * it crosses the torso's surface is the armhole seam, found exactly for every column of the
 * sleeve (not left to two faceted surfaces cutting each other, which gives a ragged line where
 * they meet at a shallow angle over the shoulder). From the seam a short skirt tucks into the
 * torso so no gap shows. The short and the long sleeve share the axis, radii and seam up to the
 * end of the print zone and part only beyond it. Built for the wearer's left arm (+X) and
 * mirrored for the right.
 *
 * Around each ring the angle ψ is 2π on the sleeve's outer side (away from the body: up and out,
 * where a sleeve print goes) and grows toward the front (+Z); the fabric-UV seam runs under the
 * arm (ψ = π and 3π), where a sleeve's seam is.
 */

/** Which sleeve. */
export type SleeveStyle = 'short' | 'long';

/** Columns around each ring. */
const AROUND = 32;
/** The short sleeve's stitch line, this far above its edge. */
const STITCH_FROM_EDGE = 0.02;
const STITCH_DEPTH = 0.0006;
const FOLD_SEGMENTS = 4;
/** How much narrower the long sleeve's cuff is than the sleeve above it. */
const CUFF_TAKE_IN = 0.9;
/** The sleeve zone ends here, and the long sleeve starts bending only beyond it. */
const ZONE_END = SLEEVE_ZONE_START + PRINT_ZONES.leftSleeve.heightMm / 1000;
const BEND_START = ZONE_END + 0.02;
const BEND_END = 0.4;
/** Inside the torso the tube narrows by this fraction over this depth (its underside stays put). */
const ROOT_SHRINK = 0.45;
const ROOT_DEPTH = 0.04;
/** How far the skirt below the seam tucks into the torso, and how far the seam stands off it. */
const SKIRT_DEPTH = 0.005;
const SEAM_LIFT = 0.0003;
/**
 * Rings between the seam and the end of the print zone, by their distance along the axis (under
 * the arm, where the seam lies furthest out, they spread between the seam and {@link ZONE_END}).
 */
const ROOT_RINGS = [0.018, SLEEVE_ZONE_START, SLEEVE_ZONE_START + 0.027, SLEEVE_ZONE_START + 0.053, ZONE_END];

/** The shoulder point: on the torso's side column (θ = π/2) where it is {@link SHOULDER_X} out. */
export function shoulderPoint(): Vec3 {
  const theta = Math.PI / 2;
  const ell = bisect((l) => SHOULDER_X - torsoPoint(theta, l).x, tubeTopEll(theta), columnLength(theta));
  return torsoPoint(theta, ell);
}

function drop(style: SleeveStyle, a: number): number {
  if (style === 'short') return SLEEVE_DROP;
  return SLEEVE_DROP + (LONG_SLEEVE_WRIST_DROP - SLEEVE_DROP) * smoothstep(BEND_START, BEND_END, a);
}

/** The sleeve's axis at distance `a`: centre, direction, and the rings' up-and-out axis. */
interface AxisFrame {
  readonly centre: Vec3;
  readonly along: Vec3;
  readonly out: Vec3;
}

const frameCache = new Map<string, AxisFrame>();

function axisFrame(style: SleeveStyle, a: number): AxisFrame {
  const key = `${style}:${a}`;
  const known = frameCache.get(key);
  if (known) return known;
  const dir = (alpha: number): Vec3 => vec3(Math.cos(alpha), -Math.sin(alpha), 0);
  const up = (alpha: number): Vec3 => vec3(Math.sin(alpha), Math.cos(alpha), 0);
  let centre = addScaled(shoulderPoint(), up(SLEEVE_DROP), -sleeveUpRadius(0));
  if (a <= 0) centre = addScaled(centre, dir(SLEEVE_DROP), a);
  else {
    const step = 0.001;
    for (let s = 0; s < a; s += step) {
      const h = Math.min(step, a - s);
      centre = addScaled(centre, dir(drop(style, s + h / 2)), h);
    }
  }
  const frame = { centre, along: dir(drop(style, a)), out: up(drop(style, a)) };
  frameCache.set(key, frame);
  return frame;
}

/**
 * How cloth hangs on the sleeve beyond the print zone (a factor on the ring's radius at ψ): it
 * sags under the arm, and folds run round it, turning as they go down the sleeve, deepest toward
 * the hem or, on the long sleeve, where it bunches above the cuff. The print zone and the seam
 * stay smooth.
 */
function sleeveDrape(style: SleeveStyle, a: number, psi: number): number {
  const start = ZONE_END + 0.004;
  const grow = smoothstep(start, start + (style === 'short' ? 0.035 : 0.08), a);
  if (grow === 0) return 1;
  const length = style === 'short' ? SHORT_SLEEVE_LENGTH : LONG_SLEEVE_LENGTH;
  // Calm over the last centimetres, where the hem or the cuff holds the cloth in shape.
  const held = 1 - smoothstep(length - (style === 'short' ? 0.03 : CUFF_LENGTH + 0.01), length - (style === 'short' ? 0.012 : CUFF_LENGTH - 0.005), a);
  const turn = (a - start) / 0.05;
  const bunch = style === 'long' ? 1 + 0.8 * smoothstep(length - CUFF_LENGTH - 0.2, length - CUFF_LENGTH - 0.03, a) : 1;
  const sag = 0.1 * Math.max(0, -Math.cos(psi)) ** 2;
  const folds = bunch * (0.07 * Math.cos(3 * psi + 0.9 * turn) + 0.045 * Math.cos(5 * psi - 1.3 * turn + 0.6) + 0.025 * Math.cos(8 * psi + 2.1 * turn));
  return 1 + grow * held * (sag + folds);
}

/** The point of the sleeve's outer face at distance `a` along the axis and angle ψ, and its normal. */
function sleevePoint(style: SleeveStyle, a: number, psi: number): { p: Vec3; n: Vec3 } {
  const frame = axisFrame(style, a);
  const shrink = a < 0 ? 1 - ROOT_SHRINK * smoothstep(0, ROOT_DEPTH, -a) : 1;
  const cuff = style === 'long' ? 1 - (1 - CUFF_TAKE_IN) * smoothstep(LONG_SLEEVE_LENGTH - CUFF_LENGTH - 0.004, LONG_SLEEVE_LENGTH - CUFF_LENGTH, a) : 1;
  const drape = sleeveDrape(style, a, psi);
  const ru = sleeveUpRadius(Math.max(0, a)) * shrink * cuff * drape;
  const rc = sleeveAcrossRadius(Math.max(0, a)) * shrink * cuff * drape;
  // A narrowed ring keeps its underside on the tube's and lowers its top into the torso.
  const centre = addScaled(frame.centre, frame.out, -sleeveUpRadius(0) * (1 - shrink));
  const across = vec3(0, 0, 1);
  const c = Math.cos(psi);
  const s = Math.sin(psi);
  return {
    p: add(addScaled(centre, frame.out, ru * c), scale(across, rc * s)),
    n: normalize(add(scale(frame.out, c / ru), scale(across, s / rc))),
  };
}

/**
 * The angles ψ of the columns round a ring, from the underarm (ψ = π) via the outer side
 * (ψ = 2π) back to the underarm, evenly spaced but for the two moved onto the sleeve zone's
 * edges: 40 mm either side of the outer side, measured round the ring in the zone's middle.
 */
function ringColumns(): { psis: number[]; zoneCols: [number, number] } {
  const a = (SLEEVE_ZONE_START + ZONE_END) / 2;
  const ru = sleeveUpRadius(a);
  const rc = sleeveAcrossRadius(a);
  const arc = (to: number): number => {
    const steps = 200;
    let total = 0;
    for (let k = 0; k < steps; k++) {
      const t = (to * (k + 0.5)) / steps;
      total += Math.hypot(ru * Math.sin(t), rc * Math.cos(t)) * (to / steps);
    }
    return total;
  };
  const edge = bisect((t) => arc(t) - PRINT_ZONES.leftSleeve.widthMm / 2000, 0.1, 1.5);
  const psis = Array.from({ length: AROUND + 1 }, (_, k) => Math.PI + (2 * Math.PI * k) / AROUND);
  const nearest = (target: number): number => psis.reduce((best, p, k) => (Math.abs(p - target) < Math.abs(psis[best]! - target) ? k : best), 0);
  const lo = nearest(2 * Math.PI - edge);
  const hi = nearest(2 * Math.PI + edge);
  psis[lo] = 2 * Math.PI - edge;
  psis[hi] = 2 * Math.PI + edge;
  return { psis, zoneCols: [lo, hi] };
}

/** Where along the axis the sleeve's generator at ψ comes out of the torso. */
function seamA(psi: number): number {
  const lo = -ROOT_DEPTH;
  if (torsoClearance(sleevePoint('short', lo, psi).p) > -0.004)
    throw new Error(`sleeve: the root at ψ = ${psi.toFixed(3)} is not inside the torso; deepen or narrow the root`);
  return bisect((a) => torsoClearance(sleevePoint('short', a, psi).p), lo, ZONE_END);
}

interface SleeveRow {
  /** Distance along the axis of each column's vertex. */
  readonly as: readonly number[];
  readonly inset: number;
}

/**
 * The `sleeves` (short) or `sleevesLong` mesh: both sleeves, each an outer face from the armhole
 * seam, a folded hem or cuff edge, and an inner face (partly at half resolution) back to the seam. The
 * left sleeve carries the sleeve print zone in TEXCOORD_1; seen from outside, the artwork's top
 * is toward the shoulder and its left toward the front.
 */
export function buildSleeves(style: SleeveStyle): PrintableMesh {
  const T = FABRIC_THICKNESS;
  const length = style === 'short' ? SHORT_SLEEVE_LENGTH : LONG_SLEEVE_LENGTH;
  const { psis, zoneCols } = ringColumns();
  const seam = psis.map(seamA);
  const outerSeam = seam[AROUND / 2]!;
  // Over the print zone's columns the root rings stay square to the axis (so the zone is a true
  // rectangle); toward the underarm they spread between the seam and the zone's end instead.
  const zoneHalf = psis[zoneCols[1]]! - 2 * Math.PI;
  const spread = psis.map((psi) => smoothstep(zoneHalf, Math.PI / 2, Math.abs(psi - 2 * Math.PI)));
  const rootRow = (a: number): SleeveRow => ({
    as: seam.map((s, k) => {
      const spreadA = s + ((a - outerSeam) / (ZONE_END - outerSeam)) * (ZONE_END - s);
      return a + (spreadA - a) * spread[k]!;
    }),
    inset: 0,
  });
  const ring = (a: number, inset = 0): SleeveRow => ({ as: psis.map(() => a), inset });

  const rows: SleeveRow[] = [{ as: seam, inset: 0 }, ...ROOT_RINGS.map(rootRow)];
  const zone: [number, number] = [2, ROOT_RINGS.length];
  let facingA: number;
  if (style === 'short') {
    const stitch = length - STITCH_FROM_EDGE;
    rows.push(ring(0.13), ring(0.142), ring(0.154), ring(stitch - 0.003), ring(stitch, STITCH_DEPTH), ring(stitch + 0.003), ring(length));
    facingA = stitch - 0.008;
  } else {
    const cuffSeam = length - CUFF_LENGTH;
    const spans = Math.round((cuffSeam - 0.004 - ZONE_END) / 0.03);
    for (let k = 1; k <= spans; k++) rows.push(ring(ZONE_END + ((cuffSeam - 0.004 - ZONE_END) * k) / spans));
    rows.push(ring(cuffSeam), ring(cuffSeam + 0.02), ring(cuffSeam + 0.045), ring(length));
    facingA = cuffSeam + 0.003;
  }
  for (let k = 0; k < psis.length; k++)
    for (let i = 1; i < rows.length; i++)
      if (!(rows[i]!.as[k]! > rows[i - 1]!.as[k]! + 1e-4)) throw new Error(`sleeve: rings ${i - 1} and ${i} cross at ψ = ${psis[k]}`);

  const outer = rows.map((row, i) =>
    psis.map((psi, k) => {
      const { p, n } = sleevePoint(style, row.as[k]!, psi);
      // The seam ring sits on the torso's surface itself, a hair outside it.
      if (i === 0) {
        const at = torsoCoordinates(p);
        return { p: addScaled(torsoPoint(at.theta, at.ell), torsoNormal(at.theta, at.ell), SEAM_LIFT), n };
      }
      return { p: addScaled(p, n, -row.inset), n };
    }),
  );

  // The edge: fold from the last outer ring round to the inside, then the facing going back up.
  const last = outer[outer.length - 1]!;
  const along = axisFrame(style, length).along;
  const fold: { p: Vec3; n: Vec3 }[][] = [];
  for (let q = 1; q <= FOLD_SEGMENTS; q++) {
    const phi = (Math.PI * q) / FOLD_SEGMENTS;
    fold.push(
      last.map(({ p, n }) => {
        const dir = addScaled(scale(n, Math.cos(phi)), along, Math.sin(phi));
        return { p: addScaled(addScaled(p, n, -T / 2), dir, T / 2), n: dir };
      }),
    );
  }
  const inner = (a: number, psi: number): { p: Vec3; n: Vec3 } => {
    const { p, n } = sleevePoint(style, a, psi);
    return { p: addScaled(p, n, -T), n: scale(n, -1) };
  };
  const facing = psis.map((psi) => inner(facingA, psi));

  const grid = withFabricUvs([...outer, ...fold, facing]);
  const mesh = new PrintableMesh();
  const ids = addGrid(mesh, grid, [sleeveZone(grid, zone, zoneCols)]);

  // Inner face, from the facing back to the seam: every other column down the straight tube, all
  // of them again near the seam, where its end is seen against the torso's inside.
  const innerRows: SleeveRow[] = [];
  const from = facingA - 0.03;
  const spans = Math.max(1, Math.round((from - ZONE_END) / 0.045));
  for (let k = 0; k <= spans; k++) innerRows.push(ring(from - ((from - ZONE_END) * k) / spans));
  const coarse = psis.map((_, k) => k).filter((k) => k % 2 === 0);
  const innerIds = addGrid(mesh, withFabricUvs(innerRows.map((row) => coarse.map((k) => inner(row.as[k]!, psis[k]!)))));
  const seamRows: SleeveRow[] = [rootRow(ZONE_END - 0.03), rootRow(SLEEVE_ZONE_START), { as: seam, inset: 0 }];
  const seamIds = addGrid(mesh, withFabricUvs(seamRows.map((row) => psis.map((psi, k) => inner(row.as[k]!, psi)))));
  addHalvingStrip(mesh, ids[ids.length - 1]!, innerIds[0]!);
  addHalvingStrip(mesh, seamIds[0]!, innerIds[innerIds.length - 1]!);
  mesh.smoothNormalsByPosition();

  // The skirt: from just under the seam ring straight into the torso (its own hard-edged strip).
  const skirt = new PrintableMesh();
  const skirtRows = [0.00005, SKIRT_DEPTH].map((depth) =>
    outer[0]!.map(({ p }, k) => {
      const at = torsoCoordinates(p);
      const n = torsoNormal(at.theta, at.ell);
      return { p: addScaled(p, n, -depth - SEAM_LIFT), n: outer[0]![k]!.n, u: grid[0]![k]!.u, v: 0 };
    }),
  );
  addGrid(skirt, skirtRows);
  mesh.append(skirt);

  // The right sleeve: the left one mirrored in x = 0, without the print zone.
  const both = new PrintableMesh();
  both.append(mesh);
  both.append(mirroredInX(mesh));
  return both;
}

/** Fabric UVs in metres: u around each ring from the underarm, v along the sleeve. */
function withFabricUvs(rows: readonly { p: Vec3; n: Vec3 }[][]): GridSample[][] {
  let along = 0;
  return rows.map((row, i) => {
    if (i > 0) along += distance(row[0]!.p, rows[i - 1]![0]!.p);
    let around = 0;
    return row.map((s, k) => {
      if (k > 0) around += distance(s.p, row[k - 1]!.p);
      return { p: s.p, n: s.n, u: around / FABRIC_UV_METRES, v: along / FABRIC_UV_METRES };
    });
  });
}

/**
 * The sleeve zone on rings `rings[0]..rings[1]` and columns `cols`: v = 0 on the ring nearest
 * the shoulder; u runs from the front of the sleeve (ψ > 2π, toward +Z) to its back, as the
 * print is seen from outside, both by arc length on the fabric.
 */
function sleeveZone(grid: readonly (readonly GridSample[])[], rings: readonly [number, number], cols: readonly [number, number]): GridZone {
  const [top, bottom] = rings;
  const [u0, v0, u1, v1] = PRINT_ZONES.leftSleeve.uv;
  const runs = (points: Vec3[]): number[] => {
    const out = [0];
    for (let k = 1; k < points.length; k++) out.push(out[k - 1]! + distance(points[k]!, points[k - 1]!));
    return out.map((r) => r / out[out.length - 1]!);
  };
  const across = new Map<number, number[]>();
  for (let i = top; i <= bottom; i++) across.set(i, runs(grid[i]!.slice(cols[0], cols[1] + 1).map((s) => s.p)));
  const down = new Map<number, number[]>();
  for (let j = cols[0]; j <= cols[1]; j++) {
    const column: Vec3[] = [];
    for (let i = top; i <= bottom; i++) column.push(grid[i]![j]!.p);
    down.set(j, runs(column));
  }
  return {
    rows: [top, bottom],
    cols,
    printUv: (i, j) => [u1 - (u1 - u0) * across.get(i)![j - cols[0]]!, v0 + (v1 - v0) * down.get(j)![i - top]!],
  };
}

/** A copy of `mesh` mirrored in the plane x = 0 (winding reversed to keep faces outward), print UVs blank. */
function mirroredInX(mesh: PrintableMesh): PrintableMesh {
  const out = new PrintableMesh();
  for (let i = 0; i < mesh.vertexCount; i++) {
    const p = mesh.position(i);
    const n = mesh.normal(i);
    out.addVertex(vec3(-p.x, p.y, p.z), vec3(-n.x, n.y, n.z), mesh.uvs[2 * i]!, mesh.uvs[2 * i + 1]!);
  }
  for (let t = 0; t < mesh.indices.length; t += 3) out.addTriangle(mesh.indices[t]!, mesh.indices[t + 2]!, mesh.indices[t + 1]!);
  return out;
}
