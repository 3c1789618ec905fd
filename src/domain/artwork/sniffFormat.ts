/** What a file is, judged by its content. */
export type SniffedFormat =
  | { readonly format: 'png' | 'jpeg' }
  | { readonly format: 'svg'; readonly text: string }
  /** Not an accepted format; `name` says what it is, with its article: "a GIF", "an HTML page". */
  | { readonly format: 'other'; readonly name: string | null }
  /** Text that cannot be decoded in the encoding it declares (or UTF-8). */
  | { readonly format: 'undecodable'; readonly encoding: string };

// Magic numbers of formats customers upload by mistake, to name them in the refusal.
const SIGNATURES: readonly { readonly name: string; readonly at?: number; readonly bytes: readonly number[] | string }[] = [
  { name: 'a GIF', bytes: 'GIF8' },
  { name: 'a BMP image', bytes: 'BM' },
  { name: 'a PDF', bytes: '%PDF' },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a WebP image', bytes: 'WEBP', at: 8 },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a Photoshop file (PSD)', bytes: '8BPS' },
  { name: 'an icon file (ICO)', bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'a PostScript file (EPS)', bytes: '%!PS' },
  { name: 'a PostScript file (EPS)', bytes: [0xc5, 0xd0, 0xd3, 0xc6] },
  { name: 'a JPEG 2000 image', bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20] },
  { name: 'a JPEG XL image', bytes: [0xff, 0x0a] },
  { name: 'a JPEG XL image', bytes: [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20] },
  { name: 'a compressed file (gzip; an .svgz is one: upload the SVG itself)', bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: 'Rar!' },
  { name: 'a Windows program', bytes: 'MZ' },
  { name: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a CorelDRAW or RIFF file', bytes: 'RIFF' },
  { name: 'a Microsoft Office file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

// ISO BMFF brands (bytes 8–11 after `ftyp`): iPhone photos and newer web formats.
const BRANDS: Readonly<Record<string, string>> = {
  heic: 'a HEIC photo', heix: 'a HEIC photo', hevc: 'a HEIC photo', heim: 'a HEIC photo', heis: 'a HEIC photo', mif1: 'a HEIF image', msf1: 'a HEIF image',
  avif: 'an AVIF image', avis: 'an AVIF image', isom: 'a video', mp41: 'a video', mp42: 'a video', qt: 'a video',
};

/**
 * Recognises a file by its content, never by its name: PNG and JPEG by their signatures, SVG as
 * text (UTF-8, UTF-16 with a byte order mark, or the encoding its XML declaration names) whose root
 * element is `svg`. Anything else is named when it is a common format (GIF, PDF, ZIP, HEIC, …).
 *
 * @example
 * sniffFormat(gifBytes) // { format: 'other', name: 'a GIF' }
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg' };
  if (startsWith(bytes, 'ftyp', 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12)).trim();
    return { format: 'other', name: BRANDS[brand] ?? 'a video or HEIF file' };
  }
  const signature = SIGNATURES.find((each) => startsWith(bytes, each.bytes, each.at ?? 0));
  if (signature) return { format: 'other', name: signature.name };

  const decoded = decodeText(bytes);
  if (decoded.text === null) return decoded.looksLikeText ? { format: 'undecodable', encoding: decoded.encoding } : { format: 'other', name: null };
  const text = decoded.text;
  const root = rootElementName(text);
  if (root === null) return { format: 'other', name: /^\s*</.test(text) ? 'an XML file' : looksLikeText(text) ? 'a text file' : null };
  const local = root.slice(root.indexOf(':') + 1);
  if (local === 'svg') return { format: 'svg', text };
  if (local.toLowerCase() === 'html' || /^\s*<!doctype\s+html/i.test(text)) return { format: 'other', name: 'an HTML page' };
  return { format: 'other', name: `an XML file (<${root}>)` };
}

function startsWith(bytes: Uint8Array, expected: readonly number[] | string, at = 0): boolean {
  const wanted = typeof expected === 'string' ? [...expected].map((character) => character.charCodeAt(0)) : expected;
  if (bytes.length < at + wanted.length) return false;
  return wanted.every((byte, index) => bytes[at + index] === byte);
}

function decodeText(bytes: Uint8Array): { text: string | null; encoding: string; looksLikeText: boolean } {
  let encoding = 'utf-8';
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else if (startsWith(bytes, [0x3c, 0x00])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0x00, 0x3c])) encoding = 'utf-16be';
  else {
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    if (declared) encoding = declared.toLowerCase();
  }
  const startsAsMarkup = /^\s*</.test(String.fromCharCode(...body.subarray(0, 64)).replace(/\0/g, ''));
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, looksLikeText: startsAsMarkup };
  } catch {
    return { text: null, encoding, looksLikeText: startsAsMarkup };
  }
}

// The name of the first element after the prolog (declaration, comments, DOCTYPE, instructions).
function rootElementName(text: string): string | null {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
    if (text.startsWith('<?', at)) at = after(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = after(text, '-->', at);
    else if (/^<!doctype/i.test(text.slice(at, at + 9))) at = afterDoctype(text, at);
    else break;
    if (at < 0) return null;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1] ?? null;
}

function after(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

function afterDoctype(text: string, from: number): number {
  let depth = 0;
  for (let at = from; at < text.length; at += 1) {
    if (text[at] === '[') depth += 1;
    else if (text[at] === ']') depth -= 1;
    else if (text[at] === '>' && depth <= 0) return at + 1;
  }
  return -1;
}

function looksLikeText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters mean binary data
  return !/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 1000));
}
