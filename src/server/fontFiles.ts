import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSync, type Font } from 'fontkit';
import { FONT_FAMILIES, type FontMetrics } from '../domain/index.ts';

// Printable Latin: ASCII and Latin-1, which is what the print fonts' latin subsets cover.
const CODE_POINTS = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i), 0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e];
const cache = new Map<string, FontMetrics>();
const fonts = new Map<string, Font>();

/** The font file of a shipped font (latin 400 of its @fontsource package). */
function fontFileOf(rootDir: string, fontId: string): string {
  const family = FONT_FAMILIES[fontId];
  if (!family) throw new Error(`[Atelier] unknown font "${fontId}"; shipped: ${Object.keys(FONT_FAMILIES).join(', ')}`);
  const slug = family.packageName.split('/')[1]!;
  const file = join(rootDir, 'node_modules', family.packageName, 'files', `${slug}-latin-400-normal.woff`);
  if (!existsSync(file)) throw new Error(`[Atelier] the font file ${file} is missing: run npm install (it comes with ${family.packageName})`);
  return file;
}

/** A shipped font opened with fontkit, to set print files with its real outlines and kerning. */
export function openShippedFont(rootDir: string, fontId: string): Font {
  const cached = fonts.get(fontId);
  if (cached) return cached;
  const file = fontFileOf(rootDir, fontId);
  const opened = openSync(file);
  // A collection (.ttc, .dfont) holds several fonts; the shipped files are single WOFF fonts.
  if ('fonts' in opened) throw new Error(`[Atelier] the font file ${file} is a font collection, not one font`);
  fonts.set(fontId, opened);
  return opened;
}

/**
 * Reads a shipped font's widths from its npm package (`@fontsource/<font>`, latin 400): what the
 * domain needs to check that a personal text fits its zone. Throws with the package to install
 * when the font is missing (a broken install, not an input problem).
 */
export function readFontMetrics(rootDir: string, fontId: string): FontMetrics {
  const cached = cache.get(fontId);
  if (cached) return cached;
  const family = FONT_FAMILIES[fontId]!;
  const font = openShippedFont(rootDir, fontId);
  const advances: Record<string, number> = {};
  for (const codePoint of CODE_POINTS) {
    if (font.hasGlyphForCodePoint(codePoint)) advances[String.fromCodePoint(codePoint)] = font.glyphForCodePoint(codePoint).advanceWidth;
  }
  // Unknown characters are refused by the field's character check; measure them as wide as an M.
  const metrics: FontMetrics = { id: fontId, family: family.family, label: family.label, unitsPerEm: font.unitsPerEm, capHeight: font.capHeight || font.unitsPerEm * 0.7, advances, fallbackAdvance: advances.M ?? font.unitsPerEm };
  cache.set(fontId, metrics);
  return metrics;
}
