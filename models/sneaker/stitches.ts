import { SIDES, type Side } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { upperPoint, upperTopV } from './sneakerShape.ts';
import { upperBottomV, upperNormal, type Region, type UpperSample } from './upperSurface.ts';
import { add, addScaled, cross, distance, normalize, scale, sub, type Vec3 } from '../shared/vec.ts';

/** One line of stitching: where a panel's edge runs, how far inside it, and on which layer. */
export interface StitchLine {
  /** The panel's footprint on the last (positive inside); the line follows `region = inset`. */
  readonly region: Region;
  readonly inset: number;
  /** The panel's offset above the last (its LAYER); the thread lies on top of it. */
  readonly offset: number;
  /** Where the line may show (e.g. not inside the sole, not under another panel). */
  readonly where?: (s: UpperSample) => boolean;
}

/** Thread: each stitch this long (m), with this much leather between stitches, this wide. */
const STITCH = 0.003;
const GAP = 0.0014;
const WIDTH = 0.0009;
/** How far the thread stands on the leather. */
const LIFT = 0.00032;
/** The grid the edges are traced on, per sheet: columns along the shoe, rows up the sheet. */
const TRACE_COLUMNS = 260;
const TRACE_ROWS = 72;

interface TracePoint {
  readonly side: Side;
  readonly sigma: number;
  readonly v: number;
}

/**
 * Lines of stitching along the panels' edges: each line traced on the last where its region
 * equals its inset, then laid as short flat stitches (two triangles each, the long edges' normals
 * rolled outward so they shade like thread). One mesh, a `fixed_` trim that no option changes.
 * UVs run along each stitch (u) and across it (v), for a thread texture.
 */
export function buildStitches(lines: readonly StitchLine[]): MeshBuilder {
  const mesh = new MeshBuilder();
  for (const line of lines)
    for (const side of SIDES)
      for (const run of traceIsoLines(side, line)) {
        const points = run.map((t) => {
          const n = upperNormal(t.side, t.sigma, t.v);
          return { p: addScaled(upperPoint(t.side, t.sigma, t.v), n, line.offset + LIFT), n };
        });
        layStitches(mesh, points);
      }
  return mesh;
}

/** The iso-line region = inset on one sheet, as runs of points, cut where `where` fails. */
function traceIsoLines(side: Side, line: StitchLine): TracePoint[][] {
  const grid: { sigma: number; v: number; f: number }[][] = [];
  for (let i = 0; i <= TRACE_COLUMNS; i++) {
    const sigma = i / TRACE_COLUMNS;
    const v0 = upperBottomV(side, sigma);
    const v1 = upperTopV(side, sigma);
    grid.push(
      Array.from({ length: TRACE_ROWS + 1 }, (_, j) => {
        const v = v0 + ((v1 - v0) * j) / TRACE_ROWS;
        return { sigma, v, f: line.region({ side, sigma, v, p: upperPoint(side, sigma, v) }) - line.inset };
      }),
    );
  }
  // Marching triangles: each grid triangle the line crosses holds one segment, between crossings
  // on two of its edges; crossings are keyed by their edge, so segments chain into runs.
  const crossings = new Map<string, TracePoint>();
  const segments: [string, string][] = [];
  const node = (i: number, j: number) => grid[i]![j]!;
  const crossingOn = (a: [number, number], b: [number, number]): string | null => {
    const na = node(...a);
    const nb = node(...b);
    if (na.f >= 0 === nb.f >= 0) return null;
    const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
    const key = `${p[0]},${p[1]}|${q[0]},${q[1]}`;
    if (!crossings.has(key)) {
      const np = node(...p);
      const nq = node(...q);
      const t = np.f / (np.f - nq.f);
      crossings.set(key, { side, sigma: np.sigma + (nq.sigma - np.sigma) * t, v: np.v + (nq.v - np.v) * t });
    }
    return key;
  };
  for (let i = 0; i < TRACE_COLUMNS; i++)
    for (let j = 0; j < TRACE_ROWS; j++) {
      const a: [number, number] = [i, j];
      const b: [number, number] = [i + 1, j];
      const c: [number, number] = [i + 1, j + 1];
      const d: [number, number] = [i, j + 1];
      for (const tri of [
        [a, b, c],
        [a, c, d],
      ] as const) {
        const keys = [crossingOn(tri[0], tri[1]), crossingOn(tri[1], tri[2]), crossingOn(tri[2], tri[0])].filter((k): k is string => k !== null);
        if (keys.length === 2) segments.push([keys[0]!, keys[1]!]);
      }
    }
  const shows = (t: TracePoint): boolean => !line.where || line.where({ ...t, p: upperPoint(t.side, t.sigma, t.v) });
  const runs: TracePoint[][] = [];
  for (const chain of chainSegments(segments)) {
    let run: TracePoint[] = [];
    for (const key of chain) {
      const t = crossings.get(key)!;
      if (shows(t)) run.push(t);
      else {
        if (run.length > 1) runs.push(run);
        run = [];
      }
    }
    if (run.length > 1) runs.push(run);
  }
  return runs;
}

