import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import {
  PRINT_DPI, personalisationStatus, textPrints, zonePixels, type ArtworkPrint, type CatalogEntry, type DesignDocument, type PrintZone, type TextPrint,
} from '../domain/index.ts';
import { openShippedFont } from './fontFiles.ts';
import { PROJECT_ROOT } from './projectRoot.ts';

/** The texts of an order's design laid out in their zones (see `textPrints`). */
export function orderTextPrints(entry: CatalogEntry, design: DesignDocument): TextPrint[] {
  return textPrints(entry, personalisationStatus(entry, design.choices, design.personalisation));
}

/** An artwork to print, with its file. */
export interface ArtworkFile {
  readonly print: ArtworkPrint;
  readonly bytes: Uint8Array;
}

const MIME: Readonly<Record<ArtworkPrint['artwork']['format'], string>> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

/**
 * The print file of one zone: a transparent PNG of the zone's physical size at 300 DPI (with the
 * resolution recorded in the file) holding its artworks at their placed boxes and its texts as the
 * font's own outlines, set with its kerning, centred in their boxes as the preview showed them.
 */
export function renderZonePng(zone: PrintZone, texts: readonly TextPrint[], artworks: readonly ArtworkFile[] = []): Uint8Array<ArrayBuffer> {
  const images = artworks.map(({ print, bytes }) => {
    const href = `data:${MIME[print.artwork.format]};base64,${Buffer.from(bytes).toString('base64')}`;
    return `<image x="${print.box.xMm}" y="${print.box.yMm}" width="${print.box.widthMm}" height="${print.box.heightMm}" preserveAspectRatio="none" href="${href}"/>`;
  }).join('');
  const paths = texts.map((print) => textOutlines(print)).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${zone.widthMm}mm" height="${zone.heightMm}mm" viewBox="0 0 ${zone.widthMm} ${zone.heightMm}">${images}${paths}</svg>`;
  const pixels = zonePixels(zone);
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: pixels.width }, background: 'rgba(0,0,0,0)' }).render().asPng();
  return withResolution(png, PRINT_DPI);
}

function textOutlines(print: TextPrint): string {
  const font = openShippedFont(PROJECT_ROOT, print.fontId);
  const run = font.layout(print.text);
  const unitsToMm = print.fontSizeMm / font.unitsPerEm;
  // Kerning makes the real width differ a little from the check's estimate: never wider than the box.
  const squeeze = Math.min(1, print.box.widthMm / (run.advanceWidth * unitsToMm));
  const width = run.advanceWidth * unitsToMm * squeeze;
  let x = print.box.xMm + (print.box.widthMm - width) / 2;
  const baseline = print.box.yMm + print.box.heightMm / 2 + print.capHeightMm / 2;
  let d = '';
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    const gx = x + position.xOffset * unitsToMm * squeeze;
    d += `<path transform="translate(${gx.toFixed(4)} ${(baseline - position.yOffset * unitsToMm).toFixed(4)}) scale(${(unitsToMm * squeeze).toFixed(6)} ${(-unitsToMm).toFixed(6)})" d="${glyph.path.toSVG()}"/>`;
    x += position.xAdvance * unitsToMm * squeeze;
  });
  return `<g fill="${print.hex}">${d}</g>`;
}

/** Adds a pHYs chunk (pixels per metre) after the IHDR chunk, so print software reads the resolution. */
function withResolution(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)) >>> 0);
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
