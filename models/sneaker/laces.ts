import { SIDES, type Side } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { EYELET_XS, EYESTAY_WIDTH, laceGap, upperParamsAt, upperPoint } from './sneakerShape.ts';
import { bisect } from '../shared/curves.ts';
import { drapeOver, trianglesOf } from './drape.ts';
import { catmullRomPath } from '../shared/catmullRomPath.ts';
import { addEllipsoid, sweepTube, type TubeSection } from './sweep.ts';
import { LAYER } from './upperParts.ts';
import { upperNormal } from './upperSurface.ts';
import { add, addScaled, cross, distance, lerp, normalize, scale, sub, vec3, type Vec3 } from '../shared/vec.ts';

/** An eyelet: its centre on top of the eyestay and the outward normal there. */
export interface Eyelet {
  readonly side: Side;
  readonly row: number;
  readonly p: Vec3;
  readonly n: Vec3;
}

/** The twelve eyelets, six per side along the middle of each eyestay. */
export function eyelets(): Eyelet[] {
  const out: Eyelet[] = [];
  EYELET_XS.forEach((x, row) => {
    for (const side of SIDES) {
      const { sigma, v } = upperParamsAt(side, x, laceGap(x) + EYESTAY_WIDTH * 0.45);
      const n = upperNormal(side, sigma, v);
      out.push({ side, row, p: addScaled(upperPoint(side, sigma, v), n, LAYER.eyestay), n });
    }
  });
  return out;
}

const RING_INNER = 0.0027;
const RING_OUTER = 0.0041;
const RING_HEIGHT = 0.0005;

/** Metal eyelet rings (a non-configurable `fixed_` mesh). */
export function buildEyeletRings(list: readonly Eyelet[]): MeshBuilder {
  const mesh = new MeshBuilder();
  const segments = 8;
  const steps = 3;
  for (const e of list) {
    const a = normalize(cross(e.n, vec3(0, 0, 1)));
    const b = cross(e.n, a);
    const base = addScaled(e.p, e.n, -0.0002);
    const mid = 0.5 * (RING_INNER + RING_OUTER);
    const rr = 0.5 * (RING_OUTER - RING_INNER);
    const grid = Array.from({ length: segments + 1 }, (_, k) => {
      const ang = (2 * Math.PI * k) / segments;
      const radial = add(scale(a, Math.cos(ang)), scale(b, Math.sin(ang)));
      return Array.from({ length: steps + 1 }, (_, q) => {
        const phi = (Math.PI * q) / steps;
        const r = mid - rr * Math.cos(phi);
        const h = (RING_HEIGHT + 0.0002) * Math.sin(phi);
        const pos = add(addScaled(base, radial, r), scale(e.n, h));
        const nrm = add(scale(radial, -Math.cos(phi) / rr), scale(e.n, Math.sin(phi) / (RING_HEIGHT + 0.0002)));
        return mesh.addVertex(pos, nrm, k / segments, q / steps);
      });
    });
    for (let k = 0; k < segments; k++)
      for (let q = 0; q < steps; q++) mesh.addQuadFacingNormals(grid[k]![q]!, grid[k + 1]![q]!, grid[k + 1]![q + 1]!, grid[k]![q + 1]!);
  }
  return mesh;
}

const LACE: TubeSection = { width: 0.0022, thickness: 0.00068, sides: 6 };
const AGLET: TubeSection = { width: 0.0012, thickness: 0.0012, sides: 6 };

/** The laces and the plastic aglets on their ends. */
export interface LaceMeshes {
  readonly laces: MeshBuilder;
  readonly aglets: MeshBuilder;
}

/** Where the path through an eyelet starts: below the leather, then just above the ring. */
const EYELET_DEPTH = 0.0026;
const EYELET_RISE = RING_HEIGHT + 0.0019;
const eyeletIn = (e: Eyelet): Vec3 => addScaled(e.p, e.n, -EYELET_DEPTH);
const eyeletOut = (e: Eyelet): Vec3 => addScaled(e.p, e.n, EYELET_RISE);

/** The point `lift` above the last at station `x`, `s` from the centre line (+ lateral). */
function onLast(x: number, s: number, lift: number): { p: Vec3; n: Vec3 } {
  const side: Side = s >= 0 ? 'lateral' : 'medial';
  const { sigma, v } = upperParamsAt(side, x, Math.abs(s));
  const n = upperNormal(side, sigma, v);
  return { p: addScaled(upperPoint(side, sigma, v), n, lift), n };
}

/** The point `lift` above the last on one side, at station `x` and sheet height `v`. */
function onSheet(side: Side, x: number, v: number, lift: number): { p: Vec3; n: Vec3 } {
  const sigma = bisect((s) => upperPoint(side, s, v).x - x, 0, 0.999);
  const n = upperNormal(side, sigma, v);
  return { p: addScaled(upperPoint(side, sigma, v), n, lift), n };
}

/** Cuts `length` metres off the end of a polyline; returns [rest, tail]. */
function splitTail(path: readonly Vec3[], length: number): [Vec3[], Vec3[]] {
  let acc = 0;
  for (let i = path.length - 1; i > 0; i--) {
    const d = distance(path[i]!, path[i - 1]!);
    if (acc + d >= length) {
      const cut = lerp(path[i]!, path[i - 1]!, (length - acc) / d);
      return [[...path.slice(0, i), cut], [cut, ...path.slice(i)]];
    }
    acc += d;
  }
  return [[path[0]!], [...path]];
}

/**
 * Criss-cross lacing between the eyelets, finished with a bow: a knot above the top pair,
 * two loops lying over the eyestays and two loose ends hanging down the sides.
 * `support` are the surfaces the laces rest on.
 */
