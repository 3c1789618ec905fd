// POST /api/staff/studio/:productId/impact: what a draft in the rules studio would do if it were
// published, compared with the product's current version: designs before and after, options
// gained and lost, rules added, removed and changed, and the stored orders of the last days and
// the gallery designs it would refuse or change (`rulesImpact.ts`, shared with `rules diff`).
//
// The draft is loaded and compiled on the event loop (about 60 ms for the sneaker once warm, 0.3 s
// the first time); judging the stored designs gives the loop a turn every 200 designs; and only
// a few comparisons run at once (more are answered 503 with Retry-After), so a merchandiser
// pressing the button repeatedly cannot starve the shop's other requests.
import type { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import * as v from 'valibot';
import { MAX_RULES_SOURCE_LENGTH } from '../../domain/index.ts';
import { describeValue, fieldsObject, requestProblems, withHint } from '../../domain/requests/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { Catalog } from '../catalog.ts';
import type { Clock } from '../clock.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { json, route } from '../routeDocs.ts';
import { compareRules, draftSide, publishedSide } from '../rulesImpact.ts';
import { readStoredDesigns, type StoredDesignsRepository } from '../storedDesigns.ts';
import { requireStaff } from './staffAuth.ts';

/** What the route needs. */
export interface StudioImpactRouteDeps {
  readonly repository: StoredDesignsRepository;
  readonly catalog: Pick<Catalog, 'current'>;
  readonly clock: Clock;
  readonly refuse: Refuse;
  /** How many comparisons may run at once in this process (default 2: one per core here). */
  readonly maxRunning?: number;
}

/** The orders of how many days are judged when the request does not say. */
export const DEFAULT_IMPACT_DAYS = 90;
const MAX_DAYS = 3650;
/** A product file and a rules file at their largest, as JSON text. */
const IMPACT_BODY_BYTES = 3 * MAX_RULES_SOURCE_LENGTH;

const text = (name: string, file: string) => v.pipe(
  v.string((issue) => withHint(issue.input === undefined ? `"${name}" is missing` : `"${name}" must be text, not ${describeValue(issue.input)}`, `send the draft's ${file} as it is in the editor`)),
  v.maxLength(MAX_RULES_SOURCE_LENGTH, withHint(`"${name}" is longer than ${MAX_RULES_SOURCE_LENGTH} characters`, `send ${file} as it is; a larger one is not a rules file`)),
);

/** The request: the draft's two files as text, and how many days of orders to judge (1 to 3650, 90 when left out). */
export const impactRequestSchema = fieldsObject({
  product: text('product', 'product file'),
  rules: text('rules', 'rules file'),
  days: v.optional(v.pipe(
    v.number((issue) => withHint(`"days" must be a whole number of days, not ${describeValue(issue.input)}`, `send e.g. "days": 30, or leave it out for ${DEFAULT_IMPACT_DAYS}`)),
    v.integer(withHint('"days" must be a whole number', 'send e.g. "days": 30')),
    v.minValue(1, withHint('"days" must be at least 1', 'send e.g. "days": 30')),
    v.maxValue(MAX_DAYS, withHint(`"days" is more than ${MAX_DAYS}`, `send at most ${MAX_DAYS} (ten years)`)),
  )),
}, 'refuse', {
  notAnObject: (input) => withHint(`the request must be a JSON object, not ${describeValue(input)}`, 'send {"product":"…","rules":"…","days":90}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only product, rules and days'),
});

const DOCS = describeRoute(route(
  'staff',
  'What a draft would change if published (merchandiser): `{ product, rules, days? }` (the two files as text; orders of the last `days`, default 90) against the current version. 422 `rules_problems` when the draft does not load; 503 `server_busy` when other comparisons are running',
  { 200: json('`{ productId, from, to, designs: { before, after }, attributesAdded, attributesRemoved, options, rules: { added, removed, changed }, names, impact: { days, since, orders, candidates }, millis }`') },
  [400, 401, 403, 404, 413, 415, 422, 503],
));

/** Registers the route (after the staff routes, whose middleware identifies the caller). */
export function registerStudioImpactRoutes(app: Hono, deps: StudioImpactRouteDeps): void {
  const maxRunning = deps.maxRunning ?? 2;
  let running = 0;
  const body = jsonBody(IMPACT_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send the product and rules files as they are, and only the documented fields' }, deps.refuse);
  const valid = validator('json', impactRequestSchema, (result, c) => (result.success
    ? undefined
    : deps.refuse(c, apiError(422, 'invalid_request', 'the comparison request is not valid', 'fix each field listed in "problems"', requestProblems(result.error)))));

  app.post('/api/staff/studio/:productId/impact', DOCS, requireStaff({ role: 'merchandiser', tokens: false }), body, valid, async (c) => {
    const productId = c.req.param('productId');
    const current = deps.catalog.current.get(productId);
    if (!current) {
      return errorResponse(apiError(404, 'unknown_product', `there is no product "${productId.slice(0, 80)}"`, `use one of: ${[...deps.catalog.current.keys()].join(', ')}`));
    }
    if (running >= maxRunning) {
      return errorResponse(apiError(503, 'server_busy', `${running} comparisons are running already`, 'try again in a few seconds'), { 'Retry-After': '2' });
    }
    running++;
    try {
      const { product, rules, days = DEFAULT_IMPACT_DAYS } = c.req.valid('json');
      const draft = draftSide({ file: `models/${productId}/product.yaml`, text: product }, { file: `rules/${productId}.rules.yaml`, text: rules });
      if (!draft.ok) {
        return errorResponse(apiError(422, 'rules_problems', `the draft does not load (${draft.problems.length} problem${draft.problems.length === 1 ? '' : 's'}), so it cannot be compared`, 'fix the problems the studio lists, then compare again', draft.problems));
      }
      if (draft.side.product.id !== productId) {
        return errorResponse(apiError(422, 'rules_problems', `the draft is of product "${draft.side.product.id.slice(0, 40)}", not "${productId.slice(0, 40)}"`, `compare it on ${draft.side.product.id.slice(0, 40)}'s studio, or keep "id: ${productId.slice(0, 40)}" in the product file`));
      }
      const answer = await compareRules(publishedSide(current.entry), draft.side, (query) => readStoredDesigns(deps.repository, query, deps.clock.now()), days, deps.clock.now());
      return c.json(answer, 200, { 'Cache-Control': 'no-store' });
    } finally {
      running--;
    }
  });
}
