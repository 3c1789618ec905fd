import type { PartId } from '../product/index.ts';

/**
 * One element of a 2D drawing, as data: the server serialises it to SVG markup
 * ({@link svgMarkup}) and the views render it as React elements, so both draw the same picture.
 * Attribute names are spelt as in SVG markup (`stroke-width`, `viewBox`).
 */
export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly children?: readonly SvgElement[];
  /** On a part's group: the part it draws (the views make it clickable and draw its focus ring). */
  readonly partId?: PartId;
  /** On a part's group: the outline of the part, for a focus ring. */
  readonly outline?: string;
}

/** An SVG element. */
export function svgElement(tag: string, attributes: SvgElement['attributes'], children?: readonly SvgElement[]): SvgElement {
  return children ? { tag, attributes, children } : { tag, attributes };
}

/**
 * The element as SVG markup, attribute values escaped.
 *
 * @example svgMarkup(svgElement('circle', { cx: 2, cy: 2, r: 1 })) // '<circle cx="2" cy="2" r="1"/>'
 */
export function svgMarkup(element: SvgElement): string {
  const attributes = Object.entries(element.attributes).map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`).join('');
  if (!element.children || element.children.length === 0) return `<${element.tag}${attributes}/>`;
  return `<${element.tag}${attributes}>${element.children.map(svgMarkup).join('')}</${element.tag}>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
