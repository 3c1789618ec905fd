import type { PartLook } from '../design/index.ts';
import type { PartId } from '../product/index.ts';
import { materialTexture, type MaterialTexture } from './materialTexture.ts';
import { svgElement as el, type SvgElement } from './svgElement.ts';

const LACE_CENTRES: readonly (readonly [number, number])[] = [[312, 98], [342, 108], [372, 118], [402, 128], [432, 138]];

// One outline per part of a lateral side view, toe to the right, drawn back to front.
const PART_PATHS: readonly (readonly [PartId, string])[] = [
  ['lining', 'M62 84C120 72 220 70 294 78L292 84C270 98 240 108 200 108C150 106 100 90 62 88Z'],
  ['tongue', 'M280 90C284 66 298 46 320 38C342 32 360 40 354 56C348 74 370 102 424 124L340 146Z'],
  ['quarter', 'M48 212C38 170 44 118 62 84C100 88 150 104 200 106C240 108 270 96 292 82L432 212Z'],
  ['vamp', 'M342 212C340 180 348 146 364 122L464 140C540 146 594 160 612 180C622 194 620 208 606 210Z'],
  ['toeCap', 'M524 210C516 190 520 170 534 156C568 160 596 166 612 180C622 194 620 208 606 210Z'],
  ['sidePanel', 'M176 202L300 118C306 114 312 112 320 112L342 112C350 112 352 118 346 122L224 206C220 209 216 210 210 210L182 210C174 210 170 206 176 202Z'],
  ['heelCounter', 'M48 212C38 170 44 118 62 84C78 88 96 92 112 96C120 130 134 176 158 212Z'],
  ['heelTab', 'M56 100C52 86 54 72 60 62C68 60 80 62 88 66C86 76 84 88 84 98Z'],
  ['eyestay', 'M286 78C330 92 404 118 462 136C472 140 476 150 470 158C404 148 324 128 268 110C274 96 280 86 286 78Z'],
  ['laces', LACE_CENTRES.map(([x, y]) => `M${x - 8} ${y - 11}L${x - 2} ${y - 13}L${x + 8} ${y + 11}L${x + 2} ${y + 13}Z`).join('') +
    'M304 88C294 80 290 66 298 62C306 60 310 76 308 88ZM314 90C322 78 336 72 340 78C342 86 328 90 316 94Z'],
  ['midsole', 'M40 216C40 212 46 210 56 210L560 206C596 204 616 196 624 208C630 220 626 234 612 240L46 242C40 242 38 238 38 232Z'],
  ['outsole', 'M40 240L614 236C622 238 622 250 612 254L58 258C46 258 40 254 40 248Z'],
];

const UPPER_SILHOUETTE = 'M48 212C38 170 44 118 62 84C120 72 220 70 282 76C288 58 302 44 320 38C342 32 360 40 354 56C348 74 370 102 424 124L464 140C540 146 594 160 612 180C622 194 620 208 606 210Z';
const STITCHES = [
  'M531 202C524 186 526 170 538 162',
  'M122 98C130 132 144 176 166 208',
  'M272 118C326 134 404 154 466 166',
  'M48 222L608 216',
];
const TREAD = Array.from({ length: 55 }, (_, i) => `M${58 + i * 10} ${251 - i * 0.07}v5`).join('');
const EYELETS = LACE_CENTRES.flatMap(([x, y]) => [[x - 5, y - 12], [x + 5, y + 12]] as const);

const TEXTURE_FILL: Readonly<Partial<Record<MaterialTexture, string>>> = {
  grain: 'grain', nap: 'nap', weave: 'weave', mesh: 'mesh', knit: 'knit', speckle: 'speckle', gloss: 'gloss', metallic: 'metallic',
};

/** The view box of the sneaker's side view. */
export const SNEAKER_VIEW_BOX = '52 22 556 250';

const stop = (offset: number, colour: string, opacity: number) => el('stop', { offset, 'stop-color': colour, 'stop-opacity': opacity });
const dot = (cx: number, cy: number, r: number, fill: string, opacity: number) => el('circle', { cx, cy, r, fill, 'fill-opacity': opacity });

