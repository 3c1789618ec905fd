import type { CatalogEntry, DesignDocument } from '../domain/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import { busyError } from './busyError.ts';
import { galleryPictureSvg } from './galleryPicture.ts';
import type { JobPool } from './jobs/index.ts';

/** A gallery picture, or why it could not be drawn now (with the headers to answer with). */
export type DrawnPicture =
  | { readonly ok: true; readonly png: Uint8Array }
  | { readonly ok: false; readonly error: ApiError; readonly headers: Readonly<Record<string, string>> };

/**
 * Draws a design's gallery picture on the job pool: the product's 2D drawing coloured by the
 * design's choices, from the fixed view, with no personal text or artwork (see `galleryPictureSvg`).
 * A full queue is a 503 to try again; the drawing is small, so running out of time or memory is too.
 */
export async function drawGalleryPicture(jobs: JobPool, entry: CatalogEntry, design: Pick<DesignDocument, 'choices'>): Promise<DrawnPicture> {
  const outcome = await jobs.renderPicture(galleryPictureSvg(entry, design));
  if (outcome.ok) return { ok: true, png: outcome.value };
  switch (outcome.reason) {
    case 'busy':
      return { ok: false, error: busyError(outcome.retryAfterSeconds), headers: { 'Retry-After': String(outcome.retryAfterSeconds) } };
    case 'timeout':
    case 'memory':
    case 'pixels':
      return {
        ok: false,
        error: apiError(503, 'server_busy', `the gallery picture could not be drawn (${outcome.reason === 'timeout' ? 'the server ran out of time' : 'the server ran out of room'})`, 'try again in a minute, when the server may be less busy'),
        headers: { 'Retry-After': '60' },
      };
    default:
      throw new Error(`[Atelier] unknown job outcome ${JSON.stringify(outcome satisfies never)}`);
  }
}
