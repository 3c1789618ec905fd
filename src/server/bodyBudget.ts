import type { MiddlewareHandler } from 'hono';
import { apiError, errorResponse } from './apiError.ts';

/**
 * Bounds the request bodies the server holds at once: a request with a body reserves its declared
 * `Content-Length` (a body that declares none reserves `largestBody`, all it may grow to) until its
 * handler has answered, and a request that would take the reservations past `budgetBytes` is
 * answered at once with 503 and `Retry-After: 1`, its body unread. A body, once read, lives on as
 * its text, the parsed JSON and the decoded images, so the memory a burst of large uploads takes
 * stays near a few times the budget instead of growing with the number of clients. One request is
 * always let in when no other holds a reservation, so a body the route accepts is never refused
 * for its size alone. A body declared larger than `largestBody` reserves nothing: its handler
 * refuses it (413) without reading it.
 *
 * @example
 * app.use('/api/*', bodyBudget(32 * 1024 * 1024, DEFAULT_LIMITS.maxBodyBytes));
 */
export function bodyBudget(budgetBytes: number, largestBody: number): MiddlewareHandler {
  let reserved = 0;
  let holders = 0;
  return async (c, next) => {
    const declared = c.req.header('content-length');
    const chunked = declared === undefined && c.req.header('transfer-encoding') !== undefined;
    const length = declared === undefined ? 0 : Number(declared);
    const charge = chunked ? largestBody : Number.isFinite(length) && length > 0 && length <= largestBody ? length : 0;
    if (charge === 0) return next();
    if (holders > 0 && reserved + charge > budgetBytes) {
      return errorResponse(
        apiError(503, 'server_busy', `the server is receiving ${Math.ceil(reserved / 1024)} KiB of other requests and takes at most ${Math.ceil(budgetBytes / 1024)} KiB at once`, 'try again in a second (see Retry-After); your request was not read and nothing was stored'),
        { 'Retry-After': '1', Connection: 'close' },
      );
    }
    reserved += charge;
    holders++;
    try {
      await next();
    } finally {
      reserved -= charge;
      holders--;
    }
  };
}
