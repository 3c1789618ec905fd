import type { Assignment } from '../product/index.ts';
import type { SurfaceKind } from '../product/index.ts';
import { optionById, type MaterialAppearance, type PartId, type Product } from '../product/index.ts';

/** How one part looks: what the 3D preview applies to the part's mesh. */
export interface PartLook {
  readonly materialId: string;
  readonly appearance: MaterialAppearance;
  /** `#rrggbb`. */
  readonly colour: string;
}

/** The look of every part of a complete design, keyed by part id (= mesh name in the model). */
export function partLooks(product: Product, design: Assignment): Record<PartId, PartLook> {
  const looks: Record<PartId, PartLook> = {};
  for (const part of product.parts) {
    const material = product.attributes.find((attribute) => attribute.partId === part.id && attribute.kind === 'material');
    const colour = product.attributes.find((attribute) => attribute.partId === part.id && attribute.kind === 'colour');
    if (!material || !colour) continue;
    const materialOption = optionById(material, design[material.id]!);
    const colourOption = optionById(colour, design[colour.id]!);
    looks[part.id] = { materialId: materialOption.id, appearance: materialOption.appearance!, colour: colourOption.hex! };
  }
  return looks;
}

/** The surface kinds a design's looks use, each once: the map sets its preview needs. */
export function surfaceKindsOf(looks: Readonly<Record<PartId, PartLook>>): SurfaceKind[] {
  const kinds = new Set<SurfaceKind>();
  for (const look of Object.values(looks)) if (look.appearance.surface) kinds.add(look.appearance.surface.kind);
  return [...kinds];
}
