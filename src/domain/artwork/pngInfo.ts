/** The facts of a PNG read from its chunks, before any pixel is decoded. */
export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha. */
  readonly colourType: 0 | 2 | 3 | 4 | 6;
  readonly interlaced: boolean;
  /** The palette as RGB triples (colour type 3). */
  readonly palette: Uint8Array | null;
  /** The tRNS chunk: alpha per palette entry, or the one transparent grey or RGB sample value. */
  readonly transparency: Uint8Array | null;
  /** The compressed pixel data, in order (the IDAT chunks' contents). */
  readonly data: readonly Uint8Array[];
}

/** Why a PNG cannot be read, in words that follow "a damaged PNG (…)", or an animation. */
export type PngInfoProblem = { readonly problem: 'corrupt'; readonly detail: string } | { readonly problem: 'animated' };

/** The image header alone: enough to refuse a decompression bomb before anything else is read. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
}

const VALID_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * Reads the width and height from the IHDR chunk, which the PNG standard puts first, so that
 * absurd sizes are refused from 24 bytes without looking further.
 */
export function readPngHeader(bytes: Uint8Array): PngHeader | PngInfoProblem {
  if (bytes.length < 33) return { problem: 'corrupt', detail: 'it ends before its header' };
  if (chunkType(bytes, 12) !== 'IHDR' || readUint32(bytes, 8) !== 13) return { problem: 'corrupt', detail: 'its header is missing' };
  return { width: readUint32(bytes, 16), height: readUint32(bytes, 20) };
}

/**
 * Walks every chunk of a PNG (signature already checked): verifies each chunk's CRC, the header's
 * bit depth and colour type, that the palette is there when needed, that pixel data follows and
 * the file ends with IEND. An `acTL` chunk makes it an animated PNG (APNG).
 */
export function readPngInfo(bytes: Uint8Array): PngInfo | PngInfoProblem {
  const header = readPngHeader(bytes);
  if ('problem' in header) return header;
  const view = { bitDepth: bytes[24]!, colourType: bytes[25]!, compression: bytes[26]!, filter: bytes[27]!, interlace: bytes[28]! };
  if (!VALID_DEPTHS[view.colourType]?.includes(view.bitDepth)) return { problem: 'corrupt', detail: `its header names an impossible pixel format (colour type ${view.colourType}, ${view.bitDepth} bits)` };
  if (view.compression !== 0 || view.filter !== 0 || view.interlace > 1) return { problem: 'corrupt', detail: 'its header names an unknown compression' };

  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  const data: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at < bytes.length; ) {
    if (at + 12 > bytes.length) return { problem: 'corrupt', detail: 'it ends early' };
    const length = readUint32(bytes, at);
    const type = chunkType(bytes, at + 4);
    if (length > bytes.length - at - 12) return { problem: 'corrupt', detail: 'it ends early' };
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== readUint32(bytes, at + 8 + length)) return { problem: 'corrupt', detail: `a checksum does not match, in its ${type.replace(/[^\x20-\x7e]/g, '?')} chunk` };
    at += 12 + length;
    if (type === 'acTL') return { problem: 'animated' };
    if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (data.length === 0) return { problem: 'corrupt', detail: ended ? 'it has no pixel data' : 'it ends early' };
  if (!ended) return { problem: 'corrupt', detail: 'it ends early' };
  if (view.colourType === 3 && (!palette || palette.length % 3 !== 0 || palette.length === 0)) return { problem: 'corrupt', detail: 'its palette is missing' };
  return {
    width: header.width,
    height: header.height,
    bitDepth: view.bitDepth as PngInfo['bitDepth'],
    colourType: view.colourType as PngInfo['colourType'],
    interlaced: view.interlace === 1,
    palette,
    transparency,
    data,
  };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function chunkType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of PNG chunks (and of zip and gzip): ISO 3309, polynomial 0xEDB88320. Here, not
 * node:zlib's `crc32`, because the domain also runs in the browser.
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let at = 0; at < bytes.length; at += 1) crc = CRC_TABLE[(crc ^ bytes[at]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
