// Uploaded artwork files, inspected by content: the format whatever the name, the size from the
// header (bombs refused before decoding), animations, damage, transparency and the colours that
// embroidery and screen print count, over PNGs made byte for byte here, JPEGs from jpeg-js, and
// PNGs drawn by a different encoder (resvg) as a cross-check.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { inspectArtwork, type ArtworkAccepted, type ArtworkInspection } from '../../src/domain/artwork/index.ts';
import { PNG_SIGNATURE, bytesOf, concat, encodeJpeg, encodePng, ihdr, pngChunk, rgbaPng, zlibUnfinished, zlibWithZeroPayload } from './support/artworkFiles.ts';

const RED = [227, 6, 19] as const;
const BLUE = [0, 159, 227] as const;
const GREEN = [0, 150, 64] as const;
/** Three vertical bands, the same picture in every pixel format below. */
const bands = (x: number, width: number) => (x < width / 3 ? 0 : x < (2 * width) / 3 ? 1 : 2);

function accepted(result: ArtworkInspection): ArtworkAccepted {
  if (!result.ok) throw new Error(`refused (${result.code}): ${result.message}`);
  return result;
}

const tinyPng = rgbaPng(30, 20, (x) => [...[RED, BLUE, GREEN][bands(x, 30)]!, 255]);
const tinyJpeg = encodeJpeg(48, 32, (x) => [RED, BLUE, GREEN][bands(x, 48)]!);
const tinySvg = bytesOf('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="300" height="150" fill="#e30613"/></svg>');
const padded = (head: readonly number[] | string) => concat(typeof head === 'string' ? bytesOf(head) : new Uint8Array(head), new Uint8Array(64));

describe('recognising the format by content, never by the name', () => {
  it.each([
    ['a PNG named .png', tinyPng, 'logo.png', 'png', []],
    ['a PNG named .jpg', tinyPng, 'logo.jpg', 'png', ['"logo.jpg" is really a PNG; it is read as one.']],
    ['a JPEG named .png', tinyJpeg, 'photo.png', 'jpeg', ['"photo.png" is really a JPEG; it is read as one.']],
    ['a JPEG with no name', tinyJpeg, undefined, 'jpeg', []],
    ['an SVG named .png', tinySvg, 'logo.png', 'svg', ['"logo.png" is really an SVG; it is read as one.']],
    ['an SVG with a byte order mark and a name without extension', concat(new Uint8Array([0xef, 0xbb, 0xbf]), tinySvg), 'logo', 'svg', []],
  ] as const)('%s', (_name, bytes, declared, format, warnings) => {
    const result = accepted(inspectArtwork(bytes, declared));
    expect(result.format).toBe(format);
    expect(result.warnings).toEqual(warnings);
  });

  it.each([
    ['GIF', padded('GIF89a'), 'This file is a GIF: upload a PNG, JPEG or SVG.'],
    ['BMP', padded('BM'), 'This file is a BMP image: upload a PNG, JPEG or SVG.'],
    ['PDF', padded('%PDF-1.7'), 'This file is a PDF: upload a PNG, JPEG or SVG.'],
    ['ZIP', padded([0x50, 0x4b, 0x03, 0x04]), 'This file is a ZIP archive: upload a PNG, JPEG or SVG.'],
    ['WebP', padded('RIFF\x10\x00\x00\x00WEBPVP8 '), 'This file is a WebP image: upload a PNG, JPEG or SVG.'],
    ['HEIC', padded('\x00\x00\x00\x18ftypheic'), 'This file is a HEIC photo: upload a PNG, JPEG or SVG.'],
    ['TIFF', padded([0x49, 0x49, 0x2a, 0x00]), 'This file is a TIFF image: upload a PNG, JPEG or SVG.'],
    ['PSD', padded('8BPS'), 'This file is a Photoshop file (PSD): upload a PNG, JPEG or SVG.'],
    ['gzip (an .svgz)', padded([0x1f, 0x8b, 0x08]), 'This file is a compressed file (gzip; an .svgz is one: upload the SVG itself): upload a PNG, JPEG or SVG.'],
    ['HTML', bytesOf('<!DOCTYPE html><html><body>hi</body></html>'), 'This file is an HTML page: upload a PNG, JPEG or SVG.'],
    ['other XML', bytesOf('<?xml version="1.0"?><feed/>'), 'This file is an XML file (<feed>): upload a PNG, JPEG or SVG.'],
    ['plain text', bytesOf('just some words'), 'This file is a text file: upload a PNG, JPEG or SVG.'],
    ['random bytes', new Uint8Array([0x00, 0xff, 0x13, 0x80, 0x00, 0x01, 0x02, 0xfe]), 'This file is not a picture we recognise: upload a PNG, JPEG or SVG.'],
  ])('refuses a %s, naming what it is', (_name, bytes, message) => {
    expect(inspectArtwork(bytes)).toEqual({ ok: false, code: 'unsupported-format', message });
  });

  it.each([
    ['logo.png', padded('GIF89a'), '"logo.png" is a GIF, not a PNG: upload a PNG, JPEG or SVG.'],
    ['scan.jpg', padded('BM'), '"scan.jpg" is a BMP image, not a JPEG: upload a PNG, JPEG or SVG.'],
    ['art.svg', padded('%PDF-1.4'), '"art.svg" is a PDF, not an SVG: upload a PNG, JPEG or SVG.'],
    ['logo.PNG', padded([0x50, 0x4b, 0x03, 0x04]), '"logo.PNG" is a ZIP archive, not a PNG: upload a PNG, JPEG or SVG.'],
    ['C:\\fakepath\\my logo.png', padded('GIF87a'), '"my logo.png" is a GIF, not a PNG: upload a PNG, JPEG or SVG.'],
  ])('refuses %s when renamed, saying what it really is', (name, bytes, message) => {
    expect(inspectArtwork(bytes, name)).toEqual({ ok: false, code: 'unsupported-format', message });
  });

  it('shows a name without invisible or reordering characters', () => {
    const result = inspectArtwork(padded('GIF89a'), 'gnp.\u202Efig"');
    expect(result).toMatchObject({ ok: false, message: '"gnp.fig" is a GIF: upload a PNG, JPEG or SVG.' });
  });
});

