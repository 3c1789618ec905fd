import { attributeValue, type XmlElement } from './svgTree.ts';

/** The intrinsic size of an SVG in CSS pixels (96 per inch), and where it came from. */
export interface SvgSize {
  readonly widthPx: number;
  readonly heightPx: number;
  /** `width-height` when both are absolute lengths, else `viewBox` (with one of them, if given, for the scale). */
  readonly from: 'width-height' | 'viewBox';
}

const PX_PER_UNIT: Readonly<Record<string, number>> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16, q: 96 / 101.6 };

/**
 * Reads the intrinsic size of an SVG from its root: `width` and `height` when both are absolute
 * lengths (`100mm`, `300`, `2in`), as a browser sizes the image; otherwise the viewBox, scaled to a
 * single given absolute `width` or `height` when there is one. Percentages and `auto` say nothing
 * about the artwork. Null when neither gives a size (then the proportions are unknown), or the
 * viewBox has a side of 0 (nothing is drawn).
 *
 * @example
 * svgIntrinsicSize(root) // <svg viewBox="0 0 200 100"> → { widthPx: 200, heightPx: 100, from: 'viewBox' }
 */
export function svgIntrinsicSize(root: XmlElement): SvgSize | null {
  const attribute = (name: string) => attributeValue(root, name);
  const width = absoluteLength(attribute('width'));
  const height = absoluteLength(attribute('height'));
  const viewBox = parseViewBox(attribute('viewBox'));
  if (width !== null && height !== null) return width > 0 && height > 0 ? { widthPx: width, heightPx: height, from: 'width-height' } : null;
  if (!viewBox) return null;
  if (width !== null && width > 0) return { widthPx: width, heightPx: (width * viewBox.height) / viewBox.width, from: 'viewBox' };
  if (height !== null && height > 0) return { widthPx: (height * viewBox.width) / viewBox.height, heightPx: height, from: 'viewBox' };
  return { widthPx: viewBox.width, heightPx: viewBox.height, from: 'viewBox' };
}

// Each part of the pattern can match in one way only, so it stays linear on long attribute values.
function absoluteLength(value: string | undefined): number | null {
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(px|in|cm|mm|pt|pc|q)?\s*$/i.exec((value ?? '').trim());
  if (!match) return null;
  const number = Number(match[1]) * PX_PER_UNIT[(match[2] ?? '').toLowerCase()]!;
  return Number.isFinite(number) ? number : null;
}

function parseViewBox(value: string | undefined): { width: number; height: number } | null {
  const numbers = (value ?? '').trim().split(/[\s,]+/).map(Number);
  if (numbers.length !== 4 || numbers.some((number) => !Number.isFinite(number))) return null;
  const [, , width, height] = numbers as [number, number, number, number];
  return width > 0 && height > 0 ? { width, height } : null;
}
