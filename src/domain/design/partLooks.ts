import type { Assignment } from '../product/index.ts';
import type { SurfaceKind } from '../product/index.ts';
import { attributeById, optionById, type AttributeId, type MaterialAppearance, type OptionDef, type OptionId, type PartDef, type PartId, type Product } from '../product/index.ts';

/** What a design chose for one part: its material and colour (a part), or its choices (a section). */
export interface PartChoices {
  readonly material?: OptionDef;
  readonly colour?: OptionDef;
  /** The section's choices (fit, sleeve length, print method), in the part's order. */
  readonly choices: readonly OptionDef[];
}

/**
 * The options a design holds for one part: its material and colour, and any other choices, each
 * found by the attribute's kind. Attributes the design leaves open are skipped. Every view that
 * shows a part's look (the part's header, the review's table, the drawing's label, a gallery
 * card's highlights) reads it here. An option the product does not have is a bug (`'throw'`), or,
 * for a design made under older rules, skipped (`'skip'`).
 *
 * @example partMaterialAndColour(sneaker, design, toeCap) // { material: Full-grain leather, colour: Optic white, choices: [] }
 */
export function partMaterialAndColour(product: Product, design: Readonly<Record<AttributeId, OptionId | undefined>>, part: Pick<PartDef, 'attributeIds'>, unknownOption: 'throw' | 'skip' = 'throw'): PartChoices {
  let material: OptionDef | undefined;
  let colour: OptionDef | undefined;
  const choices: OptionDef[] = [];
  for (const attributeId of part.attributeIds) {
    const optionId = design[attributeId];
    if (optionId === undefined) continue;
    const attribute = attributeById(product, attributeId);
    const option = unknownOption === 'throw' ? optionById(attribute, optionId) : attribute.options.find((candidate) => candidate.id === optionId);
    if (option === undefined) continue;
    if (attribute.kind === 'material') material ??= option;
    else if (attribute.kind === 'colour') colour ??= option;
    else choices.push(option);
  }
  return { ...(material ? { material } : {}), ...(colour ? { colour } : {}), choices };
}

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
    const { material, colour } = partMaterialAndColour(product, design, part);
    if (!material || !colour) continue;
    looks[part.id] = { materialId: material.id, appearance: material.appearance!, colour: colour.hex! };
  }
  return looks;
}

/** The surface kinds a design's looks use, each once: the map sets its preview needs. */
export function surfaceKindsOf(looks: Readonly<Record<PartId, PartLook>>): SurfaceKind[] {
  const kinds = new Set<SurfaceKind>();
  for (const look of Object.values(looks)) if (look.appearance.surface) kinds.add(look.appearance.surface.kind);
  return [...kinds];
}
