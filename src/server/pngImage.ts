import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** A checked PNG image. */
export interface PngImage {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
}

/** Why a data URL is not an acceptable PNG: a message and what to do instead. */
export interface PngRefusal {
  readonly message: string;
  readonly hint: string;
}

const DATA_URL_PREFIX = 'data:image/png;base64,';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Larger than any canvas capture we make; keeps a tiny file from claiming a huge image. */
const MAX_SIDE = 8192;

/**
 * Decodes and checks a PNG sent as a data URL (a canvas's `toDataURL('image/png')`): the prefix,
 * strict base64, the size, the PNG signature, a well-formed IHDR chunk (CRC checked) with sane
 * dimensions, and an IEND chunk at the end. Anything else is refused with the reason.
 *
 * @example
 * const png = decodePngDataUrl(canvas.toDataURL('image/png'), 2 * 1024 * 1024);
 * if ('message' in png) refuse(png.message);
 */
export function decodePngDataUrl(dataUrl: string, maxBytes: number): PngImage | PngRefusal {
  if (!dataUrl.startsWith(DATA_URL_PREFIX)) {
    return { message: `the image is not a base64 PNG data URL (it starts "${dataUrl.slice(0, 30)}")`, hint: `send canvas.toDataURL('image/png'), which starts "${DATA_URL_PREFIX}"` };
  }
  const base64 = dataUrl.slice(DATA_URL_PREFIX.length);
  // Decoded size is known before decoding: refuse big images without allocating them.
  const decodedSize = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (decodedSize > maxBytes) {
    return { message: `the image is ${formatBytes(decodedSize)}, more than the ${formatBytes(maxBytes)} allowed`, hint: 'capture a smaller preview (e.g. 1024 px wide)' };
  }
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
    return { message: 'the image data is not valid base64', hint: 'send the data URL exactly as canvas.toDataURL returned it' };
  }
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length < SIGNATURE.length + 25 + 12 || SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
    return { message: 'the image is not a PNG file (its signature bytes are wrong)', hint: 'send a PNG; other formats are not accepted' };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdrLength = view.getUint32(8);
  const ihdrType = String.fromCharCode(...bytes.subarray(12, 16));
  if (ihdrLength !== 13 || ihdrType !== 'IHDR' || crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) {
    return { message: 'the PNG is damaged: its header chunk (IHDR) is missing or corrupt', hint: 'capture the image again' };
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) {
    return { message: `the PNG is ${width}×${height} pixels; each side must be from 1 to ${MAX_SIDE}`, hint: 'capture a preview of ordinary size' };
  }
  const end = bytes.length - 12;
  if (view.getUint32(end) !== 0 || String.fromCharCode(...bytes.subarray(end + 4, end + 8)) !== 'IEND') {
    return { message: 'the PNG is truncated: it does not end with an IEND chunk', hint: 'send the whole image' };
  }
  return { bytes, width, height, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
