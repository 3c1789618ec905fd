import {
  converter, modeA98, modeHsl, modeHsv, modeHwb, modeLab, modeLab65, modeLch, modeLch65, modeLrgb, modeOklab, modeOklch,
  modeP3, modeProphoto, modeRec2020, modeRgb, modeXyz50, modeXyz65, useMode, type Rgb,
} from 'culori/fn';

/** An sRGB colour with 8-bit channels and an alpha from 0 to 1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** What a `fill` or `stroke` value paints with. */
export type Paint =
  | { readonly kind: 'none' }
  | { readonly kind: 'colour'; readonly colour: Rgba }
  | { readonly kind: 'current-colour' }
  | { readonly kind: 'url'; readonly id: string; readonly fallback: Paint | null }
  /** `inherit` or a value that cannot be read: the inherited value applies. */
  | { readonly kind: 'inherit' };

const MAX_COLOUR_LENGTH = 100;

let srgbConverter: ((colour: string) => Rgb | undefined) | undefined;

/**
 * culori's colour spaces, registered on first use: `culori/css` registers them when imported, a
 * side effect that would put culori in every bundle that imports the domain, used or not.
 */
function toSrgb(): (colour: string) => Rgb | undefined {
  if (srgbConverter === undefined) {
    for (const mode of [modeRgb, modeLrgb, modeHsl, modeHsv, modeHwb, modeLab, modeLab65, modeLch, modeLch65, modeOklab, modeOklch, modeP3, modeA98, modeProphoto, modeRec2020, modeXyz50, modeXyz65]) useMode(mode);
    srgbConverter = converter('rgb');
  }
  return srgbConverter;
}

/**
 * Reads a CSS colour with culori (every CSS Color 4 syntax: names, `#rgb[a]`, `#rrggbb[aa]`,
 * `rgb()`, `hsl()`, `hwb()`, `lab()`, `lch()`, `oklab()`, `oklch()`, `color(srgb | display-p3 |
 * srgb-linear | a98-rgb | prophoto-rgb | rec2020 | xyz… …)`, commas or spaces, `/ alpha`, `none`
 * channels) and converts it to sRGB with 8-bit channels, clipping colours outside sRGB (wide-gamut
 * P3, out-of-range channels). `transparent` is black with no alpha. Returns null for anything else
 * (`currentColor`, `none`, a typo).
 *
 * @example
 * parseCssColour('#E30') // { r: 238, g: 51, b: 0, a: 1 }
 * parseCssColour('oklch(40.101% 0.12332 21.555 / 50%)') // { r: 125, g: 35, b: 41, a: 0.5 }
 */
export function parseCssColour(text: string): Rgba | null {
  // No colour is longer; a long value is not read at all.
  if (text.length > MAX_COLOUR_LENGTH) return null;
  // culori reads functions and names in lower case only; CSS is case-insensitive in both.
  const colour = toSrgb()(text.trim().toLowerCase());
  if (colour === undefined) return null;
  const channel = (value: number | undefined) => Math.round(clamp(value ?? 0, 0, 1) * 255);
  return { r: channel(colour.r), g: channel(colour.g), b: channel(colour.b), a: clamp(colour.alpha ?? 1, 0, 1) };
}

/**
 * Reads a `fill` or `stroke` value: `none`, a colour, `currentColor`, `url(#id)` with an optional
 * fallback colour, or `inherit` (also for values that cannot be read, which CSS ignores).
 */
export function parsePaint(text: string): Paint {
  if (text.length > MAX_COLOUR_LENGTH * 2) return { kind: 'inherit' };
  const value = text.replace(/!important\s*$/i, '').trim();
  const lower = value.toLowerCase();
  if (lower === 'none') return { kind: 'none' };
  if (lower === 'currentcolor') return { kind: 'current-colour' };
  const url = /^url\(\s*["']?#([^"')\s]+)["']?\s*\)\s*(.*)$/i.exec(value);
  if (url) {
    const fallback = url[2] ? parsePaint(url[2]) : null;
    return { kind: 'url', id: url[1]!, fallback: fallback && fallback.kind !== 'inherit' ? fallback : null };
  }
  const colour = parseCssColour(value);
  return colour ? { kind: 'colour', colour } : { kind: 'inherit' };
}

/** Writes a colour as lowercase `#rrggbb` (alpha left out: it is not a different ink or thread). */
export function toHex(colour: Pick<Rgba, 'r' | 'g' | 'b'>): string {
  return `#${[colour.r, colour.g, colour.b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isNaN(value) ? low : Math.min(high, Math.max(low, value));
}
