import { useId } from 'react';
import { attributeById, optionById, type Assignment, type PartId, type PartLook, type Product } from '../domain/index.ts';
import { materialTexture, type MaterialTexture } from './materialTexture.ts';

/** Props of {@link SneakerSvgFallback}: the preview's props plus the design, for the spoken description. */
export interface SneakerSvgFallbackProps {
  readonly product: Product;
  readonly looks: Readonly<Record<PartId, PartLook>>;
  /** The complete design, to name each part's colour and material. */
  readonly design: Assignment;
  readonly focusedPart: PartId | null;
  readonly onPartClick?: (partId: PartId) => void;
  /** A small decorative copy (colourway thumbnails): hidden from assistive technology, not clickable. */
  readonly decorative?: boolean;
}

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

function describePart(product: Product, design: Assignment, partId: PartId): string | null {
  const part = product.parts.find((candidate) => candidate.id === partId);
  if (!part) return null;
  const labels = part.attributeIds.map((attributeId) => {
    const attribute = attributeById(product, attributeId);
    const optionId = design[attributeId];
    return { kind: attribute.kind, label: optionId === undefined ? '' : optionById(attribute, optionId).label };
  });
  const colour = labels.find((entry) => entry.kind === 'colour')?.label ?? '';
  const material = labels.find((entry) => entry.kind === 'material')?.label.toLowerCase() ?? '';
  return `${part.label.toLowerCase()} ${colour} ${material}`.replace(/\s+/g, ' ').trim();
}

/**
 * A 2D side view of the sneaker, each part filled with its colour and a hint of its material: what
 * customers without WebGL see, and what shows if the 3D preview fails. Parts are clickable like
 * the 3D model's.
 */
