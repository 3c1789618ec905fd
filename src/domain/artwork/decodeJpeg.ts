import { decode } from 'jpeg-js';

/** Decoded JPEG pixels, or why they could not be had. */
export type DecodedJpeg =
  | { readonly ok: true; readonly width: number; readonly height: number; readonly rgba: Uint8Array }
  /** `memory`: the decoder's own memory guard stopped it; `corrupt`: the data cannot be decoded. */
  | { readonly ok: false; readonly reason: 'memory' | 'corrupt' };

/**
 * Decodes a JPEG's pixels to 8-bit RGBA with jpeg-js (pure JavaScript, baseline and progressive,
 * grey, YCbCr and CMYK). Call it only after `readJpegInfo` accepted the header and the size was
 * checked: the decoder holds the whole image (40 megapixels take about 1 GB and 5 s). Its own
 * limits are set just above ours, as a second guard.
 */
export function decodeJpegPixels(bytes: Uint8Array, maxMegapixels: number): DecodedJpeg {
  try {
    const image = decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxMegapixels + 1, maxMemoryUsageInMB: Math.ceil(maxMegapixels * 24) });
    return { ok: true, width: image.width, height: image.height, rgba: image.data };
  } catch (error) {
    return { ok: false, reason: /maxMemoryUsageInMB|maxResolutionInMP/.test(String(error)) ? 'memory' : 'corrupt' };
  }
}
