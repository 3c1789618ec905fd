// Votes on gallery candidates in SQL: one per voter and candidate, every cast logged, a per-voter
// limit per window (votes beyond a lower one stored flagged), and the candidate's counts and score
// recounted in the same transaction (tables `votes`, `vote_casts`).
import { wilsonLowerBound } from '../../domain/index.ts';
import type { CastVoteOutcome, NewVote, Repository, VoteWindow } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { selectCandidates } from './candidateStore.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that records votes. */
export type VoteStore = Pick<Repository, 'castVote'>;

/** The votes' statements over a client (PGlite or PostgreSQL). */
export function createVoteStore(client: SqlClient): VoteStore {
  return {
    castVote: (vote) => castVote(client, vote),
  };
}

/**
 * One vote, in one transaction. A per-voter advisory lock serialises a voter's votes, so that
 * concurrent requests cannot each see room under the rate limit; the candidate's row lock
 * serialises the votes on a candidate, so that its recounted totals are never stale.
 */
async function castVote(client: SqlClient, vote: NewVote): Promise<CastVoteOutcome> {
  const now = vote.now.toISOString();
  const outcome = await client.transaction(async (tx): Promise<CastVoteOutcome | { kind: 'recorded'; flagged: boolean; window: VoteWindow }> => {
    // Two-key form: its own key space, apart from the migrations' single-key lock.
    await tx.query('SELECT pg_advisory_xact_lock(4173, hashtext($1))', [vote.voterId]);
    const candidate = (await tx.query<{ seq: string }>('SELECT seq::text AS seq FROM candidates WHERE public_id = $1 FOR NO KEY UPDATE', [vote.candidateId]))[0];
    if (!candidate) return { kind: 'unknown-candidate' };
    // No upper bound at `now`: a cast stamped a moment later (by another server, or a request that
    // took the lock first) is in the window too, or votes waiting for the lock would slip past the limit.
    const recent = (await tx.query<{ n: number; oldest: string | null }>(
      `SELECT count(*)::int AS n, ${isoText('min(cast_at)')} AS oldest FROM vote_casts
       WHERE voter_id = $1 AND cast_at > $2::text::timestamptz - make_interval(secs => $3)`,
      [vote.voterId, now, vote.policy.windowSeconds],
    ))[0]!;
    const inWindow = Number(recent.n);
    if (inWindow >= vote.policy.maxVotesPerWindow) {
      const freesAt = new Date(recent.oldest!).getTime() + vote.policy.windowSeconds * 1000;
      return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((freesAt - vote.now.getTime()) / 1000)) };
    }
    const flagged = inWindow >= vote.policy.unflaggedVotesPerWindow;
    await tx.query(
      'INSERT INTO vote_casts (voter_id, cast_at, candidate_seq, value, flagged) VALUES ($1, $2::text::timestamptz, $3::bigint, $4, $5)',
      [vote.voterId, now, candidate.seq, vote.value, flagged],
    );
    if (vote.value === 0) {
      await tx.query('DELETE FROM votes WHERE candidate_seq = $1::bigint AND voter_id = $2', [candidate.seq, vote.voterId]);
    } else {
      // Repeating the same vote changes nothing: it keeps its time and its flag.
      await tx.query(
        `INSERT INTO votes (candidate_seq, voter_id, value, flagged, created_at, updated_at) VALUES ($1::bigint, $2, $3, $4, $5::text::timestamptz, $5::text::timestamptz)
         ON CONFLICT (candidate_seq, voter_id) DO UPDATE SET value = excluded.value, flagged = excluded.flagged, updated_at = excluded.updated_at
         WHERE votes.value <> excluded.value`,
        [candidate.seq, vote.voterId, vote.value, flagged, now],
      );
    }
    const counts = (await tx.query<{ up: number; down: number; flagged: number }>(
      `SELECT count(*) FILTER (WHERE value = 1 AND NOT flagged)::int AS up, count(*) FILTER (WHERE value = -1 AND NOT flagged)::int AS down,
         count(*) FILTER (WHERE flagged)::int AS flagged
       FROM votes WHERE candidate_seq = $1::bigint`,
      [candidate.seq],
    ))[0]!;
    const up = Number(counts.up);
    const down = Number(counts.down);
    await tx.query(
      'UPDATE candidates SET up_votes = $2, down_votes = $3, flagged_votes = $4, score = $5 WHERE seq = $1::bigint',
      [candidate.seq, up, down, Number(counts.flagged), wilsonLowerBound(up, up + down)],
    );
    const oldest = recent.oldest === null ? vote.now.getTime() : new Date(recent.oldest).getTime();
    const resetSeconds = Math.max(1, Math.ceil((oldest + vote.policy.windowSeconds * 1000 - vote.now.getTime()) / 1000));
    return { kind: 'recorded', flagged, window: { votes: inWindow + 1, resetSeconds } };
  });
  if (outcome.kind !== 'recorded') return outcome;
  const candidate = (await selectCandidates(client, { where: 'c.public_id = $2', params: [vote.candidateId], viewer: vote.voterId }))[0]!;
  return { kind: 'cast', candidate, flagged: outcome.flagged, window: outcome.window };
}
