import type { Assignment } from '../product/index.ts';
import { modelVariant, shapingAttributes } from '../product/index.ts';
import { partLooks, partMaterialAndColour } from '../design/index.ts';
import { optionById, type PartDef, type Product } from '../product/index.ts';
import { sneakerDrawing, SNEAKER_VIEW_BOX } from './sneakerDrawing.ts';
import { svgMarkup, type SvgElement } from './svgElement.ts';
import { tshirtDrawing, TSHIRT_VIEW_BOX } from './tshirtDrawing.ts';

/** The product's 2D drawing for one design: what the views render and the server rasterises. */
export interface Illustration {
  readonly viewBox: string;
  /** What the drawing shows, in words ("Court Sneaker preview (2D): vamp White leather, …"). */
  readonly label: string;
  readonly elements: readonly SvgElement[];
}

/**
 * The product's 2D drawing (its `illustration` in product.yaml) coloured by a design's choices:
 * each part filled with its colour and a hint of its material, variant meshes as chosen. It takes
 * the choices only, so no personal text or artwork can ever be in it. `idPrefix` keeps the ids of
 * several drawings on one page apart.
 *
 * @example illustrationSvg(productIllustration(product, design), { widthPx: 480 }) // '<svg …>…</svg>'
 */
export function productIllustration(product: Product, design: Assignment, idPrefix = 'illustration'): Illustration {
  const looks = partLooks(product, design);
  const kind = product.illustration ?? 'sneaker';
  const parts = product.parts.filter((part) => looks[part.id]).map((part) => describePart(product, design, part));
  switch (kind) {
    case 'sneaker':
      return { viewBox: SNEAKER_VIEW_BOX, label: `${product.name} preview (2D): ${parts.join(', ')}`, elements: sneakerDrawing(looks, idPrefix) };
    case 'tshirt': {
      // The fit and cut: whatever changes the model's shape, as the product's data says.
      const cut = shapingAttributes(product)
        .filter((attribute) => design[attribute.id] !== undefined)
        .map((attribute) => optionById(attribute, design[attribute.id]!).label.toLowerCase());
      return {
        viewBox: TSHIRT_VIEW_BOX,
        label: `${product.name} preview (2D): ${[...cut, ...parts].join(', ')}`,
        elements: tshirtDrawing(looks, new Set(modelVariant(product, design).hiddenMeshes)),
      };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`[Atelier] no 2D drawing "${String(unknown)}"; the drawings are sneaker and tshirt`);
    }
  }
}

/** Size and background of a drawing as a standalone SVG file. */
export interface IllustrationSvgOptions {
  readonly widthPx: number;
  /** A colour behind the drawing (default: transparent). */
  readonly background?: string;
}

/** The drawing as a standalone SVG document, `widthPx` wide, its height in proportion. */
export function illustrationSvg(illustration: Illustration, options: IllustrationSvgOptions): string {
  const [x, y, width, height] = illustration.viewBox.split(' ').map(Number) as [number, number, number, number];
  const heightPx = Math.round((options.widthPx * height) / width);
  const background = options.background ? `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${options.background}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${illustration.viewBox}" width="${options.widthPx}" height="${heightPx}">${background}${illustration.elements.map(svgMarkup).join('')}</svg>`;
}

function describePart(product: Product, design: Assignment, part: PartDef): string {
  const looks = partMaterialAndColour(product, design, part);
  const colour = looks.colour?.label ?? '';
  const material = looks.material?.label.toLowerCase() ?? '';
  return `${part.label.toLowerCase()} ${colour} ${material}`.replace(/\s+/g, ' ').trim();
}
