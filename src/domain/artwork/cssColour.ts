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

// The CSS Color 4 named colours (the 147 of SVG 1.1 plus rebeccapurple).
const NAMED: Readonly<Record<string, number>> = {
  aliceblue: 0xf0f8ff, antiquewhite: 0xfaebd7, aqua: 0x00ffff, aquamarine: 0x7fffd4, azure: 0xf0ffff,
  beige: 0xf5f5dc, bisque: 0xffe4c4, black: 0x000000, blanchedalmond: 0xffebcd, blue: 0x0000ff,
  blueviolet: 0x8a2be2, brown: 0xa52a2a, burlywood: 0xdeb887, cadetblue: 0x5f9ea0, chartreuse: 0x7fff00,
  chocolate: 0xd2691e, coral: 0xff7f50, cornflowerblue: 0x6495ed, cornsilk: 0xfff8dc, crimson: 0xdc143c,
  cyan: 0x00ffff, darkblue: 0x00008b, darkcyan: 0x008b8b, darkgoldenrod: 0xb8860b, darkgray: 0xa9a9a9,
  darkgreen: 0x006400, darkgrey: 0xa9a9a9, darkkhaki: 0xbdb76b, darkmagenta: 0x8b008b, darkolivegreen: 0x556b2f,
  darkorange: 0xff8c00, darkorchid: 0x9932cc, darkred: 0x8b0000, darksalmon: 0xe9967a, darkseagreen: 0x8fbc8f,
  darkslateblue: 0x483d8b, darkslategray: 0x2f4f4f, darkslategrey: 0x2f4f4f, darkturquoise: 0x00ced1,
  darkviolet: 0x9400d3, deeppink: 0xff1493, deepskyblue: 0x00bfff, dimgray: 0x696969, dimgrey: 0x696969,
  dodgerblue: 0x1e90ff, firebrick: 0xb22222, floralwhite: 0xfffaf0, forestgreen: 0x228b22, fuchsia: 0xff00ff,
  gainsboro: 0xdcdcdc, ghostwhite: 0xf8f8ff, gold: 0xffd700, goldenrod: 0xdaa520, gray: 0x808080,
  green: 0x008000, greenyellow: 0xadff2f, grey: 0x808080, honeydew: 0xf0fff0, hotpink: 0xff69b4,
  indianred: 0xcd5c5c, indigo: 0x4b0082, ivory: 0xfffff0, khaki: 0xf0e68c, lavender: 0xe6e6fa,
  lavenderblush: 0xfff0f5, lawngreen: 0x7cfc00, lemonchiffon: 0xfffacd, lightblue: 0xadd8e6, lightcoral: 0xf08080,
  lightcyan: 0xe0ffff, lightgoldenrodyellow: 0xfafad2, lightgray: 0xd3d3d3, lightgreen: 0x90ee90, lightgrey: 0xd3d3d3,
  lightpink: 0xffb6c1, lightsalmon: 0xffa07a, lightseagreen: 0x20b2aa, lightskyblue: 0x87cefa, lightslategray: 0x778899,
  lightslategrey: 0x778899, lightsteelblue: 0xb0c4de, lightyellow: 0xffffe0, lime: 0x00ff00, limegreen: 0x32cd32,
  linen: 0xfaf0e6, magenta: 0xff00ff, maroon: 0x800000, mediumaquamarine: 0x66cdaa, mediumblue: 0x0000cd,
  mediumorchid: 0xba55d3, mediumpurple: 0x9370db, mediumseagreen: 0x3cb371, mediumslateblue: 0x7b68ee,
  mediumspringgreen: 0x00fa9a, mediumturquoise: 0x48d1cc, mediumvioletred: 0xc71585, midnightblue: 0x191970,
  mintcream: 0xf5fffa, mistyrose: 0xffe4e1, moccasin: 0xffe4b5, navajowhite: 0xffdead, navy: 0x000080,
  oldlace: 0xfdf5e6, olive: 0x808000, olivedrab: 0x6b8e23, orange: 0xffa500, orangered: 0xff4500,
  orchid: 0xda70d6, palegoldenrod: 0xeee8aa, palegreen: 0x98fb98, paleturquoise: 0xafeeee, palevioletred: 0xdb7093,
  papayawhip: 0xffefd5, peachpuff: 0xffdab9, peru: 0xcd853f, pink: 0xffc0cb, plum: 0xdda0dd,
  powderblue: 0xb0e0e6, purple: 0x800080, rebeccapurple: 0x663399, red: 0xff0000, rosybrown: 0xbc8f8f,
  royalblue: 0x4169e1, saddlebrown: 0x8b4513, salmon: 0xfa8072, sandybrown: 0xf4a460, seagreen: 0x2e8b57,
  seashell: 0xfff5ee, sienna: 0xa0522d, silver: 0xc0c0c0, skyblue: 0x87ceeb, slateblue: 0x6a5acd,
  slategray: 0x708090, slategrey: 0x708090, snow: 0xfffafa, springgreen: 0x00ff7f, steelblue: 0x4682b4,
  tan: 0xd2b48c, teal: 0x008080, thistle: 0xd8bfd8, tomato: 0xff6347, turquoise: 0x40e0d0,
  violet: 0xee82ee, wheat: 0xf5deb3, white: 0xffffff, whitesmoke: 0xf5f5f5, yellow: 0xffff00,
  yellowgreen: 0x9acd32,
};

