// The t-shirt drapes like cloth rather than standing like a tin can: its sleeves are not
// cylinders (their cross-sections fold and change along them) and its hem falls in folds.
// Measured on the committed model, as the app loads it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NodeIO, type Document } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MeshQuantization } from '../../models/shared/meshQuantization.ts';

type V3 = [number, number, number];
type P2 = [number, number];

const GLB_PATH = fileURLToPath(new URL('../../public/models/tshirt.glb', import.meta.url));

interface Triangles {
  readonly positions: V3[];
  readonly indices: number[];
}

function meshOf(doc: Document, name: string): Triangles {
  const primitive = doc.getRoot().listMeshes().find((m) => m.getName() === name)?.listPrimitives()[0];
  const accessor = primitive?.getAttribute('POSITION');
  if (!primitive || !accessor) throw new Error(`the t-shirt has no mesh "${name}"`);
  return {
    positions: Array.from({ length: accessor.getCount() }, (_, i) => accessor.getElement(i, [] as number[]) as V3),
    indices: Array.from(primitive.getIndices()!.getArray()!),
  };
}

/** Where the mesh's triangles cross the plane dot(p, normal) = at: the segments of its cross-section. */
function crossSection(mesh: Triangles, normal: V3, at: number, keep: (p: V3) => boolean = () => true): [V3, V3][] {
  const out: [V3, V3][] = [];
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const corners = [0, 1, 2].map((k) => mesh.positions[mesh.indices[t + k]!]!);
    if (!corners.every(keep)) continue;
    const ends: V3[] = [];
    for (let k = 0; k < 3; k++) {
      const a = corners[k]!;
      const b = corners[(k + 1) % 3]!;
      const da = dot(a, normal) - at;
      const db = dot(b, normal) - at;
      if (da < 0 === db < 0) continue;
      const f = da / (da - db);
      ends.push([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
    }
    if (ends.length === 2) out.push([ends[0]!, ends[1]!]);
  }
  return out;
}

const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The outer outline of a cross-section as its radius in 96 directions round its centre, and the
 * amplitude (m) of each harmonic of that radius round the section: an ellipse or a tube has only
 * even ones (2, 4, ...), folds add the odd ones and the fine ones.
 */
function harmonics(section: readonly [P2, P2][]): { mean: number; amplitude: (k: number) => number } {
  const bins = 96;
  const theta = (b: number): number => -Math.PI + ((b + 0.5) / bins) * 2 * Math.PI;
  const points = section.flat();
  let [cx, cy] = [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
  // The outline's radius in a direction: the furthest crossing of a ray from the centre with a segment.
  const radiusAt = (t: number): number => {
    const [dx, dy] = [Math.cos(t), Math.sin(t)];
    let best = 0;
    for (const [a, b] of section) {
      const [ex, ey] = [b[0] - a[0], b[1] - a[1]];
      const det = dx * -ey + dy * ex;
      if (Math.abs(det) < 1e-15) continue;
      const [ax, ay] = [a[0] - cx, a[1] - cy];
      const r = (ax * -ey + ay * ex) / det;
      const s = (dx * ay - dy * ax) / det;
      if (r > best && s >= 0 && s <= 1) best = r;
    }
    return best;
  };
  let radius: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    radius = Array.from({ length: bins }, (_, b) => radiusAt(theta(b)));
    // Centre on the outline itself, not on the mean of the crossings (the inner face counts there).
    [cx, cy] = [cx + radius.reduce((s, r, b) => s + r * Math.cos(theta(b)), 0) / bins, cy + radius.reduce((s, r, b) => s + r * Math.sin(theta(b)), 0) / bins];
  }
  radius = Array.from({ length: bins }, (_, b) => radiusAt(theta(b)));
  return {
    mean: radius.reduce((s, r) => s + r, 0) / bins,
    amplitude: (k) => {
      const re = radius.reduce((s, r, b) => s + r * Math.cos(k * theta(b)), 0);
      const im = radius.reduce((s, r, b) => s + r * Math.sin(k * theta(b)), 0);
      return (2 / bins) * Math.hypot(re, im);
    },
  };
}

/** Root-sum-square amplitude (m) of the harmonics `ks`. */
const amplitudeOf = (h: ReturnType<typeof harmonics>, ks: readonly number[]): number => Math.hypot(...ks.map(h.amplitude));

/** The left sleeve's cross-sections at fractions of its length, across its main axis. */
function sleeveSections(mesh: Triangles, fractions: readonly number[]): [P2, P2][][] {
  const left = mesh.positions.filter((p) => p[0] > 0);
  const centre = [0, 1, 2].map((k) => left.reduce((s, p) => s + p[k]!, 0) / left.length) as V3;
  // The main axis: the direction of greatest spread (power iteration on the covariance).
  let axis: V3 = [1, -0.3, 0];
  for (let step = 0; step < 50; step++) {
    const next: V3 = [0, 0, 0];
    for (const p of left) {
      const d: V3 = [p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]];
      const t = dot(d, axis);
      for (let k = 0; k < 3; k++) next[k]! += d[k]! * t;
    }
    const l = Math.hypot(...next);
    axis = [next[0] / l, next[1] / l, next[2] / l];
  }
  if (axis[0] < 0) axis = [-axis[0], -axis[1], -axis[2]];
  const u: V3 = [0, 0, 1];
  const v: V3 = [axis[1] * u[2] - axis[2] * u[1], axis[2] * u[0] - axis[0] * u[2], axis[0] * u[1] - axis[1] * u[0]];
  const along = left.map((p) => dot(p, axis));
  const [lo, hi] = [Math.min(...along), Math.max(...along)];
  const flat = (p: V3): P2 => [dot(p, u), dot(p, v)];
  return fractions.map((f) => crossSection(mesh, axis, lo + f * (hi - lo), (p) => p[0] > 0).map(([a, b]): [P2, P2] => [flat(a), flat(b)]));
}

