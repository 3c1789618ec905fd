import { designSignalHeaders } from './designSignalClient.ts';
import {
  GalleryError, type GalleryCandidate, type GalleryListRequest, type GalleryPageOfCandidates, type GalleryVoteRequest,
} from '../../machines/index.ts';
import type { RemixSource } from '../startingDesign.ts';
import { apiErrorSentence, readApiError, type ReadableApiError } from './readApiError.ts';

/** How many designs a page of the gallery shows. */
export const GALLERY_PAGE_SIZE = 24;

/** A page of the gallery's designs of a product in one order, from `offset` (0 for the first page): the gallery machine's `listCandidates` actor. */
export async function listCandidates({ productId, sort, offset }: GalleryListRequest, signal?: AbortSignal): Promise<GalleryPageOfCandidates> {
  const response = await request(`/api/candidates?product=${encodeURIComponent(productId)}&sort=${sort}&limit=${GALLERY_PAGE_SIZE}&offset=${offset}`, { ...(signal ? { signal } : {}) });
  const body = (await response.json()) as { candidates: GalleryCandidate[]; nextOffset?: number | null };
  return { candidates: body.candidates, nextOffset: body.nextOffset ?? null };
}

/**
 * Casts (or withdraws, with `none`) this visitor's vote; returns the design with its new counts:
 * the gallery machine's `castVote` actor. A vote counts only with the voter cookie the gallery
 * list gave; when the browser lost it since, the refusal (403 `voter_cookie_required`) brings a
 * new one, and the vote is sent once more.
 */
export async function castVote({ candidateId, vote }: GalleryVoteRequest): Promise<GalleryCandidate> {
  const send = () => request(`/api/candidates/${encodeURIComponent(candidateId)}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...designSignalHeaders() },
    body: JSON.stringify({ vote }),
  }, (error) => error.code === 'voter_cookie_required');
  const response = (await send()) ?? (await send());
  if (!response) throw new GalleryError('Your vote needs the gallery\'s cookie: enable cookies for this site, reload the page and vote again.');
  return ((await response.json()) as { candidate: GalleryCandidate }).candidate;
}

/** One gallery design (`GET /api/candidates/<id>`), for a remix; a failure is a {@link GalleryError} in words. */
export async function readCandidate(candidateId: string): Promise<RemixSource> {
  const response = await request(`/api/candidates/${encodeURIComponent(candidateId)}`, {});
  return ((await response.json()) as { candidate: RemixSource }).candidate;
}

async function request(url: string, init: RequestInit): Promise<Response>;
async function request(url: string, init: RequestInit, tolerate: (error: ReadableApiError) => boolean): Promise<Response | undefined>;
/** The response of a request; a failed one throws a {@link GalleryError}, or resolves undefined when `tolerate` accepts its error. */
async function request(url: string, init: RequestInit, tolerate?: (error: ReadableApiError) => boolean): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new GalleryError('The gallery could not be reached: check your connection and try again.');
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (tolerate?.(error)) return undefined;
    throw new GalleryError(apiErrorSentence(error));
  }
  return response;
}