describe('file size', () => {
  it('refuses an empty file', () => {
    expect(inspectArtwork(new Uint8Array(), 'logo.png')).toEqual({ ok: false, code: 'empty', message: '"logo.png" is empty (0 bytes): choose the file again, or export it again from your design program.' });
  });

  it('refuses a file over 10 MB before reading it, with its size', () => {
    const big = new Uint8Array(13_000_000);
    big.set(PNG_SIGNATURE);
    expect(inspectArtwork(big, 'poster.png')).toEqual({ ok: false, code: 'too-large', message: '"poster.png" is 12.4 MB; the limit is 10 MB: export it smaller.' });
    expect(inspectArtwork(big)).toMatchObject({ message: 'This file is 12.4 MB; the limit is 10 MB: export it smaller.' });
  });

  it('rounds a file just over the limit up, so it never reads as the limit itself', () => {
    expect(inspectArtwork(new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ code: 'too-large', message: 'This file is 10.1 MB; the limit is 10 MB: export it smaller.' });
  });

  it('reports the byte count of an accepted file', () => {
    expect(accepted(inspectArtwork(tinyPng)).bytes).toBe(tinyPng.length);
  });
});

describe('dimensions from the header', () => {
  it.each([
    [1, 1], [30, 20], [8000, 1], [1, 8000],
  ])('reads a %i × %i px PNG', (width, height) => {
    const png = rgbaPng(width, height, () => [0, 0, 0, 255]);
    expect(accepted(inspectArtwork(png))).toMatchObject({ format: 'png', widthPx: width, heightPx: height, vector: false });
  });

  it('reads a JPEG\'s size, and shows it turned when its EXIF orientation says so', () => {
    expect(accepted(inspectArtwork(tinyJpeg))).toMatchObject({ widthPx: 48, heightPx: 32 });
    expect(accepted(inspectArtwork(encodeJpeg(48, 32, () => [9, 9, 9], { orientation: 6 })))).toMatchObject({ widthPx: 32, heightPx: 48, orientation: 6 });
    expect(accepted(inspectArtwork(encodeJpeg(48, 32, () => [9, 9, 9], { orientation: 3 })))).toMatchObject({ widthPx: 48, heightPx: 32, orientation: 3 });
    expect(accepted(inspectArtwork(encodeJpeg(48, 32, () => [9, 9, 9], { orientation: 1 })))).not.toHaveProperty('orientation');
  });

  it('refuses a 60000 × 60000 px decompression bomb from its header, before decoding a pixel', () => {
    // A few bytes claiming 3.6 gigapixels; the "pixel data" is not even valid, and no IEND follows.
    const bomb = concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(60000, 60000)), pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0xff, 0xff])));
    // Decoding would have met the invalid pixel data and said the file is damaged: the size came first.
    expect(inspectArtwork(bomb, 'bomb.png')).toEqual({ ok: false, code: 'dimensions', message: '"bomb.png" is 60000 × 60000 px; the limit is 8000 px a side: export it smaller.' });
  });

  it('refuses an image within 8000 px a side but over 40 megapixels', () => {
    const header = concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(7000, 7000)));
    expect(inspectArtwork(header)).toEqual({ ok: false, code: 'dimensions', message: 'This PNG is 7000 × 7000 px (49.0 megapixels); the limit is 40 megapixels: export it smaller.' });
  });

  it('refuses a JPEG bomb from its frame header', () => {
    const jpeg = encodeJpeg(16, 16, () => [1, 2, 3]);
    const frame = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    jpeg.set([0xea, 0x60, 0xea, 0x60], frame + 5); // height, width = 60000
    expect(inspectArtwork(jpeg)).toMatchObject({ ok: false, code: 'dimensions', message: 'This JPEG is 60000 × 60000 px; the limit is 8000 px a side: export it smaller.' });
  });

  it('refuses a picture of 0 px', () => {
    expect(inspectArtwork(concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(0, 10))))).toMatchObject({ ok: false, code: 'dimensions', message: 'This PNG says it is 0 × 10 px, which is no picture at all: export it again.' });
  });

  it('stops inflating once the last row is read: what follows the pixels is never expanded', () => {
    const rows = new Uint8Array(4 * (1 + 4 * 4)); // 4 × 4 px, filter 0, transparent black
    // The rows, then a second IDAT of bytes no inflater accepts (deflate blocks of the reserved
    // type 3): a decoder that went on past the last row would call the file damaged.
    const poison = new Uint8Array(64).fill(0xff);
    const png = concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4)), pngChunk('IDAT', zlibUnfinished(rows)), pngChunk('IDAT', poison), pngChunk('IEND'));
    expect(accepted(inspectArtwork(png))).toMatchObject({ widthPx: 4, heightPx: 4, colours: 0, hasTransparency: true });
  });

  it('reads a PNG whose pixels are followed by a gigabyte of compressed zeros', () => {
    const rows = new Uint8Array(4 * (1 + 4 * 4));
    const png = concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4)), pngChunk('IDAT', zlibWithZeroPayload(rows, 1000)), pngChunk('IEND'));
    expect(png.length).toBeLessThan(2_000_000);
    expect(accepted(inspectArtwork(png))).toMatchObject({ widthPx: 4, heightPx: 4, colours: 0, hasTransparency: true });
  });
});

