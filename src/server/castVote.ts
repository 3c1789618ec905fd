import { apiError, type ApiError } from './apiError.ts';
import { candidatesUnder, type Candidate } from './candidate.ts';
import type { Catalog } from './catalog.ts';
import type { Problem } from '../domain/index.ts';
import { VOTE_VALUES, type VoteRequest } from '../domain/requests/index.ts';
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
  /** The current rules, to flag a design they no longer allow. */
  readonly catalog: Pick<Catalog, 'current'>;
}

/**
 * The candidate with its new counts and the voter's count against the rate limit, or why the
 * vote was refused (with a Retry-After for 429).
 */
export type CastVoteResult =
  | { readonly kind: 'cast'; readonly candidate: Candidate; readonly limit: RateLimitVerdict }
  | { readonly kind: 'refused'; readonly error: ApiError; readonly limit?: RateLimitVerdict };

/**
 * Casts a voter's vote on a candidate, `{ "vote": "up" | "down" | "none" }` as the domain's
 * `voteRequestSchema` checked it:
 * one vote per voter per candidate, a second replaces the first, "none" removes it. Over the rate
 * limit the vote is refused (429, nothing written); in a burst it is stored flagged.
 */
export async function castVote(services: VoteServices, candidateId: string, voterId: string, { vote }: VoteRequest): Promise<CastVoteResult> {
  const outcome = await services.repository.castVote({
    candidateId,
    voterId,
    value: VOTE_VALUES[vote],
    now: services.clock.now(),
    policy: services.voting,
  });
  switch (outcome.kind) {
    case 'cast':
      return {
        kind: 'cast',
        candidate: candidatesUnder(services.catalog)(outcome.candidate),
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

/** The 422 of a vote whose shape the schema refused: the first problem, with its own hint. */
export function invalidVote(problems: readonly Problem[]): ApiError {
  const problem = problems[0] ?? { path: '', message: 'the vote is not valid', hint: 'send {"vote":"up"}' };
  return apiError(422, 'invalid_request', `the vote is not valid: ${problem.path || 'body'}: ${problem.message}`, problem.hint, [problem]);
}

/** The 404 of an id that names no candidate. */
export function candidateNotFound(id: string): ApiError {
  return apiError(404, 'not_found', `there is no candidate "${id}"`, 'use an "id" listed by GET /api/candidates');
}
