import { validateDesignDocument, wilsonLowerBound, type DesignDocument } from '../domain/index.ts';
import type { Catalog } from './catalog.ts';
import type { GalleryCandidateResponse } from '../domain/requests/index.ts';
import type { StoredCandidate } from './repository.ts';

/** A gallery candidate as the API returns it: the domain's `GalleryCandidateResponse`. */
export type Candidate = GalleryCandidateResponse;

/** The URL a candidate's thumbnail is served at. */
export function candidateThumbnailUrl(id: string): string {
  return `/api/candidates/${encodeURIComponent(id)}/thumbnail`;
}

/**
 * Whether the current rules of the design's product allow it as it is: at once for a design of the
 * current version, else checked by the current version's engine (a few microseconds).
 */
export function orderableAsIs(catalog: Pick<Catalog, 'current'>, design: DesignDocument): boolean {
  const current = catalog.current.get(design.productId);
  if (!current) return false;
  if (design.rulesVersion === current.entry.rulesVersion) return true;
  return validateDesignDocument(current.space, current.entry.rulesVersion, { ...design, rulesVersion: current.entry.rulesVersion }).ok;
}

/** The API form of stored candidates under a catalog: each flagged when the current rules no longer allow it. */
export function candidatesUnder(catalog: Pick<Catalog, 'current'>): (stored: StoredCandidate) => Candidate {
  return (stored) => toCandidate(stored, orderableAsIs(catalog, stored.design));
}

/** Builds the API form of a stored candidate. */
export function toCandidate(stored: StoredCandidate, orderable: boolean): Candidate {
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
    orderableAsIs: orderable,
    ...(stored.coCreatedBy ? { coCreatedBy: stored.coCreatedBy } : {}),
    ...(stored.hidden ? { hidden: true as const } : {}),
  };
}
