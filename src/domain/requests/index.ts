/**
 * Requests: the shapes of what clients send the shop's API, as valibot schemas (Standard Schema),
 * with messages that say what is wrong and how to fix it. The checkout and the gallery check their
 * requests with them before sending; the server validates with the same schemas. See CONTEXT.md.
 */
export type { RequestIssue, ObjectMessages, UnknownFields } from './requestProblem.ts';
export { customerRefusal, describeRefusal, describeValue, fieldsObject, isObject, requestProblems, splitHint, withHint } from './requestProblem.ts';
export type { RequestLimits } from './requestLimits.ts';
export { DEFAULT_REQUEST_LIMITS } from './requestLimits.ts';
export type { DesignField } from './designField.ts';
export { designFieldSchema, remixOfSchema, UUID } from './designField.ts';
export type { ContactNameCheck, OrderContact } from './contact.ts';
export { checkContactName, contactSchema, emailAddressSchema, MAX_CONTACT_NAME_LENGTH } from './contact.ts';
export { shippingAddressSchema } from './shippingAddress.ts';
export type { ClientPrice, OrderRequest, OrderRequestBody, SizeRequest } from './orderRequest.ts';
export { ORDER_REQUEST_FIELDS, orderRequestSchema } from './orderRequest.ts';
export type { CandidateRequest, CandidateRequestBody, GalleryTitleCheck } from './candidateRequest.ts';
export { candidateRequestSchema, checkGalleryTitle, galleryTitleSchema, MAX_TITLE_CODE_UNITS, MAX_TITLE_GRAPHEMES } from './candidateRequest.ts';
export type { CandidateListQuery, CandidateSort } from './candidateListQuery.ts';
export { CANDIDATE_SORTS, candidateListQuerySchema, DEFAULT_CANDIDATE_LIMIT, MAX_CANDIDATE_LIMIT, MAX_CANDIDATE_OFFSET } from './candidateListQuery.ts';
export type { VoteRequest } from './voteRequest.ts';
export { VOTE_VALUES, voteRequestSchema } from './voteRequest.ts';
export type { GalleryCandidateResponse } from './galleryCandidate.ts';
export type { DesignSignalKind, DesignSignalRequest } from './designSignalRequest.ts';
export { ANONYMOUS_SESSION, BROWSER_SIGNAL_KINDS, DESIGN_SIGNAL_KINDS, MAX_SIGNALS_PER_REQUEST, designSignalRequestSchema } from './designSignalRequest.ts';
export { creatorNameSchema, MAX_CREATOR_NAME } from './candidateRequest.ts';
export type { CandidateVisibilityRequest, QueueReason, ReviewDecisionRecord, ReviewDecisionRequest, ReviewQueueItemResponse, ReviewReason, ReviewShortlisting, ReviewStatus, ShortlistRequest } from './reviewRequest.ts';
export { APPROVAL_REASONS, candidateVisibilitySchema, MAX_REVIEW_NOTE, REJECTION_REASONS, REVIEW_REASON_LABELS, reviewDecisionSchema, shortlistRequestSchema } from './reviewRequest.ts';
