import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { generateSignedCookie, getSignedCookie } from 'hono/cookie';

/** The name of the cookie that identifies a voter. */
export const VOTER_COOKIE = 'atelier_voter';

/** A year: voters keep their identity (and their votes' `myVote`) across visits. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** A voter id as {@link VoterCookies.issue} makes them: 16 random bytes, base64url. */
const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;

/** A newly issued voter id and the `Set-Cookie` header that hands it to the client. */
export interface IssuedVoter {
  readonly voterId: string;
  readonly setCookie: string;
}

/** Reads and issues signed voter cookies. */
export interface VoterCookies {
  /**
   * The voter id of a request's voter cookie, when it holds one this server signed; undefined
   * when the cookie is missing, malformed or tampered with.
   */
  read(c: Context): Promise<string | undefined>;
  /** A new random voter id and its cookie; `secure` adds the Secure attribute (for clients on HTTPS). */
  issue(secure: boolean): Promise<IssuedVoter>;
}

/**
 * Signed voter cookies with Hono's cookie helper (`hono/cookie`): a random id and its HMAC-SHA256
 * under the server's secret (`<id>.<base64 signature>`, URL-encoded, checked by WebCrypto's
 * `verify`), so a client cannot choose its id (and so cannot vote as another voter or pick fresh
 * ids without asking the server for them, which the server limits per client address). The cookie
 * is HttpOnly, SameSite=Lax and Path=/. Cookies of the earlier hand-made format (a base64url
 * signature) do not parse as Hono's: their holders are issued new voter ids.
 *
 * @example
 * const voters = createVoterCookies(process.env.ATELIER_VOTER_SECRET!);
 * const voterId = (await voters.read(c)) ?? (await voters.issue(false)).voterId;
 */
export function createVoterCookies(secret: string): VoterCookies {
  if (secret.length < 16) throw new Error(`[Atelier] the voter secret must have at least 16 characters, not ${secret.length}`);
  return {
    async read(c) {
      const voterId = await getSignedCookie(c, secret, VOTER_COOKIE);
      return typeof voterId === 'string' && VOTER_ID.test(voterId) ? voterId : undefined;
    },
    async issue(secure) {
      const voterId = randomBytes(16).toString('base64url');
      const setCookie = await generateSignedCookie(VOTER_COOKIE, voterId, secret, { maxAge: MAX_AGE_SECONDS, path: '/', httpOnly: true, sameSite: 'Lax', secure });
      return { voterId, setCookie };
    },
  };
}
