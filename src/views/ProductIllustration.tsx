import { createElement, useId, useMemo, type ReactNode } from 'react';
import { productIllustration, type Assignment, type PartId, type Product, type SvgElement } from '../domain/index.ts';

/** Props of {@link ProductIllustration}. */
export interface ProductIllustrationProps {
  readonly product: Product;
  /** The complete design's choices (personal text and artwork are never drawn). */
  readonly design: Assignment;
  readonly focusedPart: PartId | null;
  readonly onPartClick?: (partId: PartId) => void;
  /** A small decorative copy (colourway thumbnails): hidden from assistive technology, not clickable. */
  readonly decorative?: boolean;
}

/**
 * The product's 2D drawing (the domain's `productIllustration`, the same picture the server draws
 * for the gallery): what customers without WebGL see, and what shows if the 3D preview fails.
 * Labelled for screen readers with every part's colour and material; a click on a part focuses it.
 */
export function ProductIllustration({ product, design, focusedPart, onPartClick, decorative = false }: ProductIllustrationProps) {
  // Several illustrations can share a page (colourway thumbnails): keep their pattern ids apart.
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const illustration = useMemo(() => productIllustration(product, design, uid), [product, design, uid]);
  const render = (element: SvgElement, key: number): ReactNode => {
    const children = element.children?.map(render) ?? [];
    if (element.partId === undefined) return createElement(element.tag, { key, ...reactAttributes(element.attributes) }, ...children);
    const partId = element.partId;
    const focused = partId === focusedPart;
    return (
      <g key={key} className={focused ? 'sneaker-part sneaker-part--focused' : 'sneaker-part'} onClick={onPartClick && !decorative ? () => onPartClick(partId) : undefined}>
        {children}
        {focused && element.outline && <path d={element.outline} fill="none" className="sneaker-part__focus" pointerEvents="none" />}
      </g>
    );
  };
  return (
    <svg
      className={decorative ? 'sneaker-svg sneaker-svg--thumb' : 'sneaker-svg'}
      viewBox={illustration.viewBox}
      {...(decorative ? { 'aria-hidden': true, focusable: false } : { role: 'img', 'aria-label': illustration.label })}
    >
      {illustration.elements.map(render)}
    </svg>
  );
}

/** SVG markup's attribute names as React spells them (`stroke-width` → `strokeWidth`, `class` → `className`). */
function reactAttributes(attributes: SvgElement['attributes']): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') props.className = value;
    else if (name.startsWith('data-') || name.startsWith('aria-')) props[name] = value;
    else props[name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())] = value;
  }
  return props;
}
