// POST /api/staff/studio/:productId/impact: what a draft in the rules studio would do if it were
// published, compared with the product's current version: designs before and after, options
// gained and lost, rules added, removed and changed, and the stored orders of the last days and
// the gallery designs it would refuse or change (`rulesImpact.ts`, shared with `rules diff`).
//
// The stored designs are read here; loading and compiling the draft, the diff and the judging run
// on the job pool (`compareRules`): on the event loop they held every other request for 110 to 290
// ms on the sneaker (2 busy cores). The pool's bounded queue answers a comparison that finds it
// full 503 with Retry-After, so a merchandiser pressing the button repeatedly cannot starve the
// shop's other requests.
import type { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import * as v from 'valibot';
import { MAX_RULES_SOURCE_LENGTH } from '../../domain/index.ts';
import { MAX_RULES_TABLES_LENGTH, tablesField } from '../../domain/staff/index.ts';
import { describeValue, fieldsObject, requestProblems, withHint } from '../../domain/requests/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { Catalog } from '../catalog.ts';
import type { Clock } from '../clock.ts';
import type { JobPool } from '../jobs/index.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { json, route } from '../routeDocs.ts';
import { busyError } from '../busyError.ts';
import { impactSince } from '../rulesImpact.ts';
import { readStoredDesigns, type StoredDesignsRepository } from '../storedDesigns.ts';
import { requireStaff } from './staffAuth.ts';

/** What the route needs. */
export interface StudioImpactRouteDeps {
  readonly repository: StoredDesignsRepository;
  readonly catalog: Pick<Catalog, 'current'>;
  readonly clock: Clock;
  readonly refuse: Refuse;
  readonly jobs: Pick<JobPool, 'compareRules'>;
}

/** The orders of how many days are judged when the request does not say. */
export const DEFAULT_IMPACT_DAYS = 90;
const MAX_DAYS = 3650;
/** A product file, a rules file and the tables at their largest, as JSON text (which escapes a CSV's line ends). */
const IMPACT_BODY_BYTES = 3 * MAX_RULES_SOURCE_LENGTH + 2 * MAX_RULES_TABLES_LENGTH;

const text = (name: string, file: string) => v.pipe(
  v.string((issue) => withHint(issue.input === undefined ? `"${name}" is missing` : `"${name}" must be text, not ${describeValue(issue.input)}`, `send the draft's ${file} as it is in the editor`)),
  v.maxLength(MAX_RULES_SOURCE_LENGTH, withHint(`"${name}" is longer than ${MAX_RULES_SOURCE_LENGTH} characters`, `send ${file} as it is; a larger one is not a rules file`)),
);

/** The request: the draft's two files as text, its CSV tables by name, and how many days of orders to judge (1 to 3650, 90 when left out). */
export const impactRequestSchema = fieldsObject({
  product: text('product', 'product file'),
  rules: text('rules', 'rules file'),
  tables: tablesField,
  days: v.optional(v.pipe(
    v.number((issue) => withHint(`"days" must be a whole number of days, not ${describeValue(issue.input)}`, `send e.g. "days": 30, or leave it out for ${DEFAULT_IMPACT_DAYS}`)),
    v.integer(withHint('"days" must be a whole number', 'send e.g. "days": 30')),
    v.minValue(1, withHint('"days" must be at least 1', 'send e.g. "days": 30')),
    v.maxValue(MAX_DAYS, withHint(`"days" is more than ${MAX_DAYS}`, `send at most ${MAX_DAYS} (ten years)`)),
  )),
}, 'refuse', {
  notAnObject: (input) => withHint(`the request must be a JSON object, not ${describeValue(input)}`, 'send {"product":"…","rules":"…","tables":{},"days":90}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only product, rules, tables and days'),
});

const DOCS = describeRoute(route(
  'staff',
  'What a draft would change if published (merchandiser): `{ product, rules, tables?, days? }` (the two files as text, the CSV tables by name; orders of the last `days`, default 90) against the current version. 422 `rules_problems` when the draft does not load; 503 `server_busy` when the job pool is full',
  { 200: json('`{ productId, from, to, designs: { before, after }, attributesAdded, attributesRemoved, options, rules: { added, removed, changed }, names, impact: { days, since, orders, candidates }, millis }`') },
  [400, 401, 403, 404, 413, 415, 422, 503],
));

/** Registers the route (after the staff routes, whose middleware identifies the caller). */
export function registerStudioImpactRoutes(app: Hono, deps: StudioImpactRouteDeps): void {
  const body = jsonBody(IMPACT_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send the product and rules files as they are, and only the documented fields' }, deps.refuse);
  const valid = validator('json', impactRequestSchema, (result, c) => (result.success
    ? undefined
    : deps.refuse(c, apiError(422, 'invalid_request', 'the comparison request is not valid', 'fix each field listed in "problems"', requestProblems(result.error)))));

  app.post('/api/staff/studio/:productId/impact', DOCS, requireStaff({ role: 'merchandiser', tokens: false }), body, valid, async (c) => {
    const productId = c.req.param('productId');
    const published = deps.catalog.current.get(productId)?.entry;
    if (published === undefined) return errorResponse(unknownProduct(productId, [...deps.catalog.current.keys()]));
    const { product, rules, tables = {}, days = DEFAULT_IMPACT_DAYS } = c.req.valid('json');
    const now = deps.clock.now();
    const designs = await readStoredDesigns(deps.repository, { since: impactSince(days, now), productId }, now);
    const outcome = await deps.jobs.compareRules({
      published,
      draft: { product: { file: `models/${productId}/product.yaml`, text: product }, rules: { file: `rules/${productId}.rules.yaml`, text: rules }, tables },
      designs, days, now: now.toISOString(),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'busy') return errorResponse(busyError(outcome.retryAfterSeconds), { 'Retry-After': String(outcome.retryAfterSeconds) });
      return errorResponse(apiError(503, 'server_busy', `the comparison did not finish (${outcome.reason === 'timeout' ? `over its ${outcome.budgetMs / 1000} s` : 'out of memory'})`, 'try again in a minute; if it happens again, compare on the command line: npm run rules -- diff'), { 'Retry-After': '60' });
    }
    const comparison = outcome.value;
    if (!comparison.ok) {
      return errorResponse(apiError(422, 'rules_problems', `the draft does not load (${comparison.problems.length} problem${comparison.problems.length === 1 ? '' : 's'}), so it cannot be compared`, 'fix the problems the studio lists, then compare again', comparison.problems));
    }
    if (comparison.impact.productId !== productId) {
      return errorResponse(apiError(422, 'rules_problems', `the draft is of product "${comparison.impact.productId.slice(0, 40)}", not "${productId.slice(0, 40)}"`, `keep "id: ${productId.slice(0, 40)}" in the product file, or open ${comparison.impact.productId.slice(0, 40)}'s studio`));
    }
    return c.json(comparison.impact, 200, { 'Cache-Control': 'no-store' });
  });
}

function unknownProduct(productId: string, known: readonly string[]) {
  return apiError(404, 'unknown_product', `the studio has no product "${productId.slice(0, 80)}" to compare`, `open the studio of one of: ${known.join(', ')}`);
}
