import { SIDES, type Side } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { soleTop, upperPoint, upperTopV, upperVAtHeight, VAMP_POINT_SIGMA } from './sneakerShape.ts';
import { add, addScaled, cross, dot, normalize, scale, sub, vec3, type Vec3 } from '../shared/vec.ts';

/** A point of the upper's last, with the sheet parameters it came from. */
export interface UpperSample {
  readonly side: Side;
  readonly sigma: number;
  readonly v: number;
  /** Position on the last (before any layer offset). */
  readonly p: Vec3;
}

/** A part's footprint on the last: positive inside, negative outside, zero on its edge. */
export type Region = (s: UpperSample) => number;

/** Which outer edge of the visible upper a parameter-space vertex lies on, if any. */
type UpperEdge = 'bottom' | 'top' | undefined;

interface ParamVertex {
  readonly side: Side;
  readonly sigma: number;
  readonly v: number;
  readonly key: string;
  readonly edge: UpperEdge;
}

const paramVertex = (side: Side, sigma: number, v: number, edge: UpperEdge): ParamVertex => ({
  side,
  sigma,
  v,
  key: `${side}|${sigma}|${v}`,
  edge,
});

/**
 * Outward normals of the last, computed once on a fine grid whose vertices are welded across
 * the heel, spine and toe seams, then interpolated. Every layer (leather, overlays, lining)
 * takes its normals from here, so neighbouring parts shade continuously across their edges.
 */
class NormalField {
  private readonly grids: Record<Side, Vec3[]>;

  constructor(
    private readonly ns: number,
    private readonly nv: number,
  ) {
    const points: Record<Side, Vec3[]> = { lateral: [], medial: [] };
    for (const side of SIDES)
      for (let i = 0; i <= ns; i++) for (let j = 0; j <= nv; j++) points[side].push(upperPoint(side, i / ns, j / nv));
    const keyOf = (p: Vec3): string => `${p.x.toFixed(9)},${p.y.toFixed(9)},${p.z.toFixed(9)}`;
    const sums = new Map<string, Vec3>();
    const idx = (i: number, j: number): number => i * (nv + 1) + j;
    for (const side of SIDES) {
      const pts = points[side];
      for (let i = 0; i < ns; i++)
        for (let j = 0; j < nv; j++) {
          const quad = [pts[idx(i, j)]!, pts[idx(i + 1, j)]!, pts[idx(i + 1, j + 1)]!, pts[idx(i, j + 1)]!];
          for (const [a, b, c] of [
            [0, 1, 2],
            [0, 2, 3],
          ] as const) {
            const pa = quad[a]!;
            let f = cross(sub(quad[b]!, pa), sub(quad[c]!, pa));
            if (side === 'medial') f = scale(f, -1);
            for (const k of [a, b, c]) {
              const key = keyOf(quad[k]!);
              sums.set(key, add(sums.get(key) ?? vec3(0, 0, 0), f));
            }
          }
        }
    }
    this.grids = {
      lateral: points.lateral.map((p) => normalize(sums.get(keyOf(p)) ?? vec3(0, 1, 0))),
      medial: points.medial.map((p) => normalize(sums.get(keyOf(p)) ?? vec3(0, 1, 0))),
    };
  }

  at(side: Side, sigma: number, v: number): Vec3 {
    const grid = this.grids[side];
    const fs = Math.min(Math.max(sigma, 0), 1) * this.ns;
    const fv = Math.min(Math.max(v, 0), 1) * this.nv;
    const i = Math.min(Math.floor(fs), this.ns - 1);
    const j = Math.min(Math.floor(fv), this.nv - 1);
    const ts = fs - i;
    const tv = fv - j;
    const g = (a: number, b: number): Vec3 => grid[(i + a) * (this.nv + 1) + (j + b)]!;
    const n = add(
      add(scale(g(0, 0), (1 - ts) * (1 - tv)), scale(g(1, 0), ts * (1 - tv))),
      add(scale(g(0, 1), (1 - ts) * tv), scale(g(1, 1), ts * tv)),
    );
    return normalize(n);
  }
}

let field: NormalField | undefined;

/** Outward unit normal of the last at (side, σ, v). */
export function upperNormal(side: Side, sigma: number, v: number): Vec3 {
  field ??= new NormalField(240, 120);
  return field.at(side, sigma, v);
}

/** Unit tangent pointing up the sheet (increasing v), perpendicular to the normal. */
export function upperUpTangent(side: Side, sigma: number, v: number): Vec3 {
  const dv = 1e-4;
  const a = upperPoint(side, sigma, Math.max(0, v - dv));
  const b = upperPoint(side, sigma, Math.min(1, v + dv));
  const n = upperNormal(side, sigma, v);
  const t = sub(b, a);
  return normalize(addScaled(t, n, -dot(t, n)));
}

/** The v where the visible upper starts: a little below the cupsole's top, so no gap shows. */
export const upperBottomV = (side: Side, sigma: number): number =>
  upperVAtHeight(side, sigma, soleTop(upperPoint(side, sigma, 0).x) - 0.0025);