export function SneakerSvgFallback({ product, looks, design, focusedPart, onPartClick, decorative = false }: SneakerSvgFallbackProps) {
  // Several illustrations can share a page (colourway thumbnails): keep their pattern ids apart.
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const ref = (name: string) => `url(#${uid}-${name})`;
  const drawn = PART_PATHS.filter(([partId]) => looks[partId] !== undefined);
  const label = `${product.name} preview (2D): ${product.parts.filter((part) => looks[part.id]).map((part) => describePart(product, design, part.id)).filter(Boolean).join(', ')}`;

  return (
    <svg
      className={decorative ? 'sneaker-svg sneaker-svg--thumb' : 'sneaker-svg'}
      viewBox="52 22 556 250"
      {...(decorative ? { 'aria-hidden': true, focusable: false } : { role: 'img', 'aria-label': label })}
    >
      <defs>
        <linearGradient id={`${uid}-shade`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fff" stopOpacity="0.28" />
          <stop offset="0.45" stopColor="#fff" stopOpacity="0" />
          <stop offset="1" stopColor="#000" stopOpacity="0.16" />
        </linearGradient>
        <linearGradient id={`${uid}-gloss`} x1="0" y1="0" x2="0.3" y2="1">
          <stop offset="0" stopColor="#fff" stopOpacity="0.7" />
          <stop offset="0.35" stopColor="#fff" stopOpacity="0.15" />
          <stop offset="0.5" stopColor="#fff" stopOpacity="0" />
        </linearGradient>
        <linearGradient id={`${uid}-metallic`} x1="0" y1="0" x2="1" y2="0.6">
          <stop offset="0.2" stopColor="#fff" stopOpacity="0" />
          <stop offset="0.45" stopColor="#fff" stopOpacity="0.75" />
          <stop offset="0.55" stopColor="#5a6068" stopOpacity="0.35" />
          <stop offset="0.8" stopColor="#fff" stopOpacity="0" />
        </linearGradient>
        <pattern id={`${uid}-grain`} width="7" height="7" patternUnits="userSpaceOnUse">
          <circle cx="2" cy="2" r="1.3" fill="#000" fillOpacity="0.06" />
          <circle cx="5.5" cy="5" r="1.1" fill="#fff" fillOpacity="0.08" />
        </pattern>
        <pattern id={`${uid}-nap`} width="9" height="9" patternUnits="userSpaceOnUse">
          <circle cx="1" cy="2" r="0.7" fill="#000" fillOpacity="0.14" />
          <circle cx="5" cy="1" r="0.6" fill="#fff" fillOpacity="0.14" />
          <circle cx="7" cy="6" r="0.7" fill="#000" fillOpacity="0.12" />
          <circle cx="3" cy="7" r="0.6" fill="#fff" fillOpacity="0.12" />
        </pattern>
        <pattern id={`${uid}-weave`} width="4" height="4" patternUnits="userSpaceOnUse">
          <path d="M0 0L4 4M4 0L0 4" stroke="#000" strokeOpacity="0.12" strokeWidth="0.8" />
        </pattern>
        <pattern id={`${uid}-mesh`} width="5" height="5" patternUnits="userSpaceOnUse">
          <circle cx="2.5" cy="2.5" r="1.3" fill="#000" fillOpacity="0.24" />
        </pattern>
        <pattern id={`${uid}-knit`} width="4" height="6" patternUnits="userSpaceOnUse">
          <path d="M0 0L2 3L4 0M0 3L2 6L4 3" fill="none" stroke="#000" strokeOpacity="0.16" strokeWidth="0.8" />
        </pattern>
        <pattern id={`${uid}-speckle`} width="8" height="8" patternUnits="userSpaceOnUse">
          <circle cx="1.5" cy="2" r="1" fill="#5b3514" fillOpacity="0.45" />
          <circle cx="6" cy="4" r="0.8" fill="#5b3514" fillOpacity="0.35" />
          <circle cx="3" cy="6.5" r="0.9" fill="#fff" fillOpacity="0.25" />
        </pattern>
        <filter id={`${uid}-blur`} x="-10%" y="-200%" width="120%" height="500%">
          <feGaussianBlur stdDeviation="6" />
        </filter>
      </defs>

      {/* Drawn on a long grid; squeezed so the shoe has a court sneaker's proportions. */}
      <g transform="matrix(0.9 0 0 1 33 0)">
      <ellipse cx="330" cy="259" rx="292" ry="7" fill="#000" fillOpacity="0.22" filter={ref('blur')} />

      {drawn.map(([partId, d]) => {
        const look = looks[partId]!;
        const texture = TEXTURE_FILL[materialTexture(look.materialId, look.appearance)];
        const focused = partId === focusedPart;
        return (
          <g key={partId} className={focused ? 'sneaker-part sneaker-part--focused' : 'sneaker-part'} onClick={onPartClick && !decorative ? () => onPartClick(partId) : undefined}>
            <path d={d} data-part={partId} fill={look.colour} stroke="#1b1c1f" strokeOpacity="0.55" strokeWidth="1.4" strokeLinejoin="round" />
            {texture && <path d={d} fill={ref(texture)} pointerEvents="none" />}
            {focused && <path d={d} fill="none" className="sneaker-part__focus" pointerEvents="none" />}
          </g>
        );
      })}

      <path d={UPPER_SILHOUETTE} fill={ref('shade')} pointerEvents="none" />
      <g fill="none" stroke="#8a8d93" strokeOpacity="0.8" strokeWidth="1.1" strokeDasharray="4 3" pointerEvents="none">
        {STITCHES.map((d) => <path key={d} d={d} />)}
      </g>
      {looks.outsole && <path d={TREAD} stroke="#000" strokeOpacity="0.18" strokeWidth="2" pointerEvents="none" />}
      {looks.eyestay && (
        <g fill="#2a2b2f" fillOpacity="0.7" pointerEvents="none">
          {EYELETS.map(([x, y]) => <circle key={`${x},${y}`} cx={x} cy={y} r="2.6" />)}
        </g>
      )}
      </g>
    </svg>
  );
}
