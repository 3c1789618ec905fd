// The details that make the sneaker read as a made shoe rather than a clay prototype: stitching
// along the panel edges, a side logo with a designed curved outline, laces through real eyelets,
// and a heel tab that is a pull loop. Measured on the committed model, as the app loads it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MeshQuantization } from '../../models/shared/meshQuantization.ts';

type V3 = [number, number, number];

interface Part {
  positions: V3[];
  normals: V3[];
  indices: number[];
}

const GLB_PATH = fileURLToPath(new URL('../../public/models/sneaker.glb', import.meta.url));

function readPart(doc: Document, name: string): Part {
  const mesh = doc.getRoot().listMeshes().find((m) => m.getName() === name);
  const primitive = mesh?.listPrimitives()[0];
  if (!primitive) throw new Error(`the sneaker has no mesh "${name}"`);
  const read = (semantic: string): V3[] => {
    const accessor = primitive.getAttribute(semantic)!;
    return Array.from({ length: accessor.getCount() }, (_, i) => accessor.getElement(i, [] as number[]) as V3);
  };
  return { positions: read('POSITION'), normals: read('NORMAL'), indices: Array.from(primitive.getIndices()!.getArray()!) };
}

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const len = (a: V3): number => Math.hypot(...a);
const mean = (points: readonly V3[]): V3 => {
  const s: V3 = [0, 0, 0];
  for (const p of points) for (let k = 0; k < 3; k++) s[k]! += p[k]!;
  return [s[0] / points.length, s[1] / points.length, s[2] / points.length];
};

/** The connected pieces of a mesh (vertex sets joined by triangles, welded by position). */
function components(part: Part): number[][] {
  const parent = part.positions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => void (parent[find(a)] = find(b));
  const byPosition = new Map<string, number>();
  part.positions.forEach((p, i) => {
    const key = p.map((c) => c.toFixed(6)).join(',');
    const first = byPosition.get(key);
    if (first === undefined) byPosition.set(key, i);
    else union(i, first);
  });
  for (let t = 0; t < part.indices.length; t += 3) {
    union(part.indices[t]!, part.indices[t + 1]!);
    union(part.indices[t]!, part.indices[t + 2]!);
  }
  const groups = new Map<number, number[]>();
  part.positions.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()];
}

/** The boundary edges of a mesh (edges of one triangle only, welded by position), as segments. */
function boundarySegments(part: Part): [V3, V3][] {
  const key = (i: number): string => part.positions[i]!.map((c) => c.toFixed(6)).join(',');
  const count = new Map<string, { a: number; b: number; n: number }>();
  for (let t = 0; t < part.indices.length; t += 3)
    for (let k = 0; k < 3; k++) {
      const a = part.indices[t + k]!;
      const b = part.indices[t + ((k + 1) % 3)]!;
      const [ka, kb] = [key(a), key(b)];
      const id = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      const e = count.get(id);
      if (e) e.n++;
      else count.set(id, { a, b, n: 1 });
    }
  return [...count.values()].filter((e) => e.n === 1).map((e) => [part.positions[e.a]!, part.positions[e.b]!]);
}

function distanceToSegment(p: V3, [a, b]: [V3, V3]): number {
  const ab = sub(b, a);
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / Math.max(1e-18, dot(ab, ab))));
  return len(sub(p, [a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t]));
}

type P2 = [number, number];

