import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The name of the cookie that identifies a voter. */
export const VOTER_COOKIE = 'atelier_voter';

/** A year: voters keep their identity (and their votes' `myVote`) across visits. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** `<22 characters of random id>.<43 characters of HMAC>`, both base64url. */
const COOKIE_VALUE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** A newly issued voter id and the `Set-Cookie` header that hands it to the client. */
export interface IssuedVoter {
  readonly voterId: string;
  readonly setCookie: string;
}

/** Reads and issues signed voter cookies. */
export interface VoterCookies {
  /**
   * The voter id of a request's `Cookie` header, when it holds a voter cookie this server signed;
   * undefined when the cookie is missing, malformed or tampered with.
   */
  read(cookieHeader: string | undefined): string | undefined;
  /** A new random voter id and its cookie; `secure` adds the Secure attribute (for clients on HTTPS). */
  issue(secure: boolean): IssuedVoter;
}

/**
 * Signed voter cookies: a random id and its HMAC-SHA256 under the server's secret, so a client
 * cannot choose its id (and so cannot vote as another voter or pick fresh ids without asking the
 * server for them, which the server limits per client address). The cookie is HttpOnly,
 * SameSite=Lax and Path=/.
 *
 * @example
 * const voters = createVoterCookies(process.env.ATELIER_VOTER_SECRET!);
 * const voterId = voters.read(request.headers.get('cookie') ?? undefined) ?? voters.issue(false).voterId;
 */
export function createVoterCookies(secret: string): VoterCookies {
  if (secret.length < 16) throw new Error(`[Atelier] the voter secret must have at least 16 characters, not ${secret.length}`);
  const sign = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  return {
    read(cookieHeader) {
      const match = COOKIE_VALUE.exec(readCookie(cookieHeader, VOTER_COOKIE) ?? '');
      if (!match) return undefined;
      const expected = Buffer.from(sign(match[1]!));
      const sent = Buffer.from(match[2]!);
      return expected.length === sent.length && timingSafeEqual(expected, sent) ? match[1]! : undefined;
    },
    issue(secure) {
      const voterId = randomBytes(16).toString('base64url');
      const attributes = `Max-Age=${MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
      return { voterId, setCookie: `${VOTER_COOKIE}=${voterId}.${sign(voterId)}; ${attributes}` };
    },
  };
}

/** The value of a cookie in a `Cookie` header (the first, if it is sent twice). */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}
