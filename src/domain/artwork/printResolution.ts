/** How well an artwork prints at the size it is placed. */
export interface ResolutionVerdict {
  /** `ok` at 300 DPI or more (and always for vector art); `warning` from 150; `refused` below 150. */
  readonly level: 'ok' | 'warning' | 'refused';
  /** The effective resolution, dots per inch, rounded down; null for vector art (it has none). */
  readonly dpi: number | null;
  /** For a warning or a refusal: what is wrong and how to fix it. */
  readonly message?: string;
}

/** The resolution print files are made at (PRODUCT.md §6), and what is fine. */
export const PRINT_DPI = 300;
/** Under this the artwork is refused: it would print visibly blurred or blocky. */
export const MINIMUM_DPI = 150;
const MM_PER_INCH = 25.4;

/**
 * The resolution an image prints at when its width of `widthPx` pixels is placed `placedWidthMm`
 * millimetres wide: pixels per inch of print. Scaling is uniform, so the height gives the same.
 *
 * @example
 * effectiveDpi(3000, 254) // 300
 */
export function effectiveDpi(widthPx: number, placedWidthMm: number): number {
  if (!(widthPx > 0) || !(placedWidthMm > 0)) throw new Error(`effectiveDpi: widthPx (${widthPx}) and placedWidthMm (${placedWidthMm}) must both be positive numbers.`);
  return widthPx / (placedWidthMm / MM_PER_INCH);
}

/**
 * Judges an effective resolution: 300 DPI or more prints sharp; 150 to 300 may look soft (a
 * warning the customer may accept); under 150 is refused. With the placed width, the messages say
 * how many pixels wide the image would need to be.
 *
 * @example
 * resolutionVerdict(210).message
 * // "At this size the artwork prints at 210 DPI; under 300 it may look soft. Upload a larger image or place it smaller."
 */
export function resolutionVerdict(dpi: number, placedWidthMm?: number): ResolutionVerdict {
  const shown = Math.floor(dpi + 1e-9);
  const needs = (target: number) => (placedWidthMm && placedWidthMm > 0 ? ` (${Math.ceil((target * placedWidthMm) / MM_PER_INCH - 1e-9)} px wide or more at this size)` : '');
  if (dpi >= PRINT_DPI) return { level: 'ok', dpi: shown };
  if (dpi >= MINIMUM_DPI) {
    return { level: 'warning', dpi: shown, message: `At this size the artwork prints at ${shown} DPI; under ${PRINT_DPI} it may look soft. Upload a larger image${needs(PRINT_DPI)} or place it smaller.` };
  }
  return { level: 'refused', dpi: shown, message: `At this size the artwork prints at only ${shown} DPI; the minimum is ${MINIMUM_DPI}: upload a larger image${needs(MINIMUM_DPI)} or place it smaller.` };
}

/**
 * Judges an inspected artwork placed `placedWidthMm` wide: vector art (SVG) is always `ok`, since
 * it is drawn at the printer's resolution; raster art by `resolutionVerdict` of its effective DPI.
 */
export function artworkResolution(artwork: { readonly vector: boolean; readonly widthPx: number }, placedWidthMm: number): ResolutionVerdict {
  if (artwork.vector) return { level: 'ok', dpi: null };
  return resolutionVerdict(effectiveDpi(artwork.widthPx, placedWidthMm), placedWidthMm);
}