function definitions(id: (name: string) => string): SvgElement {
  return el('defs', {}, [
    el('linearGradient', { id: id('shade'), x1: 0, y1: 0, x2: 0, y2: 1 }, [stop(0, '#fff', 0.28), stop(0.45, '#fff', 0), stop(1, '#000', 0.16)]),
    el('linearGradient', { id: id('gloss'), x1: 0, y1: 0, x2: 0.3, y2: 1 }, [stop(0, '#fff', 0.7), stop(0.35, '#fff', 0.15), stop(0.5, '#fff', 0)]),
    el('linearGradient', { id: id('metallic'), x1: 0, y1: 0, x2: 1, y2: 0.6 }, [stop(0.2, '#fff', 0), stop(0.45, '#fff', 0.75), stop(0.55, '#5a6068', 0.35), stop(0.8, '#fff', 0)]),
    el('pattern', { id: id('grain'), width: 7, height: 7, patternUnits: 'userSpaceOnUse' }, [dot(2, 2, 1.3, '#000', 0.06), dot(5.5, 5, 1.1, '#fff', 0.08)]),
    el('pattern', { id: id('nap'), width: 9, height: 9, patternUnits: 'userSpaceOnUse' }, [
      dot(1, 2, 0.7, '#000', 0.14), dot(5, 1, 0.6, '#fff', 0.14), dot(7, 6, 0.7, '#000', 0.12), dot(3, 7, 0.6, '#fff', 0.12),
    ]),
    el('pattern', { id: id('weave'), width: 4, height: 4, patternUnits: 'userSpaceOnUse' }, [
      el('path', { d: 'M0 0L4 4M4 0L0 4', stroke: '#000', 'stroke-opacity': 0.12, 'stroke-width': 0.8 }),
    ]),
    el('pattern', { id: id('mesh'), width: 5, height: 5, patternUnits: 'userSpaceOnUse' }, [dot(2.5, 2.5, 1.3, '#000', 0.24)]),
    el('pattern', { id: id('knit'), width: 4, height: 6, patternUnits: 'userSpaceOnUse' }, [
      el('path', { d: 'M0 0L2 3L4 0M0 3L2 6L4 3', fill: 'none', stroke: '#000', 'stroke-opacity': 0.16, 'stroke-width': 0.8 }),
    ]),
    el('pattern', { id: id('speckle'), width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, [
      dot(1.5, 2, 1, '#5b3514', 0.45), dot(6, 4, 0.8, '#5b3514', 0.35), dot(3, 6.5, 0.9, '#fff', 0.25),
    ]),
    el('filter', { id: id('blur'), x: '-10%', y: '-200%', width: '120%', height: '500%' }, [el('feGaussianBlur', { stdDeviation: 6 })]),
  ]);
}

/**
 * The sneaker's lateral side view, each part filled with its colour and a hint of its material.
 * `idPrefix` keeps the pattern ids of several drawings on one page apart.
 */
export function sneakerDrawing(looks: Readonly<Record<PartId, PartLook>>, idPrefix: string): SvgElement[] {
  const id = (name: string) => `${idPrefix}-${name}`;
  const ref = (name: string) => `url(#${id(name)})`;
  const parts = PART_PATHS.filter(([partId]) => looks[partId] !== undefined).map(([partId, d]): SvgElement => {
    const look = looks[partId]!;
    const texture = TEXTURE_FILL[materialTexture(look.materialId, look.appearance)];
    return {
      tag: 'g',
      attributes: { class: 'sneaker-part' },
      partId,
      outline: d,
      children: [
        el('path', { d, 'data-part': partId, fill: look.colour, stroke: '#1b1c1f', 'stroke-opacity': 0.55, 'stroke-width': 1.4, 'stroke-linejoin': 'round' }),
        ...(texture ? [el('path', { d, fill: ref(texture), 'pointer-events': 'none' })] : []),
      ],
    };
  });
  const details: SvgElement[] = [
    el('path', { d: UPPER_SILHOUETTE, fill: ref('shade'), 'pointer-events': 'none' }),
    el('g', { fill: 'none', stroke: '#8a8d93', 'stroke-opacity': 0.8, 'stroke-width': 1.1, 'stroke-dasharray': '4 3', 'pointer-events': 'none' },
      STITCHES.map((d) => el('path', { d }))),
    ...(looks.outsole ? [el('path', { d: TREAD, stroke: '#000', 'stroke-opacity': 0.18, 'stroke-width': 2, 'pointer-events': 'none' })] : []),
    ...(looks.eyestay ? [el('g', { fill: '#2a2b2f', 'fill-opacity': 0.7, 'pointer-events': 'none' }, EYELETS.map(([cx, cy]) => el('circle', { cx, cy, r: 2.6 })))] : []),
  ];
  return [
    definitions(id),
    // Drawn on a long grid; squeezed so the shoe has a court sneaker's proportions.
    el('g', { transform: 'matrix(0.9 0 0 1 33 0)' }, [
      el('ellipse', { cx: 330, cy: 259, rx: 292, ry: 7, fill: '#000', 'fill-opacity': 0.22, filter: ref('blur') }),
      ...parts,
      ...details,
    ]),
  ];
}
