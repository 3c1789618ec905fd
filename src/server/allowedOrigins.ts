import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { apiError, errorResponse } from './apiError.ts';

/** The environment variable that lists the other sites allowed to write to the API. */
export const ALLOWED_ORIGINS_VARIABLE = 'ATELIER_ALLOWED_ORIGINS';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads `ATELIER_ALLOWED_ORIGINS`: comma-separated origins (`https://shop.example`, scheme, host and
 * port only), each normalised as browsers send it in `Origin`. Empty or unset: none besides the
 * server's own. Throws naming the entry that is not an origin, so the server does not start with a
 * list it would silently misread.
 *
 * @example parseAllowedOrigins('https://shop.example, http://localhost:5173') // ['https://shop.example', 'http://localhost:5173']
 */
export function parseAllowedOrigins(text: string | undefined): string[] {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  return entries.map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
      throw new Error(`${ALLOWED_ORIGINS_VARIABLE}: "${entry}" is not an origin; write the scheme, host and port only, e.g. https://shop.example or http://localhost:5173, separated by commas`);
    }
    return url.origin;
  });
}

/**
 * Refuses writes (POST, PUT, PATCH, DELETE, uploads included) that a browser sends from a page of
 * another site (403 `forbidden_origin`): the request's `Origin` must be the server's own (its
 * `Host`) or one of `allowed`, and a browser's `Sec-Fetch-Site` must not say `cross-site` or
 * `same-site` for an origin not listed. Requests without `Origin` or `Sec-Fetch-Site` (curl,
 * server-to-server) pass: only browsers attach a victim's cookies.
 */
export function refuseForeignWrites(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if (origin === undefined && (site === undefined || site === 'same-origin' || site === 'none')) return next();
    if (origin !== undefined && (allowed.includes(origin) || (isOwnOrigin(origin, c.req.header('host') ?? new URL(c.req.url).host) && site !== 'cross-site' && site !== 'same-site'))) return next();
    const from = origin ?? `a ${site} page`;
    return errorResponse(apiError(403, 'forbidden_origin', `writes from ${from === 'null' ? 'an opaque origin ("null")' : from} are not allowed: only the shop's own pages and the origins in ${ALLOWED_ORIGINS_VARIABLE} may place orders, upload, submit or vote`, `to embed Atelier in another site, add its origin to ${ALLOWED_ORIGINS_VARIABLE} (comma-separated, e.g. ${ALLOWED_ORIGINS_VARIABLE}=https://shop.example) and restart the server`));
  };
}

/**
 * CORS for the API, following the same list: an allowed origin may read responses and send JSON
 * writes with cookies; other origins get no CORS headers, so browsers keep their pages out.
 */
export function corsForAllowedOrigins(allowed: readonly string[]): MiddlewareHandler {
  const handler = cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-File-Name', 'Authorization'],
    exposeHeaders: ['Location', 'Retry-After', 'Idempotent-Replayed', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'],
    credentials: true,
    maxAge: 600,
  });
  return (c, next) => {
    // Hono's cors sets its headers on a response made before the route answers, and the route's own
    // response is then copied through a web stream: a cost on every request (a third of an order's
    // time on PostgreSQL). Only preflights and requests from an allowed origin need the headers.
    const origin = c.req.header('origin');
    if (c.req.method !== 'OPTIONS' && (origin === undefined || !allowed.includes(origin))) return next();
    return handler(c, next);
  };
}

/** Whether `origin` is this server as the browser reached it: the same host and port. */
export function isOwnOrigin(origin: string, host: string): boolean {
  try {
    // The scheme is left out on purpose: behind a proxy that ends TLS the server sees http while
    // the page is https, and a page on the same host and port is the shop's own either way.
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
