// Gallery candidates in SQL: submitted designs (one per product and canonical key, with every
// voter who submitted it), their pictures, and the gallery's pages with their counts and sorts
// (tables `candidates`, `candidate_submitters`; counts read `votes` and `orders`).
import type { DesignDocument } from '../../domain/index.ts';
import type { CandidateQuery, CandidateSort, Repository, StoredCandidate } from '../repository.ts';
import type { SqlClient, SqlExecutor } from '../sqlClient.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that stores gallery candidates. */
export type CandidateStore = Pick<
  Repository,
  'submitCandidate' | 'hasCandidate' | 'findCandidate' | 'findCandidateThumbnail' | 'saveCandidateThumbnail' | 'listCandidates'
>;

/** The candidates' statements over a client (PGlite or PostgreSQL). */
export function createCandidateStore(client: SqlClient): CandidateStore {
  return {
    async submitCandidate(candidate) {
      return client.transaction(async (tx) => {
        const inserted = await tx.query<{ seq: string }>(
          `INSERT INTO candidates (public_id, product_id, rules_version, canonical_key, design, title, thumbnail, remix_of, submitted_by, created_at)
           VALUES ($1, $2, $3, $4, $5::text::json, $6, $7, (SELECT seq FROM candidates WHERE public_id = $8), $9, $10::text::timestamptz)
           ON CONFLICT (product_id, canonical_key) DO NOTHING
           RETURNING seq::text AS seq`,
          [candidate.id, candidate.productId, candidate.rulesVersion, candidate.canonicalKey, JSON.stringify(candidate.design), candidate.title,
            candidate.thumbnail, candidate.remixOf ?? null, candidate.submittedBy, candidate.createdAt],
        );
        // Nothing inserted: the design has a candidate, stored earlier or by a concurrent request that committed first.
        const seq = inserted[0]?.seq ?? (await tx.query<{ seq: string }>(
          'SELECT seq::text AS seq FROM candidates WHERE product_id = $1 AND canonical_key = $2',
          [candidate.productId, candidate.canonicalKey],
        ))[0]?.seq;
        if (seq === undefined) throw new Error(`[Atelier] candidate "${candidate.canonicalKey}" conflicted but no candidate holds it`);
        await tx.query(
          `INSERT INTO candidate_submitters (candidate_seq, voter_id, submitted_at) VALUES ($1::bigint, $2, $3::text::timestamptz)
           ON CONFLICT (candidate_seq, voter_id) DO NOTHING`,
          [seq, candidate.submittedBy, candidate.createdAt],
        );
        // The first submitter who names a creator is the one credited; the email stays in this table only.
        if (candidate.creator) {
          await tx.query(
            `INSERT INTO candidate_creators (candidate_seq, display_name, email, created_at) VALUES ($1::bigint, $2, $3, $4::text::timestamptz)
             ON CONFLICT (candidate_seq) DO NOTHING`,
            [seq, candidate.creator.displayName, candidate.creator.email ?? null, candidate.createdAt],
          );
        }
        const stored = await selectCandidates(tx, { where: 'c.seq = $2::bigint', params: [seq], viewer: candidate.submittedBy });
        return { kind: inserted.length > 0 ? 'created' : 'joined', candidate: stored[0]! };
      });
    },

    async hasCandidate(id) {
      return (await client.query('SELECT 1 FROM candidates WHERE public_id = $1', [id])).length > 0;
    },

    async findCandidate(id, viewer) {
      return (await selectCandidates(client, { where: 'c.public_id = $2', params: [id], viewer }))[0];
    },

    async findCandidateThumbnail(id) {
      const rows = await client.query<{ thumbnail: Uint8Array | null }>('SELECT thumbnail FROM candidates WHERE public_id = $1', [id]);
      return rows[0]?.thumbnail ? { contentType: 'image/png', bytes: new Uint8Array(rows[0].thumbnail) } : undefined;
    },

    async saveCandidateThumbnail(id, png) {
      await client.query('UPDATE candidates SET thumbnail = $2 WHERE public_id = $1 AND thumbnail IS NULL', [id, png]);
    },

    async listCandidates(query: CandidateQuery) {
      return selectCandidates(client, {
        where: `${query.productId === undefined ? 'true' : 'c.product_id = $2'}${query.includeHidden ? '' : ' AND NOT c.hidden'}`,
        params: query.productId === undefined ? [] : [query.productId],
        viewer: query.viewer,
        orderBy: CANDIDATE_ORDER[query.sort],
        limit: query.limit,
        ...(query.offset ? { offset: query.offset } : {}),
        now: query.now,
      });
    },
  };
}