/**
 * Reads a CSS colour: `#abc`, `#aabbcc`, `#aabbccdd`, `rgb()`/`rgba()` (numbers or percentages,
 * commas or spaces, `/ alpha`), `hsl()`/`hsla()`, the named colours and `transparent`. Returns null
 * for anything else (`currentColor`, `none`, a typo).
 *
 * @example
 * parseCssColour('#E30') // { r: 238, g: 51, b: 0, a: 1 }
 * parseCssColour('rgb(100% 0% 0% / 50%)') // { r: 255, g: 0, b: 0, a: 0.5 }
 */
export function parseCssColour(text: string): Rgba | null {
  // No colour is longer; a long value is not read at all (its splitting would be slow, not useful).
  if (text.length > MAX_COLOUR_LENGTH) return null;
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED[value];
  if (named !== undefined) return { r: named >> 16, g: (named >> 8) & 255, b: named & 255, a: 1 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) return parseHex(hex[1]!);
  const fn = /^(rgba?|hsla?)\((.*)\)$/.exec(value);
  if (!fn) return null;
  const parts = fn[2]!.trim().split(/\s*,\s*|\s*\/\s*|\s+/).filter(Boolean);
  if (parts.length !== 3 && parts.length !== 4) return null;
  const alpha = parts.length === 4 ? parseAlpha(parts[3]!) : 1;
  if (alpha === null) return null;
  if (fn[1]!.startsWith('rgb')) {
    const channels = parts.slice(0, 3).map(parseRgbChannel);
    if (channels.some((channel) => channel === null)) return null;
    const [r, g, b] = channels as number[];
    return { r: r!, g: g!, b: b!, a: alpha };
  }
  const hue = Number.parseFloat(parts[0]!.replace(/deg$/, ''));
  const saturation = parsePercent(parts[1]!);
  const lightness = parsePercent(parts[2]!);
  if (!Number.isFinite(hue) || saturation === null || lightness === null) return null;
  return { ...hslToRgb(hue, saturation, lightness), a: alpha };
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

function parseHex(digits: string): Rgba | null {
  if (digits.length === 3 || digits.length === 4) {
    const [r, g, b, a = 'f'] = [...digits].map((digit) => digit + digit);
    return { r: Number.parseInt(r!, 16), g: Number.parseInt(g!, 16), b: Number.parseInt(b!, 16), a: Number.parseInt(a, 16) / 255 };
  }
  if (digits.length === 6 || digits.length === 8) {
    const value = (at: number) => Number.parseInt(digits.slice(at, at + 2), 16);
    return { r: value(0), g: value(2), b: value(4), a: digits.length === 8 ? value(6) / 255 : 1 };
  }
  return null;
}

function parseRgbChannel(part: string): number | null {
  const percent = parsePercent(part);
  if (percent !== null) return clamp(Math.round(percent * 255), 0, 255);
  const number = Number(part);
  return Number.isFinite(number) ? clamp(Math.round(number), 0, 255) : null;
}

function parseAlpha(part: string): number | null {
  const percent = parsePercent(part);
  if (percent !== null) return clamp(percent, 0, 1);
  const number = Number(part);
  return Number.isFinite(number) ? clamp(number, 0, 1) : null;
}

function parsePercent(part: string): number | null {
  if (!part.endsWith('%')) return null;
  const number = Number(part.slice(0, -1));
  return Number.isFinite(number) ? clamp(number / 100, 0, 1) : null;
}

function hslToRgb(hue: number, saturation: number, lightness: number): { r: number; g: number; b: number } {
  const h = (((hue % 360) + 360) % 360) / 30;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + h) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return { r: channel(0), g: channel(8), b: channel(4) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
