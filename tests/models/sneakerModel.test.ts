import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document, type Primitive } from '@gltf-transform/core';
import { MeshQuantization } from '../../models/shared/meshQuantization.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_PX_PER_MM, PRINT_ZONES, printZonesDocument, type SneakerPrintZoneId } from '../../models/sneaker/printZones.ts';

/** The twelve configurable parts; node name = mesh name = material name = id. */
const PART_IDS = [
  'toeCap',
  'vamp',
  'quarter',
  'eyestay',
  'heelCounter',
  'tongue',
  'laces',
  'lining',
  'sidePanel',
  'heelTab',
  'midsole',
  'outsole',
] as const;
type PartId = (typeof PART_IDS)[number];

const GLB_PATH = fileURLToPath(new URL('../../public/models/sneaker.glb', import.meta.url));
const ZONES_PATH = fileURLToPath(new URL('../../models/sneaker/printZones.json', import.meta.url));
/** The meshes that carry the print atlas in TEXCOORD_1, each with the one zone printed on it. */
const PRINTED = ['heelTab', 'tongue'] as const;

interface ValidationReport {
  issues: { numErrors: number; messages: { code: string; message: string; pointer?: string; severity: number }[] };
}
// gltf-validator ships without type declarations; this is the slice of its API we use.
const validator = createRequire(import.meta.url)('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<ValidationReport>;
};

interface Box {
  min: [number, number, number];
  max: [number, number, number];
}

interface PartData {
  positions: [number, number, number][];
  normals: [number, number, number][];
  uvs: [number, number][];
  printUvs: [number, number][] | null;
  indices: number[];
  box: Box;
}

function primitiveOf(doc: Document, name: string): Primitive {
  const mesh = doc
    .getRoot()
    .listMeshes()
    .find((m) => m.getName() === name);
  if (!mesh) throw new Error(`no mesh ${name}`);
  const [primitive] = mesh.listPrimitives();
  if (!primitive) throw new Error(`mesh ${name} has no primitive`);
  return primitive;
}

function readPart(doc: Document, name: string): PartData {
  const primitive = primitiveOf(doc, name);
  const readIf = <T extends number[]>(semantic: string): T[] | null => {
    const accessor = primitive.getAttribute(semantic);
    if (!accessor) return null;
    return Array.from({ length: accessor.getCount() }, (_, i) => accessor.getElement(i, [] as number[]) as T);
  };
  const read = <T extends number[]>(semantic: string): T[] => {
    const values = readIf<T>(semantic);
    if (!values) throw new Error(`${name} lacks ${semantic}`);
    return values;
  };
  const positions = read<[number, number, number]>('POSITION');
  const box: Box = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (const p of positions)
    for (let k = 0; k < 3; k++) {
      box.min[k] = Math.min(box.min[k]!, p[k]!);
      box.max[k] = Math.max(box.max[k]!, p[k]!);
    }
  const indexAccessor = primitive.getIndices();
  if (!indexAccessor) throw new Error(`${name} is not indexed`);
  return {
    positions,
    normals: read<[number, number, number]>('NORMAL'),
    uvs: read<[number, number]>('TEXCOORD_0'),
    printUvs: readIf<[number, number]>('TEXCOORD_1'),
    indices: Array.from(indexAccessor.getArray() ?? []),
    box,
  };
}

const centre = (box: Box, axis: 0 | 1 | 2): number => 0.5 * (box.min[axis] + box.max[axis]);

function boxOf(points: readonly (readonly number[])[]): Box {
  const box: Box = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (const p of points)
    for (let k = 0; k < 3; k++) {
      box.min[k] = Math.min(box.min[k]!, p[k]!);
      box.max[k] = Math.max(box.max[k]!, p[k]!);
    }
  return box;
}

type Region = SneakerPrintZoneId | 'blank';
const BLANK = [0.95, 0.95, 1, 1] as const;

