// JPEG pixels decoded as a stream of rows within a stated memory budget: the same pixels as jpeg-js
// decoding the whole image (so colour counts do not change), for baseline, progressive, restart
// intervals, grey and every chroma subsampling; the rows are handed out one at a time and never
// held whole; and a frame whose coefficients would not fit the budget is refused before decoding.
// The files in fixtures/jpeg were made with libjpeg-turbo's cjpeg from one 48 × 40 picture:
// `-sample 2x2 -progressive`, `-sample 2x1 -restart 2B`, `-grayscale -progressive`,
// `-sample 2x2,1x2,1x1 -optimize`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpegRows, jpegDecodeBudgetBytes } from '../../src/domain/artwork/index.ts';
import { encodeJpeg } from './support/artworkFiles.ts';

const FIXTURES = join(process.cwd(), 'tests/domain/fixtures/jpeg');
const ROOMY = { maxMegapixels: 40, maxMemoryBytes: jpegDecodeBudgetBytes(40) };

/** A tiny JPEG whose header claims `side` × `side` pixels (a few hundred bytes, a decompression bomb's shape). */
function claiming(side: number): Uint8Array {
  const bytes = encodeJpeg(16, 16, () => [128, 128, 128], { quality: 50 });
  for (let index = 0; index < bytes.length - 8; index++) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xc0) {
      bytes.set([side >> 8, side & 255, side >> 8, side & 255], index + 5);
      break;
    }
  }
  return bytes;
}

function streamed(bytes: Uint8Array) {
  const rows: Uint8Array[] = [];
  const buffers = new Set<ArrayBufferLike>();
  const outcome = decodeJpegRows(bytes, ROOMY, (row, width) => {
    buffers.add(row.buffer);
    rows.push(row.slice(0, width * 4));
  });
  const pixels = new Uint8Array(rows.reduce((sum, row) => sum + row.length, 0));
  rows.reduce((at, row) => (pixels.set(row, at), at + row.length), 0);
  return { outcome, pixels, rows: rows.length, buffers };
}

describe('decoding a JPEG row by row', () => {
  const photo = encodeJpeg(131, 77, (x, y) => [(x * 7) & 255, (y * 13) & 255, (x * y) & 255], { quality: 80 });
  const files: [string, Uint8Array][] = [
    ['a baseline JPEG from jpeg-js (4:4:4)', photo],
    ...readdirSync(FIXTURES).map((file): [string, Uint8Array] => [file, new Uint8Array(readFileSync(join(FIXTURES, file)))]),
  ];

  it.each(files)('%s: the same pixels as jpeg-js decoding the whole image', (_name, bytes) => {
    const whole = decode(bytes, { useTArray: true, formatAsRGBA: true });
    const { outcome, pixels, rows } = streamed(bytes);
    expect(outcome).toEqual({ ok: true, width: whole.width, height: whole.height });
    expect(rows).toBe(whole.height);
    expect(pixels).toEqual(new Uint8Array(whole.data));
  });

  it('hands out each row in one row-sized buffer, never the whole image', () => {
    const { buffers, rows } = streamed(photo);
    expect(rows).toBe(77);
    expect([...buffers].map((buffer) => buffer.byteLength)).toEqual([131 * 4]);
  });
});

describe('the memory budget', () => {
  it('is 8 bytes a pixel (2-byte coefficients, up to 4 components) and 16 MB, not the whole image in blocks', () => {
    expect(jpegDecodeBudgetBytes(40)).toBe(40e6 * 8 + 16 * 1024 * 1024);
  });

  it('refuses a frame whose coefficients would not fit before decoding it, and lets one that fits through', () => {
    // 6000 × 6000, three full-resolution components: 36 MP × 3 × 2 bytes = 216 MB of coefficients.
    const bomb = claiming(6000);
    expect(decodeJpegRows(bomb, { maxMegapixels: 40, maxMemoryBytes: 200 * 1024 * 1024 }, () => {})).toEqual({ ok: false, reason: 'memory' });
    expect(decodeJpegRows(bomb, { maxMegapixels: 30, maxMemoryBytes: jpegDecodeBudgetBytes(40) }, () => {})).toEqual({ ok: false, reason: 'memory' });
    // Within the budget it is decoded, and found to end where its 16 × 16 pixels do.
    expect(decodeJpegRows(bomb, ROOMY, () => {})).toEqual({ ok: false, reason: 'corrupt' });
  });
});
