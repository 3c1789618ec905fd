import type { DesignDocument } from '../design/index.ts';

/**
 * A gallery candidate as the API returns it (`GET /api/candidates`, a vote's answer): a customer
 * design (its personalisation removed), its moderated title, and the demand behind it — votes,
 * orders of the same design, remixes and the distinct customers who submitted it. The server builds
 * it; the gallery machine reads the fields it shows.
 *
 * @example
 * { id: '3f0c…', productId: 'sneaker', title: 'Midnight runner', thumbnailUrl: '/api/candidates/3f0c…/thumbnail',
 *   upVotes: 5, downVotes: 5, flaggedVotes: 0, score: 0.2366, orders: 2, remixes: 1, submitters: 3, remixOf: null,
 *   createdAt: '2026-11-25T12:00:00.000000Z', myVote: 1, … }
 */
export interface GalleryCandidateResponse {
  readonly id: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly canonicalKey: string;
  readonly title: string;
  /** The design document, with `personalisation` always `{}`. */
  readonly design: DesignDocument;
  /** `/api/candidates/<id>/thumbnail` (a PNG). */
  readonly thumbnailUrl: string;
  /** Unflagged up-votes. */
  readonly upVotes: number;
  /** Unflagged down-votes. */
  readonly downVotes: number;
  /** Votes cast in bursts: kept, but not counted in the score. */
  readonly flaggedVotes: number;
  /** Lower bound of the Wilson score interval (z = 1.96) of the unflagged votes; 0 without votes. */
  readonly score: number;
  /** Orders of the same design (same product and canonical key). */
  readonly orders: number;
  /** Candidates and orders started from this candidate. */
  readonly remixes: number;
  /** Distinct customers who submitted this design. */
  readonly submitters: number;
  /** The candidate this design was started from, or null. */
  readonly remixOf: string | null;
  readonly createdAt: string;
  /** The vote of the customer asking (from their voter cookie): 1 up, -1 down, 0 none. */
  readonly myVote: -1 | 0 | 1;
  /**
   * Whether the shop's current rules allow the design as it is. False after the rules changed under
   * it: it cannot be ordered as it was, and a remix carries it to the current rules, saying what changed.
   */
  readonly orderableAsIs: boolean;
  /** The creator's display name, once a designer approved the design ("co-created by …"); absent otherwise. Never an email. */
  readonly coCreatedBy?: string;
  /** Present (true) only in staff answers, for a design a designer hid from the public gallery. */
  readonly hidden?: true;
}
