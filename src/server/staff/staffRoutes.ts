// The staff API under /api/staff: signing in and out, and the pages' data by role. Every route
// checks the role here, on the server (`requireStaff`); the pages hiding a button is not a check.
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { validator } from 'hono-openapi';
import type * as v from 'valibot';
import {
  accountChangeRequestSchema, loginRequestSchema, MAX_RULES_SOURCE_LENGTH, newAccountRequestSchema, newTokenRequestSchema, newWebhookRequestSchema, pagesFor,
  publicationNoteSchema, publishRulesRequestSchema, type StaffRole,
} from '../../domain/index.ts';
import { CANDIDATE_SORTS, requestProblems } from '../../domain/requests/index.ts';
import { MAX_RULES_TABLES_LENGTH } from '../../domain/staff/index.ts';
import { apiError, errorResponse, type ApiError } from '../apiError.ts';
import { candidatesUnder } from '../candidate.ts';
import type { Catalog } from '../catalog.ts';
import { checkRateLimit, describeWait, rateLimitHeaders } from '../checkRateLimit.ts';
import type { RateLimit } from '../clientLimits.ts';
import { PROJECT_ROOT } from '../projectRoot.ts';
import { jsonBody, type Refuse } from '../requestValidation.ts';
import { draftNotRetirable, publishRules, publishStoredRules, rollbackRules, type PublicationOutcome, type RulesPublishingServices } from '../rulesPublishing.ts';
import { toServerOrder } from '../serverOrder.ts';
import type { AuditActor, StaffAccount, WebhookEndpoint } from '../staffRecords.ts';
import type { PasswordHasher } from './passwords.ts';
import { newSecret, sha256Text } from './secrets.ts';
import { addStaffAccount, changeStaffAccount, type ActingAs } from './staffAccounts.ts';
import { clearSessionCookie, csrfRefusal, csrfTokenOf, identifyStaff, requireStaff, sessionIdOf, setSessionCookie, type Principal, type StaffAuthDeps } from './staffAuth.ts';
import { STAFF_ROUTE_DOCS as DOCS } from './staffRouteDocs.ts';

/** How many login attempts are let through, per account (by email) and per client address. */
export interface LoginLimits {
  readonly perAccount: RateLimit;
  readonly perAddress: RateLimit;
}

/** 10 attempts per account and 50 per address in 15 minutes: a person mistyping never meets them, a guesser gets 40 guesses an hour. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: { max: 10, windowSeconds: 900 },
  perAddress: { max: 50, windowSeconds: 900 },
};

/** What the staff routes need. */
export interface StaffRouteDeps extends StaffAuthDeps {
  readonly catalog: Catalog;
  readonly passwords: PasswordHasher;
  readonly loginLimits: LoginLimits;
  readonly refuse: Refuse;
}

const STAFF_BODY_BYTES = 16 * 1024;
/** A new rules version's body: a product and a rules file and the CSV tables at their largest, as JSON text (which escapes a CSV's line ends). */
const RULES_BODY_BYTES = 3 * MAX_RULES_SOURCE_LENGTH + 2 * MAX_RULES_TABLES_LENGTH;
const AUDIT_PAGE = 50;
const ORDERS_PAGE = 100;

