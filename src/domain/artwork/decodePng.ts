// The PNG decoder is written here rather than taken from pngjs, UPNG or sharp: those hold the whole
// image (and pngjs and sharp need Node), while uploads are decoded in the browser and in a worker
// thread under a memory budget, so this one keeps two rows, inflates with fflate in bounded slices
// and stops at the last row (a zip bomb's tail is never expanded). pngjs and sharp are its
// reference in `tests/domain/artworkPngDecode.test.ts`.
import { Unzlib } from 'fflate';
import type { PngInfo } from './pngInfo.ts';

/** Receives decoded pixels, one row (or, for an interlaced PNG, one row of one pass) at a time. */
export type RgbaRowSink = (rgba: Uint8Array, width: number) => void;

// Adam7 passes: first column, first row, column step, row step.
const ADAM7 = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;
const CHANNELS: Readonly<Record<PngInfo['colourType'], number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one slice
// is at most ~16 MB of output however the file was crafted.
const SLICE = 16 * 1024;

/**
 * Decodes a PNG's pixels as a stream, row by row, as 8-bit RGBA, without ever holding the whole
 * image: memory is two rows, whatever the size, and inflating stops as soon as the last row is
 * complete (extra compressed data, a zip bomb's payload, is never expanded). Handles every PNG
 * pixel format (bit depths 1–16, grey, RGB, palette, alpha, tRNS transparency) and Adam7 interlace
 * (its passes are delivered as they come: the pixels, not their positions, matter to the callers).
 * Returns a problem detail when the data ends early or cannot be inflated or unfiltered.
 */
export function decodePngPixels(info: PngInfo, onRow: RgbaRowSink): { ok: true } | { ok: false; detail: string } {
  const bitsPerPixel = CHANNELS[info.colourType] * info.bitDepth;
  const bytesPerPixel = Math.max(1, bitsPerPixel >> 3);
  const passes = (info.interlaced ? ADAM7 : [[0, 0, 1, 1] as const])
    .map(([x0, y0, dx, dy]) => ({ width: Math.ceil(Math.max(0, info.width - x0) / dx), height: Math.ceil(Math.max(0, info.height - y0) / dy) }))
    .filter((pass) => pass.width > 0 && pass.height > 0);
  const widest = Math.max(...passes.map((pass) => pass.width));
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  let current = new Uint8Array(rowBytes(widest) + 1);
  let previous = new Uint8Array(rowBytes(widest) + 1);
  const rgba = new Uint8Array(widest * 4);
  const convert = converter(info);

  let pass = 0;
  let row = 0;
  let filled = 0;
  let lineLength = rowBytes(passes[0]!.width) + 1;
  let failure: string | null = null;
  let done = false;

  const inflater = new Unzlib((chunk) => {
    for (let at = 0; at < chunk.length && !done && !failure; ) {
      const take = Math.min(lineLength - filled, chunk.length - at);
      current.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled < lineLength) break;
      const width = passes[pass]!.width;
      if (!unfilter(current, previous, lineLength, bytesPerPixel)) {
        failure = 'its pixel data cannot be read';
        return;
      }
      convert(current.subarray(1, lineLength), width, rgba);
      onRow(rgba.subarray(0, width * 4), width);
      [current, previous] = [previous, current];
      filled = 0;
      row += 1;
      if (row === passes[pass]!.height) {
        pass += 1;
        row = 0;
        if (pass === passes.length) {
          done = true;
          return;
        }
        // Each pass starts as if the row above were zeros.
        previous.fill(0);
        lineLength = rowBytes(passes[pass]!.width) + 1;
      }
    }
  });
  try {
    const slices = info.data.flatMap((data) => Array.from({ length: Math.ceil(data.length / SLICE) }, (_, index) => data.subarray(index * SLICE, (index + 1) * SLICE)));
    for (let index = 0; index < slices.length && !done && !failure; index += 1) inflater.push(slices[index]!, index === slices.length - 1);
  } catch (error) {
    // fflate says "unexpected EOF" when the compressed stream stops short.
    if (!done) return { ok: false, detail: String(error).includes('EOF') ? 'its pixel data ends early' : 'its pixel data cannot be read' };
  }
  if (failure) return { ok: false, detail: failure };
  if (!done) return { ok: false, detail: 'its pixel data ends early' };
  return { ok: true };
}

