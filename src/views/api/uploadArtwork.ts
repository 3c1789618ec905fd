import { ArtworkUploadError, type ArtworkFile, type UploadedArtwork } from '../../machines/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';

/**
 * Uploads an artwork file to the shop (`POST /api/artworks`), which inspects it (PNG, JPEG or SVG
 * by content, size, dimensions; SVG sanitised) and stores it. Resolves with what the shop found
 * and any warnings (e.g. what was removed from an SVG); a refusal or an unreachable shop becomes an
 * {@link ArtworkUploadError} in words for the customer. The session's `uploadArtwork` actor (the
 * session refuses a file over the size limit before it comes here).
 */
export async function uploadArtwork(file: ArtworkFile, signal?: AbortSignal): Promise<UploadedArtwork> {
  let response: Response;
  try {
    response = await fetch('/api/artworks', {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      body: file instanceof Blob ? file : await file.arrayBuffer(),
      ...(signal ? { signal } : {}),
    });
  } catch {
    throw new ArtworkUploadError('The shop could not be reached: check your connection and upload the artwork again.');
  }
  if (!response.ok) {
    const error = await readApiError(response);
    throw new ArtworkUploadError(apiErrorSentence(error));
  }
  return (await response.json()) as UploadedArtwork;
}
