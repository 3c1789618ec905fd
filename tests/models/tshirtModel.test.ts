import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document, type Primitive } from '@gltf-transform/core';
import { MeshQuantization } from '../../models/shared/meshQuantization.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_PX_PER_MM, ATLAS_SIZE, PRINT_ZONES, printZonesDocument, type PrintZoneId } from '../../models/tshirt/printZones.ts';

/** The five parts; node name = mesh name = material name = id. */
const PART_IDS = ['body', 'sleeves', 'sleevesLong', 'collar', 'collarV'] as const;
type PartId = (typeof PART_IDS)[number];
const PRINTED = ['body', 'sleeves', 'sleevesLong'] as const;

const GLB_PATH = fileURLToPath(new URL('../../public/models/tshirt.glb', import.meta.url));
const ZONES_PATH = fileURLToPath(new URL('../../models/tshirt/printZones.json', import.meta.url));

interface ValidationReport {
  issues: { numErrors: number; numWarnings: number; messages: { code: string; message: string; pointer?: string; severity: number }[] };
}
// gltf-validator ships without type declarations; this is the slice of its API we use.
const validator = createRequire(import.meta.url)('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<ValidationReport>;
};

type V3 = [number, number, number];
type V2 = [number, number];

interface Box {
  min: V3;
  max: V3;
}

