import { Outline, SIDES, type PlanPoint } from './footprint.ts';
import { MeshBuilder } from '../shared/meshBuilder.ts';
import { centreZ, OUTSOLE_TOP, soleTop } from './sneakerShape.ts';
import { vec3, type Vec3 } from '../shared/vec.ts';

/** Samples per outline half for the sole's sweeps. */
const LOOP_SAMPLES = 40;
/** Height of the stitch groove that runs round the cupsole wall. */
const GROOVE_Y = 0.0118;
/** Depth of the tread's recessed field (lugs stand down from it to the ground). */
const TREAD_DEPTH = 0.0015;
/** Width of the flat border round the tread. */
const TREAD_BORDER = 0.0055;

interface LoopPoint {
  readonly p: PlanPoint;
  readonly n: PlanPoint;
  readonly u: number;
}

/** The cupsole outline as one closed loop: lateral heel→toe, then medial toe→heel. */
function soleLoop(): LoopPoint[] {
  const out: LoopPoint[] = [];
  const ts = Array.from({ length: LOOP_SAMPLES + 1 }, (_, i) => {
    // Denser at heel and toe, where the outline turns fastest.
    const t = i / LOOP_SAMPLES;
    return t - (0.09 * Math.sin(2 * Math.PI * t)) / (2 * Math.PI);
  });
  for (const sigma of ts.slice(0, -1)) out.push({ ...Outline.sole.at('lateral', sigma), u: sigma / 2 });
  for (const sigma of [...ts].reverse().slice(0, -1)) out.push({ ...Outline.sole.at('medial', sigma), u: 1 - sigma / 2 });
  return out;
}

/** A 2D section swept round the outline: `n` outward from the outline (m), `y` absolute height. */
type Section = (height: number) => readonly (readonly [number, number])[];

function sweepSection(mesh: MeshBuilder, loop: readonly LoopPoint[], section: Section): number[][] {
  const rings = loop.map(({ p, n, u }) => {
    const pts = section(soleTop(p.x));
    const normals2 = pts.map((_, k) => {
      const a = pts[Math.max(0, k - 1)]!;
      const b = pts[Math.min(pts.length - 1, k + 1)]!;
      const dn = b[0] - a[0];
      const dy = b[1] - a[1];
      return [dy, -dn] as const;
    });
    let run = 0;
    const along = pts.map((q, k) => (k === 0 ? 0 : (run += Math.hypot(q[0] - pts[k - 1]![0], q[1] - pts[k - 1]![1]))));
    return pts.map(([off, y], k) => {
      const [nn, ny] = normals2[k]!;
      return mesh.addVertex(vec3(p.x + n.x * off, y, p.z + n.z * off), vec3(n.x * nn, ny, n.z * nn), u, along[k]! / run);
    });
  });
  for (let i = 0; i < rings.length; i++) {
    const a = rings[i]!;
    const b = rings[(i + 1) % rings.length]!;
    for (let k = 0; k < a.length - 1; k++) mesh.addQuadFacingNormals(a[k]!, b[k]!, b[k + 1]!, a[k + 1]!);
  }
  return rings;
}

/**
 * The midsole: the cupsole's wall, with a rounded top edge, a stitch groove, and an inner lip
 * the upper disappears behind.
 */
export function buildMidsole(): MeshBuilder {
  const mesh = new MeshBuilder();
  const r = 0.0025;
  sweepSection(mesh, soleLoop(), (h) => [
    [-0.0009, OUTSOLE_TOP],
    [0, OUTSOLE_TOP + 0.0012],
    [0, GROOVE_Y - 0.0011],
    [-0.0011, GROOVE_Y],
    [0, GROOVE_Y + 0.0011],
    [0, h - r],
    [-r + r * Math.SQRT1_2, h - r + r * Math.SQRT1_2],
    [-r, h],
    [-0.0038, h],
    [-0.0049, h - 0.0011],
    [-0.005, h - 0.009],
  ]);
  return mesh;
}

/**
 * The outsole: a thin slab whose edge shows under the midsole, a flat border on the ground,
 * and a recessed field carrying herringbone lugs and a pivot circle under the ball of the foot.
 */
export function buildOutsole(): MeshBuilder {
  const mesh = new MeshBuilder();
  const loop = soleLoop();
  // Walked from the tread field outward so that, as for the midsole, the material is on the left.
  const rings = sweepSection(mesh, loop, () => [
    [-TREAD_BORDER - 0.0012, TREAD_DEPTH],
    [-TREAD_BORDER - 0.0002, TREAD_DEPTH],
    [-TREAD_BORDER, 0],
    [-0.0011, 0],
    [-0.0002, 0.0003],
    [0.0002, 0.0012],
    [0.0002, OUTSOLE_TOP + 0.0004],
  ]);
  // Recessed field: a fan over the inner edge of the border.
  const inner = rings.map((ring) => mesh.position(ring[0]!));
  const down = vec3(0, -1, 0);
  const centre = vec3(
    inner.reduce((s, p) => s + p.x, 0) / inner.length,
    TREAD_DEPTH,
    inner.reduce((s, p) => s + p.z, 0) / inner.length,
  );
  const uvOf = (p: Vec3): [number, number] => [0.5 + p.x / 0.3, 0.5 + p.z / 0.3];
  const c = mesh.addVertex(centre, down, ...uvOf(centre));
  const ids = inner.map((p) => mesh.addVertex(p, down, ...uvOf(p)));
  ids.forEach((id, k) => mesh.addTriangleFacingNormals(c, id, ids[(k + 1) % ids.length]!));

  addTread(mesh, inner);
  return mesh;
}

