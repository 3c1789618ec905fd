import type { Document, Material } from '@gltf-transform/core';

/** Default PBR look of one mesh, as a product's materials.ts lists it. */
export interface DefaultMaterial {
  /** sRGB colour, `#rrggbb`. */
  readonly colour: string;
  readonly roughness: number;
  readonly metalness: number;
  /** Only for thin shells seen from both sides. */
  readonly doubleSided: boolean;
}

/**
 * Converts `#rrggbb` (sRGB) to linear RGB, the space glTF's baseColorFactor uses.
 *
 * @example
 * srgbToLinear('#ffffff'); // [1, 1, 1]
 */
export function srgbToLinear(hex: string): [number, number, number] {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(1), channel(2)];
}

/**
 * Adds a glTF metallic-roughness material named `name` to `doc` with the look of `material`:
 * opaque base colour (converted to linear), roughness, metalness and double-sidedness.
 */
export function createGltfMaterial(doc: Document, name: string, material: DefaultMaterial): Material {
  return doc
    .createMaterial(name)
    .setBaseColorFactor([...srgbToLinear(material.colour), 1])
    .setRoughnessFactor(material.roughness)
    .setMetallicFactor(material.metalness)
    .setDoubleSided(material.doubleSided);
}