export function buildLaces(list: readonly Eyelet[], supportMeshes: readonly MeshBuilder[]): LaceMeshes {
  const laces = new MeshBuilder();
  const aglets = new MeshBuilder();
  const find = (side: Side, row: number): Eyelet => list.find((e) => e.side === side && e.row === row)!;
  const rows = EYELET_XS.length;
  const allSupport = trianglesOf(supportMeshes);
  const near = (centre: Vec3, radius: number): [Vec3, Vec3, Vec3][] =>
    allSupport.filter((t) => t.some((p) => distance(p, centre) < radius));

  const crossing = (a: Eyelet, b: Vec3, bIn: Vec3 | undefined, lift: number, nb: Vec3): void => {
    const aOut = eyeletOut(a);
    const n = normalize(add(a.n, nb));
    const mids = [0.3, 0.7].map((t) => addScaled(lerp(aOut, b, t), n, lift * Math.sin(Math.PI * t)));
    // Through an eyelet the lace runs straight along its axis, from below the leather through the
    // ring's centre to above its rim; only then does it curve toward the next eyelet.
    const centreOf = (inside: Vec3, outside: Vec3): Vec3 => lerp(inside, outside, EYELET_DEPTH / (EYELET_DEPTH + EYELET_RISE));
    const between = catmullRomPath([aOut, ...mids, b], 2);
    let path = [eyeletIn(a), centreOf(eyeletIn(a), aOut), ...between, ...(bIn ? [centreOf(bIn, b), bIn] : [])];
    path = drapeOver(path, near(lerp(aOut, b, 0.5), 0.04), LACE.thickness + 0.0003, 3);
    const side = normalize(cross(n, sub(b, aOut)));
    sweepTube(laces, path, side, LACE, false);
  };

  const l0 = find('lateral', 0);
  const m0 = find('medial', 0);
  crossing(l0, eyeletOut(m0), eyeletIn(m0), 0.0004, m0.n);
  for (let r = 0; r < rows - 1; r++) {
    const la = find('lateral', r);
    const mb = find('medial', r + 1);
    const ma = find('medial', r);
    const lb = find('lateral', r + 1);
    crossing(ma, eyeletOut(lb), eyeletIn(lb), 0.0003, lb.n);
    crossing(la, eyeletOut(mb), eyeletIn(mb), 0.0019, mb.n);
  }

  // The bow sits just in front of the top pair of eyelets, built on the last itself (offset
  // outward) so its loops and ends follow the shoe's curves smoothly.
  const lTop = find('lateral', rows - 1);
  const mTop = find('medial', rows - 1);
  const knotX = EYELET_XS[rows - 1]! + 0.0055;
  const knot = onLast(knotX, 0, 0.0062);
  crossing(lTop, knot.p, undefined, 0.001, knot.n);
  crossing(mTop, knot.p, undefined, 0.001, knot.n);
  const forward = normalize(addScaled(vec3(1, 0, 0), knot.n, -knot.n.x));
  addEllipsoid(laces, knot.p, [forward, knot.n, normalize(cross(forward, knot.n))], [0.005, 0.0034, 0.0058], 10, 6);

  const loop = (sign: number, pts: readonly (readonly [number, number])[]): void => {
    const ctrl = pts.map(([dx, s], k) => {
      const t = k / (pts.length - 1);
      return onLast(knotX + dx, sign * s, 0.0062 - 0.0016 * Math.sin(Math.PI * t));
    });
    const normals = catmullRomPath(ctrl.map((c) => c.n), 2).map((n) => normalize(n));
    sweepTube(laces, catmullRomPath(ctrl.map((c) => c.p), 2), normals, LACE, false);
  };
  loop(1, [[0, 0], [0.004, 0.0065], [0.0105, 0.013], [0.0165, 0.018], [0.021, 0.0175], [0.0215, 0.011], [0.0165, 0.0045], [0.009, 0.0015], [0.003, 0.0005], [0, 0]]);
  loop(-1, [[0, 0], [0.0015, 0.0075], [0.005, 0.0155], [0.0085, 0.0215], [0.0135, 0.023], [0.0155, 0.0175], [0.0125, 0.0095], [0.0065, 0.0035], [0.002, 0.001], [0, 0]]);

  const end = (side: Side, top: readonly (readonly [number, number])[], hang: readonly (readonly [number, number])[]): void => {
    const sign = side === 'lateral' ? 1 : -1;
    const ctrl = [
      ...top.map(([dx, s], k) => onLast(knotX + dx, sign * s, 0.0058 - 0.0022 * (k / (top.length - 1)))),
      ...hang.map(([dx, v]) => onSheet(side, knotX + dx, v, 0.0031)),
    ];
    const path = catmullRomPath(ctrl.map((c) => c.p), 3);
    const normals = catmullRomPath(ctrl.map((c) => c.n), 3).map((n) => normalize(n));
    const [lace, tip] = splitTail(path, 0.012);
    sweepTube(laces, lace, normals.slice(0, lace.length), LACE, false);
    sweepTube(aglets, tip, normals.slice(normals.length - tip.length), AGLET);
  };
  end('lateral', [[0, 0], [0.0025, 0.009], [0.0055, 0.0175]], [[0.0085, 0.72], [0.011, 0.62], [0.013, 0.53], [0.0145, 0.45]]);
  end('medial', [[0, 0], [0.0045, 0.008], [0.0105, 0.0155]], [[0.0155, 0.72], [0.0185, 0.635], [0.0205, 0.565]]);
  return { laces, aglets };
}
