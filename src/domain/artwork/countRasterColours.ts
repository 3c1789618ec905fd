import { toHex } from './cssColour.ts';
import type { ArtworkColours } from './countSvgColours.ts';

/** The colours of a raster image, and whether any pixel is not fully opaque. */
export interface RasterColours extends ArtworkColours {
  readonly hasTransparency: boolean;
}

/** Pixels with less alpha than this are left out of the count: they print as nothing. */
const OPAQUE_ENOUGH = 128;
/** A colour counts when it covers at least this share of the counted pixels. */
const MIN_SHARE = 0.005;
/** Below this share covered by the counted colours, the image has shading (a photo, a gradient). */
const FLAT_SHARE = 0.9;
/**
 * More counted colours than this is shading too: a gradient, chopped into bins, counts dozens of
 * colours that each cover enough pixels; no screen printer or embroiderer separates that many.
 */
const MAX_FLAT_COLOURS = 16;
const BINS = 4096;

/**
 * Counts the colours of a raster image as a screen printer or embroiderer would separate them,
 * fed row by row (so a streamed PNG is never held whole):
 *
 * 1. Pixels under 50 % alpha are left out (anti-aliased edges fading into a transparent
 *    background, and the background itself); the rest count with their RGB.
 * 2. Each pixel is quantised to 4 bits per channel (4096 bins), so noise and compression
 *    artefacts fall together.
 * 3. Bins are merged, most-filled first, into the first kept colour at most one step away on every
 *    channel: a flat colour split across a bin boundary stays one colour.
 * 4. A merged colour counts when it covers at least 0.5 % of the counted pixels, so the blends of
 *    anti-aliasing between two colours do not count.
 *
 * The palette gives each counted colour as the mean of its pixels, most used first.
 * `continuousTone` is true when the picture is shading rather than flat colours: the counted
 * colours cover under 90 % of the pixels, or there are more than 16 of them (a photo, a gradient).
 *
 * @example
 * const counter = new RasterColourCounter();
 * counter.addRow(rgbaRow, width); // for every row
 * counter.result() // { count: 3, palette: ['#e30613', '#ffffff', '#1d1d1b'], continuousTone: false, hasTransparency: true }
 */
export class RasterColourCounter {
  private readonly counts = new Float64Array(BINS);
  private readonly sums = new Float64Array(BINS * 3);
  private counted = 0;
  private transparent = false;

  /** Adds one row of 8-bit RGBA pixels. */
  addRow(rgba: Uint8Array, width: number): void {
    for (let at = 0; at < width * 4; at += 4) {
      const alpha = rgba[at + 3]!;
      if (alpha < 255) this.transparent = true;
      if (alpha < OPAQUE_ENOUGH) continue;
      const r = rgba[at]!;
      const g = rgba[at + 1]!;
      const b = rgba[at + 2]!;
      const bin = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      this.counts[bin] = this.counts[bin]! + 1;
      this.sums[bin * 3] = this.sums[bin * 3]! + r;
      this.sums[bin * 3 + 1] = this.sums[bin * 3 + 1]! + g;
      this.sums[bin * 3 + 2] = this.sums[bin * 3 + 2]! + b;
      this.counted += 1;
    }
  }

  /** The count, the palette and whether any pixel is transparent. */
  result(): RasterColours {
    const bins = [...this.counts.keys()].filter((bin) => this.counts[bin]! > 0).sort((a, b) => this.counts[b]! - this.counts[a]! || a - b);
    const merged: { bin: number; count: number; r: number; g: number; b: number }[] = [];
    for (const bin of bins) {
      const near = merged.find((colour) => Math.abs((colour.bin >> 8) - (bin >> 8)) <= 1 && Math.abs(((colour.bin >> 4) & 15) - ((bin >> 4) & 15)) <= 1 && Math.abs((colour.bin & 15) - (bin & 15)) <= 1);
      const target = near ?? { bin, count: 0, r: 0, g: 0, b: 0 };
      if (!near) merged.push(target);
      target.count += this.counts[bin]!;
      target.r += this.sums[bin * 3]!;
      target.g += this.sums[bin * 3 + 1]!;
      target.b += this.sums[bin * 3 + 2]!;
    }
    const kept = merged.filter((colour) => colour.count >= MIN_SHARE * this.counted).sort((a, b) => b.count - a.count);
    const covered = kept.reduce((sum, colour) => sum + colour.count, 0);
    return {
      count: kept.length,
      palette: kept.map((colour) => toHex({ r: colour.r / colour.count, g: colour.g / colour.count, b: colour.b / colour.count })),
      continuousTone: kept.length > MAX_FLAT_COLOURS || (this.counted > 0 && covered < FLAT_SHARE * this.counted),
      hasTransparency: this.transparent,
    };
  }
}

/**
 * Counts the colours of a whole decoded image (8-bit RGBA, row after row); see `RasterColourCounter`.
 */
export function countRasterColours(rgba: Uint8Array, width: number, height: number): RasterColours {
  const counter = new RasterColourCounter();
  for (let row = 0; row < height; row += 1) counter.addRow(rgba.subarray(row * width * 4, (row + 1) * width * 4), width);
  return counter.result();
}