interface PartData {
  positions: V3[];
  normals: V3[];
  uvs: V2[];
  printUvs: V2[] | null;
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

function boxOf(points: readonly V3[]): Box {
  const box: Box = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (const p of points)
    for (let k = 0; k < 3; k++) {
      box.min[k] = Math.min(box.min[k]!, p[k]!);
      box.max[k] = Math.max(box.max[k]!, p[k]!);
    }
  return box;
}

function readPart(doc: Document, name: string): PartData {
  const primitive = primitiveOf(doc, name);
  const read = <T extends number[]>(semantic: string): T[] | null => {
    const accessor = primitive.getAttribute(semantic);
    if (!accessor) return null;
    return Array.from({ length: accessor.getCount() }, (_, i) => accessor.getElement(i, [] as number[]) as T);
  };
  const need = <T extends number[]>(semantic: string): T[] => {
    const values = read<T>(semantic);
    if (!values) throw new Error(`${name} lacks ${semantic}`);
    return values;
  };
  const positions = need<V3>('POSITION');
  const indexAccessor = primitive.getIndices();
  if (!indexAccessor) throw new Error(`${name} is not indexed`);
  return {
    positions,
    normals: need<V3>('NORMAL'),
    uvs: need<V2>('TEXCOORD_0'),
    printUvs: read<V2>('TEXCOORD_1'),
    indices: Array.from(indexAccessor.getArray() ?? []),
    box: boxOf(positions),
  };
}

const centre = (box: Box, k: 0 | 1 | 2): number => 0.5 * (box.min[k] + box.max[k]);

type Region = PrintZoneId | 'blank';
const REGIONS: readonly Region[] = ['front', 'back', 'leftSleeve', 'blank'];

/** The atlas regions a print UV lies in: zone rects (neighbours share an edge) and the blank corner. */
function regionsOf([u, v]: V2): Region[] {
  const eps = 1e-4;
  return REGIONS.filter((id) => {
    const [u0, v0, u1, v1] = id === 'blank' ? [0.95, 0.95, 1, 1] : PRINT_ZONES[id].uv;
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

/** The vertices of `part`'s triangles printed with `zone`. */
function zoneVertices(part: PartData, zone: PrintZoneId): { p: V3; n: V3; uv: V2 }[] {
  const regions = triangleRegions(part);
  const picked = new Set<number>();
  regions.forEach((r, t) => {
    if (r === zone) for (let k = 0; k < 3; k++) picked.add(part.indices[3 * t + k]!);
  });
  return [...picked].sort((a, b) => a - b).map((i) => ({ p: part.positions[i]!, n: part.normals[i]!, uv: part.printUvs![i]! }));
}

describe('tshirt.glb', () => {
  let bytes: Uint8Array;
  let doc: Document;
  let parts: Record<PartId, PartData>;

  beforeAll(async () => {
    bytes = new Uint8Array(readFileSync(GLB_PATH));
    doc = await new NodeIO().registerExtensions([MeshQuantization]).readBinary(bytes);
    parts = Object.fromEntries(PART_IDS.map((id) => [id, readPart(doc, id)])) as Record<PartId, PartData>;
  });

  it('passes the Khronos glTF validator with no errors and no warnings (degenerate triangles count as errors)', async () => {
    const report = await validator.validateBytes(bytes, {
      maxIssues: 50,
      severityOverrides: { ACCESSOR_INDEX_TRIANGLE_DEGENERATE: 0 },
    });
    const problems = report.issues.messages.filter((m) => m.severity <= 1);
    expect(problems).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
    expect(report.issues.numWarnings).toBe(0);
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

  it('has exactly one node, mesh and material per part, under one root node the app can scale', () => {
    const root = doc.getRoot();
    expect(root.listMeshes().map((m) => m.getName()).sort()).toEqual([...PART_IDS].sort());
    expect(root.listMaterials().map((m) => m.getName()).sort()).toEqual([...PART_IDS].sort());
    const [scene] = root.listScenes();
    const tops = scene!.listChildren();
    expect(tops).toHaveLength(1);
    expect(tops[0]!.getMesh()).toBeNull();
    for (const id of PART_IDS) {
      const nodes = root.listNodes().filter((n) => n.getName() === id);
      expect(nodes, id).toHaveLength(1);
      expect(nodes[0]!.getParentNode(), id).toBe(tops[0]);
      const mesh = nodes[0]!.getMesh();
      expect(mesh?.getName(), id).toBe(id);
      expect(mesh?.listPrimitives(), id).toHaveLength(1);
      expect(mesh?.listPrimitives()[0]!.getMaterial()?.getName(), id).toBe(id);
    }
  });

  it('gives every mesh positions, unit normals, fabric UVs and non-degenerate triangles; body and sleeves also print UVs', () => {
    for (const id of PART_IDS) {
      const part = parts[id];
      expect(part.normals.length, id).toBe(part.positions.length);
      expect(part.uvs.length, id).toBe(part.positions.length);
      for (const p of part.positions) expect(p.every(Number.isFinite), id).toBe(true);
      for (const n of part.normals) expect(Math.abs(Math.hypot(...n) - 1), id).toBeLessThan(1e-3);
      for (const uv of part.uvs) expect(uv.every((c) => c >= 0 && c <= 1), id).toBe(true);
      expect(part.indices.length % 3, id).toBe(0);
      let degenerate = 0;
      for (let t = 0; t < part.indices.length; t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => part.positions[part.indices[t + k]!]!);
        const u = [0, 1, 2].map((k) => b![k]! - a![k]!);
        const v = [0, 1, 2].map((k) => c![k]! - a![k]!);
        if (0.5 * Math.hypot(u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!) < 1e-12) degenerate++;
      }
      expect(degenerate, id).toBe(0);
      const printed = (PRINTED as readonly string[]).includes(id);
      expect(part.printUvs !== null, id).toBe(printed);
      if (part.printUvs) expect(part.printUvs.length, id).toBe(part.positions.length);
    }
  });

  it('is a size M shirt in metres: about 0.72 m tall, standing on y = 0, centred on x = 0, facing +Z', () => {
    const all = boxOf(PART_IDS.flatMap((id) => parts[id].positions));
    expect(Math.abs(all.min[1])).toBeLessThan(0.001);
    expect(all.max[1]).toBeGreaterThan(0.7);
    expect(all.max[1]).toBeLessThan(0.74);
    const { body, collarV } = parts;
    expect(Math.abs(centre(body.box, 0))).toBeLessThan(0.001);
    // A torso about 1.04 m round: 0.40–0.44 m across, 0.2–0.26 m deep.
    expect(body.box.max[0] - body.box.min[0]).toBeGreaterThan(0.4);
    expect(body.box.max[0] - body.box.min[0]).toBeLessThan(0.44);
    expect(body.box.max[2] - body.box.min[2]).toBeGreaterThan(0.2);
    expect(body.box.max[2] - body.box.min[2]).toBeLessThan(0.26);
    // The V's tip is at the front.
    const tip = collarV.positions.reduce((lo, p) => (p[1] < lo[1] ? p : lo));
    expect(Math.abs(tip[0])).toBeLessThan(0.002);
    expect(tip[2]).toBeGreaterThan(0.05);
  });

  it('is mirror-symmetric in x = 0, every part', () => {
    for (const id of PART_IDS) {
      const cell = 1e-4;
      const grid = new Map<string, V3[]>();
      const key = (p: V3, dx = 0, dy = 0, dz = 0): string =>
        `${Math.floor(p[0] / cell) + dx},${Math.floor(p[1] / cell) + dy},${Math.floor(p[2] / cell) + dz}`;
      for (const p of parts[id].positions) grid.set(key(p), [...(grid.get(key(p)) ?? []), p]);
      let unmatched = 0;
      for (const p of parts[id].positions) {
        const m: V3 = [-p[0], p[1], p[2]];
        let found = false;
        for (let dx = -1; dx <= 1 && !found; dx++)
          for (let dy = -1; dy <= 1 && !found; dy++)
            for (let dz = -1; dz <= 1 && !found; dz++)
              found = (grid.get(key(m, dx, dy, dz)) ?? []).some((q) => Math.hypot(q[0] - m[0], q[1] - m[1], q[2] - m[2]) < 1e-5);
        if (!found) unmatched++;
      }
      expect(unmatched, id).toBe(0);
    }
  });

  it('has sleeves angled down from the shoulders, the long ones reaching lower, both wider than the body', () => {
    const { body, sleeves, sleevesLong, collar } = parts;
    for (const [id, part] of [
      ['sleeves', sleeves],
      ['sleevesLong', sleevesLong],
    ] as const) {
      expect(part.box.max[0], id).toBeGreaterThan(body.box.max[0] + 0.08);
      expect(part.box.min[0], id).toBeLessThan(body.box.min[0] - 0.08);
      expect(Math.abs(centre(part.box, 0)), id).toBeLessThan(0.001);
      // Below the shoulders (the side neck points are 5 cm higher), and on both sides.
      expect(part.box.max[1], id).toBeLessThan(collar.box.max[1] - 0.04);
      expect(part.positions.filter((p) => p[0] > 0).length, id).toBe(part.positions.filter((p) => p[0] < 0).length);
      // Angled down: the far end of each sleeve is lower than where it leaves the body.
      const far = part.positions.filter((p) => p[0] > part.box.max[0] - 0.03);
      expect(Math.max(...far.map((p) => p[1])), id).toBeLessThan(part.box.max[1] - 0.05);
    }
    expect(sleevesLong.box.min[1]).toBeLessThan(sleeves.box.min[1] - 0.25);
    // A short sleeve ends above the elbow (~0.2 m from the shoulder), a long one at the wrist.
    expect(sleeves.box.max[0]).toBeLessThan(0.45);
    expect(sleevesLong.box.min[1]).toBeLessThan(0.25);
  });

  it('has a collar rib round a neck opening you can see down into, crew and V', () => {
    const { body, collar, collarV } = parts;
    for (const [id, rib] of [
      ['collar', collar],
      ['collarV', collarV],
    ] as const) {
      expect(rib.box.max[1], id).toBeGreaterThan(0.7);
      expect(rib.box.max[0] - rib.box.min[0], id).toBeGreaterThan(0.17);
      expect(rib.box.max[0] - rib.box.min[0], id).toBeLessThan(0.26);
    }
    expect(collarV.box.min[1]).toBeLessThan(collar.box.min[1] - 0.01);
    // Nothing blocks a vertical line down through the middle of the neck: the opening is open
    // and so is the hem.
    const hitsVerticalLine = (part: PartData, x: number, z: number): number => {
      let hits = 0;
      for (let t = 0; t < part.indices.length; t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => part.positions[part.indices[t + k]!]!) as [V3, V3, V3];
        const d1 = (b[0] - a[0]) * (z - a[2]) - (b[2] - a[2]) * (x - a[0]);
        const d2 = (c[0] - b[0]) * (z - b[2]) - (c[2] - b[2]) * (x - b[0]);
        const d3 = (a[0] - c[0]) * (z - c[2]) - (a[2] - c[2]) * (x - c[0]);
        if ((d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0)) hits++;
      }
      return hits;
    };
    for (const [x, z] of [
      [0, 0],
      [0.03, 0],
      [-0.03, 0],
      [0, 0.03],
      [0, -0.04],
    ] as const)
      for (const part of [body, collar, collarV]) expect(hitsVerticalLine(part, x, z)).toBe(0);
  });

  describe('print zones (TEXCOORD_1)', () => {
    it('maps every vertex into a zone rect or the blank corner, and every triangle wholly into one of them', () => {
      for (const id of PRINTED) {
        const part = parts[id];
        expect(part.printUvs!.filter((uv) => regionsOf(uv).length === 0), id).toEqual([]);
        const regions = triangleRegions(part);
        expect(regions.filter((r) => r === null).length, id).toBe(0);
        // The body carries the front and back zones, the sleeves only the sleeve zone.
        expect(new Set(regions), id).toEqual(new Set(id === 'body' ? ['front', 'back', 'blank'] : ['leftSleeve', 'blank']));
      }
    });

    it('fills each zone rect edge to edge', () => {
      for (const [zone, id] of [
        ['front', 'body'],
        ['back', 'body'],
        ['leftSleeve', 'sleeves'],
        ['leftSleeve', 'sleevesLong'],
      ] as const) {
        const uvs = zoneVertices(parts[id], zone).map(({ uv }) => uv);
        const [u0, v0, u1, v1] = PRINT_ZONES[zone].uv;
        expect(Math.min(...uvs.map((uv) => uv[0])), zone).toBeCloseTo(u0, 4);
        expect(Math.max(...uvs.map((uv) => uv[0])), zone).toBeCloseTo(u1, 4);
        expect(Math.min(...uvs.map((uv) => uv[1])), zone).toBeCloseTo(v0, 4);
        expect(Math.max(...uvs.map((uv) => uv[1])), zone).toBeCloseTo(v1, 4);
      }
    });

    it('prints the chest region into the front rect, and places each zone where it belongs', () => {
      const { body, sleeves, collar } = parts;
      const front = zoneVertices(body, 'front').map(({ p }) => p);
      const back = zoneVertices(body, 'back').map(({ p }) => p);
      const fBox = boxOf(front);
      const bBox = boxOf(back);
      // The chest: on the front, centred, top about 90 mm below the crew rib's lowest point at the front.
      expect(fBox.min[2]).toBeGreaterThan(0.05);
      expect(Math.abs(centre(fBox, 0))).toBeLessThan(0.001);
      expect(fBox.max[1] - fBox.min[1]).toBeCloseTo(0.36, 2);
      const ribFront = Math.min(...collar.positions.filter((p) => Math.abs(p[0]) < 0.005 && p[2] > 0).map((p) => p[1]));
      expect(ribFront - fBox.max[1]).toBeGreaterThan(0.04);
      expect(ribFront - fBox.max[1]).toBeLessThan(0.09);
      // Every vertex of the chest region facing out of the front is printed with the front zone.
      const chest = body.positions
        .map((p, i) => ({ p, n: body.normals[i]!, uv: body.printUvs![i]! }))
        .filter(({ p, n }) => p[2] > 0 && n[2] > 0.5 && Math.abs(p[0]) < 0.12 && p[1] > fBox.min[1] + 0.005 && p[1] < fBox.max[1] - 0.005);
      expect(chest.length).toBeGreaterThan(50);
      for (const { uv } of chest) expect(regionsOf(uv)).toEqual(['front']);
      // The back zone on the upper back.
      expect(bBox.max[2]).toBeLessThan(-0.05);
      expect(Math.abs(centre(bBox, 0))).toBeLessThan(0.001);
      expect(bBox.max[1]).toBeGreaterThan(fBox.max[1]);
      // The sleeve zone on the wearer's left sleeve (+X), on its upper outer side.
      const sleeveZone = zoneVertices(sleeves, 'leftSleeve').map(({ p }) => p);
      const sBox = boxOf(sleeveZone);
      expect(sBox.min[0]).toBeGreaterThan(0.18);
      expect(sBox.min[1]).toBeGreaterThan(0.5);
      expect(Math.abs(centre(sBox, 2))).toBeLessThan(0.002);
    });

    it('keeps artwork at its size and undistorted: 0.56 m of fabric per atlas unit, within 5 %', () => {
      const metresPerUv = ATLAS_SIZE / ATLAS_PX_PER_MM / 1000;
      expect(metresPerUv).toBeCloseTo(0.56, 6);
      for (const id of PRINTED) {
        const { positions, printUvs, indices } = parts[id];
        const regions = triangleRegions(parts[id]);
        for (let t = 0; t < indices.length; t += 3) {
          const tri = [0, 1, 2].map((k) => indices[t + k]!);
          if (regions[t / 3] === 'blank') continue;
          for (let k = 0; k < 3; k++) {
            const [i, j] = [tri[k]!, tri[(k + 1) % 3]!];
            const onFabric = Math.hypot(...positions[i]!.map((c, a) => c - positions[j]![a]!));
            const inAtlas = Math.hypot(printUvs![i]![0] - printUvs![j]![0], printUvs![i]![1] - printUvs![j]![1]) * metresPerUv;
            expect(Math.abs(inAtlas / onFabric - 1), id).toBeLessThan(0.05);
          }
        }
      }
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
          const [a, b, c] = [0, 1, 2].map((k) => printUvs![indices[t + k]!]!) as [V2, V2, V2];
          if (regions[t / 3] === 'blank') continue;
          const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
          if (area < 0) clockwise++;
          else counter++;
        }
        expect(counter, id).toBe(0);
        expect(clockwise, id).toBeGreaterThan(30);
      }
      // Upright: down the image is down the shirt; across it runs left to right as seen facing it.
      const front = zoneVertices(parts.body, 'front');
      expect(correlation(front.map(({ uv }) => uv[1]), front.map(({ p }) => p[1]))).toBeLessThan(-0.99);
      expect(correlation(front.map(({ uv }) => uv[0]), front.map(({ p }) => p[0]))).toBeGreaterThan(0.99);
      const back = zoneVertices(parts.body, 'back');
      expect(correlation(back.map(({ uv }) => uv[1]), back.map(({ p }) => p[1]))).toBeLessThan(-0.99);
      expect(correlation(back.map(({ uv }) => uv[0]), back.map(({ p }) => p[0]))).toBeLessThan(-0.99);
      // On the left sleeve, seen from outside: top toward the shoulder, left toward the front.
      for (const id of ['sleeves', 'sleevesLong'] as const) {
        const sleeve = zoneVertices(parts[id], 'leftSleeve');
        expect(correlation(sleeve.map(({ uv }) => uv[1]), sleeve.map(({ p }) => p[1])), id).toBeLessThan(-0.95);
        expect(correlation(sleeve.map(({ uv }) => uv[0]), sleeve.map(({ p }) => p[2])), id).toBeLessThan(-0.95);
      }
    });

    it('publishes the same zones in printZones.json', () => {
      const published = JSON.parse(readFileSync(ZONES_PATH, 'utf8')) as {
        atlasSize: number;
        zones: Record<string, { widthMm: number; heightMm: number; uv: number[]; mesh: string }>;
      };
      expect(published).toEqual(JSON.parse(JSON.stringify(printZonesDocument())));
      expect(published.atlasSize).toBe(2048);
      expect(Object.keys(published.zones).sort()).toEqual(['back', 'front', 'leftSleeve']);
      const expected = {
        front: { widthMm: 280, heightMm: 360, uv: [0, 0, 0.5, 0.6428], mesh: 'body' },
        back: { widthMm: 280, heightMm: 360, uv: [0.5, 0, 1, 0.6428], mesh: 'body' },
        leftSleeve: { widthMm: 80, heightMm: 80, uv: [0, 0.7, 0.1428, 0.8428], mesh: 'sleeves' },
      };
      for (const [id, zone] of Object.entries(expected)) {
        const got = published.zones[id]!;
        expect(got.widthMm, id).toBe(zone.widthMm);
        expect(got.heightMm, id).toBe(zone.heightMm);
        expect(got.mesh, id).toBe(zone.mesh);
        got.uv.forEach((c, k) => expect(c, `${id} uv[${k}]`).toBeCloseTo(zone.uv[k]!, 3));
        // Same pixels per millimetre in every zone.
        expect(((got.uv[2]! - got.uv[0]!) * 2048) / got.widthMm, id).toBeCloseTo(1024 / 280, 6);
        expect(((got.uv[3]! - got.uv[1]!) * 2048) / got.heightMm, id).toBeCloseTo(1024 / 280, 6);
      }
    });
  });
});