describe('animated, damaged and unusual files', () => {
  it('refuses an animated PNG (APNG) politely', () => {
    const actl = pngChunk('acTL', new Uint8Array([0, 0, 0, 2, 0, 0, 0, 0]));
    const apng = encodePng({ width: 4, height: 4, sample: () => [1, 2, 3, 255], before: [actl] });
    expect(inspectArtwork(apng, 'spinner.png')).toEqual({ ok: false, code: 'animated', message: '"spinner.png" is an animated PNG: upload a still image (export one frame as PNG or JPEG).' });
  });

  it.each([
    ['cut in half', tinyPng.subarray(0, Math.floor(tinyPng.length / 2)), 'it ends early'],
    ['cut before IEND', tinyPng.subarray(0, tinyPng.length - 12), 'it ends early'],
    ['a flipped bit in the pixel data', (() => { const copy = tinyPng.slice(); copy[45] = copy[45]! ^ 1; return copy; })(), 'a checksum does not match, in its IDAT chunk'],
    ['only a signature', PNG_SIGNATURE, 'it ends before its header'],
    ['no pixel data', concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4)), pngChunk('IEND')), 'it has no pixel data'],
    ['too little pixel data', concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4)), pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])), pngChunk('IEND')), 'its pixel data ends early'],
    ['compressed data that is not deflate', concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4)), pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff, 0xff])), pngChunk('IEND')), 'its pixel data cannot be read'],
    ['an impossible pixel format', concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4, 3, 6)), pngChunk('IEND')), 'its header names an impossible pixel format (colour type 6, 3 bits)'],
    ['a palette image without a palette', concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(4, 4, 8, 3)), pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), pngChunk('IEND')), 'its palette is missing'],
  ])('refuses a PNG with %s', (_name, bytes, detail) => {
    expect(inspectArtwork(bytes, 'logo.png')).toEqual({ ok: false, code: 'corrupt', message: `"logo.png" is a damaged PNG (${detail}): export it again, or upload the original file.` });
  });

  it.each([
    ['cut in half', tinyJpeg.subarray(0, Math.floor(tinyJpeg.length / 2)), 'it ends early'],
    ['its last byte missing', tinyJpeg.subarray(0, tinyJpeg.length - 1), 'it ends early'],
    ['only a signature', new Uint8Array([0xff, 0xd8, 0xff]), 'it ends early'],
    ['no picture data', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'it has no picture data'],
  ])('refuses a JPEG with %s', (_name, bytes, detail) => {
    expect(inspectArtwork(bytes, 'photo.jpg')).toEqual({ ok: false, code: 'corrupt', message: `"photo.jpg" is a damaged JPEG (${detail}): export it again, or upload the original file.` });
  });

  it.each([
    ['arithmetic coding', 0xc9, undefined],
    ['lossless JPEG', 0xc3, undefined],
    ['12 bits per channel', 0xc0, 12],
  ])('refuses a JPEG stored with %s, saying how to save it', (detail, marker, precision) => {
    const jpeg = tinyJpeg.slice();
    const frame = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    jpeg[frame + 1] = marker;
    if (precision) jpeg[frame + 4] = precision;
    expect(inspectArtwork(jpeg)).toEqual({ ok: false, code: 'unsupported-encoding', message: `This JPEG is a JPEG stored in a rare way (${detail}) that we cannot read: save it again as a standard JPEG or as a PNG.` });
  });

  it('refuses text that is not valid in its encoding', () => {
    const broken = concat(bytesOf('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>'), new Uint8Array([0xc3, 0x28]), bytesOf('</text></svg>'));
    expect(inspectArtwork(broken, 'logo.svg')).toEqual({ ok: false, code: 'corrupt', message: '"logo.svg" looks like an SVG but is not valid UTF-8 text: save it again as SVG (UTF-8).' });
  });
});

