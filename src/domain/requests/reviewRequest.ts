import * as v from 'valibot';
import { cleanText } from '../moderation/index.ts';
import type { GalleryCandidateResponse } from './galleryCandidate.ts';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';

/**
 * Why a designer approves a design (the designers' review, issue 14): a fixed list, so that the
 * decisions can be counted. `other` asks for a note.
 */
export const APPROVAL_REASONS = ['popular', 'on-brand', 'fills-a-gap', 'seasonal', 'other'] as const;
/** Why a designer rejects a design: a fixed list; `other` asks for a note. */
export const REJECTION_REASONS = ['off-brand', 'duplicate', 'not-manufacturable', 'quality', 'other'] as const;
/** A reason code of an approval or a rejection. */
export type ReviewReason = (typeof APPROVAL_REASONS)[number] | (typeof REJECTION_REASONS)[number];

/** What each reason code means, in a few words, for the designer's page and the README. */
export const REVIEW_REASON_LABELS: Readonly<Record<ReviewReason, string>> = {
  popular: 'customers want it (orders, votes)',
  'on-brand': 'fits the brand and the range',
  'fills-a-gap': 'a look the catalogue lacks',
  seasonal: 'right for the coming season',
  'off-brand': 'does not fit the brand',
  duplicate: 'too close to a product or an approved design',
  'not-manufacturable': 'the factory cannot make it well',
  quality: 'the combination does not look good enough',
  other: 'another reason, said in the note',
};

/** The longest note of a decision or a shortlisting, in characters. */
export const MAX_REVIEW_NOTE = 1000;
/** The longest canonical design key a review request may name (a design's choices, as `canonicalKey` writes them). */
const MAX_DESIGN_KEY = 20_000;

const designKeySchema = v.pipe(
  v.string((issue) => withHint(`"designKey" must be text, not ${describeValue(issue.input)}`, 'send the design\'s canonical key, as the insight page lists it')),
  v.minLength(1, withHint('"designKey" is empty', 'send the design\'s canonical key, as the insight page lists it')),
  v.maxLength(MAX_DESIGN_KEY, withHint(`"designKey" is longer than ${MAX_DESIGN_KEY} characters`, 'send the design\'s canonical key, as the insight page lists it')),
);

const productIdSchema = v.pipe(
  v.string((issue) => withHint(`"productId" must be text, not ${describeValue(issue.input)}`, 'send a product id, e.g. "sneaker"')),
  v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, withHint('"productId" is not a product id', 'send a product id, e.g. "sneaker"')),
);

const noteSchema = v.optional(v.pipe(
  v.string((issue) => withHint(`"note" must be text, not ${describeValue(issue.input)}`, 'send a short note, or leave "note" out')),
  v.transform(cleanText),
  v.maxLength(MAX_REVIEW_NOTE, withHint(`the note is longer than ${MAX_REVIEW_NOTE} characters`, 'shorten the note')),
), '');

/** The body of `POST /api/staff/review/shortlist`: a design (product and canonical key) put in the review queue, with an optional note. */
export const shortlistRequestSchema = fieldsObject({
  productId: productIdSchema,
  designKey: designKeySchema,
  note: noteSchema,
}, 'refuse', {
  notAnObject: (input) => withHint(`the shortlisting must be a JSON object, not ${describeValue(input)}`, 'send {"productId":"sneaker","designKey":"…"}'),
});

/**
 * The body of `POST /api/staff/review/decisions`: approve or reject a design with a reason code
 * from the decision's list ({@link APPROVAL_REASONS}, {@link REJECTION_REASONS}) and a note (needed
 * with `other`). Deciding again replaces the decision; each one is audited.
 */
