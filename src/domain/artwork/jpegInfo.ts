/** The facts of a JPEG read from its markers, before any pixel is decoded. */
export interface JpegInfo {
  /** As stored (before the EXIF orientation is applied). */
  readonly width: number;
  readonly height: number;
  /** 1 grey, 3 YCbCr (colour), 4 CMYK or YCCK. */
  readonly components: number;
  readonly progressive: boolean;
  /** The EXIF orientation, 1–8 (1 when absent): 5–8 turn the picture a quarter, so the shown sides swap. */
  readonly orientation: number;
}

/** Why a JPEG cannot be read: damaged (`detail` follows "a damaged JPEG (…)") or stored in a rare way. */
export type JpegInfoProblem = { readonly problem: 'corrupt'; readonly detail: string } | { readonly problem: 'unsupported'; readonly detail: string };

// Start-of-frame markers: which coding each one means, and whether the pure-JS decoder reads it.
const FRAMES: Readonly<Record<number, { readonly supported: boolean; readonly progressive?: boolean; readonly name?: string }>> = {
  0xc0: { supported: true }, 0xc1: { supported: true }, 0xc2: { supported: true, progressive: true },
  0xc3: { supported: false, name: 'lossless JPEG' },
  0xc5: { supported: false, name: 'hierarchical JPEG' }, 0xc6: { supported: false, name: 'hierarchical JPEG' }, 0xc7: { supported: false, name: 'hierarchical JPEG' },
  0xc9: { supported: false, name: 'arithmetic coding' }, 0xca: { supported: false, name: 'arithmetic coding' }, 0xcb: { supported: false, name: 'arithmetic coding' },
  0xcd: { supported: false, name: 'arithmetic coding' }, 0xce: { supported: false, name: 'arithmetic coding' }, 0xcf: { supported: false, name: 'arithmetic coding' },
};

/**
 * Walks a JPEG's markers up to the first scan (signature already checked): reads the frame header
 * (size, components, coding) and the EXIF orientation, and checks that the file ends with an
 * end-of-image marker after its scans (a cut-off upload lacks it). Rare codings that the decoder
 * cannot read (arithmetic, lossless, hierarchical, 12-bit) are named.
 */
export function readJpegInfo(bytes: Uint8Array): JpegInfo | JpegInfoProblem {
  let frame: { width: number; height: number; components: number; progressive: boolean } | null = null;
  let orientation = 1;
  let at = 2;
  for (;;) {
    if (at >= bytes.length) return { problem: 'corrupt', detail: 'it ends early' };
    if (bytes[at] !== 0xff) return { problem: 'corrupt', detail: 'its structure cannot be read' };
    while (bytes[at] === 0xff && at < bytes.length) at += 1;
    const marker = bytes[at];
    at += 1;
    if (marker === undefined) return { problem: 'corrupt', detail: 'it ends early' };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0xd9) return { problem: 'corrupt', detail: 'it has no picture data' };
    if (at + 2 > bytes.length) return { problem: 'corrupt', detail: 'it ends early' };
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return { problem: 'corrupt', detail: 'it ends early' };
    const body = bytes.subarray(at + 2, at + length);
    const kind = FRAMES[marker];
    if (kind) {
      if (!kind.supported) return { problem: 'unsupported', detail: kind.name! };
      if (body.length < 6) return { problem: 'corrupt', detail: 'its frame header is cut short' };
      if (body[0] !== 8) return { problem: 'unsupported', detail: `${body[0]} bits per channel` };
      const height = (body[1]! << 8) | body[2]!;
      const width = (body[3]! << 8) | body[4]!;
      const components = body[5]!;
      if (height === 0) return { problem: 'unsupported', detail: 'a height given after the picture data' };
      if (![1, 3, 4].includes(components)) return { problem: 'unsupported', detail: `${components} colour channels` };
      frame = { width, height, components, progressive: kind.progressive ?? false };
    } else if (marker === 0xe1) {
      orientation = exifOrientation(body) ?? orientation;
    } else if (marker === 0xda) {
      if (!frame) return { problem: 'corrupt', detail: 'its picture data comes before its header' };
      break;
    }
    at += length;
  }
  // Inside scans 0xFF is always followed by 0x00 or a marker, so FF D9 after the first scan is the end.
  if (!hasEndMarker(bytes, at)) return { problem: 'corrupt', detail: 'it ends early' };
  return { ...frame, orientation };
}

function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  for (let at = bytes.length - 2; at >= from; at -= 1) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
  }
  return false;
}

// EXIF is a small TIFF file: byte order, IFD0, and tag 0x0112 (orientation) among its entries.
function exifOrientation(body: Uint8Array): number | null {
  if (body.length < 14 || String.fromCharCode(...body.subarray(0, 4)) !== 'Exif' || body[4] !== 0 || body[5] !== 0) return null;
  const tiff = body.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (at + 2 > tiff.length ? -1 : little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!);
  const u32 = (at: number) => (at + 4 > tiff.length ? -1 : little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0);
  const ifd = u32(4);
  const entries = u16(ifd);
  if (ifd < 0 || entries < 0) return null;
  for (let index = 0; index < entries; index += 1) {
    const entry = ifd + 2 + index * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}
