import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy of every response, as directives. The built app loads only its own
 * scripts, styles, fonts and models; what it needs beyond `'self'`:
 * - `img-src data: blob:` — inlined small assets, the favicon, preview captures (an SVG made into a
 *   blob: URL) and textures three.js decodes from a glTF's embedded images;
 * - `connect-src data: blob:` — three.js's loaders fetch those blob: and data: URLs;
 * - `worker-src blob:` — libraries that start workers from generated code;
 * - `font-src data:` — fonts small enough for the build to inline.
 * No `'unsafe-eval'` and no `'unsafe-inline'`: React sets styles through the CSSOM, which CSP allows.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  mediaSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response, the API's included (Hono's `secureHeaders`): the CSP above,
 * `X-Frame-Options: DENY` for browsers that predate `frame-ancestors`, `Referrer-Policy:
 * no-referrer` (an order's URL is its key), `X-Content-Type-Options: nosniff`, and Hono's other
 * defaults (HSTS, `Cross-Origin-Opener-Policy`, `Cross-Origin-Resource-Policy: same-origin`, …).
 * A header a handler set itself is kept, so the artwork endpoint's stricter CSP stands. With
 * `allowedOrigins`, `frame-ancestors` names them instead of `'none'`.
 */
export function securityHeaders(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  // A shop that embeds Atelier in a frame lists its origin in ATELIER_ALLOWED_ORIGINS: it may frame
  // the app then, and no one else may. X-Frame-Options cannot name an origin, so it is left out.
  const embedded = allowedOrigins.length > 0;
  return secureHeaders({
    contentSecurityPolicy: { ...CONTENT_SECURITY_POLICY, frameAncestors: embedded ? [...allowedOrigins] : ["'none'"] },
    xFrameOptions: embedded ? false : 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    overwrite: false,
  });
}
