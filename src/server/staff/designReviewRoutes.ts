// The designers' review workflow (issue 14, item 3): the queue of designs to consider, decisions
// with a reason code, gallery moderation, and the creators' credits (migration 016).
//
//   GET  /api/staff/review/queue                         candidates over a threshold and shortlisted designs (designer)
//   POST /api/staff/review/shortlist                     put a design (product and canonical key) in the queue (designer)
//   POST /api/staff/review/decisions                     approve or reject a design with a reason code and a note (designer)
//   POST /api/staff/review/candidates/:id/visibility     hide a candidate from the public gallery, or show it again (designer)
//   GET  /api/staff/credits                              the creators' credit entries, JSON or CSV (admin: they hold emails)
//
// Writes are people's acts: they take a session (with its CSRF token), not an API token, and each
// is in the audit log with the designer. The queue may be read with a designer token.
import type { Context, Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type * as v from 'valibot';
import { choicesOfCanonicalKey, wilsonLowerBound } from '../../domain/index.ts';
import {
  candidateVisibilitySchema, requestProblems, reviewDecisionSchema, shortlistRequestSchema, type QueueReason, type ReviewQueueItemResponse,
} from '../../domain/requests/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import { candidatesUnder, type Candidate } from '../candidate.ts';
import type { Catalog } from '../catalog.ts';
import type { ClientConnection } from '../clientAddress.ts';
import type { Clock } from '../clock.ts';
import { creditsCsv } from '../designCredits.ts';
import type { Repository } from '../repository.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { REVIEW_STATUSES, type ReviewQueueRow, type ReviewStatus } from '../reviewRecords.ts';
import type { ReviewSettings } from '../reviewSettings.ts';
import { json, route } from '../routeDocs.ts';
import { requireStaff, type Principal } from './staffAuth.ts';
import { actorOf } from './staffRoutes.ts';

/** What the routes need. */
export interface DesignReviewRouteDeps {
  readonly repository: Pick<Repository, 'listReviewQueue' | 'shortlistDesign' | 'decideDesign' | 'setCandidateHidden' | 'listDesignCredits' | 'appendAudit'>;
  readonly catalog: Pick<Catalog, 'current'>;
  readonly clock: Clock;
  readonly settings: ReviewSettings;
  readonly refuse: Refuse;
  readonly clientOf: (c: Context) => ClientConnection;
}

/** A design in the queue as the API answers it (the domain's `ReviewQueueItemResponse`). */
export type ReviewQueueItem = ReviewQueueItemResponse;

const REVIEW_BODY_BYTES = 32 * 1024;
const QUEUE_LIMIT = 200;
const CREDITS_PAGE = 500;
const SIGNED_IN = [401, 403] as const;
const WRITE = [400, 401, 403, 413, 415, 422] as const;
const DOCS = {
  queue: describeRoute(route('staff', 'The review queue: gallery candidates over a threshold (supporters, Wilson score or orders) and designs a designer shortlisted, with their decisions; `?status=pending|approved|rejected|all`, `?productId=` (designer)', { 200: json('`{ thresholds, items: [{ productId, designKey, choices, orders, candidate, reasons, allowedNow, shortlisted, status, decision, creatorName }] }`') }, [...SIGNED_IN, 400])),
  shortlist: describeRoute(route('staff', 'Shortlist a design for review by product and canonical key `{ productId, designKey, note? }` (designer)', { 200: json('`{ shortlisted: { productId, designKey } }`') }, [...WRITE, 404])),
  decide: describeRoute(route('staff', 'Approve or reject a design `{ productId, designKey, decision, reason, note? }` with a reason code (designer; audited)', { 200: json('`{ decision }`') }, [...WRITE, 404])),
  visibility: describeRoute(route('staff', 'Hide a gallery candidate from the public gallery or show it again `{ hidden, note? }` (designer; audited)', { 200: json('`{ candidate: { id, hidden } }`') }, [...WRITE, 404])),
  credits: describeRoute(route('staff', 'Creators\' credits: one entry per order of an approved design, with the creator\'s name and private email; `?format=csv` to download (admin)', { 200: json('`{ credits, rate, nextBefore }`, or CSV') }, [...SIGNED_IN, 400])),
};

/** Registers the review workflow's routes on the app. */
export function registerDesignReviewRoutes(app: Hono, deps: DesignReviewRouteDeps): void {
  const { repository, clock, settings } = deps;
  const reader = requireStaff({ role: 'designer', tokens: true });
  const designer = requireStaff({ role: 'designer', tokens: false });
  const body = jsonBody(REVIEW_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'review requests are small JSON objects' }, deps.refuse);
  const valid = <S extends v.GenericSchema>(schema: S) => validator('json', schema, (result, c) => (result.success ? undefined : deps.refuse(c, invalidReview(requestProblems(result.error)))));
  const audit = (c: Context, action: string, target: string, details: Record<string, unknown>) =>
    repository.appendAudit({ at: clock.now(), actor: actorOf(c.var.principal), client: deps.clientOf(c).address, action, target, details });

  app.get('/api/staff/review/queue', DOCS.queue, reader, async (c) => {
    const statusText = c.req.query('status') ?? 'pending';
    if (statusText !== 'all' && !(REVIEW_STATUSES as readonly string[]).includes(statusText)) {
      return errorResponse(apiError(400, 'invalid_query', `unknown status "${statusText.slice(0, 40)}"`, `use one of: ${[...REVIEW_STATUSES, 'all'].join(', ')}`));
    }
    const productId = c.req.query('productId');
    if (productId !== undefined && !deps.catalog.current.has(productId)) return errorResponse(unknownProduct(deps.catalog, productId));
    const rows = await repository.listReviewQueue({
      ...(productId ? { productId } : {}), statuses: statusText === 'all' ? REVIEW_STATUSES : [statusText as ReviewStatus], thresholds: settings.thresholds, limit: QUEUE_LIMIT,
    });
    const toCandidate = candidatesUnder(deps.catalog);
    const items = rows.map((row): ReviewQueueItem => {
      const candidate = row.candidate ? toCandidate(row.candidate) : null;
      const choices = choicesOfCanonicalKey(row.designKey)?.choices ?? {};
      return {
        productId: row.productId, designKey: row.designKey, choices, orders: row.orders, candidate,
        reasons: queueReasons(row, candidate, settings),
        allowedNow: candidate ? candidate.orderableAsIs : designAllowedNow(deps.catalog, row.productId, choices),
        shortlisted: row.shortlisted, status: row.status, decision: row.decision, creatorName: row.creatorName,
      };
    });
    return c.json({ thresholds: settings.thresholds, items }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/review/shortlist', DOCS.shortlist, designer, body, valid(shortlistRequestSchema), async (c) => {
    const request = c.req.valid('json');
    const known = checkDesign(deps.catalog, request.productId, request.designKey);
    if (known) return errorResponse(known);
    await repository.shortlistDesign({ ...request, at: clock.now(), by: nameOf(c.var.principal) });
    await audit(c, 'review.shortlisted', request.designKey, { productId: request.productId, note: request.note });
    return c.json({ shortlisted: { productId: request.productId, designKey: request.designKey } }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/review/decisions', DOCS.decide, designer, body, valid(reviewDecisionSchema), async (c) => {
    const request = c.req.valid('json');
    const known = checkDesign(deps.catalog, request.productId, request.designKey);
    if (known) return errorResponse(known);
    const decision = {
      productId: request.productId, designKey: request.designKey, status: request.decision === 'approve' ? 'approved' as const : 'rejected' as const,
      reason: request.reason, note: request.note, at: clock.now(), by: nameOf(c.var.principal),
    };
    await repository.decideDesign(decision);
    await audit(c, `review.${decision.status}`, request.designKey, { productId: request.productId, reason: request.reason, note: request.note });
    return c.json({ decision: { ...decision, at: decision.at.toISOString() } }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/review/candidates/:id/visibility', DOCS.visibility, designer, body, valid(candidateVisibilitySchema), async (c) => {
    const id = c.req.param('id');
    const { hidden, note } = c.req.valid('json');
    if (!(await repository.setCandidateHidden(id, hidden))) {
      return errorResponse(apiError(404, 'not_found', `there is no gallery candidate "${id.slice(0, 80)}"`, 'use a candidate id from GET /api/staff/designs or the review queue'));
    }
    await audit(c, hidden ? 'gallery.hidden' : 'gallery.shown', id, { note });
    return c.json({ candidate: { id, hidden } }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/staff/credits', DOCS.credits, requireStaff({ role: 'admin', tokens: false }), async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') return errorResponse(apiError(400, 'invalid_query', `unknown format "${format.slice(0, 20)}"`, 'use format=json or format=csv'));
    const beforeText = c.req.query('before');
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) return errorResponse(apiError(400, 'invalid_query', `"before" must be an entry's seq, not "${String(beforeText).slice(0, 20)}"`, 'use the "nextBefore" of the previous page'));
    if (format === 'csv') {
      // The whole list, newest first, a page at a time.
      const all = [];
      for (let page = await repository.listDesignCredits(CREDITS_PAGE); page.length > 0; page = await repository.listDesignCredits(CREDITS_PAGE, page.at(-1)!.seq)) all.push(...page);
      return new Response(creditsCsv(all), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="atelier-credits-${clock.now().toISOString().slice(0, 10)}.csv"`, 'Cache-Control': 'no-store' } });
    }
    const credits = await repository.listDesignCredits(CREDITS_PAGE, before);
    return c.json({ credits, rate: settings.creditRate, nextBefore: credits.length === CREDITS_PAGE ? credits.at(-1)!.seq : null }, 200, { 'Cache-Control': 'no-store' });
  });
}

function queueReasons(row: ReviewQueueRow, candidate: Candidate | null, settings: ReviewSettings): QueueReason[] {
  const { minSupporters, minScore, minOrders } = settings.thresholds;
  const reasons: QueueReason[] = [];
  if (candidate && candidate.upVotes >= minSupporters) reasons.push('supporters');
  if (candidate && wilsonLowerBound(candidate.upVotes, candidate.upVotes + candidate.downVotes) >= minScore) reasons.push('score');
  if (candidate && row.orders >= minOrders) reasons.push('orders');
  if (row.shortlisted) reasons.push('shortlisted');
  return reasons;
}

/** Whether the product's current rules allow these choices: every attribute and option known, and the engine consistent. */
function designAllowedNow(catalog: Pick<Catalog, 'current'>, productId: string, choices: Readonly<Record<string, string>>): boolean {
  const version = catalog.current.get(productId);
  if (!version) return false;
  const attributes = new Map(version.entry.product.attributes.map((attribute) => [attribute.id, attribute]));
  const known = Object.entries(choices).every(([id, option]) => attributes.get(id)?.options.some((candidate) => candidate.id === option) ?? false);
  return known && version.space.isConsistent(choices);
}

/** A 404 for a product the shop does not sell, or a 422 for a key that is not a design of it; undefined when the design can be reviewed. */
function checkDesign(catalog: Pick<Catalog, 'current'>, productId: string, designKey: string) {
  if (!catalog.current.has(productId)) return unknownProduct(catalog, productId);
  const parsed = choicesOfCanonicalKey(designKey);
  if (parsed?.productId !== productId) {
    return apiError(422, 'invalid_request', `"designKey" is not a canonical key of a ${productId} design`, 'send a design key as the insight page or the review queue lists it, e.g. "sneaker|laces.colour=white;…"', [{ path: 'designKey', message: 'not a design key of the product', hint: 'copy the key from the insight page' }]);
  }
  return undefined;
}

function unknownProduct(catalog: Pick<Catalog, 'current'>, productId: string) {
  return apiError(404, 'not_found', `the shop sells no product "${productId.slice(0, 60)}"`, `use one of: ${[...catalog.current.keys()].join(', ')}`);
}

function invalidReview(problems: ReturnType<typeof requestProblems>) {
  const first = problems[0] ?? { message: 'the request is not valid', hint: 'see GET /api/openapi.json' };
  return apiError(422, 'invalid_request', first.message, first.hint, problems);
}

function nameOf(principal: Principal | undefined): string {
  if (principal?.kind === 'staff') return principal.account.email;
  return principal?.kind === 'token' ? `token ${principal.token.name}` : 'anonymous';
}
