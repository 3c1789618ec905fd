// Per-client rate limits in SQL: fixed windows counted by one atomic statement, so that several
// servers sharing a database count each hit once (table `rate_limit_windows`).
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { isoText } from './isoText.ts';

/** How many rate-limit hits (per process) between two deletions of ended windows. */
const PRUNE_EVERY = 1000;

/** The part of the {@link Repository} that counts rate-limit hits. */
export type RateLimitStore = Pick<Repository, 'countRateLimitHit'>;

/** The rate limits' statement over a client (PGlite or PostgreSQL); ended windows are deleted every {@link PRUNE_EVERY} hits. */
export function createRateLimitStore(client: SqlClient): RateLimitStore {
  let rateLimitHits = 0;
  return {
    async countRateLimitHit(hit) {
      const windowMs = hit.windowSeconds * 1000;
      const resetsAt = new Date((Math.floor(hit.now.getTime() / windowMs) + 1) * windowMs);
      // A server whose clock lags counts into the newer window rather than starting an older one.
      const rows = await client.query<{ hits: number; resets_at: string }>(
        `INSERT INTO rate_limit_windows AS w (limit_name, client, resets_at, hits) VALUES ($1, $2, $3::text::timestamptz, 1)
         ON CONFLICT (limit_name, client) DO UPDATE
           SET hits = CASE WHEN w.resets_at >= excluded.resets_at THEN w.hits + 1 ELSE 1 END, resets_at = greatest(w.resets_at, excluded.resets_at)
         RETURNING hits, ${isoText('resets_at')} AS resets_at`,
        [hit.name, hit.client, resetsAt.toISOString()],
      );
      if (++rateLimitHits % PRUNE_EVERY === 0) await client.query('DELETE FROM rate_limit_windows WHERE resets_at < $1::text::timestamptz', [hit.now.toISOString()]);
      return { hits: Number(rows[0]!.hits), resetsAt: new Date(rows[0]!.resets_at) };
    },
  };
}
