import { apiError, type ApiError } from './apiError.ts';
import { checkRateLimit, describeRateLimit, describeWait, type RateLimitVerdict } from './checkRateLimit.ts';
import type { Context } from 'hono';
import type { ClientConnection } from './clientAddress.ts';
import type { RateLimit } from './clientLimits.ts';
import type { Clock } from './clock.ts';
import type { Repository } from './repository.ts';
import type { VoterCookies } from './voterCookie.ts';

/**
 * The voter of a request: one who came with a valid voter cookie (`known`), one issued a new id
 * now (`issued`, with the cookie to send and the count of new ids from the client's address), or
 * none, because the address was given all the new ids it may have for now (`refused`).
 */
export type Voter =
  | { readonly kind: 'known'; readonly voterId: string }
  | { readonly kind: 'issued'; readonly voterId: string; readonly setCookie: string; readonly verdict: RateLimitVerdict }
  | { readonly kind: 'refused'; readonly verdict: RateLimitVerdict };

/** What identifying voters needs. */
export interface VoterServices {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly voters: VoterCookies;
  /** How many new voter ids one client address may be given. */
  readonly voterIds: RateLimit;
}

/**
 * The voter of a request from its voter cookie; a request without a valid voter cookie is
 * issued a new id, counted against the client address's limit (`voter-ids`), with the cookie's
 * Secure flag when the client is on HTTPS.
 */
export async function identifyVoter(services: VoterServices, c: Context, client: ClientConnection): Promise<Voter> {
  const known = await services.voters.read(c);
  if (known !== undefined) return { kind: 'known', voterId: known };
  const verdict = await checkRateLimit(services.repository, 'voter-ids', services.voterIds, client.limitKey, services.clock.now());
  if (!verdict.allowed) return { kind: 'refused', verdict };
  return { kind: 'issued', ...(await services.voters.issue(client.secure)), verdict };
}

/** The 403 of a vote that came without a voter cookie issued on an earlier request. */
export function voterCookieRequired(): ApiError {
  return apiError(403, 'voter_cookie_required',
    'a vote counts only from a visitor who already has the gallery\'s voter cookie, and this request came without one (or with one this shop did not sign)',
    'enable cookies for this site and open the gallery (GET /api/candidates) before voting; this response sets the cookie, so voting again now works when cookies are on');
}

/** The 429 of a request that needs a new voter id when the client's address has had all it may. */
export function tooManyNewVoters(verdict: RateLimitVerdict): ApiError {
  return apiError(429, 'rate_limited',
    `too many new visitors from your network: the shop gives one address at most ${describeRateLimit(verdict.limit, 'new voter ids')}`,
    `if you have been to the gallery before, enable cookies for this site so that it knows you; otherwise wait ${describeWait(verdict.resetSeconds)} (see Retry-After) and try again`);
}