/**
 * Column stations σ shared by both sheets: uniform, plus extra columns where the top edge
 * climbs steeply (the round end of the lace opening), and the vamp point itself.
 */
export function upperColumns(count: number): number[] {
  const base = Array.from({ length: count + 1 }, (_, i) => i / count);
  const out: number[] = [];
  const steep = (a: number, b: number): boolean =>
    SIDES.some((side) => Math.abs(upperTopV(side, a) - upperTopV(side, b)) > 0.03);
  const refine = (a: number, b: number, depth: number): void => {
    if (depth > 0 && steep(a, b)) {
      const m = 0.5 * (a + b);
      refine(a, m, depth - 1);
      out.push(m);
      refine(m, b, depth - 1);
    }
  };
  for (let i = 0; i < base.length - 1; i++) {
    const a = base[i]!;
    const b = base[i + 1]!;
    out.push(a);
    if (a < VAMP_POINT_SIGMA && b > VAMP_POINT_SIGMA) {
      refine(a, VAMP_POINT_SIGMA, 4);
      out.push(VAMP_POINT_SIGMA);
      refine(VAMP_POINT_SIGMA, b, 4);
    } else {
      refine(a, b, 4);
    }
  }
  out.push(1);
  return out;
}

/**
 * The visible upper as a triangulated parameter-space mesh: per sheet, columns at `columns`,
 * each split into `rows` rows between the hidden bottom edge and the top edge (collar/lace
 * opening). Parts are cut out of it with {@link clipToRegions}.
 */
export function upperParamTriangles(columns: readonly number[], rows: number): ParamVertex[][] {
  const tris: ParamVertex[][] = [];
  for (const side of SIDES) {
    const grid = columns.map((sigma) => {
      const v0 = upperBottomV(side, sigma);
      const v1 = upperTopV(side, sigma);
      return Array.from({ length: rows + 1 }, (_, j) =>
        paramVertex(side, sigma, j === rows ? v1 : v0 + ((v1 - v0) * j) / rows, j === 0 ? 'bottom' : j === rows ? 'top' : undefined),
      );
    });
    for (let i = 0; i < columns.length - 1; i++)
      for (let j = 0; j < rows; j++) {
        const a = grid[i]![j]!;
        const b = grid[i + 1]![j]!;
        const c = grid[i + 1]![j + 1]!;
        const d = grid[i]![j + 1]!;
        tris.push([a, b, c], [a, c, d]);
      }
  }
  return tris;
}

const CLIP_MIN_T = 0.03;

/**
 * Cuts parameter-space triangles down to where every region is positive. Edge crossings are
 * computed from the edge's end points in a fixed order, so the two triangles sharing an edge
 * get bit-identical new vertices, and the crossing is kept off the end points so the cut never
 * leaves slivers of zero area.
 */
export function clipToRegions(tris: readonly ParamVertex[][], regions: readonly Region[]): ParamVertex[][] {
  const caches = regions.map(() => new Map<string, number>());
  const valueAt = (r: number, pv: ParamVertex): number => {
    const cache = caches[r]!;
    let val = cache.get(pv.key);
    if (val === undefined) {
      val = regions[r]!({ side: pv.side, sigma: pv.sigma, v: pv.v, p: upperPoint(pv.side, pv.sigma, pv.v) });
      cache.set(pv.key, val);
    }
    return val;
  };
  const out: ParamVertex[][] = [];
  for (const tri of tris) {
    let poly: ParamVertex[] = [...tri];
    for (let r = 0; r < regions.length && poly.length >= 3; r++) {
      const next: ParamVertex[] = [];
      for (let k = 0; k < poly.length; k++) {
        const a = poly[k]!;
        const b = poly[(k + 1) % poly.length]!;
        const fa = valueAt(r, a);
        const fb = valueAt(r, b);
        if (fa >= 0) next.push(a);
        if (fa >= 0 !== fb >= 0) {
          const [p, q] = a.key < b.key ? [a, b] : [b, a];
          const fp = valueAt(r, p);
          const fq = valueAt(r, q);
          const t = Math.min(1 - CLIP_MIN_T, Math.max(CLIP_MIN_T, fp / (fp - fq)));
          const edge = p.edge === q.edge ? p.edge : undefined;
          next.push(paramVertex(p.side, p.sigma + (q.sigma - p.sigma) * t, p.v + (q.v - p.v) * t, edge));
        }
      }
      poly = next;
    }
    for (let k = 1; k + 1 < poly.length; k++) out.push([poly[0]!, poly[k]!, poly[k + 1]!]);
  }
  return out;
}

/** How a clipped piece of the last becomes a layer of leather. */
export interface LayerOptions {
  /** Distance from the last along the outward normal. */
  readonly offset: number;
  /** Adds a side wall this deep (m) along every free edge, so the layer reads as a separate piece. */
  readonly wallDepth?: number;
  /** Also wall the edge along the collar/lace opening (not needed where the collar roll starts level). */
  readonly wallTopEdge?: boolean;
  /** Walls only where both ends of an edge pass this test (edges hidden under other layers need none). */
  readonly wallWhere?: (s: UpperSample) => boolean;
  /** Texture coordinates; default: an unwrap by sheet (lateral left, medial right). */
  readonly uv?: (side: Side, sigma: number, v: number) => readonly [number, number];
}