// Reverses the PNG row filter in place; `line[0]` is the filter type, `above` the previous row.
function unfilter(line: Uint8Array, above: Uint8Array, length: number, bpp: number): boolean {
  const filter = line[0];
  switch (filter) {
    case 0:
      return true;
    case 1:
      for (let i = 1 + bpp; i < length; i += 1) line[i] = line[i]! + line[i - bpp]!;
      return true;
    case 2:
      for (let i = 1; i < length; i += 1) line[i] = line[i]! + above[i]!;
      return true;
    case 3:
      for (let i = 1; i < length; i += 1) line[i] = line[i]! + ((((i > bpp ? line[i - bpp]! : 0) + above[i]!) >> 1));
      return true;
    case 4:
      for (let i = 1; i < length; i += 1) {
        const a = i > bpp ? line[i - bpp]! : 0;
        const b = above[i]!;
        const c = i > bpp ? above[i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        line[i] = line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      return true;
    default:
      return false;
  }
}

type Converter = (line: Uint8Array, width: number, out: Uint8Array) => void;

// One converter per pixel format, chosen once, to 8-bit RGBA (16-bit samples scaled to the nearest
// 8-bit value, v / 257 rounded, as libpng's png_set_scale_16 and pngjs do).
function converter(info: PngInfo): Converter {
  const { bitDepth: depth, colourType, palette, transparency: trns } = info;
  const sample16 = (line: Uint8Array, index: number) => (line[index * 2]! << 8) | line[index * 2 + 1]!;
  const to8 = (value: number) => Math.round(value / 257);
  switch (colourType) {
    case 0: {
      const max = (1 << depth) - 1;
      const transparentGrey = trns && trns.length >= 2 ? (trns[0]! << 8) | trns[1]! : -1;
      return (line, width, out) => {
        for (let x = 0; x < width; x += 1) {
          const value = depth === 16 ? sample16(line, x) : depth === 8 ? line[x]! : (line[(x * depth) >> 3]! >> (8 - depth - ((x * depth) & 7))) & max;
          const grey = depth === 16 ? to8(value) : Math.round((value * 255) / max);
          out[x * 4] = grey;
          out[x * 4 + 1] = grey;
          out[x * 4 + 2] = grey;
          out[x * 4 + 3] = value === transparentGrey ? 0 : 255;
        }
      };
    }
    case 2: {
      const transparent = trns && trns.length >= 6 ? [(trns[0]! << 8) | trns[1]!, (trns[2]! << 8) | trns[3]!, (trns[4]! << 8) | trns[5]!] : null;
      return (line, width, out) => {
        for (let x = 0; x < width; x += 1) {
          let r: number, g: number, b: number, alpha = 255;
          if (depth === 16) {
            const [r16, g16, b16] = [sample16(line, x * 3), sample16(line, x * 3 + 1), sample16(line, x * 3 + 2)];
            [r, g, b] = [to8(r16), to8(g16), to8(b16)];
            if (transparent && r16 === transparent[0] && g16 === transparent[1] && b16 === transparent[2]) alpha = 0;
          } else {
            [r, g, b] = [line[x * 3]!, line[x * 3 + 1]!, line[x * 3 + 2]!];
            if (transparent && r === transparent[0] && g === transparent[1] && b === transparent[2]) alpha = 0;
          }
          out[x * 4] = r;
          out[x * 4 + 1] = g;
          out[x * 4 + 2] = b;
          out[x * 4 + 3] = alpha;
        }
      };
    }
    case 3: {
      const entries = palette!.length / 3;
      // Indices beyond the palette are an encoder's error; they show as opaque black, as in libpng.
      const lookup = new Uint8Array(256 * 4);
      for (let index = 0; index < 256; index += 1) {
        if (index < entries) lookup.set([palette![index * 3]!, palette![index * 3 + 1]!, palette![index * 3 + 2]!], index * 4);
        lookup[index * 4 + 3] = trns && index < trns.length ? trns[index]! : 255;
      }
      const mask = (1 << depth) - 1;
      return (line, width, out) => {
        for (let x = 0; x < width; x += 1) {
          const index = depth === 8 ? line[x]! : (line[(x * depth) >> 3]! >> (8 - depth - ((x * depth) & 7))) & mask;
          out[x * 4] = lookup[index * 4]!;
          out[x * 4 + 1] = lookup[index * 4 + 1]!;
          out[x * 4 + 2] = lookup[index * 4 + 2]!;
          out[x * 4 + 3] = lookup[index * 4 + 3]!;
        }
      };
    }
    case 4:
      return (line, width, out) => {
        for (let x = 0; x < width; x += 1) {
          const grey = depth === 16 ? to8(sample16(line, x * 2)) : line[x * 2]!;
          out[x * 4] = grey;
          out[x * 4 + 1] = grey;
          out[x * 4 + 2] = grey;
          out[x * 4 + 3] = depth === 16 ? to8(sample16(line, x * 2 + 1)) : line[x * 2 + 1]!;
        }
      };
    case 6:
      return (line, width, out) => {
        if (depth === 8) {
          out.set(line.subarray(0, width * 4));
          return;
        }
        for (let x = 0; x < width * 4; x += 1) out[x] = to8(sample16(line, x));
      };
    default: {
      const unexpected: never = colourType;
      throw new Error(`decodePngPixels: colour type ${String(unexpected)} is not 0, 2, 3, 4 or 6`);
    }
  }
}
