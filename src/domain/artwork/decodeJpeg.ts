import { decode } from 'jpeg-js';

/**
 * Decodes a JPEG's pixels to 8-bit RGBA with jpeg-js (pure JavaScript, baseline and progressive,
 * grey, YCbCr and CMYK). Call it only after `readJpegInfo` accepted the header and the size was
 * checked: the decoder holds the whole image. Its own limits are set just above ours, as a second
 * guard. Returns null when the data cannot be decoded.
 */
export function decodeJpegPixels(bytes: Uint8Array, maxMegapixels: number): { width: number; height: number; rgba: Uint8Array } | null {
  try {
    const image = decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxMegapixels + 1, maxMemoryUsageInMB: Math.ceil(maxMegapixels * 16) });
    return { width: image.width, height: image.height, rgba: image.data };
  } catch {
    return null;
  }
}