/** ORDER BY of each sort; see {@link CandidateSort} for what they mean. */
const CANDIDATE_ORDER: Readonly<Record<CandidateSort, string>> = {
  top: 'c.score DESC, c.up_votes DESC, c.seq DESC',
  'most-ordered': 'ord.total DESC, c.seq DESC',
  trending: '(ord.recent + up.recent) - (ord.previous + up.previous) DESC, ord.recent + up.recent DESC, c.seq DESC',
  newest: 'c.created_at DESC, c.seq DESC',
};

interface CandidateRow {
  seq: string;
  public_id: string;
  product_id: string;
  rules_version: string;
  canonical_key: string;
  design: string;
  title: string;
  remix_of: string | null;
  created_at: string;
  up_votes: number;
  down_votes: number;
  flagged_votes: number;
  orders: number;
  remixes: number;
  submitters: number;
  my_vote: number;
  hidden: boolean;
  co_created_by: string | null;
}

/**
 * Candidates with their counts. `$1` is the viewer (for `my_vote`), `$2`… the caller's parameters;
 * the trending windows end at `now`. Counts of orders and up-votes are computed per candidate,
 * so the most-ordered and trending sorts read every candidate of the product (through indexes);
 * top and newest read their index in order and stop at the limit.
 */
export async function selectCandidates(
  db: SqlExecutor,
  query: { where: string; params: readonly (string | number)[]; viewer: string | undefined; orderBy?: string; limit?: number; offset?: number; now?: Date },
): Promise<StoredCandidate[]> {
  const now = (query.now ?? new Date()).toISOString();
  const params = [query.viewer ?? null, ...query.params];
  const nowParam = `$${params.push(now)}::text::timestamptz`;
  const limit = query.limit === undefined ? '' : `LIMIT $${params.push(query.limit)}`;
  const offset = query.offset ? `OFFSET $${params.push(query.offset)}` : '';
  const rows = await db.query<CandidateRow>(
    `SELECT c.seq::text AS seq, c.public_id, c.product_id, c.rules_version, c.canonical_key, c.design::text AS design, c.title,
       r.public_id AS remix_of, ${isoText('c.created_at')} AS created_at, c.up_votes, c.down_votes, c.flagged_votes,
       ord.total AS orders,
       ((SELECT count(*) FROM candidates x WHERE x.remix_of = c.seq) + (SELECT count(*) FROM orders o WHERE o.remix_of = c.seq))::int AS remixes,
       (SELECT count(*)::int FROM candidate_submitters s WHERE s.candidate_seq = c.seq) AS submitters,
       coalesce((SELECT v.value::int FROM votes v WHERE v.candidate_seq = c.seq AND v.voter_id = $1), 0) AS my_vote,
       c.hidden,
       (SELECT cc.display_name FROM candidate_creators cc JOIN design_reviews dr ON dr.product_id = c.product_id AND dr.design_key = c.canonical_key AND dr.status = 'approved'
        WHERE cc.candidate_seq = c.seq) AS co_created_by
     FROM candidates c
     LEFT JOIN candidates r ON r.seq = c.remix_of
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
         count(*) FILTER (WHERE o.created_at >= ${nowParam} - interval '7 days' AND o.created_at < ${nowParam})::int AS recent,
         count(*) FILTER (WHERE o.created_at >= ${nowParam} - interval '14 days' AND o.created_at < ${nowParam} - interval '7 days')::int AS previous
       FROM orders o WHERE o.product_id = c.product_id AND o.canonical_key = c.canonical_key
     ) ord
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE v.updated_at >= ${nowParam} - interval '7 days')::int AS recent,
         count(*) FILTER (WHERE v.updated_at < ${nowParam} - interval '7 days')::int AS previous
       FROM votes v
       WHERE v.candidate_seq = c.seq AND v.value = 1 AND NOT v.flagged
         AND v.updated_at >= ${nowParam} - interval '14 days' AND v.updated_at < ${nowParam}
     ) up
     WHERE ${query.where}
     ORDER BY ${query.orderBy ?? 'c.seq'}
     ${limit} ${offset}`,
    params,
  );
  return rows.map(toStoredCandidate);
}

function toStoredCandidate(row: CandidateRow): StoredCandidate {
  const myVote = Number(row.my_vote);
  return {
    seq: Number(row.seq),
    id: row.public_id,
    productId: row.product_id,
    rulesVersion: row.rules_version,
    canonicalKey: row.canonical_key,
    design: JSON.parse(row.design) as DesignDocument,
    title: row.title,
    remixOf: row.remix_of,
    createdAt: row.created_at,
    upVotes: Number(row.up_votes),
    downVotes: Number(row.down_votes),
    flaggedVotes: Number(row.flagged_votes),
    orders: Number(row.orders),
    remixes: Number(row.remixes),
    submitters: Number(row.submitters),
    myVote: myVote === 1 || myVote === -1 ? myVote : 0,
    hidden: Boolean(row.hidden),
    coCreatedBy: row.co_created_by,
  };
}
