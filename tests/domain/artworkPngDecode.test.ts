// The streaming PNG decoder against independent ones: files of every colour type, bit depth,
// transparency and interlace, written by pngjs, sharp (libspng) and the tests' own encoder, each
// decoded by pngjs or sharp and by ours to the same 8-bit RGBA pixels; and damaged files
// (truncated, a bad checksum, bad zlib data, a wrong chunk length) refused with a sentence, never
// an exception.
import { zlibSync } from 'fflate';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePngPixels } from '../../src/domain/artwork/decodePng.ts';
import { countRasterColours, inspectArtwork, readPngInfo } from '../../src/domain/artwork/index.ts';
import { seededRandom } from '../../src/domain/shared/index.ts';
import { concat, encodePng, ihdr, pngChunk, PNG_SIGNATURE, type PngSpec } from './support/artworkFiles.ts';

const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** Our decoder's pixels, put in place (an interlaced image's passes come as they are stored). */
function decodeOurs(bytes: Uint8Array): Uint8Array {
  const info = readPngInfo(bytes);
  if ('problem' in info) throw new Error(`readPngInfo refused the file: ${JSON.stringify(info)}`);
  const out = new Uint8Array(info.width * info.height * 4);
  const passes = (info.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const))
    .map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, rows: Math.ceil(Math.max(0, info.height - y0) / dy), columns: Math.ceil(Math.max(0, info.width - x0) / dx) }))
    .filter((pass) => pass.rows > 0 && pass.columns > 0);
  let pass = 0;
  let row = 0;
  const result = decodePngPixels(info, (rgba, width) => {
    const { x0, y0, dx, dy, rows, columns } = passes[pass]!;
    expect(width).toBe(columns);
    for (let index = 0; index < width; index += 1) out.set(rgba.subarray(index * 4, index * 4 + 4), ((y0 + row * dy) * info.width + x0 + index * dx) * 4);
    row += 1;
    if (row === rows) {
      pass += 1;
      row = 0;
    }
  });
  if (!result.ok) throw new Error(`decodePngPixels refused the file: ${result.detail}`);
  return clearTransparent(out);
}

/** Fully transparent pixels are one pixel whatever their RGB (pngjs makes them black, we keep it). */
function clearTransparent(rgba: Uint8Array): Uint8Array {
  for (let at = 0; at < rgba.length; at += 4) if (rgba[at + 3] === 0) rgba.fill(0, at, at + 3);
  return rgba;
}

const decodePngjs = (bytes: Uint8Array) => clearTransparent(new Uint8Array(PNG.sync.read(Buffer.from(bytes)).data));
const decodeSharp = async (bytes: Uint8Array) => clearTransparent(new Uint8Array(await sharp(bytes).ensureAlpha().raw().toBuffer()));

const SIZES = [[1, 1], [13, 11], [33, 7]] as const;
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

describe('PNGs written by pngjs', () => {
  const cases = ([0, 2, 4, 6] as const).flatMap((colorType) => ([8, 16] as const).flatMap((bitDepth) => SIZES.map(([width, height]) => ({ colorType, bitDepth, width, height }))));
  it.each(cases)('colour type $colorType, $bitDepth bits, $width × $height', ({ colorType, bitDepth, width, height }) => {
    const next = seededRandom(colorType * 100 + bitDepth + width);
    const png = new PNG({ width, height });
    const samples = bitDepth === 16 ? new Uint16Array(width * height * 4) : new Uint8Array(width * height * 4);
    for (let index = 0; index < samples.length; index += 1) samples[index] = Math.floor(next() * (bitDepth === 16 ? 65536 : 256));
    png.data = Buffer.from(samples.buffer);
    const bytes = new Uint8Array(PNG.sync.write(png, { colorType, bitDepth, inputColorType: 6, inputHasAlpha: true }));
    expect(readPngInfo(bytes)).toMatchObject({ colourType: colorType, bitDepth });
    expect(decodeOurs(bytes)).toEqual(decodePngjs(bytes));
  });
});

