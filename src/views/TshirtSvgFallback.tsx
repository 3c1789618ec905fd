import { attributeById, modelParts, modelVariant, optionById, type Assignment, type PartId, type PartLook, type Product } from '../domain/index.ts';

/** Props of {@link TshirtSvgFallback}: the same as the sneaker's illustration. */
export interface TshirtSvgFallbackProps {
  readonly product: Product;
  readonly looks: Readonly<Record<PartId, PartLook>>;
  readonly design: Assignment;
  readonly focusedPart: PartId | null;
  readonly onPartClick?: (partId: PartId) => void;
  readonly decorative?: boolean;
}

// A flat front view, 400 × 420, drawn per variant mesh: the body, short or long sleeves, crew or V rib.
const SHAPES: Readonly<Record<string, { readonly part: PartId; readonly d: string }>> = {
  body: { part: 'body', d: 'M140 52C160 66 240 66 260 52L300 70L300 392C260 400 140 400 100 392L100 70Z' },
  sleeves: { part: 'sleeves', d: 'M100 70L52 96L22 170L84 192L100 150ZM300 70L348 96L378 170L316 192L300 150Z' },
  sleevesLong: { part: 'sleeves', d: 'M100 70L60 92L22 330L68 340L100 170ZM300 70L340 92L378 330L332 340L300 170Z' },
  collar: { part: 'collar', d: 'M140 52C160 66 240 66 260 52L268 58C246 80 154 80 132 58Z' },
  collarV: { part: 'collar', d: 'M140 52L200 128L260 52L268 58L200 144L132 58Z' },
};

/**
 * A 2D front view of the t-shirt, each part filled with its colour, showing the chosen sleeves and
 * neckline: what customers without WebGL see. Parts are clickable like the 3D model's.
 */
export function TshirtSvgFallback({ product, looks, design, focusedPart, onPartClick, decorative = false }: TshirtSvgFallbackProps) {
  const hidden = new Set(modelVariant(product, design).hiddenMeshes);
  const shapes = Object.entries(SHAPES).filter(([mesh, shape]) => !hidden.has(mesh) && looks[shape.part] !== undefined);
  const described = modelParts(product).map((part) => {
    const [material, colour] = part.attributeIds.map((attributeId) => optionById(attributeById(product, attributeId), design[attributeId]!).label);
    return `${part.label.toLowerCase()} ${colour} ${material?.toLowerCase()}`;
  });
  const cut = product.attributes.filter((attribute) => attribute.kind === 'choice' && attribute.partId === 'cut').map((attribute) => optionById(attribute, design[attribute.id]!).label.toLowerCase());
  const label = `${product.name} preview (2D): ${[...cut, ...described].join(', ')}`;
  return (
    <svg className={decorative ? 'sneaker-svg sneaker-svg--thumb' : 'sneaker-svg'} viewBox="0 30 400 380" {...(decorative ? { 'aria-hidden': true, focusable: false } : { role: 'img', 'aria-label': label })}>
      {shapes.map(([mesh, shape]) => {
        const focused = shape.part === focusedPart;
        return (
          <g key={mesh} className={focused ? 'sneaker-part sneaker-part--focused' : 'sneaker-part'} onClick={onPartClick && !decorative ? () => onPartClick(shape.part) : undefined}>
            <path d={shape.d} data-part={shape.part} fill={looks[shape.part]!.colour} stroke="#1b1c1f" strokeOpacity="0.5" strokeWidth="1.6" strokeLinejoin="round" />
            {focused && <path d={shape.d} fill="none" className="sneaker-part__focus" pointerEvents="none" />}
          </g>
        );
      })}
    </svg>
  );
}
