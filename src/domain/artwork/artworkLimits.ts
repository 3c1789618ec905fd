/**
 * The limits an uploaded artwork file must keep. One place, so the messages, the checks and the
 * tests agree; a shop that needs other limits passes its own to `inspectArtwork`.
 */
export interface ArtworkLimits {
  /** The largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** The longest side of a PNG or JPEG, in pixels. */
  readonly maxSidePx: number;
  /**
   * The most pixels a PNG or JPEG may have, in megapixels. Sides up to `maxSidePx` are fine, but
   * 8000 × 8000 px decodes to 256 MB, more than a phone's browser tab holds; 40 megapixels is more
   * than any print zone needs (300 DPI over an A3 sheet is 17 megapixels).
   */
  readonly maxMegapixels: number;
  /** The most elements an SVG may have (a logo has tens to a few thousand). */
  readonly maxSvgElements: number;
  /** The deepest nesting of elements in an SVG. */
  readonly maxSvgDepth: number;
  /**
   * The most elements an SVG may draw once every `<use>` is expanded: nested `<use>` references
   * multiply (ten uses of a group of ten uses of …), the vector version of a decompression bomb.
   */
  readonly maxSvgInstances: number;
}

/** The limits Atelier ships with: 10 MB, 8000 px a side, 40 megapixels. */
export const ARTWORK_LIMITS: ArtworkLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxSidePx: 8000,
  maxMegapixels: 40,
  maxSvgElements: 50_000,
  maxSvgDepth: 200,
  maxSvgInstances: 100_000,
};