/** Registers the staff API on the app (on the app itself, so that the OpenAPI document and the 404's list of endpoints name every route). */
export function registerStaffRoutes(app: Hono, deps: StaffRouteDeps): void {
  const { repository, clock } = deps;
  const identify = identifyStaff(deps);
  const body = jsonBody(STAFF_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'staff requests are small JSON objects' }, deps.refuse);
  const valid = <S extends v.GenericSchema>(schema: S) => validator('json', schema, (result, c) => (result.success ? undefined : deps.refuse(c, invalid(requestProblems(result.error)))));
  const people = (role?: StaffRole) => requireStaff({ ...(role ? { role } : {}), tokens: false });
  const admin = people('admin');
  const actingAs = (c: Context): ActingAs => ({ actor: actorOf(c.var.principal), client: deps.clientOf(c).address });
  const audit = (c: Context, action: string, target: string | null, details: Record<string, unknown> = {}) => repository.appendAudit({ at: clock.now(), ...actingAs(c), action, target, details });

  app.use('/api/staff/*', identify);

  app.post('/api/staff/login', DOCS.login, async (c, next) => {
    // No session yet, so no CSRF token: the origin check still keeps another site from signing a browser in.
    const refusal = csrfRefusal(c, undefined);
    return refusal ?? next();
  }, body, valid(loginRequestSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const client = deps.clientOf(c);
    const now = clock.now();
    const verdicts = [
      await checkRateLimit(repository, 'login-account', deps.loginLimits.perAccount, sha256Text(email), now),
      await checkRateLimit(repository, 'login-address', deps.loginLimits.perAddress, client.limitKey, now),
    ];
    const over = verdicts.find((verdict) => !verdict.allowed);
    if (over) {
      return errorResponse(apiError(429, 'rate_limited', 'too many sign-in attempts', `wait ${describeWait(over.resetSeconds)} and try again; an admin can reset a forgotten password (npm run staff -- reset-password --email …)`), rateLimitHeaders([over], true));
    }
    const stored = await repository.findStaffAccountByEmail(email);
    // The same work and the same answer for an unknown email, a wrong password and a disabled account.
    const matches = stored ? await deps.passwords.verify(stored.passwordHash, password) : (await deps.passwords.verifyNothing(password), false);
    if (!stored || !matches || stored.disabled) {
      await repository.appendAudit({ at: now, actor: { kind: 'anonymous' }, action: 'login.failed', target: stored?.id ?? null, details: { email }, client: client.address });
      return errorResponse(apiError(401, 'invalid_credentials', 'the email or the password is wrong', 'check both and try again; an admin can reset a forgotten password'));
    }
    // A new session id at every login (a session id planted before it is never promoted), and the old one ended.
    const previous = sessionIdOf(c, client.secure);
    if (previous !== undefined) await repository.deleteStaffSession(sha256Text(previous));
    const sessionId = newSecret('', 32);
    await repository.createStaffSession({ idHash: sha256Text(sessionId), accountId: stored.id, createdAt: now, client: client.limitKey });
    await repository.recordStaffLogin(stored.id, now);
    const { passwordHash: _hidden, ...account } = stored;
    await repository.appendAudit({ at: now, actor: { kind: 'staff', accountId: account.id, email: account.email }, action: 'login', target: account.id, details: {}, client: client.address });
    setSessionCookie(c, sessionId, client.secure, deps.lifetime);
    return c.json(sessionAnswer({ ...account, lastLoginAt: now.toISOString() }, csrfTokenOf(sessionId)), 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/logout', DOCS.logout, people(), async (c) => {
    const principal = staffOf(c);
    await repository.deleteStaffSession(principal.sessionIdHash);
    await audit(c, 'logout', principal.account.id);
    clearSessionCookie(c, deps.clientOf(c).secure);
    return c.body(null, 204);
  });

  app.post('/api/staff/logout-everywhere', DOCS.logoutEverywhere, people(), async (c) => {
    const principal = staffOf(c);
    const ended = await repository.deleteStaffSessionsOf(principal.account.id);
    await audit(c, 'logout.everywhere', principal.account.id, { ended });
    clearSessionCookie(c, deps.clientOf(c).secure);
    return c.json({ ended }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/staff/session', DOCS.session, people(), (c) => {
    const principal = staffOf(c);
    return c.json(sessionAnswer(principal.account, principal.csrfToken), 200, { 'Cache-Control': 'no-store' });
  });

  // ---- admin: accounts ----
  app.get('/api/staff/accounts', DOCS.listAccounts, admin, async (c) => c.json({ accounts: await repository.listStaffAccounts() }, 200, { 'Cache-Control': 'no-store' }));

  app.post('/api/staff/accounts', DOCS.createAccount, admin, body, valid(newAccountRequestSchema), async (c) => {
    const result = await addStaffAccount(deps, c.req.valid('json'), actingAs(c));
    return result.ok ? c.json({ account: result.account }, 201) : errorResponse(result.error);
  });

  app.patch('/api/staff/accounts/:id', DOCS.changeAccount, admin, body, valid(accountChangeRequestSchema), async (c) => {
    const result = await changeStaffAccount(deps, c.req.param('id'), c.req.valid('json'), actingAs(c));
    return result.ok ? c.json({ account: result.account }, 200) : errorResponse(result.error);
  });

  // ---- admin: API tokens ----
  app.get('/api/staff/tokens', DOCS.listTokens, admin, async (c) => c.json({ tokens: await repository.listApiTokens() }, 200, { 'Cache-Control': 'no-store' }));

  app.post('/api/staff/tokens', DOCS.createToken, admin, body, valid(newTokenRequestSchema), async (c) => {
    const request = c.req.valid('json');
    const now = clock.now();
    const id = newSecret('tok_', 16);
    // The secret names its token's id, so a leaked token found in a log says which one to revoke.
    const secret = `atl_${id.slice(4)}_${newSecret('', 32)}`;
    const expiresAt = new Date(now.getTime() + request.expiresInDays * 86_400_000);
    await repository.createApiToken({ id, name: request.name, role: request.role, tokenHash: sha256Text(secret), createdAt: now, expiresAt, createdBy: staffOf(c).account.id });
    await audit(c, 'token.created', id, { name: request.name, role: request.role, expiresAt: expiresAt.toISOString() });
    const token = (await repository.listApiTokens()).find((candidate) => candidate.id === id);
    return c.json({ token, secret }, 201, { 'Cache-Control': 'no-store' });
  });

  app.delete('/api/staff/tokens/:id', DOCS.revokeToken, admin, async (c) => {
    const id = c.req.param('id');
    if (!(await repository.revokeApiToken(id, clock.now()))) return errorResponse(notFound('API token', id, 'GET /api/staff/tokens'));
    await audit(c, 'token.revoked', id);
    return c.json({ token: (await repository.listApiTokens()).find((candidate) => candidate.id === id) }, 200);
  });

  // ---- admin: webhooks ----
  app.get('/api/staff/webhooks', DOCS.listWebhooks, admin, async (c) => c.json({ endpoints: (await repository.listWebhookEndpoints()).map(withoutSecret) }, 200, { 'Cache-Control': 'no-store' }));

  app.post('/api/staff/webhooks', DOCS.createWebhook, admin, body, valid(newWebhookRequestSchema), async (c) => {
    const request = c.req.valid('json');
    const id = newSecret('whk_', 16);
    // The Standard Webhooks form: `whsec_` and the base64 of the key's 32 bytes.
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await repository.createWebhookEndpoint({ id, url: request.url, events: request.events, description: request.description, secret, createdAt: clock.now() });
    await audit(c, 'webhook.created', id, { url: request.url, events: request.events });
    const endpoint = (await repository.listWebhookEndpoints()).find((candidate) => candidate.id === id)!;
    return c.json({ endpoint: withoutSecret(endpoint), secret }, 201, { 'Cache-Control': 'no-store' });
  });

  app.delete('/api/staff/webhooks/:id', DOCS.disableWebhook, admin, async (c) => {
    const id = c.req.param('id');
    if (!(await repository.disableWebhookEndpoint(id, clock.now()))) return errorResponse(notFound('enabled webhook endpoint', id, 'GET /api/staff/webhooks'));
    await audit(c, 'webhook.disabled', id);
    const endpoint = (await repository.listWebhookEndpoints()).find((candidate) => candidate.id === id)!;
    return c.json({ endpoint: withoutSecret(endpoint) }, 200);
  });

  app.get('/api/staff/webhooks/:id/deliveries', DOCS.listDeliveries, admin, async (c) => {
    const id = c.req.param('id');
    if (!(await repository.listWebhookEndpoints()).some((endpoint) => endpoint.id === id)) return errorResponse(notFound('webhook endpoint', id, 'GET /api/staff/webhooks'));
    return c.json({ deliveries: await repository.listDeliveries(id, 100) }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/webhooks/deliveries/:seq/redeliver', DOCS.redeliver, admin, async (c) => {
    const text = c.req.param('seq');
    const seq = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : 0;
    if (seq === 0 || !(await repository.redeliver(seq, clock.now()))) return errorResponse(notFound('webhook delivery', text, 'the deliveries list of its endpoint'));
    await audit(c, 'webhook.redelivered', String(seq));
    return c.json({ redelivered: seq }, 202);
  });

  // ---- admin: audit log ----
  app.get('/api/staff/audit', DOCS.audit, admin, async (c) => {
    const before = c.req.query('before');
    if (before !== undefined && !/^[1-9][0-9]{0,15}$/.test(before)) return errorResponse(apiError(400, 'invalid_query', `"before" must be a line number of the log, not "${before.slice(0, 40)}"`, 'use the "nextBefore" of the previous page'));
    const entries = await repository.listAudit(AUDIT_PAGE, before === undefined ? undefined : Number(before));
    return c.json({ entries, nextBefore: entries.length === AUDIT_PAGE ? entries.at(-1)!.seq : null }, 200, { 'Cache-Control': 'no-store' });
  });

  // ---- merchandiser: rules ----
  app.get('/api/staff/rules', DOCS.rules, requireStaff({ role: 'merchandiser', tokens: true }), async (c) => {
    const products = await Promise.all([...deps.catalog.current.values()].map(async (version) => {
      const { product } = version.entry;
      const published = await repository.listRulesVersions(product.id);
      return { id: product.id, name: product.name, rulesVersions: published.map((entry) => ({ ...entry, current: entry.rulesVersion === version.entry.rulesVersion })) };
    }));
    return c.json({ products }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/staff/rules/:productId/versions/:rulesVersion/retire', DOCS.retireRules, people('merchandiser'), async (c) => {
    const { productId, rulesVersion } = c.req.param();
    const outcome = await repository.retireRulesVersion(productId, rulesVersion, clock.now());
    switch (outcome) {
      case 'unknown':
        return errorResponse(notFound(`rules version of "${productId.slice(0, 40)}"`, rulesVersion, 'GET /api/staff/rules'));
      case 'current':
        return errorResponse(apiError(409, 'rules_version_current', `rules version "${rulesVersion}" is the current one of "${productId}"`, 'publish another version first (or roll back to an earlier one); only a superseded version can be retired'));
      case 'draft':
        return errorResponse(draftNotRetirable(productId, rulesVersion));
      case 'already-retired':
        return c.json({ retired: rulesVersion, already: true }, 200);
      case 'retired':
        await audit(c, 'rules.retired', `${productId}@${rulesVersion}`, { productId, rulesVersion });
        return c.json({ retired: rulesVersion }, 200);
      default:
        throw new Error(`[Atelier] unknown outcome ${JSON.stringify(outcome satisfies never)}`);
    }
  });

  // A publish or rollback takes effect in this process at once; other processes take it up at their next poll.
  const publishing: RulesPublishingServices = { repository, clock, rootDir: PROJECT_ROOT, graceSeconds: deps.catalog.graceSeconds, afterChange: () => deps.catalog.refresh() };
  const rulesBody = jsonBody(RULES_BODY_BYTES, { empty: 'send a JSON object', tooLarge: 'send the product and rules files as they are, and only the documented fields' }, deps.refuse);
  const answerPublication = (c: Context, outcome: PublicationOutcome) => {
    if (!outcome.ok) return errorResponse(outcome.error);
    const { ok: _ok, ...answer } = outcome;
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  };

  app.post('/api/staff/rules/:productId/versions', DOCS.publishRules, people('merchandiser'), rulesBody, valid(publishRulesRequestSchema), async (c) => {
    const { message, graceHours, draft, ...sources } = c.req.valid('json');
    return answerPublication(c, await publishRules(publishing, c.req.param('productId'), sources, { message, graceHours, draft }, actingAs(c)));
  });

  app.post('/api/staff/rules/:productId/versions/:rulesVersion/publish', DOCS.publishStoredRules, people('merchandiser'), body, valid(publicationNoteSchema), async (c) => {
    const { rulesVersion: _ignored, ...note } = c.req.valid('json');
    const { productId, rulesVersion } = c.req.param();
    return answerPublication(c, await publishStoredRules(publishing, productId, rulesVersion, note, actingAs(c)));
  });

  app.post('/api/staff/rules/:productId/rollback', DOCS.rollbackRules, people('merchandiser'), body, valid(publicationNoteSchema), async (c) => {
    const { rulesVersion, ...note } = c.req.valid('json');
    return answerPublication(c, await rollbackRules(publishing, c.req.param('productId'), rulesVersion, note, actingAs(c)));
  });

  // ---- designer: customer designs ----
  app.get('/api/staff/designs', DOCS.designs, requireStaff({ role: 'designer', tokens: true }), async (c) => {
    const sort = c.req.query('sort') ?? 'top';
    if (!(CANDIDATE_SORTS as readonly string[]).includes(sort)) return errorResponse(apiError(400, 'invalid_query', `unknown sort "${sort.slice(0, 40)}"`, `use one of: ${CANDIDATE_SORTS.join(', ')}`));
    const stored = await repository.listCandidates({ sort: sort as (typeof CANDIDATE_SORTS)[number], limit: 100, now: clock.now(), includeHidden: true });
    return c.json({ candidates: stored.map(candidatesUnder(deps.catalog)) }, 200, { 'Cache-Control': 'no-store' });
  });

  // ---- fulfilment: orders with contacts ----
  app.get('/api/staff/orders', DOCS.orders, requireStaff({ role: 'fulfilment', tokens: true }), async (c) => {
    const sinceText = c.req.query('since');
    const since = sinceText === undefined ? new Date(clock.now().getTime() - 7 * 86_400_000) : new Date(sinceText);
    if (sinceText !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(sinceText) || Number.isNaN(since.getTime()))) {
      return errorResponse(apiError(400, 'invalid_query', `"since" must be an ISO 8601 date or time, not "${sinceText.slice(0, 40)}"`, 'use e.g. since=2026-11-25'));
    }
    const page = await repository.listOrdersSince(since, ORDERS_PAGE);
    return c.json({ orders: page.orders.map((order) => toServerOrder(order.seq, order.id, order.record)), since: since.toISOString(), more: page.next !== undefined }, 200, { 'Cache-Control': 'no-store' });
  });
}

/** The answer to a login and to GET /api/staff/session. */
function sessionAnswer(account: StaffAccount, csrfToken: string) {
  return { account, csrfToken, pages: pagesFor(account.roles) };
}

function staffOf(c: Context): Extract<Principal, { kind: 'staff' }> {
  const principal = c.var.principal;
  if (principal?.kind !== 'staff') throw new Error('[Atelier] a staff route for people was reached without a session');
  return principal;
}

/** Who acts, as the audit log names them: a staff member, an API token, or nobody signed in. */
export function actorOf(principal: Principal | undefined): AuditActor {
  if (principal?.kind === 'staff') return { kind: 'staff', accountId: principal.account.id, email: principal.account.email };
  if (principal?.kind === 'token') return { kind: 'token', tokenId: principal.token.id, name: principal.token.name };
  return { kind: 'anonymous' };
}

function withoutSecret({ secret: _secret, ...endpoint }: WebhookEndpoint): Omit<WebhookEndpoint, 'secret'> {
  return endpoint;
}

function invalid(problems: ReturnType<typeof requestProblems>): ApiError {
  const first = problems[0] ?? { message: 'the request is not valid', hint: 'see GET /api/openapi.json' };
  return apiError(422, 'invalid_request', first.message, first.hint, problems);
}

function notFound(what: string, id: string, where: string): ApiError {
  return apiError(404, 'not_found', `there is no ${what} "${id.slice(0, 80)}"`, `use an id from ${where}`);
}