let doc: Document;
beforeAll(async () => {
  doc = await new NodeIO().registerExtensions([MeshQuantization]).readBinary(new Uint8Array(readFileSync(GLB_PATH)));
});

describe('the t-shirt drapes', () => {
  // Sections between the print zone and the hem or cuff (measured along the sleeve from the
  // armhole's innermost point, inside the body).
  for (const [mesh, fractions] of [
    ['sleeves', [0.7, 0.75, 0.8]],
    ['sleevesLong', [0.6, 0.7, 0.8, 0.9]],
  ] as const) {
    it(`${mesh}: the sleeve is not a cylinder: its cross-sections fold, and differently along it`, () => {
      const sections = sleeveSections(meshOf(doc, mesh), fractions).map(harmonics);
      // Odd harmonics: folds round the sleeve, which no ellipse has.
      const folds = sections.map((h) => amplitudeOf(h, [3, 5, 7, 9]) / h.mean);
      expect(Math.max(...folds), `fold amplitude ${folds.map((f) => (f * 100).toFixed(2)).join(', ')} % of the radius`).toBeGreaterThan(0.02);
      // The folds move round the sleeve from one section to the next.
      const fifth = sections.map((h) => h.amplitude(5) / h.mean);
      expect(Math.max(...fifth) - Math.min(...fifth)).toBeGreaterThan(0.005);
    });
  }

  it('falls in folds at the hem, and stays smooth where it is printed', () => {
    const body = meshOf(doc, 'body');
    const section = (y: number): [P2, P2][] => crossSection(body, [0, 1, 0], y).map(([a, b]): [P2, P2] => [[a[0], a[2]], [b[0], b[2]]]);
    const bottom = Math.min(...body.positions.map((p) => p[1]));
    const fine = [8, 9, 10, 11, 12, 13, 14, 15, 16];
    const chest = amplitudeOf(harmonics(section(0.4)), fine);
    // Fine ripples round the hem, well beyond what the body's own cut has at the chest...
    expect(amplitudeOf(harmonics(section(bottom + 0.015)), fine)).toBeGreaterThan(1.8 * chest);
    // ...where a print must not ride over folds: there it stays as smooth as its cut.
    expect(chest).toBeLessThan(0.0015);
  });
});