/** The atlas regions a print UV lies in: the zone rects and the blank corner. */
function regionsOf([u, v]: readonly [number, number]): Region[] {
  const eps = 1e-4;
  return (['heelTab', 'tongue', 'blank'] as const).filter((id) => {
    const [u0, v0, u1, v1] = id === 'blank' ? BLANK : PRINT_ZONES[id].uv;
    return u >= u0 - eps && u <= u1 + eps && v >= v0 - eps && v <= v1 + eps;
  });
}

/** The region of each triangle of `part` (null when its corners lie in no one region). */
function triangleRegions(part: PartData): (Region | null)[] {
  const out: (Region | null)[] = [];
  for (let t = 0; t < part.indices.length; t += 3) {
    const sets = [0, 1, 2].map((k) => regionsOf(part.printUvs![part.indices[t + k]!]!));
    out.push(sets[0]!.find((r) => sets[1]!.includes(r) && sets[2]!.includes(r)) ?? null);
  }
  return out;
}

/** The vertices of `part`'s triangles printed with `zone`. */
function zoneVertices(part: PartData, zone: SneakerPrintZoneId): { p: [number, number, number]; n: [number, number, number]; uv: [number, number] }[] {
  const picked = new Set<number>();
  triangleRegions(part).forEach((r, t) => {
    if (r === zone) for (let k = 0; k < 3; k++) picked.add(part.indices[3 * t + k]!);
  });
  return [...picked].sort((a, b) => a - b).map((i) => ({ p: part.positions[i]!, n: part.normals[i]!, uv: part.printUvs![i]! }));
}

