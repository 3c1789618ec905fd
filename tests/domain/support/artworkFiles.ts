// Tiny artwork files made in the test, byte for byte: a PNG encoder over every pixel format (with
// every row filter and Adam7 interlace, so the decoder's paths are all taken), chunk surgery for
// APNG, bombs and damage, and JPEGs from jpeg-js with an optional EXIF orientation.
import { Zlib, zlibSync } from 'fflate';
import { encode as encodeJpegPixels } from 'jpeg-js';
import { crc32 } from '../../../src/domain/artwork/pngInfo.ts';

/** A PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array = new Uint8Array()): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Joins byte arrays. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An IHDR chunk's data. */
export function ihdr(width: number, height: number, bitDepth = 8, colourType = 6, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colourType, 0, 0, interlace], 8);
  return data;
}

export interface PngSpec {
  readonly width: number;
  readonly height: number;
  /** Channel values at the bit depth (palette: the index) for the pixel at x, y. */
  readonly sample: (x: number, y: number) => readonly number[];
  readonly colourType?: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth?: 1 | 2 | 4 | 8 | 16;
  readonly interlaced?: boolean;
  /** RGB triples. */
  readonly palette?: readonly (readonly [number, number, number])[];
  readonly transparency?: Uint8Array;
  /** Chunks put between IHDR and the pixel data (acTL, tEXt, …). */
  readonly before?: readonly Uint8Array[];
  /** Split the compressed data over this many IDAT chunks. */
  readonly idatChunks?: number;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** Encodes a PNG. Rows use filter types 0–4 in turn, so every unfilter path is exercised. */
export function encodePng(spec: PngSpec): Uint8Array {
  const colourType = spec.colourType ?? 6;
  const bitDepth = spec.bitDepth ?? 8;
  const channels = CHANNELS[colourType];
  const bpp = Math.max(1, (channels * bitDepth) >> 3);
  const passes = spec.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const raw: number[] = [];
  let rowNumber = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const xs: number[] = [];
    for (let x = x0; x < spec.width; x += dx) xs.push(x);
    if (xs.length === 0) continue;
    let previous: number[] | null = null;
    for (let y = y0; y < spec.height; y += dy) {
      const line = packRow(xs.map((x) => spec.sample(x, y)), bitDepth);
      const above = previous ?? new Array<number>(line.length).fill(0);
      const filter = rowNumber % 5;
      rowNumber += 1;
      raw.push(filter, ...filterRow(filter, line, above, bpp));
      previous = line;
    }
  }
  const compressed = zlibSync(new Uint8Array(raw));
  const pieces = spec.idatChunks ?? 1;
  const size = Math.ceil(compressed.length / pieces);
  const idats = Array.from({ length: pieces }, (_, index) => pngChunk('IDAT', compressed.subarray(index * size, (index + 1) * size)));
  return concat(
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr(spec.width, spec.height, bitDepth, colourType, spec.interlaced ? 1 : 0)),
    ...(spec.before ?? []),
    ...(spec.palette ? [pngChunk('PLTE', new Uint8Array(spec.palette.flat()))] : []),
    ...(spec.transparency ? [pngChunk('tRNS', spec.transparency)] : []),
    ...idats,
    pngChunk('IEND'),
  );
}

/** An RGBA PNG from a function giving [r, g, b, a] in 0–255. */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => readonly number[], extra: Partial<PngSpec> = {}): Uint8Array {
  return encodePng({ width, height, sample: pixel, colourType: 6, bitDepth: 8, ...extra });
}

function packRow(pixels: readonly (readonly number[])[], bitDepth: number): number[] {
  const bytes: number[] = [];
  if (bitDepth === 16) {
    for (const pixel of pixels) for (const value of pixel) bytes.push(value >> 8, value & 255);
    return bytes;
  }
  if (bitDepth === 8) return pixels.flat();
  let byte = 0;
  let bits = 0;
  for (const pixel of pixels) {
    for (const value of pixel) {
      byte = (byte << bitDepth) | value;
      bits += bitDepth;
      if (bits === 8) {
        bytes.push(byte);
        byte = 0;
        bits = 0;
      }
    }
  }
  if (bits > 0) bytes.push(byte << (8 - bits));
  return bytes;
}

function filterRow(filter: number, line: readonly number[], above: readonly number[], bpp: number): number[] {
  return line.map((value, i) => {
    const a = i >= bpp ? line[i - bpp]! : 0;
    const b = above[i]!;
    const c = i >= bpp ? above[i - bpp]! : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
    return (value - predictor) & 255;
  });
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A baseline JPEG from jpeg-js, optionally with an EXIF APP1 segment carrying an orientation. */
export function encodeJpeg(width: number, height: number, pixel: (x: number, y: number) => readonly number[], options: { quality?: number; orientation?: number } = {}): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r = 0, g = 0, b = 0] = pixel(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  const jpeg = new Uint8Array(encodeJpegPixels({ data, width, height }, options.quality ?? 90).data);
  if (options.orientation === undefined) return jpeg;
  // Exif\0\0, a big-endian TIFF header, IFD0 with one entry: 0x0112 SHORT 1 = orientation.
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, options.orientation, 0, 0, 0, 0, 0, 0];
  const body = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  const app1 = new Uint8Array([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]);
  return concat(jpeg.subarray(0, 2), app1, jpeg.subarray(2));
}

/** Bytes of a text. */
export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A zlib stream cut right after `data` (flushed to a byte boundary, never finished): what follows is up to the caller. */
export function zlibUnfinished(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (chunk) => parts.push(chunk));
  zlib.push(data);
  zlib.flush(true);
  return concat(...parts);
}

/**
 * A zlib stream holding `data` and then `megabytes` MB of zeros, built by repeating one compressed
 * block of zeros (so making a gigabyte's stream takes milliseconds): a zip bomb's payload behind
 * the real pixel rows. Its checksum is not right; a decoder that stops after the rows never sees it.
 */
export function zlibWithZeroPayload(data: Uint8Array, megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (chunk) => parts.push(chunk));
  zlib.push(data);
  zlib.flush(true);
  const zero = new Uint8Array(1 << 20);
  zlib.push(zero);
  zlib.flush(true);
  const before = parts.length;
  // The second block of zeros refers only to zeros, so copies of it decode anywhere after zeros.
  zlib.push(zero);
  zlib.flush(true);
  const block = concat(...parts.slice(before));
  parts.length = before;
  const copies = Array.from({ length: megabytes - 1 }, () => block);
  const head = concat(...parts);
  parts.length = 0;
  zlib.push(new Uint8Array(), true);
  return concat(head, ...copies, ...parts);
}
