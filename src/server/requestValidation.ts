import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiError } from './apiError.ts';
import type { Voter } from './identifyVoter.ts';
import type { RateLimitVerdict } from './checkRateLimit.ts';
import { readJsonBody, type BodyHints } from './readJsonBody.ts';

declare module 'hono' {
  /** What the app's middleware hands on to a route (`c.var`), set only on the routes that use it. */
  interface ContextVariableMap {
    /** The request's voter (gallery routes), whose cookie and limits every answer carries. */
    voter: Voter;
    /** The limits the request was counted against besides the voter's. */
    verdicts: readonly RateLimitVerdict[];
    /** The JSON body as sent (before the schema), for the order's request hash. */
    body: unknown;
    /** The order's `Idempotency-Key`. */
    idempotencyKey: string;
  }
}

/** Answers a refused request, with what the route's middleware adds to every answer (a voter's cookie). */
export type Refuse = (c: Context, error: ApiError, headers?: Record<string, string>) => Response;

/**
 * Reads the JSON body of a route before its schema sees it: `readJsonBody`'s 415, 413 and 400
 * (not JSON, too large, nested too deep, malformed), counted as the bytes stream in. Hono's
 * validator then reads the body through `c.req.json()`, which parses the text cached here.
 */
export function jsonBody(maxBytes: number, hints: BodyHints | undefined, refuse: Refuse): MiddlewareHandler {
  return async (c, next) => {
    const body = await readJsonBody(c.req.raw, maxBytes, nodeBody(c), hints);
    if (!body.ok) return refuse(c, body.error, body.error.status === 413 ? { Connection: 'close' } : {});
    c.set('body', body.value);
    // Hono caches bodies as promises (its type says the value): c.req.json() parses this text.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(body.text);
    await next();
  };
}

/** Under Node, the request's `IncomingMessage`: reading it directly skips the conversion to a web stream. */
function nodeBody(c: Context): AsyncIterable<Uint8Array> | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  // Bindings without a readable body (a test giving only the socket) leave the body to the Request.
  return incoming && Symbol.asyncIterator in incoming ? incoming : undefined;
}
