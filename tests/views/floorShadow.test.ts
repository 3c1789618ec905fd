// The soft contact shadow under each product, baked from its model as the preview loads it: one
// shadow under the product, darkest under its middle, not separate blobs (the t-shirt's sleeves
// once threw two patches on the floor beside a shirt with no shadow under it).
import { readFileSync } from 'node:fs';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { describe, expect, it } from 'vitest';
import { loadProduct, modelParts, modelVariant, type Product } from '../../src/domain/index.ts';
import { bakeFloorShadow } from '../../src/views/preview/bakeFloorShadow.ts';
import { findPartMeshes } from '../../src/views/preview/partMeshes.ts';

/** A design of `product` with each attribute at its first option, or at `choices`. */
function designOf(product: Product, choices: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(product.attributes.map((attribute) => [attribute.id, choices[attribute.id] ?? attribute.options[0]!.id]));
}

async function shadowOf(productId: string, choices: Record<string, string> = {}) {
  const loaded = loadProduct(`models/${productId}/product.yaml`, readFileSync(`models/${productId}/product.yaml`, 'utf8'));
  if (!loaded.ok) throw new Error(`${productId}: product file does not load`);
  const product = loaded.value;
  const bytes = readFileSync(`public/models/${product.model}`);
  const gltf = await new Promise<GLTF>((resolve, reject) =>
    new GLTFLoader().parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), '', resolve, reject),
  );
  const parts = findPartMeshes(gltf.scene, modelParts(product));
  // As the preview shows the design: the variant meshes it does not use hidden.
  const shadow = bakeFloorShadow(parts, modelVariant(product, designOf(product, choices)).hiddenMeshes);
  const { data, width, height } = shadow.texture.image as { data: Uint8Array; width: number; height: number };
  const alpha = (column: number, row: number): number => data[4 * (row * width + column) + 3]!;
  // Texture row 0 lies toward +z (see bakeFloorShadow); the model's middle is the texture's middle
  // once the texture's centre is put where the model's footprint is centred.
  const centre = parts.bounds.getCenter(parts.bounds.min.clone());
  const middle = {
    column: Math.round(((centre.x - shadow.centreX) / shadow.size + 0.5) * width - 0.5),
    row: Math.round((0.5 - (centre.z - shadow.centreZ) / shadow.size) * height - 0.5),
  };
  return { alpha, width, height, middle };
}

/** The number of separate patches darker than `threshold` (4-connected). */
function patches(alpha: (c: number, r: number) => number, width: number, height: number, threshold: number): number {
  const seen = new Uint8Array(width * height);
  let count = 0;
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || alpha(start % width, Math.floor(start / width)) < threshold) continue;
    count++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const [c, r] = [i % width, Math.floor(i / width)];
      for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const [nc, nr] = [c + dc, r + dr];
        if (nc < 0 || nr < 0 || nc >= width || nr >= height) continue;
        const j = nr * width + nc;
        if (!seen[j] && alpha(nc, nr) >= threshold) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
  }
  return count;
}

describe('the floor shadow', () => {
  for (const [productId, choices] of [
    ['sneaker', {}],
    ['tshirt', {}],
    ['tshirt', { 'cut.sleeves': 'long' }],
  ] as const) {
    it(`${productId} ${JSON.stringify(choices)}: is one soft shadow, darkest under the product's middle`, async () => {
      const { alpha, width, height, middle } = await shadowOf(productId, choices);
      let darkest = 0;
      for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) darkest = Math.max(darkest, alpha(c, r));
      expect(darkest).toBeGreaterThan(60);
      // Under the middle it is nearly as dark as anywhere.
      expect(alpha(middle.column, middle.row)).toBeGreaterThan(0.6 * darkest);
      // One patch, at a faint and at a strong threshold alike.
      for (const share of [0.15, 0.5]) expect(patches(alpha, width, height, share * darkest), `patches darker than ${share * 100} %`).toBe(1);
    });
  }
});