/** Default unwrap of the upper: each sheet a strip of the texture, σ across, v up. */
export const sheetUv = (side: Side, sigma: number, v: number): readonly [number, number] => [
  (side === 'lateral' ? 0.02 : 0.52) + 0.46 * sigma,
  0.04 + 0.5 * v,
];

/** Emits clipped triangles as a layer of the upper into `mesh`. */
export function emitLayer(mesh: MeshBuilder, tris: readonly ParamVertex[][], options: LayerOptions): void {
  const uv = options.uv ?? sheetUv;
  const firstIndex = mesh.indices.length;
  const index = new Map<string, number>();
  const paramOf = new Map<number, ParamVertex>();
  const vertexOf = (pv: ParamVertex): number => {
    let i = index.get(pv.key);
    if (i === undefined) {
      const n = upperNormal(pv.side, pv.sigma, pv.v);
      const p = addScaled(upperPoint(pv.side, pv.sigma, pv.v), n, options.offset);
      const [u, v] = uv(pv.side, pv.sigma, pv.v);
      i = mesh.addVertex(p, n, u, v);
      index.set(pv.key, i);
      paramOf.set(i, pv);
    }
    return i;
  };
  for (const [a, b, c] of tris) mesh.addTriangleFacingNormals(vertexOf(a!), vertexOf(b!), vertexOf(c!));
  if (options.wallDepth === undefined) return;
  // The bottom edge hides inside the cupsole, and the top edge under the collar roll.
  const wallWhere = options.wallWhere;
  const hidden = (a: number, b: number): boolean => {
    const pa = paramOf.get(a)!;
    const pb = paramOf.get(b)!;
    if (pa.edge !== undefined && pa.edge === pb.edge && (pa.edge === 'bottom' || !options.wallTopEdge)) return true;
    const sample = (pv: ParamVertex): UpperSample => ({ ...pv, p: upperPoint(pv.side, pv.sigma, pv.v) });
    return wallWhere !== undefined && !(wallWhere(sample(pa)) && wallWhere(sample(pb)));
  };
  addEdgeWalls(mesh, firstIndex, options.wallDepth, hidden);
}

/**
 * Adds a wall along every boundary edge of the triangles emitted since `firstIndex` (boundary
 * found on positions, so sheet seams don't count), reaching `depth` down along each vertex's normal.
 */
export function addEdgeWalls(
  mesh: MeshBuilder,
  firstIndex: number,
  depth: number,
  skip: (a: number, b: number) => boolean = () => false,
): void {
  const keyOf = (i: number): string => {
    const p = mesh.position(i);
    return `${p.x.toFixed(7)},${p.y.toFixed(7)},${p.z.toFixed(7)}`;
  };
  const edges = new Map<string, { a: number; b: number; count: number }>();
  const end = mesh.indices.length;
  for (let t = firstIndex; t < end; t += 3) {
    const tri = [mesh.indices[t]!, mesh.indices[t + 1]!, mesh.indices[t + 2]!];
    for (let k = 0; k < 3; k++) {
      const a = tri[k]!;
      const b = tri[(k + 1) % 3]!;
      const ka = keyOf(a);
      const kb = keyOf(b);
      const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      const e = edges.get(key);
      if (e) e.count++;
      else edges.set(key, { a, b, count: 1 });
    }
  }
  const boundary = [...edges.values()].filter((e) => e.count === 1 && !skip(e.a, e.b));
  const outward = new Map<string, Vec3>();
  for (const { a, b } of boundary) {
    const n = normalize(add(mesh.normal(a), mesh.normal(b)));
    const w = normalize(cross(sub(mesh.position(b), mesh.position(a)), n));
    for (const i of [a, b]) outward.set(keyOf(i), add(outward.get(keyOf(i)) ?? vec3(0, 0, 0), w));
  }
  const wallVertex = new Map<string, { top: number; bottom: number }>();
  const wallOf = (i: number): { top: number; bottom: number } => {
    const key = keyOf(i);
    let w = wallVertex.get(key);
    if (!w) {
      const p = mesh.position(i);
      const n = mesh.normal(i);
      const dir = normalize(outward.get(key) ?? n, n);
      const u = mesh.uvs[2 * i]!;
      const v = mesh.uvs[2 * i + 1]!;
      w = { top: mesh.addVertex(p, dir, u, v), bottom: mesh.addVertex(addScaled(p, n, -depth), dir, u, v) };
      wallVertex.set(key, w);
    }
    return w;
  };
  for (const { a, b } of boundary) {
    const wa = wallOf(a);
    const wb = wallOf(b);
    mesh.addQuadFacingNormals(wa.top, wb.top, wb.bottom, wa.bottom);
  }
}