/** Joins segments that share an end into chains of keys (open or closed). */
function chainSegments(segments: readonly [string, string][]): string[][] {
  const links = new Map<string, number[]>();
  segments.forEach(([a, b], k) => {
    links.set(a, [...(links.get(a) ?? []), k]);
    links.set(b, [...(links.get(b) ?? []), k]);
  });
  const used = new Set<number>();
  const walk = (from: string, first: number): string[] => {
    const out: string[] = [];
    let at = from;
    let seg: number | undefined = first;
    while (seg !== undefined) {
      used.add(seg);
      const [a, b] = segments[seg]!;
      at = a === at ? b : a;
      out.push(at);
      seg = (links.get(at) ?? []).find((k) => !used.has(k));
    }
    return out;
  };
  const chains: string[][] = [];
  // Open chains first, from their loose ends; then the closed loops that are left.
  const ends = [...links.entries()].filter(([, list]) => list.length === 1).map(([key]) => key);
  for (const start of [...ends, ...links.keys()]) {
    const first = (links.get(start) ?? []).find((k) => !used.has(k));
    if (first !== undefined) chains.push([start, ...walk(start, first)]);
  }
  return chains;
}

/** Lays stitches along a polyline on the leather, a stitch then a gap, from one end to the other. */
function layStitches(mesh: MeshBuilder, points: readonly { p: Vec3; n: Vec3 }[]): void {
  const run = [0];
  for (let k = 1; k < points.length; k++) run.push(run[k - 1]! + distance(points[k]!.p, points[k - 1]!.p));
  const total = run[run.length - 1]!;
  const count = Math.floor((total + GAP) / (STITCH + GAP));
  if (count < 1) return;
  // Centre the stitches on the run, so both ends finish alike.
  const start = (total - (count * (STITCH + GAP) - GAP)) / 2;
  let k = 0;
  const at = (s: number): { p: Vec3; n: Vec3 } => {
    while (k < run.length - 2 && run[k + 1]! < s) k++;
    const span = run[k + 1]! - run[k]!;
    const t = span > 0 ? (s - run[k]!) / span : 0;
    const a = points[k]!;
    const b = points[k + 1]!;
    return { p: add(scale(a.p, 1 - t), scale(b.p, t)), n: normalize(add(scale(a.n, 1 - t), scale(b.n, t))) };
  };
  for (let s = 0; s < count; s++) {
    const s0 = start + s * (STITCH + GAP);
    const a = at(s0);
    const b = at(s0 + STITCH);
    const n = normalize(add(a.n, b.n));
    const across = normalize(cross(n, sub(b.p, a.p)));
    const half = scale(across, WIDTH / 2);
    const rolled = (sign: 1 | -1): Vec3 => normalize(addScaled(n, across, 0.7 * sign));
    const v = [
      mesh.addVertex(add(a.p, half), rolled(1), 0, 0),
      mesh.addVertex(add(b.p, half), rolled(1), 1, 0),
      mesh.addVertex(sub(b.p, half), rolled(-1), 1, 1),
      mesh.addVertex(sub(a.p, half), rolled(-1), 0, 1),
    ] as const;
    mesh.addQuadFacingNormals(v[0], v[1], v[2], v[3]);
  }
}
