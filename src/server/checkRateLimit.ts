// The per-address limits are counted in the database, not by a rate-limit middleware
// (hono-rate-limiter and the like keep counters in this process's memory, or need Redis): one
// `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the database the app already has holds the limit
// across every server process of a shop, and survives restarts.
import type { RateLimit } from './clientLimits.ts';
import type { Repository } from './repository.ts';

/** Whether a request is within its limit, and what the `RateLimit-*` headers tell the client. */
export interface RateLimitVerdict {
  readonly allowed: boolean;
  readonly limit: RateLimit;
  /** Requests left in the window after this one. */
  readonly remaining: number;
  /** Seconds until the window ends (at least 1). */
  readonly resetSeconds: number;
}

/**
 * Counts a request of a client against a limit (in the database, so the count holds across
 * server processes) and says whether it is allowed: the first `limit.max` requests of a window are.
 *
 * @example
 * const verdict = await checkRateLimit(repository, 'submissions', { max: 20, windowSeconds: 3600 }, '203.0.113.7', new Date());
 * if (!verdict.allowed) return errorResponse(error, rateLimitHeaders([verdict], true));
 */
export async function checkRateLimit(repository: Repository, name: string, limit: RateLimit, client: string, now: Date): Promise<RateLimitVerdict> {
  const count = await repository.countRateLimitHit({ name, client, windowSeconds: limit.windowSeconds, now });
  return {
    allowed: count.hits <= limit.max,
    limit,
    remaining: Math.max(0, limit.max - count.hits),
    resetSeconds: Math.max(1, Math.ceil((count.resetsAt.getTime() - now.getTime()) / 1000)),
  };
}

/**
 * The rate-limit headers of the IETF draft (`RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset` in seconds, `RateLimit-Policy`) of the verdict with the fewest requests left,
 * and `Retry-After` when the response refuses the request for it (a 429).
 */
export function rateLimitHeaders(verdicts: readonly RateLimitVerdict[], refused = false): Record<string, string> {
  const tightest = verdicts.reduce<RateLimitVerdict | undefined>((best, verdict) => (best === undefined || verdict.remaining < best.remaining ? verdict : best), undefined);
  if (!tightest) return {};
  return {
    'RateLimit-Limit': String(tightest.limit.max),
    'RateLimit-Remaining': String(tightest.remaining),
    'RateLimit-Reset': String(tightest.resetSeconds),
    'RateLimit-Policy': `${tightest.limit.max};w=${tightest.limit.windowSeconds}`,
    ...(refused ? { 'Retry-After': String(tightest.resetSeconds) } : {}),
  };
}

/** In words, for messages: "30 new voter ids an hour", "20 submissions in 10 minutes". */
export function describeRateLimit(limit: RateLimit, what: string): string {
  const { max, windowSeconds: seconds } = limit;
  const window = seconds === 3600 ? 'an hour'
    : seconds === 60 ? 'a minute'
      : seconds % 3600 === 0 ? `in ${seconds / 3600} hours`
        : seconds % 60 === 0 ? `in ${seconds / 60} minutes` : `in ${seconds} seconds`;
  return `${max} ${what} ${window}`;
}

/** "20 seconds", "1 second", "12 minutes": how long to wait. */
export function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