/** Pearson correlation of two equally long series. */
function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('public/models/sneaker.glb', () => {
  let bytes: Uint8Array;
  let doc: Document;
  let parts: Record<PartId, PartData>;
  let overall: Box;

  beforeAll(async () => {
    bytes = new Uint8Array(readFileSync(GLB_PATH));
    doc = await new NodeIO().registerExtensions([MeshQuantization]).readBinary(bytes);
    parts = Object.fromEntries(PART_IDS.map((id) => [id, readPart(doc, id)])) as Record<PartId, PartData>;
    overall = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
    for (const mesh of doc.getRoot().listMeshes()) {
      const { box } = readPart(doc, mesh.getName());
      for (let k = 0; k < 3; k++) {
        overall.min[k] = Math.min(overall.min[k]!, box.min[k]!);
        overall.max[k] = Math.max(overall.max[k]!, box.max[k]!);
      }
    }
  });

  it('passes the Khronos glTF validator with no errors (degenerate triangles count as errors)', async () => {
    const report = await validator.validateBytes(bytes, {
      maxIssues: 50,
      severityOverrides: { ACCESSOR_INDEX_TRIANGLE_DEGENERATE: 0 },
    });
    const errors = report.issues.messages.filter((m) => m.severity === 0);
    expect(errors).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
  });

  it('stays within the size and triangle budgets', () => {
    expect(bytes.byteLength).toBeLessThanOrEqual(400_000);
    let triangles = 0;
    for (const mesh of doc.getRoot().listMeshes())
      for (const primitive of mesh.listPrimitives()) {
        expect(primitive.getMode()).toBe(4); // TRIANGLES
        triangles += (primitive.getIndices()?.getCount() ?? 0) / 3;
      }
    expect(triangles).toBeGreaterThan(5_000);
    expect(triangles).toBeLessThanOrEqual(60_000);
  });

  it('has one node, mesh and material per configurable part, and names every other mesh fixed_*', () => {
    const root = doc.getRoot();
    for (const id of PART_IDS) {
      const nodes = root.listNodes().filter((n) => n.getName() === id);
      expect(nodes, id).toHaveLength(1);
      const mesh = nodes[0]!.getMesh();
      expect(mesh?.getName(), id).toBe(id);
      expect(mesh?.listPrimitives(), id).toHaveLength(1);
      expect(mesh?.listPrimitives()[0]!.getMaterial()?.getName(), id).toBe(id);
      expect(root.listMaterials().filter((m) => m.getName() === id), id).toHaveLength(1);
    }
    for (const mesh of root.listMeshes()) {
      const name = mesh.getName();
      if (!(PART_IDS as readonly string[]).includes(name)) expect(name.startsWith('fixed_'), name).toBe(true);
    }
  });

  it('gives every mesh finite positions, unit normals, UVs and non-degenerate indexed triangles', () => {
    for (const mesh of doc.getRoot().listMeshes()) {
      const name = mesh.getName();
      const part = readPart(doc, name);
      expect(part.normals.length, name).toBe(part.positions.length);
      expect(part.uvs.length, name).toBe(part.positions.length);
      for (const p of part.positions) expect(p.every(Number.isFinite), name).toBe(true);
      for (const n of part.normals) expect(Math.abs(Math.hypot(...n) - 1), name).toBeLessThan(1e-3);
      for (const uv of part.uvs) expect(uv.every((c) => Number.isFinite(c) && c >= 0 && c <= 1), name).toBe(true);
      expect(part.indices.length % 3, name).toBe(0);
      let degenerate = 0;
      for (let t = 0; t < part.indices.length; t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => part.positions[part.indices[t + k]!]!);
        const u = [0, 1, 2].map((k) => b![k]! - a![k]!);
        const v = [0, 1, 2].map((k) => c![k]! - a![k]!);
        const area = 0.5 * Math.hypot(u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!);
        if (area < 1e-12) degenerate++;
      }
      expect(degenerate, name).toBe(0);
    }
  });

  it('is an EU 42 shoe in metres: toe to +X, footprint centred on the origin, sole on the ground', () => {
    const length = overall.max[0] - overall.min[0];
    const width = overall.max[2] - overall.min[2];
    expect(length).toBeGreaterThan(0.275);
    expect(length).toBeLessThan(0.305);
    expect(width).toBeGreaterThan(0.095);
    expect(width).toBeLessThan(0.115);
    expect(Math.abs(centre(overall, 0))).toBeLessThan(0.01);
    expect(Math.abs(centre(overall, 2))).toBeLessThan(0.01);
    expect(Math.abs(overall.min[1])).toBeLessThan(0.001);
    // Collar height at the heel, and nothing absurdly tall.
    expect(parts.quarter.box.max[1]).toBeGreaterThan(0.09);
    expect(parts.quarter.box.max[1]).toBeLessThan(0.12);
    expect(overall.max[1]).toBeLessThan(0.15);
  });

  it('stacks the sole: outsole lowest and thin, midsole above it, toe spring lifting the toe', () => {
    const { outsole, midsole } = parts;
    for (const id of PART_IDS) expect(outsole.box.min[1], id).toBeLessThanOrEqual(parts[id].box.min[1]);
    expect(outsole.box.min[1]).toBeLessThan(0.0005);
    expect(midsole.box.min[1]).toBeGreaterThan(0.002);
    expect(midsole.box.max[1]).toBeLessThan(0.045);
    expect(midsole.box.max[0] - midsole.box.min[0]).toBeGreaterThan(0.28);
    // Flat under the middle of the foot, lifted off the ground at the toe.
    const lowestNear = (x0: number, x1: number): number =>
      Math.min(...outsole.positions.filter((p) => p[0] >= x0 && p[0] <= x1).map((p) => p[1]));
    expect(lowestNear(-0.05, 0.05)).toBeLessThan(0.0005);
    expect(lowestNear(0.135, 0.2)).toBeGreaterThan(0.006);
    // Tread: the outsole's underside has relief (ground-level lugs and a recessed field).
    const underside = outsole.positions.filter((p) => Math.abs(p[0]) < 0.1 && Math.abs(p[2]) < 0.03);
    expect(underside.some((p) => p[1] < 0.0002)).toBe(true);
    expect(underside.some((p) => p[1] > 0.001 && p[1] < 0.003)).toBe(true);
  });

  it('puts each upper part where it belongs', () => {
    const { toeCap, vamp, quarter, eyestay, heelCounter, tongue, laces, lining, sidePanel, heelTab } = parts;
    // Toe cap at the +X end, heel counter and heel tab at the −X end.
    expect(toeCap.box.min[0]).toBeGreaterThan(0.03);
    expect(toeCap.box.max[0]).toBeGreaterThan(0.13);
    expect(heelCounter.box.max[0]).toBeLessThan(-0.05);
    expect(heelCounter.box.min[0]).toBeLessThan(-0.135);
    expect(heelTab.box.max[0]).toBeLessThan(-0.12);
    expect(Math.abs(centre(heelTab.box, 2))).toBeLessThan(0.01);
    expect(heelTab.box.max[1]).toBeGreaterThan(quarter.box.max[1]);
    // Vamp toward the front, quarter wrapping the heel.
    expect(centre(vamp.box, 0)).toBeGreaterThan(0);
    expect(vamp.box.max[0]).toBeGreaterThan(0.08);
    expect(quarter.box.min[0]).toBeLessThan(-0.135);
    expect(quarter.box.max[0]).toBeLessThan(0.07);
    // Side panel raised on both quarters: on the lateral (+Z) side and mirrored medially, mid-foot.
    expect(sidePanel.box.max[2]).toBeGreaterThan(0.03);
    expect(sidePanel.box.min[2]).toBeLessThan(-0.03);
    expect(sidePanel.positions.filter((p) => p[2] > 0).length).toBeGreaterThan(20);
    expect(centre(sidePanel.box, 0)).toBeGreaterThan(-0.09);
    expect(centre(sidePanel.box, 0)).toBeLessThan(0.03);
    // Eyestays, tongue and laces on top of the foot, in the middle, the tongue rising highest.
    for (const [id, part] of [
      ['eyestay', eyestay],
      ['laces', laces],
    ] as const) {
      expect(part.box.min[1], id).toBeGreaterThan(0.06);
      expect(Math.abs(centre(part.box, 2)), id).toBeLessThan(0.012);
      expect(part.box.max[0], id).toBeLessThan(0.08);
      expect(part.box.min[0], id).toBeGreaterThan(-0.08);
    }
    expect(eyestay.box.max[2] - eyestay.box.min[2]).toBeLessThan(0.08);
    expect(centre(laces.box, 0)).toBeGreaterThan(-0.03);
    expect(tongue.box.min[1]).toBeGreaterThan(0.05);
    expect(tongue.box.max[1]).toBeGreaterThan(quarter.box.max[1]);
    expect(Math.abs(centre(tongue.box, 2))).toBeLessThan(0.01);
    expect(centre(tongue.box, 0)).toBeGreaterThan(-0.04);
    // Lining inside the upper.
    expect(lining.box.min[0]).toBeGreaterThan(quarter.box.min[0]);
    expect(lining.box.max[2]).toBeLessThan(quarter.box.max[2]);
    expect(lining.box.min[2]).toBeGreaterThan(quarter.box.min[2]);
    expect(lining.box.max[1]).toBeLessThan(quarter.box.max[1] + 0.012);
  });

  it('maps the outer faces of the tongue and heel tab onto the full [0, 1]² square', () => {
    for (const id of ['tongue', 'heelTab'] as const) {
      const { uvs } = parts[id];
      const us = uvs.map((uv) => uv[0]);
      const vs = uvs.map((uv) => uv[1]);
      expect(Math.min(...us), id).toBeCloseTo(0, 4);
      expect(Math.max(...us), id).toBeCloseTo(1, 4);
      expect(Math.min(...vs), id).toBeCloseTo(0, 4);
      expect(Math.max(...vs), id).toBeCloseTo(1, 4);
    }
    // v runs upward, and u runs left to right as seen facing the part: across the tongue from the
    // lateral (+Z) edge to the medial one, across the heel tab from the medial edge to the lateral.
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const where = (part: PartData, test: (uv: [number, number]) => boolean, axis: 0 | 1 | 2): number =>
      mean(part.positions.filter((_, i) => test(part.uvs[i]!)).map((p) => p[axis]));
    expect(where(parts.tongue, (uv) => uv[1] > 0.98, 1)).toBeGreaterThan(where(parts.tongue, (uv) => uv[1] < 0.02, 1) + 0.015);
    // The heel tab's v runs along the strap, up from its bottom edge and on round its pull loop.
    const tab = parts.heelTab;
    // (The back of the strap, which faces out round the loop, all takes the texel at v = 0.)
    const highest = tab.positions.reduce((best, p, i) => (tab.uvs[i]![1] > 0.02 && p[1] > tab.positions[best]![1] ? i : best), tab.uvs.findIndex((uv) => uv[1] > 0.02));
    expect(tab.uvs[highest]![1]).toBeGreaterThan(0.5);
    expect(tab.positions[highest]![1]).toBeGreaterThan(where(tab, (uv) => uv[1] < 0.02, 1) + 0.015);
    expect(where(parts.tongue, (uv) => uv[0] < 0.02, 2)).toBeGreaterThan(where(parts.tongue, (uv) => uv[0] > 0.98, 2) + 0.03);
    expect(where(parts.heelTab, (uv) => uv[0] > 0.98, 2)).toBeGreaterThan(where(parts.heelTab, (uv) => uv[0] < 0.02, 2) + 0.015);
  });

  describe('print zones (TEXCOORD_1)', () => {
    it('gives the heel tab and the tongue print UVs, and no other mesh', () => {
      for (const mesh of doc.getRoot().listMeshes()) {
        const name = mesh.getName();
        const part = readPart(doc, name);
        expect(part.printUvs !== null, name).toBe((PRINTED as readonly string[]).includes(name));
        if (part.printUvs) expect(part.printUvs.length, name).toBe(part.positions.length);
      }
    });

    it('maps every vertex into its zone rect or the blank corner, and every triangle wholly into one of them', () => {
      for (const id of PRINTED) {
        const part = parts[id];
        expect(part.printUvs!.filter((uv) => regionsOf(uv).length === 0), id).toEqual([]);
        const regions = triangleRegions(part);
        expect(regions.filter((r) => r === null).length, id).toBe(0);
        expect(new Set(regions), id).toEqual(new Set([id, 'blank']));
      }
    });

    it('fills each zone rect edge to edge', () => {
      for (const id of PRINTED) {
        const uvs = zoneVertices(parts[id], id).map(({ uv }) => uv);
        const [u0, v0, u1, v1] = PRINT_ZONES[id].uv;
        expect(Math.min(...uvs.map((uv) => uv[0])), id).toBeCloseTo(u0, 4);
        expect(Math.max(...uvs.map((uv) => uv[0])), id).toBeCloseTo(u1, 4);
        expect(Math.min(...uvs.map((uv) => uv[1])), id).toBeCloseTo(v0, 4);
        expect(Math.max(...uvs.map((uv) => uv[1])), id).toBeCloseTo(v1, 4);
      }
    });

    it('keeps artwork at its size and undistorted: 128 mm of leather per atlas unit, within 5 %', () => {
      const metresPerUv = 2048 / ATLAS_PX_PER_MM / 1000;
      expect(metresPerUv).toBeCloseTo(0.128, 9);
      for (const id of PRINTED) {
        const { positions, printUvs, indices } = parts[id];
        const regions = triangleRegions(parts[id]);
        let edges = 0;
        for (let t = 0; t < indices.length; t += 3) {
          if (regions[t / 3] !== id) continue;
          for (let k = 0; k < 3; k++) {
            const [i, j] = [indices[t + k]!, indices[t + ((k + 1) % 3)]!];
            const onLeather = Math.hypot(...positions[i]!.map((c, a) => c - positions[j]![a]!));
            const inAtlas = Math.hypot(printUvs![i]![0] - printUvs![j]![0], printUvs![i]![1] - printUvs![j]![1]) * metresPerUv;
            expect(Math.abs(inAtlas / onLeather - 1), id).toBeLessThan(0.05);
            edges++;
          }
        }
        expect(edges, id).toBeGreaterThan(20);
      }
    });

    it('puts the heel-tab zone on the rear face just below the collar, and the tongue zone on the top of the tongue', () => {
      const { heelTab, tongue, quarter } = parts;
      // Heel tab: facing back (−X), centred across the heel, its top just below the collar's
      // height at the heel, clear of the tab's rounded top.
      const heel = zoneVertices(heelTab, 'heelTab');
      const hBox = boxOf(heel.map(({ p }) => p));
      for (const { n } of heel) expect(n[0]).toBeLessThan(-0.8);
      expect(hBox.max[0]).toBeLessThan(-0.13);
      expect(Math.abs(centre(hBox, 2) - centre(heelTab.box, 2))).toBeLessThan(0.001);
      const collarAtHeel = Math.max(...quarter.positions.filter((p) => p[0] < quarter.box.min[0] + 0.01 && Math.abs(p[2]) < 0.01).map((p) => p[1]));
      expect(hBox.max[1]).toBeLessThan(collarAtHeel);
      expect(hBox.max[1]).toBeGreaterThan(collarAtHeel - 0.008);
      expect(hBox.max[1] - hBox.min[1]).toBeCloseTo(0.009, 3);
      expect(heelTab.box.max[1] - hBox.max[1]).toBeGreaterThan(0.01);
      // Tongue: facing forward and up, centred across the tongue, its top a few millimetres below
      // the top edge, above the laces.
      const tongueZone = zoneVertices(tongue, 'tongue');
      const tBox = boxOf(tongueZone.map(({ p }) => p));
      for (const { n } of tongueZone) {
        expect(n[0]).toBeGreaterThan(0.6);
        expect(n[1]).toBeGreaterThan(0.2);
      }
      const level = boxOf(tongue.positions.filter((p) => p[1] >= tBox.min[1] && p[1] <= tBox.max[1]));
      expect(Math.abs(centre(tBox, 2) - centre(level, 2))).toBeLessThan(0.001);
      // (The padded top edge rolls over a few millimetres above the outer face's edge.)
      expect(tongue.box.max[1] - tBox.max[1]).toBeGreaterThan(0.004);
      expect(tongue.box.max[1] - tBox.max[1]).toBeLessThan(0.01);
      // Nothing of the laces (the bow included) lies in front of the zone, seen square to it.
      const mean = (k: 0 | 1 | 2, of: 'p' | 'n'): number => tongueZone.reduce((sum, v) => sum + v[of][k], 0) / tongueZone.length;
      const [c, nrm] = [[mean(0, 'p'), mean(1, 'p'), mean(2, 'p')], [mean(0, 'n'), mean(1, 'n'), mean(2, 'n')]];
      const nLength = Math.hypot(...nrm);
      const across = [0, 0, 1];
      const along = [nrm[1]! / nLength, -nrm[0]! / nLength, 0];
      const coords = (p: readonly number[]): number[] =>
        [across, along, nrm.map((x) => x / nLength)].map((axis) => axis.reduce((sum, a, k) => sum + a * (p[k]! - c[k]!), 0));
      const zoneCoords = tongueZone.map(({ p }) => coords(p));
      const [aMax, uMin, uMax] = [Math.max(...zoneCoords.map((q) => Math.abs(q[0]!))), Math.min(...zoneCoords.map((q) => q[1]!)), Math.max(...zoneCoords.map((q) => q[1]!))];
      expect(uMax - uMin).toBeGreaterThan(0.008);
      const covering = parts.laces.positions.map(coords).filter(([a, u, h]) => Math.abs(a!) < aMax && u! > uMin && u! < uMax && h! > -0.002);
      expect(covering).toEqual([]);
      // Zone corners lie on the face, inside its outline: the tongue is wider than the zone there.
      const rowWidth = (y: number): number => {
        const row = tongue.positions.filter((p) => Math.abs(p[1] - y) < 0.002);
        return Math.max(...row.map((p) => p[2])) - Math.min(...row.map((p) => p[2]));
      };
      expect(rowWidth(tBox.max[1])).toBeGreaterThan(0.036);
    });

    it('shows artwork upright and unmirrored seen from outside (v = 0 at the top, glTF convention)', () => {
      // Front faces wind counter-clockwise seen from outside; with v running down the image, an
      // unmirrored print then winds clockwise in (u, v).
      for (const id of PRINTED) {
        const { printUvs, indices } = parts[id];
        const regions = triangleRegions(parts[id]);
        let clockwise = 0;
        let counter = 0;
        for (let t = 0; t < indices.length; t += 3) {
          if (regions[t / 3] !== id) continue;
          const [a, b, c] = [0, 1, 2].map((k) => printUvs![indices[t + k]!]!) as [[number, number], [number, number], [number, number]];
          const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
          if (area < 0) clockwise++;
          else counter++;
        }
        expect(counter, id).toBe(0);
        expect(clockwise, id).toBeGreaterThanOrEqual(8);
      }
      // The heel tab, seen from behind the standing shoe: down the image is down, and across it
      // runs left to right, from the medial side (−Z) to the lateral (+Z).
      const heel = zoneVertices(parts.heelTab, 'heelTab');
      expect(correlation(heel.map(({ uv }) => uv[1]), heel.map(({ p }) => p[1]))).toBeLessThan(-0.99);
      expect(correlation(heel.map(({ uv }) => uv[0]), heel.map(({ p }) => p[2]))).toBeGreaterThan(0.99);
      // The tongue, seen from in front of the shoe and above: the image's top toward the tongue's
      // top edge (up and back), and across it left to right, from the lateral side (+Z) to the medial.
      const tongue = zoneVertices(parts.tongue, 'tongue');
      expect(correlation(tongue.map(({ uv }) => uv[1]), tongue.map(({ p }) => p[1]))).toBeLessThan(-0.95);
      expect(correlation(tongue.map(({ uv }) => uv[1]), tongue.map(({ p }) => p[0]))).toBeGreaterThan(0.95);
      expect(correlation(tongue.map(({ uv }) => uv[0]), tongue.map(({ p }) => p[2]))).toBeLessThan(-0.95);
    });

    it('publishes the same zones in printZones.json, at one scale, in separate rects of the atlas', () => {
      const published = JSON.parse(readFileSync(ZONES_PATH, 'utf8')) as {
        atlasSize: number;
        uvOrigin: string;
        blank: number[];
        zones: Record<string, { widthMm: number; heightMm: number; uv: number[]; mesh: string; meshes: string[]; placement: string }>;
      };
      expect(published).toEqual(JSON.parse(JSON.stringify(printZonesDocument())));
      expect(published.atlasSize).toBe(2048);
      expect(published.uvOrigin).toBe('top-left');
      expect(published.blank).toEqual([0.95, 0.95, 1, 1]);
      expect(Object.keys(published.zones).sort()).toEqual(['heelTab', 'tongue']);
      const expected = {
        heelTab: { widthMm: 24, heightMm: 9, uv: [0, 0, 0.1875, 0.0703125] },
        tongue: { widthMm: 30, heightMm: 10, uv: [0, 0.09375, 0.234375, 0.171875] },
      };
      for (const [id, zone] of Object.entries(expected)) {
        const got = published.zones[id]!;
        expect(got.widthMm, id).toBe(zone.widthMm);
        expect(got.heightMm, id).toBe(zone.heightMm);
        expect(got.mesh, id).toBe(id);
        expect(got.meshes, id).toEqual([id]);
        expect(got.placement.length, id).toBeGreaterThan(20);
        got.uv.forEach((c, k) => expect(c, `${id} uv[${k}]`).toBeCloseTo(zone.uv[k]!, 9));
        // Same pixels per millimetre in both zones.
        expect(((got.uv[2]! - got.uv[0]!) * 2048) / got.widthMm, id).toBeCloseTo(16, 9);
        expect(((got.uv[3]! - got.uv[1]!) * 2048) / got.heightMm, id).toBeCloseTo(16, 9);
      }
      // Apart from each other and from the blank corner, with a gutter against texture bleeding.
      const [a, b] = [published.zones.heelTab!.uv, published.zones.tongue!.uv];
      expect(b[1]! - a[3]!).toBeGreaterThanOrEqual(16 / 2048);
      for (const rect of [a, b]) expect(rect[2]! < 0.95 || rect[3]! < 0.95).toBe(true);
    });
  });
});