const PIVOT = { x: 0.058, z: -0.012 };
const PIVOT_RINGS: readonly (readonly [number, number])[] = [
  [0.005, 0.0085],
  [0.0125, 0.016],
  [0.02, 0.0235],
];

function insidePolygon(p: PlanPoint, poly: readonly Vec3[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.z > p.z !== b.z > p.z && p.x < ((b.x - a.x) * (p.z - a.z)) / (b.z - a.z) + a.x) inside = !inside;
  }
  return inside;
}

/** Adds one lug: a prism from the recessed field down to the ground over a convex plan polygon. */
function addLug(mesh: MeshBuilder, corners: readonly PlanPoint[], uvScale = 0.3): void {
  const cx = corners.reduce((s, p) => s + p.x, 0) / corners.length;
  const cz = corners.reduce((s, p) => s + p.z, 0) / corners.length;
  const ids = corners.map((p) => {
    const ox = p.x - cx;
    const oz = p.z - cz;
    const len = Math.hypot(ox, oz);
    const side = vec3(ox / len, 0, oz / len);
    const uv = [0.5 + p.x / uvScale, 0.5 + p.z / uvScale] as const;
    return {
      bottom: mesh.addVertex(vec3(p.x, 0, p.z), vec3(side.x * 0.7, -1, side.z * 0.7), ...uv),
      top: mesh.addVertex(vec3(p.x, TREAD_DEPTH + 0.0002, p.z), vec3(side.x, -0.2, side.z), ...uv),
    };
  });
  for (let k = 1; k + 1 < ids.length; k++) mesh.addTriangleFacingNormals(ids[0]!.bottom, ids[k]!.bottom, ids[k + 1]!.bottom);
  ids.forEach((a, k) => {
    const b = ids[(k + 1) % ids.length]!;
    mesh.addQuadFacingNormals(a.bottom, b.bottom, b.top, a.top);
  });
}

function addTread(mesh: MeshBuilder, field: readonly Vec3[]): void {
  const margin = 0.0012;
  const usable = (p: PlanPoint): boolean => {
    const r = Math.hypot(p.x - PIVOT.x, p.z - PIVOT.z);
    if (r < PIVOT_RINGS[PIVOT_RINGS.length - 1]![1] + 0.0022) return false;
    // Stay clear of the border by testing a few points around p.
    return [0, 1, 2, 3, 4, 5].every((k) =>
      insidePolygon({ x: p.x + margin * Math.cos((k * Math.PI) / 3), z: p.z + margin * Math.sin((k * Math.PI) / 3) }, field),
    );
  };
  const halfWidth = 0.0016;
  for (let x = -0.133; x <= 0.142; x += 0.0105) {
    for (const side of SIDES) {
      const dir = side === 'lateral' ? { x: -0.62, z: 0.785 } : { x: -0.62, z: -0.785 };
      const perp = { x: -dir.z, z: dir.x };
      const zc = centreZ(x);
      const start = 0.0022;
      // Walk along the bar, keeping the runs of points that are usable.
      const runs: [number, number][] = [];
      let runStart: number | undefined;
      let last = start;
      for (let s = start; s < 0.09; s += 0.0005) {
        const centreOk = [-1, 1].every((k) =>
          usable({ x: x + dir.x * s + perp.x * halfWidth * k, z: zc + dir.z * s + perp.z * halfWidth * k }),
        );
        if (centreOk && runStart === undefined) runStart = s;
        if (!centreOk && runStart !== undefined) {
          runs.push([runStart, last]);
          runStart = undefined;
        }
        last = s;
      }
      if (runStart !== undefined) runs.push([runStart, last]);
      for (const [s0, s1] of runs) {
        if (s1 - s0 < 0.003) continue;
        const at = (s: number, k: number): PlanPoint => ({
          x: x + dir.x * s + perp.x * halfWidth * k,
          z: zc + dir.z * s + perp.z * halfWidth * k,
        });
        addLug(mesh, [at(s0, -1), at(s1, -1), at(s1, 1), at(s0, 1)]);
      }
    }
  }
  // Pivot circle: concentric ring lugs, each a band of short prisms.
  const segments = 10;
  for (const [r0, r1] of PIVOT_RINGS) {
    for (let k = 0; k < segments; k++) {
      const a0 = (2 * Math.PI * k) / segments;
      const a1 = (2 * Math.PI * (k + 0.82)) / segments;
      const pt = (r: number, a: number): PlanPoint => ({ x: PIVOT.x + r * Math.cos(a), z: PIVOT.z + r * Math.sin(a) });
      addLug(mesh, [pt(r0, a0), pt(r1, a0), pt(r1, a1), pt(r0, a1)]);
    }
  }
}
