import type { Assignment } from '../product/index.ts';
import type { MaterialAppearance, OptionId, Product } from '../product/index.ts';
import { partMaterialAndColour } from './partLooks.ts';

/** A colour a design wears, and on how many of the product's parts. */
export interface HighlightColour {
  readonly id: OptionId;
  readonly label: string;
  /** `#rrggbb`. */
  readonly hex: string;
  readonly parts: number;
}

/** A material a design is made of, and how many of the product's parts use it. */
export interface HighlightMaterial {
  readonly id: OptionId;
  readonly label: string;
  readonly appearance?: MaterialAppearance;
  readonly parts: number;
}

/** What a design is at a glance: its main colours and materials, and the same in words. */
export interface DesignHighlights {
  /** At most three, the colour on the most parts first. */
  readonly colours: readonly HighlightColour[];
  /** At most two, the material of the most parts first. */
  readonly materials: readonly HighlightMaterial[];
  /** E.g. "optic white, forest green and gum; full-grain leather and rubber". */
  readonly words: string;
}

const MAX_COLOURS = 3;
const MAX_MATERIALS = 2;

/**
 * The main colours and materials of a design, as a gallery card shows them: counted over the
 * product's parts (not its sections of choices), most parts first, ties in the product's part
 * order (the product lists its larger parts first). Choices the product no longer has, from a
 * design made under older rules, are skipped.
 *
 * @example designHighlights(sneaker, design).words // "optic white and forest green; full-grain leather and rubber"
 */
export function designHighlights(product: Product, design: Readonly<Assignment>): DesignHighlights {
  const colours = new Map<OptionId, { label: string; hex: string; parts: number; first: number }>();
  const materials = new Map<OptionId, { label: string; appearance?: MaterialAppearance; parts: number; first: number }>();
  product.parts.forEach((part, index) => {
    if (part.kind !== 'part') return;
    const { material, colour } = partMaterialAndColour(product, design, part, 'skip');
    if (colour?.hex) {
      const seen = colours.get(colour.id) ?? { label: colour.label, hex: colour.hex, parts: 0, first: index };
      colours.set(colour.id, { ...seen, parts: seen.parts + 1 });
    }
    if (material) {
      const seen = materials.get(material.id) ?? { label: material.label, ...(material.appearance ? { appearance: material.appearance } : {}), parts: 0, first: index };
      materials.set(material.id, { ...seen, parts: seen.parts + 1 });
    }
  });
  const main = <T extends { parts: number; first: number }>(counted: Map<OptionId, T>, count: number) =>
    [...counted].sort(([, a], [, b]) => b.parts - a.parts || a.first - b.first).slice(0, count).map(([id, { first: _first, ...rest }]) => ({ id, ...rest }));
  const mainColours = main(colours, MAX_COLOURS);
  const mainMaterials = main(materials, MAX_MATERIALS);
  const words = [listed(mainColours.map((colour) => colour.label)), listed(mainMaterials.map((material) => material.label))].filter(Boolean).join('; ');
  return { colours: mainColours, materials: mainMaterials, words };
}

/** "a", "a and b", "a, b and c", in lower case (labels are sentence case). */
function listed(labels: readonly string[]): string {
  const words = labels.map((label) => label.toLowerCase());
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
