import type { ReviewQueueItemResponse, ReviewReason, ReviewStatus } from '../../domain/requests/index.ts';
import { staffRequest, type StaffConnection } from './staffClient.ts';

// The designers' review API (`/api/staff/review/…`) over HTTP, as staffClient.ts does the rest:
// every failure is a StaffRequestError in words, every write carries the session's CSRF token.

/** A design in the review queue, as `GET /api/staff/review/queue` answers it. */
export type ReviewItem = ReviewQueueItemResponse;
export type { ReviewStatus };

/** The queue's thresholds as the server applies them. */
export interface ReviewThresholds {
  readonly minSupporters: number;
  readonly minScore: number;
  readonly minOrders: number;
}

/** `GET /api/staff/review/queue`: the designs of a product with a status (or all). */
export function readReviewQueue(connection: StaffConnection, productId: string, status: ReviewStatus | 'all'): Promise<{ thresholds: ReviewThresholds; items: readonly ReviewItem[] }> {
  return staffRequest('GET', `/api/staff/review/queue?productId=${encodeURIComponent(productId)}&status=${status}`, { connection });
}

/** `POST /api/staff/review/shortlist`: puts a design in the queue. */
export async function shortlistDesign(connection: StaffConnection, productId: string, designKey: string): Promise<void> {
  await staffRequest('POST', '/api/staff/review/shortlist', { connection, body: { productId, designKey } });
}

/** `POST /api/staff/review/decisions`: approves or rejects a design with a reason code and a note. */
export async function decideDesign(connection: StaffConnection, decision: { productId: string; designKey: string; decision: 'approve' | 'reject'; reason: ReviewReason; note: string }): Promise<void> {
  await staffRequest('POST', '/api/staff/review/decisions', { connection, body: decision });
}

/** `POST /api/staff/review/candidates/:id/visibility`: hides a gallery design from the public gallery, or shows it again. */
export async function setDesignHidden(connection: StaffConnection, candidateId: string, hidden: boolean): Promise<void> {
  await staffRequest('POST', `/api/staff/review/candidates/${encodeURIComponent(candidateId)}/visibility`, { connection, body: { hidden } });
}
