// The product's 3D model with its colourways inside (issue 14, "into the catalogue"): the shipped
// glb read with glTF-Transform, and one KHR_materials_variants variant per colourway, each part's
// meshes mapped to a material made from the colourway's look of that part (colour from the option's
// hex, roughness and metalness from the material's appearance). Viewers that know the extension
// (three.js, model-viewer, Babylon) switch colourways without another download.
import { Document, WebIO, type Material } from '@gltf-transform/core';
import { ALL_EXTENSIONS, KHRMaterialsVariants } from '@gltf-transform/extensions';
import type { ColourwayVariant } from '../domain/design/index.ts';
import type { PartLook } from '../domain/design/index.ts';
import type { Product } from '../domain/index.ts';

/**
 * The glb `model` (the product's shipped model, as bytes) with a material variant per colourway,
 * named after the colourway, in the presets' order. Looks shared by several colourways share one
 * material; a part whose meshes the model lacks is skipped (the model names every part today).
 */
export async function colourwayModel(model: Uint8Array, product: Product, variants: readonly ColourwayVariant[]): Promise<Uint8Array> {
  const io = new WebIO().registerExtensions(ALL_EXTENSIONS);
  const document = await io.readBinary(model);
  addVariants(document, product, variants);
  return io.writeBinary(document);
}

function addVariants(document: Document, product: Product, variants: readonly ColourwayVariant[]): void {
  const extension = document.createExtension(KHRMaterialsVariants);
  const materials = new Map<string, Material>();
  const materialOf = (look: PartLook): Material => {
    const key = `${look.materialId}|${look.colour}|${look.appearance.roughness}|${look.appearance.metalness}`;
    let material = materials.get(key);
    if (!material) {
      material = document.createMaterial(`${look.materialId} ${look.colour}`)
        .setBaseColorFactor([...linearRgb(look.colour), 1])
        .setRoughnessFactor(look.appearance.roughness)
        .setMetallicFactor(look.appearance.metalness);
      materials.set(key, material);
    }
    return material;
  };
  const gltfVariants = variants.map((variant) => extension.createVariant(variant.preset.name));
  const meshes = new Map(document.getRoot().listMeshes().map((mesh) => [mesh.getName(), mesh]));
  for (const part of product.parts) {
    if (part.kind !== 'part') continue;
    // Variants by the material they give this part: one mapping per material, naming its variants.
    const byMaterial = new Map<Material, number[]>();
    variants.forEach((variant, index) => {
      const look = variant.looks[part.id];
      if (!look) return;
      const material = materialOf(look);
      byMaterial.set(material, [...(byMaterial.get(material) ?? []), index]);
    });
    if (byMaterial.size === 0) continue;
    for (const meshName of part.meshes) {
      for (const primitive of meshes.get(meshName)?.listPrimitives() ?? []) {
        const mappings = extension.createMappingList();
        for (const [material, indices] of byMaterial) {
          const mapping = extension.createMapping().setMaterial(material);
          for (const index of indices) mapping.addVariant(gltfVariants[index]!);
          mappings.addMapping(mapping);
        }
        primitive.setExtension('KHR_materials_variants', mappings);
      }
    }
  }
}

/** `#rrggbb` (sRGB, as product.yaml writes colours) → linear RGB, which glTF's baseColorFactor holds. */
export function linearRgb(hex: string): [number, number, number] {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}
