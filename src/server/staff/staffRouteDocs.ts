import { describeRoute } from 'hono-openapi';
import { json, route } from '../routeDocs.ts';

// The staff API's descriptions for GET /api/openapi.json (see routeDocs.ts). Staff routes answer
// 401 `not_signed_in` without a session, 403 `forbidden` without the role and `csrf_refused` for a
// cookie-authenticated write without its token.
const SIGNED_IN = [401, 403] as const;
const WRITE = [400, 401, 403, 413, 415, 422] as const;

/** The description of each staff route. */
export const STAFF_ROUTE_DOCS = {
  login: describeRoute(route('staff', 'Sign in: sets the session cookie, answers the account, its pages and the CSRF token', { 200: json('`{ account, csrfToken, pages }`') }, [400, 401, 403, 415, 429])),
  logout: describeRoute(route('staff', 'Sign out of this session', { 204: { description: 'signed out; the cookie is cleared' } }, SIGNED_IN)),
  logoutEverywhere: describeRoute(route('staff', 'Sign out of every session of the account', { 200: json('`{ ended }`: how many sessions ended') }, SIGNED_IN)),
  session: describeRoute(route('staff', 'The signed-in account, its pages and the CSRF token', { 200: json('`{ account, csrfToken, pages }`') }, SIGNED_IN)),
  listAccounts: describeRoute(route('staff', 'Staff accounts (admin)', { 200: json('`{ accounts }`') }, SIGNED_IN)),
  createAccount: describeRoute(route('staff', 'Add a staff account with its roles and first password (admin)', { 201: json('`{ account }`') }, [...WRITE, 409])),
  changeAccount: describeRoute(route('staff', 'Change an account\'s roles, or disable or enable it (admin)', { 200: json('`{ account }`') }, [...WRITE, 404, 409])),
  listTokens: describeRoute(route('staff', 'API tokens (admin)', { 200: json('`{ tokens }`') }, SIGNED_IN)),
  createToken: describeRoute(route('staff', 'Create an API token with a role and an expiry (admin); its secret is shown once', { 201: json('`{ token, secret }`') }, WRITE)),
  revokeToken: describeRoute(route('staff', 'Revoke an API token (admin)', { 200: json('`{ token }`') }, [...SIGNED_IN, 404])),
  listWebhooks: describeRoute(route('staff', 'Webhook endpoints (admin), without their secrets', { 200: json('`{ endpoints }`') }, SIGNED_IN)),
  createWebhook: describeRoute(route('staff', 'Register a webhook endpoint (admin); its signing secret is shown once', { 201: json('`{ endpoint, secret }`') }, WRITE)),
  disableWebhook: describeRoute(route('staff', 'Disable a webhook endpoint (admin)', { 200: json('`{ endpoint }`') }, [...SIGNED_IN, 404])),
  listDeliveries: describeRoute(route('staff', 'An endpoint\'s deliveries, newest first (admin)', { 200: json('`{ deliveries }`') }, [...SIGNED_IN, 404])),
  redeliver: describeRoute(route('staff', 'Send a delivery again now (admin)', { 202: json('`{ redelivered }`') }, [...SIGNED_IN, 404])),
  audit: describeRoute(route('staff', 'The audit log, newest first, 50 a page (`?before=<seq>`) (admin)', { 200: json('`{ entries, nextBefore }`') }, [...SIGNED_IN, 400])),
  rules: describeRoute(route('staff', 'Products and their published rules versions (merchandiser)', { 200: json('`{ products }`') }, SIGNED_IN)),
  retireRules: describeRoute(route('staff', 'Retire a superseded rules version now: orders under it are refused from then on (merchandiser)', { 200: json('`{ retired }`') }, [...SIGNED_IN, 404, 409])),
  publishRules: describeRoute(route('staff', 'Publish a new rules version from `{ productYaml, rulesYaml, message, graceHours?, draft? }` (merchandiser): the strict lint first (422 `rules_problems` with every problem); it becomes current, the previous one superseded with grace, unless `draft`', { 200: json('`{ productId, rulesVersion, state, already, superseded }`') }, WRITE)),
  publishStoredRules: describeRoute(route('staff', 'Publish a recorded draft `{ message, graceHours? }` (merchandiser)', { 200: json('`{ productId, rulesVersion, state, already, superseded }`') }, [...WRITE, 404])),
  rollbackRules: describeRoute(route('staff', 'Make an earlier published version current again `{ message, rulesVersion?, graceHours? }` (merchandiser; default: the one current before)', { 200: json('`{ productId, rulesVersion, state, already, superseded }`') }, [...WRITE, 404, 409])),
  designs: describeRoute(route('staff', 'Customer designs submitted to the gallery, with flagged votes and submitters (designer)', { 200: json('`{ candidates }`') }, [...SIGNED_IN, 400])),
  orders: describeRoute(route('staff', 'Orders since a date (`?since=`, default 7 days), with contacts and addresses (fulfilment; sessions and tokens)', { 200: json('`{ orders, since }`') }, [...SIGNED_IN, 400])),
};