describe('PNGs of every pixel format written byte for byte, read by pngjs', () => {
  const formats: { colourType: 0 | 2 | 3 | 4 | 6; bitDepth: 1 | 2 | 4 | 8 | 16 }[] = [
    ...([1, 2, 4, 8, 16] as const).map((bitDepth) => ({ colourType: 0 as const, bitDepth })),
    ...([8, 16] as const).map((bitDepth) => ({ colourType: 2 as const, bitDepth })),
    ...([1, 2, 4, 8] as const).map((bitDepth) => ({ colourType: 3 as const, bitDepth })),
    ...([8, 16] as const).flatMap((bitDepth) => [{ colourType: 4 as const, bitDepth }, { colourType: 6 as const, bitDepth }]),
  ];
  const cases = formats.flatMap((format) => [false, true].flatMap((interlaced) => [false, true].flatMap((transparent) => SIZES.map(([width, height]) => ({ ...format, interlaced, transparent, width, height })))))
    // tRNS belongs to grey, RGB and palette images only.
    .filter((each) => !each.transparent || each.colourType <= 3);

  it.each(cases)('colour type $colourType, $bitDepth bits, interlaced $interlaced, tRNS $transparent, $width × $height', ({ colourType, bitDepth, interlaced, transparent, width, height }) => {
    const next = seededRandom(colourType * 1000 + bitDepth * 10 + width + (interlaced ? 7 : 0));
    const max = 2 ** bitDepth - 1;
    const entries = colourType === 3 ? Math.min(2 ** bitDepth, 5 + Math.floor(next() * 200)) : 0;
    const palette = colourType === 3 ? Array.from({ length: entries }, () => [0, 0, 0].map(() => Math.floor(next() * 256)) as [number, number, number]) : undefined;
    const pixels = Array.from({ length: width * height }, () => Array.from({ length: CHANNELS[colourType] }, () => Math.floor(next() * (colourType === 3 ? entries : max + 1))));
    // The transparent grey or RGB value is one the image uses, so that some pixels turn transparent.
    const first = pixels[0]!;
    const trns = !transparent ? undefined
      : colourType === 3 ? new Uint8Array(Array.from({ length: Math.max(1, entries - 2) }, () => Math.floor(next() * 256)))
        : new Uint8Array(first.flatMap((value) => [value >> 8, value & 255]));
    const spec: PngSpec = { width, height, colourType, bitDepth, interlaced, sample: (x, y) => pixels[y * width + x]!, idatChunks: 3, ...(palette ? { palette } : {}), ...(trns ? { transparency: trns } : {}) };
    const bytes = encodePng(spec);
    const ours = decodeOurs(bytes);
    expect(ours).toEqual(decodePngjs(bytes));
    if (transparent && colourType !== 3) expect(ours[3]).toBe(0);
    expect(inspectArtwork(bytes, 'art.png')).toMatchObject({ ok: true, widthPx: width, heightPx: height, hasTransparency: ours.some((value, index) => index % 4 === 3 && value < 255) });
  });
});

describe('PNGs written by sharp (libspng): palettes of few colours at low bit depths, Adam7', () => {
  const cases = [2, 4, 16, 200].flatMap((colours) => [false, true].map((progressive) => ({ colours, progressive })));
  it.each(cases)('$colours colours, interlaced $progressive', async ({ colours, progressive }) => {
    const width = 29;
    const height = 17;
    const next = seededRandom(colours * 3 + (progressive ? 1 : 0));
    const inks = Array.from({ length: colours }, () => [Math.floor(next() * 256), Math.floor(next() * 256), Math.floor(next() * 256), next() < 0.3 ? Math.floor(next() * 256) : 255]);
    const raw = Buffer.alloc(width * height * 4);
    for (let index = 0; index < width * height; index += 1) raw.set(inks[Math.floor(next() * colours)]!, index * 4);
    const bytes = new Uint8Array(await sharp(raw, { raw: { width, height, channels: 4 } }).png({ palette: true, colours, dither: 0, progressive }).toBuffer());
    const info = readPngInfo(bytes);
    expect(info).toMatchObject({ colourType: 3, interlaced: progressive });
    const ours = decodeOurs(bytes);
    expect(ours).toEqual(await decodeSharp(bytes));
    expect(ours).toEqual(decodePngjs(bytes));
  });

  it('counts the same colours in our pixels as in sharp\'s', async () => {
    const width = 40;
    const height = 40;
    const raw = Buffer.alloc(width * height * 4);
    for (let index = 0; index < width * height; index += 1) raw.set(index % 40 < 20 ? [227, 6, 19, 255] : [0, 159, 227, 255], index * 4);
    const bytes = new Uint8Array(await sharp(raw, { raw: { width, height, channels: 4 } }).png({ palette: true, colours: 4, progressive: true }).toBuffer());
    expect(countRasterColours(decodeOurs(bytes), width, height)).toEqual(countRasterColours(await decodeSharp(bytes), width, height));
    const result = inspectArtwork(bytes, 'logo.png');
    expect(result).toMatchObject({ ok: true, colours: 2 });
    if (result.ok) expect([...result.palette].sort()).toEqual(['#009fe3', '#e30613']);
  });
});

