// Who is asking, on the staff side: a signed-in staff member (a session cookie), a machine (an API
// token), or the deprecated shared fulfilment token; and the checks every staff route runs: signed
// in, holding the role, and for a write made with the cookie, the session's CSRF token and the
// shop's own origin.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffRole } from '../../domain/index.ts';
import { isOwnOrigin } from '../allowedOrigins.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { ClientConnection } from '../clientAddress.ts';
import type { Clock } from '../clock.ts';
import type { Repository } from '../repository.ts';
import type { ApiToken, SessionLifetime, StaffAccount } from '../staffRecords.ts';
import { sameText, sha256Text } from './secrets.ts';

/** Who a staff request comes from. */
export type Principal =
  | { readonly kind: 'staff'; readonly account: StaffAccount; readonly sessionIdHash: string; readonly csrfToken: string }
  | { readonly kind: 'token'; readonly token: ApiToken }
  /** ATELIER_FULFILMENT_TOKEN: deprecated, the fulfilment role only. */
  | { readonly kind: 'shared-fulfilment-token' };

declare module 'hono' {
  interface ContextVariableMap {
    /** Who the request comes from, on routes that look (undefined: nobody signed in). */
    principal: Principal | undefined;
  }
}

/** What identifying staff needs. */
export interface StaffAuthDeps {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly lifetime: SessionLifetime;
  /** The deprecated ATELIER_FULFILMENT_TOKEN, when the server was started with one. */
  readonly sharedFulfilmentToken?: string;
  readonly clientOf: (c: Context) => ClientConnection;
}

/** Sessions end after 2 hours without a request, and 12 hours after login at the latest. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleSeconds: 2 * 60 * 60, absoluteSeconds: 12 * 60 * 60 };

/** The session cookie's name; over HTTPS with the `__Host-` prefix (Secure, Path=/, no Domain: no other host can set it). */
const COOKIE = 'atelier_staff';

/** The roles a principal acts with. */
export function rolesOf(principal: Principal): readonly StaffRole[] {
  switch (principal.kind) {
    case 'staff':
      return principal.account.roles;
    case 'token':
      return [principal.token.role];
    case 'shared-fulfilment-token':
      return ['fulfilment'];
    default:
      throw new Error(`[Atelier] unknown principal ${JSON.stringify(principal satisfies never)}`);
  }
}

/**
 * The CSRF token of a session: derived from the session id (which only the cookie holds), so it is
 * the same for the session's life, needs no storage, and a copy of the database (which holds only
 * the id's hash) cannot forge it.
 */
export function csrfTokenOf(sessionId: string): string {
  return sha256Text(`atelier-csrf\u0000${sessionId}`);
}

