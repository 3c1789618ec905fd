import type { ArtworkLimits } from './artworkLimits.ts';

/** The size of a raster image as its header states it. */
export interface RasterDimensions {
  readonly width: number;
  readonly height: number;
}

/**
 * Checks a PNG's or JPEG's stated size against the limits, from the header alone, before any pixel
 * is decoded (a decompression bomb states 60000 × 60000 px in a file of a few kilobytes). Returns
 * the customer's message, or null when the size is fine.
 *
 * @example
 * checkRasterDimensions({ width: 60000, height: 60000 }, ARTWORK_LIMITS, 'This PNG')
 * // 'This PNG is 60000 × 60000 px; the limit is 8000 px a side: export it smaller.'
 */
export function checkRasterDimensions(size: RasterDimensions, limits: ArtworkLimits, subject: string): string | null {
  const { width, height } = size;
  if (width === 0 || height === 0) return `${subject} says it is ${width} × ${height} px, which is no picture at all: export it again.`;
  if (width > limits.maxSidePx || height > limits.maxSidePx) return `${subject} is ${width} × ${height} px; the limit is ${limits.maxSidePx} px a side: export it smaller.`;
  const megapixels = (width * height) / 1e6;
  if (megapixels > limits.maxMegapixels) return `${subject} is ${width} × ${height} px (${megapixels.toFixed(1)} megapixels); the limit is ${limits.maxMegapixels} megapixels: export it smaller.`;
  return null;
}