/** Convex hull of 2D points (monotone chain), counter-clockwise. */
function hull(points: readonly P2[]): P2[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: P2, a: P2, b: P2): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: P2[]): P2[] => {
    const out: P2[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

const polygonArea = (poly: readonly P2[]): number =>
  Math.abs(poly.reduce((s, p, i) => s + p[0] * poly[(i + 1) % poly.length]![1] - poly[(i + 1) % poly.length]![0] * p[1], 0)) / 2;

/** The smallest rectangle round a convex polygon (one side lies along one of its edges). */
function minRectangleArea(poly: readonly P2[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const [a, b] = [poly[i]!, poly[(i + 1) % poly.length]!];
    const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const u: P2 = [(b[0] - a[0]) / l, (b[1] - a[1]) / l];
    const along = poly.map((p) => p[0] * u[0] + p[1] * u[1]);
    const across = poly.map((p) => -p[0] * u[1] + p[1] * u[0]);
    best = Math.min(best, (Math.max(...along) - Math.min(...along)) * (Math.max(...across) - Math.min(...across)));
  }
  return best;
}

let doc: Document;
beforeAll(async () => {
  doc = await new NodeIO().registerExtensions([MeshQuantization]).readBinary(new Uint8Array(readFileSync(GLB_PATH)));
});

describe('the sneaker’s made details', () => {
  it('has a side logo with a designed, curved outline: not a rectangle, not a band with straight edges', () => {
    const logo = readPart(doc, 'sidePanel');
    // The lateral logo, seen from the side (x along the shoe, y up).
    const outline = hull(logo.positions.filter((p) => p[2] > 0).map((p): P2 => [p[0], p[1]]));
    expect(polygonArea(outline) / minRectangleArea(outline)).toBeLessThan(0.8);
    // Its edges curve: many hull corners, each turning a little, rather than four sharp ones.
    const turns = outline.map((p, i) => {
      const a = outline[(i - 1 + outline.length) % outline.length]!;
      const b = outline[(i + 1) % outline.length]!;
      const t1 = Math.atan2(p[1] - a[1], p[0] - a[0]);
      const t2 = Math.atan2(b[1] - p[1], b[0] - p[0]);
      return Math.abs(((t2 - t1 + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
    });
    expect(turns.filter((t) => t > (1 * Math.PI) / 180 && t < (30 * Math.PI) / 180).length).toBeGreaterThanOrEqual(12);
    // Big enough to read from across a room: at least 5 cm long and 1 cm high.
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => p[1]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.05);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.01);
  });

  it('is stitched along the edges of its overlays: short stitches a few millimetres inside each panel’s edge, on top of it', () => {
    const stitches = readPart(doc, 'fixed_stitches');
    const overlays = ['toeCap', 'eyestay', 'heelCounter', 'sidePanel'] as const;
    // The quarter's seams (with the vamp, along the collar) may be stitched too.
    const panels = [...overlays, 'quarter'] as const;
    const edges = Object.fromEntries(panels.map((id) => [id, boundarySegments(readPart(doc, id))]));
    const perPanel = Object.fromEntries(overlays.map((id) => [id, 0]));
    const pieces = components(stitches);
    expect(pieces.length).toBeGreaterThan(150);
    for (const piece of pieces) {
      const points = piece.map((i) => stitches.positions[i]!);
      const centre = mean(points);
      // A stitch is short and thin: a few millimetres long.
      const extent = Math.max(...points.map((p) => len(sub(p, centre))));
      expect(extent).toBeLessThan(0.004);
      const nearest = overlays
        .map((id) => ({ id, d: Math.min(...edges[id]!.map((segment) => distanceToSegment(centre, segment))) }))
        .sort((a, b) => a.d - b.d)[0]!;
      const where = `stitch at ${centre.map((c) => c.toFixed(3)).join(', ')}`;
      if (nearest.d < 0.007) perPanel[nearest.id]!++;
      else expect(Math.min(...edges.quarter!.map((segment) => distanceToSegment(centre, segment))), where).toBeLessThan(0.007);
    }
    // Every overlay is stitched all along, not just one of them.
    for (const id of overlays) expect(perPanel[id], id).toBeGreaterThanOrEqual(12);
  });

  it('laces through real eyelets: the lace passes through the hole of every eyelet ring', () => {
    const rings = readPart(doc, 'fixed_eyelets');
    const laces = readPart(doc, 'laces');
    const pieces = components(rings);
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    for (const piece of pieces) {
      // Each position once: a ring's seam repeats its first column, which would pull its mean aside.
      const points = [...new Map(piece.map((i) => [rings.positions[i]!.map((c) => c.toFixed(6)).join(','), rings.positions[i]!])).values()];
      const centre = mean(points);
      const axis = (() => {
        const n = mean(piece.map((i) => rings.normals[i]!));
        // The ring's axis: the direction its vertices spread least along.
        const candidates = points.map((p) => sub(p, centre)).filter((d) => len(d) > 1e-4);
        const [a, b] = [candidates[0]!, candidates[Math.floor(candidates.length / 3)]!];
        const c: V3 = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
        const l = len(c);
        const axisGuess: V3 = [c[0] / l, c[1] / l, c[2] / l];
        return dot(axisGuess, n) >= 0 || len(n) < 1e-3 ? axisGuess : ([-axisGuess[0], -axisGuess[1], -axisGuess[2]] as V3);
      })();
      const radial = (p: V3): number => {
        const d = sub(p, centre);
        const along = dot(d, axis);
        return len(sub(d, [axis[0] * along, axis[1] * along, axis[2] * along]));
      };
      const holeRadius = Math.min(...points.map(radial));
      const outerRadius = Math.max(...points.map(radial));
      expect(holeRadius).toBeGreaterThan(0.001);
      // The lace's centre line runs through the hole: lace inside the hole at the ring's own
      // height, and below it, where the lace comes up through the leather.
      const axial = (p: V3): number => dot(sub(p, centre), axis);
      const ringBase = Math.min(...points.map(axial));
      const ringTop = Math.max(...points.map(axial));
      const where = `eyelet at ${centre.map((c) => c.toFixed(3)).join(', ')}`;
      const inHole = laces.positions.filter((p) => radial(p) < holeRadius - 0.0002);
      expect(inHole.filter((p) => axial(p) > ringBase && axial(p) < ringTop).length, where).toBeGreaterThan(0);
      expect(inHole.filter((p) => axial(p) < ringBase - 0.001).length, where).toBeGreaterThan(0);
      // And nowhere does the lace cut through the ring's metal: over the ring it lies on it (pressing
      // in by less than a third of a millimetre, the faceting of both).
      const topAt = (r: number): number => Math.max(...points.filter((p) => Math.abs(radial(p) - r) < 0.0002).map(axial), -Infinity);
      for (const p of laces.positions) {
        const r = radial(p);
        if (r > holeRadius + 0.0003 && r < outerRadius - 0.0003 && axial(p) > ringBase && axial(p) < ringTop)
          expect(axial(p), `${where}: lace at ${(r * 1000).toFixed(1)} mm from its centre`).toBeGreaterThan(topAt(r) - 0.0003);
      }
    }
  });

  it('has a heel tab that is a pull loop: seen from the side, a finger-sized hole between its two legs above the collar', () => {
    const tab = readPart(doc, 'heelTab');
    const heel = readPart(doc, 'heelCounter');
    const counterTop = Math.max(...heel.positions.map((p) => p[1]));
    const top = Math.max(...tab.positions.map((p) => p[1]));
    expect(top - counterTop).toBeGreaterThan(0.015);
    // Up in the loop, across the middle of the tab, the material lies in two legs with air between.
    const y = counterTop + 0.62 * (top - counterTop);
    const xs = tab.positions
      .filter((p) => Math.abs(p[1] - y) < 0.0015 && Math.abs(p[2]) < 0.004)
      .map((p) => p[0])
      .sort((a, b) => a - b);
    expect(xs.length).toBeGreaterThan(4);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(Math.max(...gaps)).toBeGreaterThan(0.005);
  });
});
