import { apiError, type ApiError } from './apiError.ts';
import type { Catalog } from './catalog.ts';
import { drawGalleryPicture } from './drawGalleryPicture.ts';
import type { JobPool } from './jobs/index.ts';
import type { Repository } from './repository.ts';

/** What serving gallery pictures needs. */
export interface CandidatePictureServices {
  readonly repository: Repository;
  readonly catalog: Catalog;
  readonly jobs: JobPool;
}

/** A candidate's picture, or why there is none: no such candidate, or a refusal with its headers. */
export type CandidatePictureResult =
  | { readonly kind: 'picture'; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'no_candidate' }
  | { readonly kind: 'refused'; readonly error: ApiError; readonly headers: Record<string, string> };

// Pictures being drawn now, by candidate id: concurrent first requests share one drawing.
const drawing = new Map<string, Promise<CandidatePictureResult>>();

/**
 * The gallery picture of a candidate (`GET /api/candidates/:id/thumbnail`): the one the server drew
 * when the design was submitted or, for a candidate stored before the server drew pictures (whose
 * browser-sent picture migration 008 deleted), drawn now from its design and stored.
 */
export async function candidatePicture(services: CandidatePictureServices, id: string): Promise<CandidatePictureResult> {
  const stored = await services.repository.findCandidateThumbnail(id);
  if (stored) return { kind: 'picture', bytes: new Uint8Array(stored.bytes) };
  let pending = drawing.get(id);
  if (!pending) {
    pending = drawAndStore(services, id).finally(() => drawing.delete(id));
    drawing.set(id, pending);
  }
  return pending;
}

async function drawAndStore(services: CandidatePictureServices, id: string): Promise<CandidatePictureResult> {
  const candidate = await services.repository.findCandidate(id);
  if (!candidate) return { kind: 'no_candidate' };
  const lookup = await services.catalog.find(candidate.productId, candidate.rulesVersion);
  // A candidate made under rules since retired still has its picture: it shows what was designed.
  if (lookup.kind !== 'found' && lookup.kind !== 'retired-rules-version') {
    return {
      kind: 'refused',
      error: apiError(404, 'not_found', `candidate "${id}" has no picture: the rules version ${candidate.rulesVersion} of its product is no longer in this shop's catalog`, 'remix the design to see it under the current rules'),
      headers: {},
    };
  }
  const picture = await drawGalleryPicture(services.jobs, lookup.version.entry, candidate.design);
  if (!picture.ok) return { kind: 'refused', error: picture.error, headers: { ...picture.headers } };
  await services.repository.saveCandidateThumbnail(id, picture.png);
  return { kind: 'picture', bytes: new Uint8Array(picture.png) };
}
