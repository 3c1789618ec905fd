import { apiErrorSentence, readApiError, type ReadableApiError } from './readApiError.ts';

/** A design in the community gallery, as `GET /api/candidates` lists it. */
export interface GalleryCandidate {
  readonly id: string;
  readonly productId: string;
  readonly title: string;
  /** The design's choices (attribute id → option id); never its personal text. */
  readonly design: { readonly choices: Readonly<Record<string, string>> };
  readonly thumbnailUrl: string;
  readonly upVotes: number;
  readonly downVotes: number;
  /** Lower bound of the Wilson score interval of the up-vote share (z = 1.96). */
  readonly score: number;
  readonly orders: number;
  readonly remixes: number;
  readonly remixOf: string | null;
  readonly createdAt: string;
  /** This visitor's vote: 1 up, -1 down, 0 none. */
  readonly myVote: -1 | 0 | 1;
}

/** How the gallery is ordered. */
export type GallerySort = 'top' | 'most-ordered' | 'trending' | 'newest';

/** A gallery request that failed, in words for the visitor. */
export class GalleryError extends Error {
  override readonly name = 'GalleryError';
}

/** One page of the gallery. */
export interface GalleryPageOfCandidates {
  readonly candidates: GalleryCandidate[];
  /** Where the next page starts, or null on the last one. */
  readonly nextOffset: number | null;
}

/** How many designs a page of the gallery shows. */
export const GALLERY_PAGE_SIZE = 24;

/** A page of the gallery's designs of a product in one order, from `offset` (0 for the first page). */
export async function listCandidates(productId: string, sort: GallerySort, offset = 0, signal?: AbortSignal): Promise<GalleryPageOfCandidates> {
  const response = await request(`/api/candidates?product=${encodeURIComponent(productId)}&sort=${sort}&limit=${GALLERY_PAGE_SIZE}&offset=${offset}`, { ...(signal ? { signal } : {}) });
  const body = (await response.json()) as { candidates: GalleryCandidate[]; nextOffset?: number | null };
  return { candidates: body.candidates, nextOffset: body.nextOffset ?? null };
}

/**
 * Casts (or withdraws, with `none`) this visitor's vote; returns the design with its new counts.
 * A vote counts only with the voter cookie the gallery list gave; when the browser lost it since,
 * the refusal (403 `voter_cookie_required`) brings a new one, and the vote is sent once more.
 */
export async function castVote(candidateId: string, vote: 'up' | 'down' | 'none'): Promise<GalleryCandidate> {
  const send = () => request(`/api/candidates/${encodeURIComponent(candidateId)}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ vote }),
  }, (error) => error.code === 'voter_cookie_required');
  const response = (await send()) ?? (await send());
  if (!response) throw new GalleryError('Your vote needs the gallery\'s cookie: enable cookies for this site, reload the page and vote again.');
  return ((await response.json()) as { candidate: GalleryCandidate }).candidate;
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