describe('every PNG pixel format', () => {
  const palette = [RED, BLUE, GREEN] as const;
  const grey = [40, 128, 220];
  const formats = [
    ['RGBA 8-bit', { colourType: 6, bitDepth: 8 }, (i: number) => [...palette[i]!, 255]],
    ['RGBA 16-bit', { colourType: 6, bitDepth: 16 }, (i: number) => [...palette[i]!.map((v) => v * 257), 65535]],
    ['RGB 8-bit', { colourType: 2, bitDepth: 8 }, (i: number) => [...palette[i]!]],
    ['RGB 16-bit', { colourType: 2, bitDepth: 16 }, (i: number) => palette[i]!.map((v) => v * 257)],
    ['palette 8-bit', { colourType: 3, bitDepth: 8, palette }, (i: number) => [i]],
    ['palette 4-bit', { colourType: 3, bitDepth: 4, palette }, (i: number) => [i]],
    ['palette 2-bit', { colourType: 3, bitDepth: 2, palette }, (i: number) => [i]],
    ['grey 8-bit', { colourType: 0, bitDepth: 8 }, (i: number) => [grey[i]!]],
    ['grey 16-bit', { colourType: 0, bitDepth: 16 }, (i: number) => [grey[i]! * 257]],
    ['grey 2-bit', { colourType: 0, bitDepth: 2 }, (i: number) => [i + 1]],
    ['grey + alpha 8-bit', { colourType: 4, bitDepth: 8 }, (i: number) => [grey[i]!, 255]],
    ['grey + alpha 16-bit', { colourType: 4, bitDepth: 16 }, (i: number) => [grey[i]! * 257, 65535]],
  ] as const;

  for (const interlaced of [false, true]) {
    it.each(formats)(`decodes %s${interlaced ? ', interlaced' : ''} to the same three colours`, (_name, format, sample) => {
      const png = encodePng({ width: 37, height: 11, interlaced, idatChunks: 3, sample: (x) => sample(bands(x, 37)), ...format });
      const result = accepted(inspectArtwork(png));
      expect(result).toMatchObject({ widthPx: 37, heightPx: 11, colours: 3, hasTransparency: false, continuousTone: false });
      const expected = format.colourType === 0 || format.colourType === 4 ? (format.bitDepth === 2 ? [85, 170, 255] : grey).map((v) => `#${v.toString(16).padStart(2, '0').repeat(3)}`) : palette.map((c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`);
      expect([...result.palette].sort()).toEqual([...expected].sort());
    });
  }

  it('decodes 1-bit black and white', () => {
    const png = encodePng({ width: 9, height: 9, colourType: 0, bitDepth: 1, sample: (x, y) => [(x + y) % 2] });
    expect(accepted(inspectArtwork(png))).toMatchObject({ colours: 2, palette: expect.arrayContaining(['#000000', '#ffffff']) });
  });
});

describe('transparency', () => {
  it.each([
    ['an RGBA image whose every pixel is opaque', rgbaPng(8, 8, () => [1, 2, 3, 255]), false],
    ['an RGBA image with one pixel at 254', rgbaPng(8, 8, (x, y) => [1, 2, 3, x === 3 && y === 3 ? 254 : 255]), true],
    ['an RGB image', encodePng({ width: 8, height: 8, colourType: 2, sample: () => [5, 5, 5] }), false],
    ['an RGB image with a tRNS colour that some pixel has', encodePng({ width: 8, height: 8, colourType: 2, sample: (x) => (x < 4 ? [5, 5, 5] : [9, 9, 9]), transparency: new Uint8Array([0, 9, 0, 9, 0, 9]) }), true],
    ['an RGB image with a tRNS colour that no pixel has', encodePng({ width: 8, height: 8, colourType: 2, sample: () => [5, 5, 5], transparency: new Uint8Array([0, 9, 0, 9, 0, 9]) }), false],
    ['a palette image with a transparent entry', encodePng({ width: 8, height: 8, colourType: 3, palette: [[0, 0, 0], [255, 0, 0]], transparency: new Uint8Array([0]), sample: (x) => [x % 2] }), true],
    ['a grey image with a tRNS grey', encodePng({ width: 8, height: 8, colourType: 0, sample: (x) => [x % 2 ? 200 : 0], transparency: new Uint8Array([0, 0]) }), true],
    ['a grey + alpha image', encodePng({ width: 8, height: 8, colourType: 4, sample: (x) => [100, x * 30] }), true],
    ['a JPEG', tinyJpeg, false],
  ])('%s: %s', (_name, bytes, expected) => {
    expect(accepted(inspectArtwork(bytes)).hasTransparency).toBe(expected);
  });
});

describe('colours of raster artwork', () => {
  const logo = (background: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120">${background}
    <circle cx="60" cy="60" r="45" fill="#e30613"/>
    <path d="M120 20 L170 100 L220 20 Z" fill="#009fe3" transform="rotate(7 170 60)"/>
    <ellipse cx="255" cy="60" rx="30" ry="50" fill="#1d1d1b" transform="rotate(-20 255 60)"/>
    <circle cx="105" cy="60" r="20" fill="#009fe3"/>
  </svg>`;
  const drawn = (svg: string, width: number) => new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng());

  it('counts a 3-colour logo with anti-aliased edges as 3, from a PNG drawn by another encoder', () => {
    const result = accepted(inspectArtwork(drawn(logo(''), 600)));
    expect(result).toMatchObject({ widthPx: 600, heightPx: 240, colours: 3, hasTransparency: true, continuousTone: false });
    expect([...result.palette].sort()).toEqual(['#009fe3', '#1d1d1b', '#e30613']);
  });

  it('counts the white background of an opaque logo as a fourth colour', () => {
    const result = accepted(inspectArtwork(drawn(logo('<rect width="300" height="120" fill="white"/>'), 600)));
    expect(result).toMatchObject({ colours: 4, hasTransparency: false });
    expect(result.palette[0]).toBe('#ffffff');
  });

  it('counts the same logo small, where edges are a larger share of the pixels', () => {
    expect(accepted(inspectArtwork(drawn(logo(''), 150))).colours).toBe(3);
  });

  it('counts flat colours in a JPEG despite its compression noise', () => {
    const jpeg = encodeJpeg(120, 60, (x, y) => (y < 20 ? RED : y < 40 ? BLUE : GREEN), { quality: 75 });
    expect(accepted(inspectArtwork(jpeg))).toMatchObject({ colours: 3, continuousTone: false });
  });

  it('marks a photo-like gradient as continuous tone', () => {
    const gradient = rgbaPng(256, 16, (x, y) => [x, 255 - x, (y * 16) & 255, 255]);
    const result = accepted(inspectArtwork(gradient));
    expect(result.continuousTone).toBe(true);
    const jpeg = accepted(inspectArtwork(encodeJpeg(256, 16, (x, y) => [x, 255 - x, (y * 16) & 255])));
    expect(jpeg.continuousTone).toBe(true);
  });

  it('ignores pixels under half opacity and counts nothing in a fully transparent image', () => {
    expect(accepted(inspectArtwork(rgbaPng(10, 10, () => [255, 0, 0, 0])))).toMatchObject({ colours: 0, hasTransparency: true });
    expect(accepted(inspectArtwork(rgbaPng(10, 10, (x) => (x < 5 ? [255, 0, 0, 100] : [0, 0, 255, 255]))))).toMatchObject({ colours: 1, palette: ['#0000ff'] });
  });

  it('does not count a colour under 0.5 % of the pixels', () => {
    // 1000 pixels: 4 stray green ones (0.4 %) stay out, 6 (0.6 %) count.
    const withStrays = (strays: number) => rgbaPng(100, 10, (x, y) => (y === 0 && x < strays ? [0, 200, 0, 255] : [200, 0, 0, 255]));
    expect(accepted(inspectArtwork(withStrays(4))).colours).toBe(1);
    expect(accepted(inspectArtwork(withStrays(6))).colours).toBe(2);
  });
});

describe('SVG artwork', () => {
  it.each([
    ['a viewBox', 'viewBox="0 0 300 150"', 300, 150],
    ['width and height in px', 'width="640" height="480" viewBox="0 0 10 10"', 640, 480],
    ['width and height in mm', 'width="100mm" height="50mm"', 377.95, 188.98],
    ['a width with a viewBox', 'width="600" viewBox="0 0 300 150"', 600, 300],
    ['a height in inches with a viewBox', 'height="1in" viewBox="0 0 200 100"', 192, 96],
    ['percentages and a viewBox', 'width="100%" height="100%" viewBox="0 0 40 30"', 40, 30],
  ])('takes its intrinsic size from %s', (_name, attributes, width, height) => {
    const result = accepted(inspectArtwork(bytesOf(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="1" height="1"/></svg>`)));
    expect(result.widthPx).toBeCloseTo(width, 1);
    expect(result.heightPx).toBeCloseTo(height, 1);
    expect(result).toMatchObject({ format: 'svg', vector: true, hasTransparency: true });
  });

  it('refuses an SVG whose proportions are unknown', () => {
    expect(inspectArtwork(bytesOf('<svg xmlns="http://www.w3.org/2000/svg" width="100%"><rect width="1" height="1"/></svg>'), 'logo.svg')).toEqual({
      ok: false,
      code: 'svg-no-size',
      message: '"logo.svg" does not say its size (no viewBox, and no width and height), so its proportions are unknown: export it again with a viewBox or an artboard size.',
    });
  });

  it('returns the sanitised SVG and says what was removed', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="a()"><script>b()</script><rect width="10" height="10" fill="red" onclick="c()"/></svg>';
    const result = accepted(inspectArtwork(bytesOf(svg), 'logo.svg'));
    expect(result.sanitisedSvg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>');
    expect(result.warnings).toEqual(['Removed from your SVG: 2 event handlers (onclick, onload), a script. The rest is kept as you drew it: check the preview.']);
    expect(result).toMatchObject({ colours: 1, palette: ['#ff0000'] });
  });

  it('warns that text prints in our fonts', () => {
    const result = accepted(inspectArtwork(bytesOf('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>Hi</text></svg>')));
    expect(result.warnings).toEqual(['Your SVG has text, which prints in the fonts we have, not necessarily the one you chose: convert the text to outlines (paths) in your design program for an exact print.']);
  });

  it('passes on the sanitiser\'s refusal, naming the file', () => {
    expect(inspectArtwork(bytesOf('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'), 'logo.svg')).toMatchObject({ ok: false, code: 'svg-malformed', message: expect.stringMatching(/^"logo\.svg" is not valid XML \(line 1, column \d+: .+\): open it in your design program and export it again as SVG\.$/) });
  });

  it('reads UTF-16 with a byte order mark, and Latin-1 when the XML declaration names it', () => {
    const text = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>Zoë</text></svg>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) utf16.set([text.charCodeAt(i) & 255, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(accepted(inspectArtwork(utf16)).sanitisedSvg).toContain('<text>Zoë</text>');
    const latin1 = Uint8Array.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${text}`, (character) => character.charCodeAt(0));
    expect(accepted(inspectArtwork(latin1)).sanitisedSvg).toContain('<text>Zoë</text>');
  });
});
