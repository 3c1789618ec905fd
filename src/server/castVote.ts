import { apiError, type ApiError } from './apiError.ts';
import { toCandidate, type Candidate } from './candidate.ts';
import { describeValue, isObject } from './describeValue.ts';
import type { Repository } from './repository.ts';
import type { RateLimitVerdict } from './checkRateLimit.ts';
import type { RateLimit } from './clientLimits.ts';
import type { Clock } from './clock.ts';
import type { VotingPolicy } from './votingPolicy.ts';

/** What voting needs. */
export interface VoteServices {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly voting: VotingPolicy;
}

/**
 * The candidate with its new counts and the voter's count against the rate limit, or why the
 * vote was refused (with a Retry-After for 429).
 */
export type CastVoteResult =
  | { readonly kind: 'cast'; readonly candidate: Candidate; readonly limit: RateLimitVerdict }
  | { readonly kind: 'refused'; readonly error: ApiError; readonly limit?: RateLimitVerdict };

const VALUES = { up: 1, down: -1, none: 0 } as const;

/**
 * Casts a voter's vote on a candidate from an untrusted body `{ "vote": "up" | "down" | "none" }`:
 * one vote per voter per candidate, a second replaces the first, "none" removes it. Over the rate
 * limit the vote is refused (429, nothing written); in a burst it is stored flagged.
 */
export async function castVote(services: VoteServices, candidateId: string, voterId: string, body: unknown): Promise<CastVoteResult> {
  const vote = isObject(body) ? body.vote : undefined;
  const extra = isObject(body) ? Object.keys(body).filter((key) => key !== 'vote') : [];
  // Object.hasOwn, not `in`: "toString" or "__proto__" are in every object, and are not votes.
  if (typeof vote !== 'string' || !Object.hasOwn(VALUES, vote) || extra.length > 0) {
    const problem = !isObject(body)
      ? { path: '', message: `the vote must be a JSON object, not ${describeValue(body)}`, hint: 'send {"vote":"up"}' }
      : extra.length > 0
        ? { path: extra[0]!, message: `unknown field "${extra[0]}"`, hint: 'send only "vote"' }
        : { path: 'vote', message: `"vote" must be "up", "down" or "none", not ${describeValue(vote)}`, hint: 'send {"vote":"up"}, {"vote":"down"}, or {"vote":"none"} to take your vote back' };
    return { kind: 'refused', error: apiError(422, 'invalid_request', `the vote is not valid: ${problem.path || 'body'}: ${problem.message}`, problem.hint, [problem]) };
  }
  const outcome = await services.repository.castVote({
    candidateId,
    voterId,
    value: VALUES[vote as keyof typeof VALUES],
    now: services.clock.now(),
    policy: services.voting,
  });
  switch (outcome.kind) {
    case 'cast':
      return {
        kind: 'cast',
        candidate: toCandidate(outcome.candidate),
        limit: {
          allowed: true,
          limit: votingLimit(services.voting),
          remaining: Math.max(0, services.voting.maxVotesPerWindow - outcome.window.votes),
          resetSeconds: outcome.window.resetSeconds,
        },
      };
    case 'unknown-candidate':
      return { kind: 'refused', error: candidateNotFound(candidateId) };
    case 'rate-limited':
      return {
        kind: 'refused',
        limit: { allowed: false, limit: votingLimit(services.voting), remaining: 0, resetSeconds: outcome.retryAfterSeconds },
        error: apiError(429, 'rate_limited', `you have cast ${services.voting.maxVotesPerWindow} votes in the last ${services.voting.windowSeconds} seconds, the most allowed`, `wait ${outcome.retryAfterSeconds} second${outcome.retryAfterSeconds === 1 ? '' : 's'} (see Retry-After), then vote again`),
      };
    default:
      throw new Error(`[Atelier] unknown vote outcome ${JSON.stringify(outcome satisfies never)}`);
  }
}

function votingLimit(voting: VotingPolicy): RateLimit {
  return { max: voting.maxVotesPerWindow, windowSeconds: voting.windowSeconds };
}

/** The 404 of an id that names no candidate. */
export function candidateNotFound(id: string): ApiError {
  return apiError(404, 'not_found', `there is no candidate "${id}"`, 'use an "id" listed by GET /api/candidates');
}
