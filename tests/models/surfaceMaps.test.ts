// The committed material maps: what the generator makes, seamless when tiled, one set for every
// surface kind the products name, and within the texture budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadProduct, SURFACE_KINDS, type SurfaceKind } from '../../src/domain/index.ts';
import { generateSurfaceMap } from '../../models/textures/surfaceMaps.ts';

const TEXTURE_DIR = join(process.cwd(), 'public/textures');
const PRODUCT_FILES = readdirSync(join(process.cwd(), 'models'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((folder) => join('models', folder.name, 'product.yaml'))
  .filter((file) => statSync(join(process.cwd(), file), { throwIfNoEntry: false })?.isFile());
/** PRODUCT.md §7: material textures ≤ 1.5 MB in all. */
const TEXTURE_BUDGET_BYTES = 1_500_000;

interface Pixels {
  readonly size: number;
  readonly data: Uint8Array;
}

async function decoded(kind: SurfaceKind): Promise<Pixels> {
  const { data, info } = await sharp(readFileSync(join(TEXTURE_DIR, `${kind}.webp`))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info.width, `${kind}.webp should be square`).toBe(info.height);
  return { size: info.width, data: new Uint8Array(data) };
}

/**
 * By how many levels the worst channel's step across the wrap-around edge (last column to first,
 * and last row to first) exceeds the largest step between neighbouring columns (or rows) inside
 * the map, as means over the edge. At most 0 for a map that tiles: its edge is an ordinary step.
 * A map that ends mid-pattern makes its edge a jump.
 */
function seamExcess({ size, data }: Pixels, width = size): number {
  const at = (row: number, column: number, channel: number) => data[4 * (row * size + column) + channel]!;
  const columnStep = (a: number, b: number, channel: number) => {
    let sum = 0;
    for (let row = 0; row < size; row += 1) sum += Math.abs(at(row, a, channel) - at(row, b, channel));
    return sum / size;
  };
  const rowStep = (a: number, b: number, channel: number) => {
    let sum = 0;
    for (let column = 0; column < width; column += 1) sum += Math.abs(at(a, column, channel) - at(b, column, channel));
    return sum / width;
  };
  let worst = -Infinity;
  for (let channel = 0; channel < 4; channel += 1) {
    let inside = 0;
    for (let column = 0; column + 1 < width; column += 1) inside = Math.max(inside, columnStep(column, column + 1, channel));
    worst = Math.max(worst, columnStep(width - 1, 0, channel) - inside);
    if (width !== size) continue;
    inside = 0;
    for (let row = 0; row + 1 < size; row += 1) inside = Math.max(inside, rowStep(row, row + 1, channel));
    worst = Math.max(worst, rowStep(size - 1, 0, channel) - inside);
  }
  return worst;
}

/** Mean difference per channel between two maps' pixels, the second moved `shift` pixels to the right. */
function meanDifference(a: Pixels, b: Pixels, shift = 0): number {
  let sum = 0;
  for (let row = 0; row < a.size; row += 1) {
    for (let column = 0; column < a.size; column += 1) {
      const other = 4 * (row * a.size + ((column + shift) % a.size));
      for (let channel = 0; channel < 4; channel += 1) sum += Math.abs(a.data[4 * (row * a.size + column) + channel]! - b.data[other + channel]!);
    }
  }
  return sum / (a.size * a.size * 4);
}

const committed = new Map<SurfaceKind, Pixels>();
const generated = new Map<SurfaceKind, Pixels>();
beforeAll(async () => {
  for (const kind of SURFACE_KINDS) {
    committed.set(kind, await decoded(kind));
    const map = generateSurfaceMap(kind);
    generated.set(kind, { size: map.size, data: map.pixels });
  }
}, 240_000);

describe('the material maps', () => {
  it.each(SURFACE_KINDS)('%s is generated seamless: the wrap-around edges are ordinary steps, by pixels', (kind) => {
    expect(seamExcess(generated.get(kind)!)).toBeLessThanOrEqual(0.5);
  });

  it('would show a seam where a map does not wrap (the check can fail)', () => {
    // A map cut off in the middle of its pattern ends where its start does not continue it (foam
    // is left out: its pores are so sparse that a cut seldom meets one).
    for (const kind of SURFACE_KINDS.filter((name) => name !== 'foam')) expect(seamExcess(generated.get(kind)!, generated.get(kind)!.size / 2 + 7), kind).toBeGreaterThan(0.5);
  });

  it('are power-of-two squares (so they mipmap and repeat)', () => {
    for (const [kind, { size }] of committed) expect(Number.isInteger(Math.log2(size)), `${kind}: ${size} px`).toBe(true);
  });

  it('are made the same way on every run', () => {
    for (const kind of ['rib', 'patent'] as const) expect(Buffer.from(generateSurfaceMap(kind).pixels).equals(Buffer.from(generated.get(kind)!.data))).toBe(true);
  });

  it.each(SURFACE_KINDS)('%s.webp is what the generator makes (run `npm run textures` after changing it)', (kind) => {
    const file = committed.get(kind)!;
    const made = generated.get(kind)!;
    expect(file.size).toBe(made.size);
    // Lossy WebP moves each level a little; a map made another way is as far off as another part of the same map.
    expect(meanDifference(file, made)).toBeLessThan(0.6 * meanDifference(file, made, made.size / 2 + 5));
  });

  it('exist for every surface kind a product names', () => {
    const named = new Set<SurfaceKind>();
    expect(PRODUCT_FILES.length).toBeGreaterThanOrEqual(2);
    for (const file of PRODUCT_FILES) {
      const result = loadProduct(file, readFileSync(join(process.cwd(), file), 'utf8'));
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      for (const attribute of result.value.attributes) for (const option of attribute.options) if (option.appearance?.surface) named.add(option.appearance.surface.kind);
    }
    expect(named.size).toBeGreaterThan(0);
    for (const kind of named) expect(committed.has(kind), `public/textures/${kind}.webp`).toBe(true);
  });

  it('stay within the texture budget, all of them together', () => {
    const files = readdirSync(TEXTURE_DIR);
    const total = files.reduce((sum, file) => sum + statSync(join(TEXTURE_DIR, file)).size, 0);
    expect(files.sort()).toEqual(SURFACE_KINDS.map((kind) => `${kind}.webp`).sort());
    expect(total).toBeLessThanOrEqual(TEXTURE_BUDGET_BYTES);
  });
});
