import { describeRoute, resolver, type DescribeRouteOptions } from 'hono-openapi';
import * as v from 'valibot';

/**
 * What each route of the API answers, for `GET /api/openapi.json`: every route of `createApp.ts`
 * carries one of these (`describeRoute`), and its request schema through its validator. A test
 * checks that the document lists every route the app registers.
 */

/** Every error's body (`apiError.ts`). */
const errorBody = v.object({
  error: v.object({
    code: v.string(),
    message: v.pipe(v.string(), v.description('what is wrong')),
    hint: v.pipe(v.string(), v.description('what to do about it')),
    problems: v.optional(v.array(v.object({ path: v.string(), message: v.string(), hint: v.string() }))),
  }),
});

const ERRORS: Readonly<Record<number, string>> = {
  400: 'malformed JSON, a missing or malformed header, or a bad query (`malformed_json`, `invalid_query`, …)',
  401: 'no signed-in staff account (`not_signed_in`), or a wrong API token (`unauthorized`, `invalid_credentials`)',
  403: 'a write from another site (`forbidden_origin`), a vote without an earlier voter cookie (`voter_cookie_required`), a staff account without the role (`forbidden`), a staff write without its CSRF token (`csrf_refused`)',
  404: 'nothing by that id (`not_found`)',
  409: 'a rules version this shop never published (`unknown_rules_version`), an email already used or the last admin (`email_taken`, `last_admin`)',
  413: 'a body over the limit (`body_too_large`)',
  415: 'a body that is not JSON (`unsupported_media_type`)',
  422: 'a request refused for its content: each field in `problems` with what is wrong and how to fix it',
  429: 'over a rate limit (`rate_limited`), with `Retry-After`',
  503: 'the job pool or the memory budget is full (`server_busy`, …), with `Retry-After`',
};

type ResponseDoc = NonNullable<DescribeRouteOptions['responses']>[string];

/** A JSON answer's documentation. */
export const json = (description: string): ResponseDoc => ({ description, content: { 'application/json': { schema: { type: 'object' as const } } } });
const png = (description: string): ResponseDoc => ({ description, content: { 'image/png': { schema: { type: 'string' as const, format: 'binary' } } } });

/** One route's documentation: its tag, summary, answers and the errors it can give. */
export function route(tag: string, summary: string, ok: Record<number, ResponseDoc>, errors: readonly (keyof typeof ERRORS)[], extra: Partial<DescribeRouteOptions> = {}): DescribeRouteOptions {
  const responses: NonNullable<DescribeRouteOptions['responses']> = {};
  for (const [status, response] of Object.entries(ok)) responses[status] = response;
  for (const status of errors) responses[status] = { description: ERRORS[status]!, content: { 'application/json': { schema: resolver(errorBody) } } };
  return { tags: [tag], summary, responses, ...extra };
}

const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', in: 'header', required: true, description: 'a new key per order (8 to 200 letters, digits or . _ : -), the same on a retry', schema: { type: 'string' } } as const;
const FULFILMENT_TOKEN = { name: 'Authorization', in: 'header', required: false, description: '`Bearer <API token with the fulfilment role>`', schema: { type: 'string' } } as const;

/** The description of each route, by `METHOD path` as Hono registers it. */
export const ROUTE_DOCS = {
  health: describeRoute(route('health', 'Whether the server answers', { 200: json('`{ "status": "ok" }`') }, [])),
  openapi: describeRoute(route('health', 'This API, as an OpenAPI document generated from the routes', { 200: json('the OpenAPI 3.1 document') }, [])),
  placeOrder: describeRoute(route('orders', 'Place an order: the design revalidated under its rules version, priced again, stored with its preview images', {
    201: json('the stored order (`ServerOrder`, schema at /api/schemas/order.json)'),
    200: json('the order a retry with the same key and body stored already (`Idempotent-Replayed: true`)'),
  }, [400, 403, 409, 413, 415, 422, 503], { parameters: [IDEMPOTENCY_KEY] })),
  exportOrders: describeRoute(route('orders', 'Stream every order since a date, for the workshop (`?since=&format=ndjson|csv`)', {
    200: { description: 'the orders, oldest first, as NDJSON or CSV', content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } }
  }, [400, 401], { parameters: [{ ...FULFILMENT_TOKEN, required: true }] })),
  order: describeRoute(route('orders', 'One order: its contact masked, in full with the fulfilment role (an API token or a staff session)', { 200: json('the order (`ServerOrder`)') }, [401, 404], { parameters: [FULFILMENT_TOKEN] })),
  orderImage: describeRoute(route('orders', 'A preview image of an order', { 200: png('the PNG as sent') }, [404])),
  printFile: describeRoute(route('orders', 'The print file of one zone of an order (`<zone>.png`), rendered once at 300 DPI', { 200: png('a transparent PNG of the zone\'s physical size') }, [404, 503])),
  submitCandidate: describeRoute(route('gallery', 'Submit a design to the community gallery (personal text and artwork removed, the title moderated)', {
    201: json('`{ candidate }`'),
    200: json('`{ candidate, joined: true }`: the same design was there already'),
  }, [400, 403, 409, 413, 415, 422, 429, 503])),
  listCandidates: describeRoute(route('gallery', 'List the gallery, a page at a time', { 200: json('`{ candidates, nextOffset }`') }, [400])),
  candidate: describeRoute(route('gallery', 'One gallery candidate', { 200: json('`{ candidate }`') }, [404])),
  thumbnail: describeRoute(route('gallery', 'A candidate\'s picture, drawn by the server from the design\'s choices', { 200: png('the picture') }, [404, 503])),
  vote: describeRoute(route('gallery', 'Vote on a candidate (with the voter cookie of an earlier request)', { 200: json('`{ candidate }` with its new counts') }, [400, 403, 404, 413, 415, 422, 429])),
  designSignals: describeRoute(route('signals', 'What the page saw done with a design (reviewed, shared), anonymously, for the designers\' review: `{ session, signals: [{ kind, productId, rulesVersion, choices, remix? }] }`; nothing is recorded under `DNT: 1` or `Sec-GPC: 1`', {
    202: json('`{ recorded }`: how many signals were taken'),
  }, [400, 403, 413, 415, 422, 429])),
  uploadArtwork: describeRoute(route('artworks', 'Upload an artwork (PNG, JPEG or SVG up to 10 MB, the bytes as the body; optional `X-File-Name`)', {
    201: json('`{ artwork, warnings }`'),
  }, [403, 413, 422, 503], { requestBody: { content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string' } } } } })),
  artwork: describeRoute(route('artworks', 'A stored artwork (an SVG as sanitised)', { 200: { description: 'the file', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } } }, [404])),
  schema: describeRoute(route('schemas', 'A published JSON Schema: order.json, design.json, order-file.json, webhook-order-placed.json, product.json or rules.json', { 200: { description: 'the schema', content: { 'application/schema+json': { schema: { type: 'object' } } } } }, [404])),
};
