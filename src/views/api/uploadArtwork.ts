import type { ArtworkMeta } from '../../domain/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';

/** The most a customer may upload, as the shop accepts it; checked here first so nothing large is sent in vain. */
export const MAX_ARTWORK_BYTES = 10 * 1024 * 1024;

/** An upload the shop refused, in words for the customer. */
export class ArtworkUploadError extends Error {
  override readonly name = 'ArtworkUploadError';
}

/**
 * Uploads an artwork file to the shop (`POST /api/artworks`), which inspects it (PNG, JPEG or SVG
 * by content, size, dimensions; SVG sanitised) and stores it. Resolves with what the shop found
 * and any warnings (e.g. what was removed from an SVG).
 */
export async function uploadArtwork(file: File): Promise<{ artwork: ArtworkMeta; warnings: readonly string[] }> {
  if (file.size > MAX_ARTWORK_BYTES) {
    throw new ArtworkUploadError(`"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB: export it smaller.`);
  }
  let response: Response;
  try {
    response = await fetch('/api/artworks', { method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) }, body: file });
  } catch {
    throw new ArtworkUploadError('The shop could not be reached: check your connection and upload the artwork again.');
  }
  if (!response.ok) {
    const error = await readApiError(response);
    throw new ArtworkUploadError(apiErrorSentence(error));
  }
  return (await response.json()) as { artwork: ArtworkMeta; warnings: readonly string[] };
}
