import type { PartLook } from '../design/index.ts';
import type { PartId } from '../product/index.ts';
import type { SvgElement } from './svgElement.ts';
import { svgElement as el } from './svgElement.ts';

// A flat front view, 400 × 420, drawn per variant mesh: the body, short or long sleeves, crew or V rib.
const SHAPES: Readonly<Record<string, { readonly part: PartId; readonly d: string }>> = {
  body: { part: 'body', d: 'M140 52C160 66 240 66 260 52L300 70L300 392C260 400 140 400 100 392L100 70Z' },
  sleeves: { part: 'sleeves', d: 'M100 70L52 96L22 170L84 192L100 150ZM300 70L348 96L378 170L316 192L300 150Z' },
  sleevesLong: { part: 'sleeves', d: 'M100 70L60 92L22 330L68 340L100 170ZM300 70L340 92L378 330L332 340L300 170Z' },
  collar: { part: 'collar', d: 'M140 52C160 66 240 66 260 52L268 58C246 80 154 80 132 58Z' },
  collarV: { part: 'collar', d: 'M140 52L200 128L260 52L268 58L200 144L132 58Z' },
};

/** The view box of the t-shirt's front view. */
export const TSHIRT_VIEW_BOX = '0 30 400 380';

/** The t-shirt's front view, each part filled with its colour, its variant meshes (sleeves, neckline) as chosen. */
export function tshirtDrawing(looks: Readonly<Record<PartId, PartLook>>, hiddenMeshes: ReadonlySet<string>): SvgElement[] {
  return Object.entries(SHAPES)
    .filter(([mesh, shape]) => !hiddenMeshes.has(mesh) && looks[shape.part] !== undefined)
    .map(([, shape]): SvgElement => ({
      tag: 'g',
      attributes: { class: 'sneaker-part' },
      partId: shape.part,
      outline: shape.d,
      children: [
        el('path', { d: shape.d, 'data-part': shape.part, fill: looks[shape.part]!.colour, stroke: '#1b1c1f', 'stroke-opacity': 0.5, 'stroke-width': 1.6, 'stroke-linejoin': 'round' }),
      ],
    }));
}
