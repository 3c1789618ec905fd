import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document, type Primitive } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';

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
  const read = <T extends number[]>(semantic: string): T[] => {
    const accessor = primitive.getAttribute(semantic);
    if (!accessor) throw new Error(`${name} lacks ${semantic}`);
    return Array.from({ length: accessor.getCount() }, (_, i) => accessor.getElement(i, [] as number[]) as T);
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
    indices: Array.from(indexAccessor.getArray() ?? []),
    box,
  };
}

const centre = (box: Box, axis: 0 | 1 | 2): number => 0.5 * (box.min[axis] + box.max[axis]);

describe('public/models/sneaker.glb', () => {
  let bytes: Uint8Array;
  let doc: Document;
  let parts: Record<PartId, PartData>;
  let overall: Box;

  beforeAll(async () => {
    bytes = new Uint8Array(readFileSync(GLB_PATH));
    doc = await new NodeIO().readBinary(bytes);
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
    for (const id of ['tongue', 'heelTab'] as const) {
      const part = parts[id];
      expect(where(part, (uv) => uv[1] > 0.98, 1), id).toBeGreaterThan(where(part, (uv) => uv[1] < 0.02, 1) + 0.015);
    }
    expect(where(parts.tongue, (uv) => uv[0] < 0.02, 2)).toBeGreaterThan(where(parts.tongue, (uv) => uv[0] > 0.98, 2) + 0.03);
    expect(where(parts.heelTab, (uv) => uv[0] > 0.98, 2)).toBeGreaterThan(where(parts.heelTab, (uv) => uv[0] < 0.02, 2) + 0.015);
  });
});
