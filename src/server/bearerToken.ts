import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { errorResponse, type ApiError } from './apiError.ts';

/**
 * What a bearer token may be made of (RFC 6750's `b64token`: letters, digits, `. _ ~ + / -`, then
 * `=` signs): the only tokens `Authorization: Bearer` can carry, and all `bearerAuth` accepts.
 */
export const BEARER_TOKEN_SYNTAX = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Hono's `bearerAuth` for one token (compared in constant time, through SHA-256 digests), refusing
 * in the API's error shape: a missing, malformed or wrong `Authorization: Bearer <token>` is a 401
 * with `WWW-Authenticate: Bearer` and `refusal()` as the body. Hono throws the refusal as an
 * `HTTPException`, which the app's `onError` answers with. Throws at once on a token of another
 * syntax, which no client could send.
 */
export function requireBearerToken(token: string, refusal: () => ApiError): MiddlewareHandler {
  if (!BEARER_TOKEN_SYNTAX.test(token)) throw new Error('[Atelier] a bearer token may have only letters, digits and . _ ~ + / -, then = signs');
  const refuse = { wwwAuthenticateHeader: 'Bearer', message: () => errorResponse(refusal(), { 'WWW-Authenticate': 'Bearer' }) };
  return bearerAuth({ token, noAuthenticationHeader: refuse, invalidAuthenticationHeader: refuse, invalidToken: refuse });
}
