import { randomUUID } from 'node:crypto';
import { canonicalKey, moderateText, type ModerationOptions, type ModerationReason, type Problem } from '../domain/index.ts';
import { describeRefusal, type CandidateRequest } from '../domain/requests/index.ts';
import { apiError, type ApiError, type ApiErrorCode } from './apiError.ts';
import { toCandidate, type Candidate } from './candidate.ts';
import { describeRateLimit, describeWait, type RateLimitVerdict } from './checkRateLimit.ts';
import { drawGalleryPicture } from './drawGalleryPicture.ts';
import type { JobPool } from './jobs/index.ts';
import type { OrderServices } from './submitOrder.ts';
import { revalidateDesign } from './revalidateDesign.ts';
import { unknownRemix } from './unknownRemix.ts';

/** What a gallery submission needs: the order services, what moderation blocks, and the job pool that draws its picture. */
export interface CandidateServices extends OrderServices {
  readonly moderation: ModerationOptions;
  readonly jobs: JobPool;
}

/** A new candidate, the existing candidate of the same design (joined), or why the submission was refused. */
export type SubmitCandidateResult =
  | { readonly kind: 'created'; readonly candidate: Candidate }
  | { readonly kind: 'joined'; readonly candidate: Candidate }
  | { readonly kind: 'refused'; readonly error: ApiError; readonly headers?: Readonly<Record<string, string>> };

const MODERATION_CODES: Readonly<Record<ModerationReason, ApiErrorCode>> = {
  profanity: 'title_profanity',
  brand: 'title_brand',
  'personal-data': 'title_personal_data',
  link: 'title_link',
};

/**
 * Submits a design to the community gallery from a request checked for shape by the domain's
 * `candidateRequestSchema` (its title cleaned); nothing else of it is trusted. The design is
 * revalidated as an order's is (same engine, the rules version it names) and its personalisation
 * removed — personal text and artwork never go public; the title and the creator's name are moderated
 * (the creator's email is stored privately, for the admins' credit list only); the picture is
 * drawn here, from the design's choices (`drawGalleryPicture`). An identical design (same product and canonical key) joins the existing
 * candidate, counting the submitter once. Nothing is written when the submission is refused.
 */
export async function submitCandidate(services: CandidateServices, voterId: string, request: CandidateRequest): Promise<SubmitCandidateResult> {
  const revalidated = await revalidateDesign(services.catalog, request.design, 'gallery');
  if (!revalidated.ok) return refuse(revalidated.error);

  const verdict = moderateText(request.title, services.moderation);
  if (!verdict.ok) {
    return refuse(apiError(422, MODERATION_CODES[verdict.reason], verdict.message, verdict.hint, [{ path: 'title', message: verdict.message, hint: verdict.hint }]));
  }
  // The creator's name is public once the design is approved: moderated as the title is.
  const creatorVerdict = request.creatorName === undefined ? undefined : moderateText(request.creatorName, { ...services.moderation, subject: 'Creator names', instead: 'another name' });
  if (creatorVerdict && !creatorVerdict.ok) {
    return refuse(apiError(422, MODERATION_CODES[creatorVerdict.reason], creatorVerdict.message, creatorVerdict.hint, [{ path: 'creatorName', message: creatorVerdict.message, hint: creatorVerdict.hint }]));
  }
  if (request.remixOf !== undefined && !(await services.repository.hasCandidate(request.remixOf))) return refuse(unknownRemix(request.remixOf));

  const design = { ...revalidated.design, personalisation: {} };
  const picture = await drawGalleryPicture(services.jobs, revalidated.version.entry, design);
  if (!picture.ok) return { kind: 'refused', error: picture.error, headers: picture.headers };
  const outcome = await services.repository.submitCandidate({
    id: randomUUID(),
    productId: design.productId,
    rulesVersion: design.rulesVersion,
    canonicalKey: canonicalKey(design),
    design,
    title: verdict.normalised,
    thumbnail: picture.png,
    ...(request.remixOf ? { remixOf: request.remixOf } : {}),
    submittedBy: voterId,
    createdAt: services.clock.now().toISOString(),
    ...(creatorVerdict?.ok ? { creator: { displayName: creatorVerdict.normalised, ...(request.creatorEmail ? { email: request.creatorEmail } : {}) } } : {}),
  });
  return { kind: outcome.kind, candidate: toCandidate(outcome.candidate, true) };
}

/** The 422 of a gallery submission whose shape the schema refused. */
export function invalidCandidateRequest(problems: readonly Problem[]): ApiError {
  const { message, hint } = describeRefusal('submission', problems);
  return apiError(422, 'invalid_request', message, hint, problems);
}

/** The 429 of a submission over the client address's limit (counted before anything else is done). */
export function tooManySubmissions(verdict: RateLimitVerdict): ApiError {
  return apiError(429, 'rate_limited',
    `too many gallery submissions from your address: the shop takes at most ${describeRateLimit(verdict.limit, 'submissions')} from one address`,
    `wait ${describeWait(verdict.resetSeconds)} (see Retry-After), then submit again`);
}

function refuse(error: ApiError): SubmitCandidateResult {
  return { kind: 'refused', error };
}
