/** At most `max` requests per client in a fixed window of `windowSeconds`. */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * The limits per client address (an IPv4 address, or an IPv6 /64), counted in the database so
 * that they hold across every server process: new voter ids handed out (each is one more vote on
 * every design, so these are what buying votes needs), and gallery submissions (every attempt,
 * refused ones included: each costs a revalidation).
 */
export interface ClientLimits {
  readonly voterIds: RateLimit;
  readonly submissions: RateLimit;
}

/** 30 new voters and 20 submissions an hour per address: a family, a shop floor or a small office behind one address fits. */
export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  voterIds: { max: 30, windowSeconds: 3600 },
  submissions: { max: 20, windowSeconds: 3600 },
};

/** The environment variables that set the limits, per hour. */
export const CLIENT_LIMIT_VARIABLES = {
  voterIds: 'ATELIER_VOTER_IDS_PER_HOUR',
  submissions: 'ATELIER_SUBMISSIONS_PER_HOUR',
} as const satisfies Record<keyof ClientLimits, string>;

/**
 * The limits from `ATELIER_VOTER_IDS_PER_HOUR` and `ATELIER_SUBMISSIONS_PER_HOUR` (whole numbers
 * from 1), each left at its default when unset. Throws, naming the variable, on any other value.
 *
 * @example
 * clientLimitsFromEnv({ ATELIER_SUBMISSIONS_PER_HOUR: '5' }).submissions; // { max: 5, windowSeconds: 3600 }
 */
export function clientLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ClientLimits {
  const read = (key: keyof ClientLimits): RateLimit => {
    const name = CLIENT_LIMIT_VARIABLES[key];
    const text = env[name]?.trim();
    if (!text) return DEFAULT_CLIENT_LIMITS[key];
    const max = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(max) || max < 1) {
      throw new Error(`[Atelier] ${name} must be a whole number of at least 1, not "${text}" (default ${DEFAULT_CLIENT_LIMITS[key].max}; a benchmark sets e.g. ${name}=1000000)`);
    }
    return { max, windowSeconds: 3600 };
  };
  return { voterIds: read('voterIds'), submissions: read('submissions') };
}
