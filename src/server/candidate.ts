import { wilsonLowerBound } from '../domain/index.ts';
import type { GalleryCandidateResponse } from '../domain/requests/index.ts';
import type { StoredCandidate } from './repository.ts';

/** A gallery candidate as the API returns it: the domain's `GalleryCandidateResponse`. */
export type Candidate = GalleryCandidateResponse;

/** The URL a candidate's thumbnail is served at. */
export function candidateThumbnailUrl(id: string): string {
  return `/api/candidates/${encodeURIComponent(id)}/thumbnail`;
}

/** Builds the API form of a stored candidate. */
export function toCandidate(stored: StoredCandidate): Candidate {
  return {
    id: stored.id,
    productId: stored.productId,
    rulesVersion: stored.rulesVersion,
    canonicalKey: stored.canonicalKey,
    title: stored.title,
    design: stored.design,
    thumbnailUrl: candidateThumbnailUrl(stored.id),
    upVotes: stored.upVotes,
    downVotes: stored.downVotes,
    flaggedVotes: stored.flaggedVotes,
    score: wilsonLowerBound(stored.upVotes, stored.upVotes + stored.downVotes),
    orders: stored.orders,
    remixes: stored.remixes,
    submitters: stored.submitters,
    remixOf: stored.remixOf,
    createdAt: stored.createdAt,
    myVote: stored.myVote,
  };
}