describe('damaged PNGs', () => {
  const good = encodePng({ width: 21, height: 9, colourType: 6, bitDepth: 8, sample: (x, y) => [x * 12, y * 28, (x * y) & 255, 255], idatChunks: 2 });
  const refused = (bytes: Uint8Array) => {
    const result = inspectArtwork(bytes, 'logo.png');
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    expect(result.message).toMatch(/^"logo\.png" .+: .+\.$/);
    return result.message;
  };
  const chunks = (() => {
    const found: { type: string; at: number; length: number }[] = [];
    for (let at = 8; at < good.length; ) {
      const length = new DataView(good.buffer, good.byteOffset).getUint32(at);
      found.push({ type: String.fromCharCode(...good.subarray(at + 4, at + 8)), at, length });
      at += 12 + length;
    }
    return found;
  })();

  it('decodes the undamaged file, to check the damage is what fails', () => {
    expect(decodeOurs(good)).toEqual(decodePngjs(good));
  });

  it('refuses the file cut short at every length', () => {
    for (let length = 0; length < good.length; length += 1) {
      const message = refused(good.subarray(0, length));
      if (length > 33) expect(message, `cut at ${length}`).toMatch(/damaged PNG \((it ends early|its pixel data ends early|a checksum does not match.*)\)/);
    }
  });

  it('refuses a wrong checksum in each chunk, naming the chunk', () => {
    for (const chunk of chunks) {
      const bytes = good.slice();
      const at = chunk.at + 8 + chunk.length;
      bytes[at] = bytes[at]! ^ 0x01;
      expect(refused(bytes)).toContain(`a checksum does not match, in its ${chunk.type} chunk`);
    }
  });

  it('refuses pixel data that is not zlib, or is cut short, with a correct checksum', () => {
    const head = concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(21, 9)));
    const garbage = new Uint8Array(200).map((_, index) => (index * 73 + 11) & 255);
    expect(refused(concat(head, pngChunk('IDAT', garbage), pngChunk('IEND')))).toMatch(/its pixel data (cannot be read|ends early)/);
    const idat = chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => good.subarray(chunk.at + 8, chunk.at + 8 + chunk.length));
    const all = concat(...idat);
    expect(refused(concat(head, pngChunk('IDAT', all.subarray(0, all.length >> 1)), pngChunk('IEND')))).toMatch(/its pixel data ends early/);
    // A valid zlib stream of the wrong rows: an unknown row filter.
    expect(refused(concat(head, pngChunk('IDAT', zlibSync(new Uint8Array(9 * (21 * 4 + 1)).fill(7))), pngChunk('IEND')))).toMatch(/its pixel data cannot be read/);
  });

  it('refuses a chunk length that does not match the chunk', () => {
    for (const chunk of chunks) {
      for (const delta of [-1, 1, 1000, 0x7fffffff]) {
        const bytes = good.slice();
        new DataView(bytes.buffer).setUint32(chunk.at, (chunk.length + delta) >>> 0);
        refused(bytes);
      }
    }
  });

  it('never throws on files with bytes flipped anywhere', () => {
    const next = seededRandom(42);
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const bytes = good.slice();
      for (let flips = 0; flips < 3; flips += 1) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      expect(() => inspectArtwork(bytes, 'logo.png')).not.toThrow();
    }
  });
});