/** The session id the request's cookie holds, if any. */
export function sessionIdOf(c: Context, secure: boolean): string | undefined {
  return secure ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` over HTTPS, for the session's longest life. */
export function setSessionCookie(c: Context, sessionId: string, secure: boolean, lifetime: SessionLifetime): void {
  setCookie(c, COOKIE, sessionId, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: lifetime.absoluteSeconds, ...(secure ? { secure: true, prefix: 'host' as const } : {}) });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', ...(secure ? { secure: true, prefix: 'host' as const } : {}) });
}

/**
 * Finds who the request comes from and sets `c.var.principal`: a bearer token (an API token, or the
 * shared fulfilment token) when the request has `Authorization`, else the session cookie. A bearer
 * token that is unknown, revoked or expired is refused at once (401), never taken for nobody: the
 * machine should learn its token no longer works.
 */
export function identifyStaff(deps: StaffAuthDeps): MiddlewareHandler {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim())?.[1];
      if (token === undefined) return errorResponse(unauthorized('the Authorization header is not "Bearer <token>"'), { 'WWW-Authenticate': 'Bearer' });
      if (deps.sharedFulfilmentToken !== undefined && sameText(token, deps.sharedFulfilmentToken)) {
        c.set('principal', { kind: 'shared-fulfilment-token' });
        return next();
      }
      // Looked up by its SHA-256: the comparison is the database's, on a digest the sender cannot steer.
      const found = await deps.repository.findApiToken(sha256Text(token), deps.clock.now());
      if (!found) return errorResponse(unauthorized('the API token is unknown, revoked or expired'), { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      c.set('principal', { kind: 'token', token: found });
      return next();
    }
    const secure = deps.clientOf(c).secure;
    const sessionId = sessionIdOf(c, secure);
    if (sessionId === undefined || sessionId.length > 100) {
      c.set('principal', undefined);
      return next();
    }
    const session = await deps.repository.findStaffSession(sha256Text(sessionId), deps.clock.now(), deps.lifetime);
    c.set('principal', session ? { kind: 'staff', account: session.account, sessionIdHash: session.idHash, csrfToken: csrfTokenOf(sessionId) } : undefined);
    return next();
  };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a staff route lets in. */
export interface StaffAccess {
  /** The role the route needs; any signed-in staff member when left out. */
  readonly role?: StaffRole;
  /** Whether API tokens (and the shared fulfilment token) may call it: the machines' routes only. */
  readonly tokens: boolean;
}

/**
 * Lets a request through only from a principal holding the role (after {@link identifyStaff}):
 * 401 `not_signed_in` for nobody, 403 `forbidden` for the wrong role or a token on a route for
 * people. A write made with the session cookie also needs the shop's own origin and the session's
 * `X-CSRF-Token` (403 `csrf_refused`): a page of another site can make the browser send the cookie,
 * but can neither read the token nor set the header without the server's CORS consent.
 */
export function requireStaff(access: StaffAccess): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.var.principal;
    if (principal === undefined) {
      return errorResponse(access.tokens
        ? apiError(401, 'not_signed_in', `this needs the ${access.role ?? 'staff'} role: an API token or a signed-in staff account`, `send "Authorization: Bearer <token>" with an API token an admin created on /staff ("API tokens") with the ${access.role ?? 'right'} role, or sign in on /staff`)
        : apiError(401, 'not_signed_in', 'this needs a signed-in staff account', 'sign in on /staff (the first admin is created with: npm run staff -- add --email you@shop.example --role admin)'), { 'WWW-Authenticate': 'Bearer' });
    }
    if (principal.kind !== 'staff' && !access.tokens) return errorResponse(apiError(403, 'forbidden', 'API tokens cannot use this endpoint', 'sign in on /staff as a person with the role it needs'));
    if (access.role !== undefined && !rolesOf(principal).includes(access.role)) {
      return errorResponse(apiError(403, 'forbidden', `this needs the ${access.role} role`, `ask an admin to give your account the ${access.role} role${principal.kind === 'staff' ? '' : ', or use a token with it'}`));
    }
    if (principal.kind === 'staff' && WRITES.has(c.req.method)) {
      const refusal = csrfRefusal(c, principal.csrfToken);
      if (refusal) return refusal;
    }
    return next();
  };
}

/** The refusal of a cookie-authenticated write from another origin or without the session's CSRF token. */
export function csrfRefusal(c: Context, csrfToken: string | undefined): Response | undefined {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if ((origin !== undefined && !isOwnOrigin(origin, host)) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    return errorResponse(apiError(403, 'forbidden_origin', 'staff changes are accepted only from the shop\'s own pages', 'make the change on /staff of this server'));
  }
  if (csrfToken === undefined) return undefined;
  const sent = c.req.header('x-csrf-token');
  if (sent === undefined || !sameText(sent, csrfToken)) {
    return errorResponse(apiError(403, 'csrf_refused', 'the request has no valid X-CSRF-Token header', 'send the "csrfToken" of the login or GET /api/staff/session answer as X-CSRF-Token; reload /staff if it expired'));
  }
  return undefined;
}

function unauthorized(message: string) {
  return apiError(401, 'unauthorized', message, 'send "Authorization: Bearer <token>" with an API token an admin created on /staff ("API tokens"), or sign in');
}