export const reviewDecisionSchema = v.pipe(
  fieldsObject({
    productId: productIdSchema,
    designKey: designKeySchema,
    decision: v.picklist(['approve', 'reject'], (issue) => withHint(`"decision" must be "approve" or "reject", not ${describeValue(issue.input)}`, 'send {"decision":"approve",…} or {"decision":"reject",…}')),
    reason: v.string((issue) => withHint(`"reason" must be a reason code, not ${describeValue(issue.input)}`, `use one of: ${[...APPROVAL_REASONS, ...REJECTION_REASONS].join(', ')}`)),
    note: noteSchema,
  }, 'refuse', {
    notAnObject: (input) => withHint(`the decision must be a JSON object, not ${describeValue(input)}`, 'send {"productId":…,"designKey":…,"decision":"approve","reason":"popular","note":"…"}'),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { decision, reason, note } = dataset.value;
    const allowed: readonly string[] = decision === 'approve' ? APPROVAL_REASONS : REJECTION_REASONS;
    if (!allowed.includes(reason)) {
      addIssue({ message: withHint(`"${reason.slice(0, 40)}" is not a reason to ${decision}`, `use one of: ${allowed.join(', ')}`), path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'reason', value: reason }] });
    } else if (reason === 'other' && note === '') {
      addIssue({ message: withHint('the reason "other" needs a note', 'say in the note why'), path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'note', value: note }] });
    }
  }),
  v.transform((value) => ({ ...value, reason: value.reason as ReviewReason })),
);

/** The body of `POST /api/staff/review/candidates/:id/visibility`: hide a candidate from the public gallery, or show it again. */
export const candidateVisibilitySchema = fieldsObject({
  hidden: v.boolean((issue) => withHint(`"hidden" must be true or false, not ${describeValue(issue.input)}`, 'send {"hidden":true} to hide the design from the gallery, {"hidden":false} to show it again')),
  note: noteSchema,
}, 'refuse', {
  notAnObject: (input) => withHint(`the change must be a JSON object, not ${describeValue(input)}`, 'send {"hidden":true}'),
});

/** A shortlisting once checked (the note cleaned; "" when left out). */
export type ShortlistRequest = v.InferOutput<typeof shortlistRequestSchema>;
/** A decision once checked. */
export type ReviewDecisionRequest = v.InferOutput<typeof reviewDecisionSchema>;
/** A change of a candidate's visibility once checked. */
export type CandidateVisibilityRequest = v.InferOutput<typeof candidateVisibilitySchema>;

/** Where a design stands in the designers' review. */
export type ReviewStatus = 'pending' | 'approved' | 'rejected';
/** Why a design is in the review queue: which thresholds its gallery candidate passed, or a designer shortlisted it. */
export type QueueReason = 'supporters' | 'score' | 'orders' | 'shortlisted';
/** Who shortlisted a design, when, and their note. */
export interface ReviewShortlisting { readonly at: string; readonly by: string; readonly note: string }
/** The latest decision on a design: its reason code, note, time and designer. */
export interface ReviewDecisionRecord { readonly reason: string; readonly note: string; readonly at: string; readonly by: string }

/**
 * A design in the review queue as `GET /api/staff/review/queue` answers it (the server builds it,
 * the Review page reads it): by product and canonical key, with its gallery candidate if any.
 */
export interface ReviewQueueItemResponse {
  readonly productId: string;
  readonly designKey: string;
  readonly choices: Readonly<Record<string, string>>;
  /** Orders of the design (same product and canonical key). */
  readonly orders: number;
  /** The gallery candidate of the design (with `hidden` when a designer hid it), or null for a design never submitted. */
  readonly candidate: GalleryCandidateResponse | null;
  readonly reasons: readonly QueueReason[];
  /** Whether the product's current rules allow the design as it is; false flags a design the rules no longer allow. */
  readonly allowedNow: boolean;
  readonly shortlisted: ReviewShortlisting | null;
  readonly status: ReviewStatus;
  readonly decision: ReviewDecisionRecord | null;
  /** The creator's display name the submitter gave, or null (the email is never answered here). */
  readonly creatorName: string | null;
}
