// The designers' review as stored (migration 016): designs in the review queue, their decisions,
// and the credit entries of orders of approved designs. See designReviewRoutes.ts for the API.
import type { ReviewDecisionRecord, ReviewReason, ReviewShortlisting, ReviewStatus } from '../domain/requests/index.ts';
import type { StoredCandidate } from './repository.ts';

export type { ReviewStatus };
/** The statuses, for queries and the page's filter. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'approved', 'rejected'];

/** A design a designer put in the queue, by product and canonical key (in the gallery or not). */
export interface ShortlistEntry {
  readonly productId: string;
  readonly designKey: string;
  readonly at: Date;
  /** The designer's email (or the token's name). */
  readonly by: string;
  readonly note: string;
}

/** A designer's decision on a design; a later one replaces it (each is also in the audit log). */
export interface ReviewDecision {
  readonly productId: string;
  readonly designKey: string;
  readonly status: 'approved' | 'rejected';
  readonly reason: ReviewReason;
  readonly note: string;
  readonly at: Date;
  readonly by: string;
}

/** The thresholds a gallery candidate passes to enter the queue by itself (any one is enough). */
export interface ReviewThresholds {
  /** Unflagged up-votes. */
  readonly minSupporters: number;
  /** Wilson lower bound of the unflagged votes. */
  readonly minScore: number;
  /** Orders of the same design (product and canonical key). */
  readonly minOrders: number;
}

/** Which designs the queue lists. */
export interface ReviewQueueQuery {
  /** One product's designs; every product's when left out. */
  readonly productId?: string;
  readonly statuses: readonly ReviewStatus[];
  readonly thresholds: ReviewThresholds;
  readonly limit: number;
}

/** A design in the queue: a candidate over a threshold, or a design a designer shortlisted, with its review so far. */
export interface ReviewQueueRow {
  readonly productId: string;
  readonly designKey: string;
  /** Orders of the design (same product and canonical key). */
  readonly orders: number;
  /** The gallery candidate of the design (hidden ones too), when one was submitted. */
  readonly candidate: StoredCandidate | null;
  readonly shortlisted: ReviewShortlisting | null;
  readonly status: ReviewStatus;
  readonly decision: ReviewDecisionRecord | null;
  /** The creator's display name, when the submitter gave one (never the email). */
  readonly creatorName: string | null;
}

/** What a credit entry is made from: an order just placed. */
export interface CreditableOrder {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly productId: string;
  readonly designKey: string;
  readonly currency: string;
  readonly total: number;
  readonly createdAt: Date;
}

/** A credit owed to the creator of an approved design for one order of it (admins only: it holds the creator's email). */
export interface DesignCredit {
  readonly seq: number;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly productId: string;
  readonly designKey: string;
  readonly candidateId: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly currency: string;
  readonly orderTotal: number;
  readonly rate: number;
  /** `orderTotal × rate`, rounded to the cent. */
  readonly amount: number;
  readonly createdAt: string;
}
