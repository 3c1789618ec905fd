// The designers' review in SQL (migration 016): the review queue (candidates over a threshold and
// shortlisted designs, tables `candidates`, `design_reviews`), decisions, gallery moderation
// (`candidates.hidden`) and the creators' credits (`candidate_creators`, `design_credits`).
import type { Repository } from '../repository.ts';
import type { DesignCredit, ReviewQueueRow, ReviewStatus } from '../reviewRecords.ts';
import type { SqlClient } from '../sqlClient.ts';
import { selectCandidates } from './candidateStore.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that keeps the designers' review. */
export type ReviewStore = Pick<Repository, 'shortlistDesign' | 'decideDesign' | 'setCandidateHidden' | 'listReviewQueue' | 'recordDesignCredit' | 'listDesignCredits'>;

interface QueueRow {
  product_id: string;
  design_key: string;
  orders: number;
  candidate_seq: string | null;
  shortlisted_at: string | null;
  shortlisted_by: string | null;
  shortlist_note: string | null;
  status: ReviewStatus | null;
  reason: string | null;
  note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  creator_name: string | null;
}

interface CreditRow {
  seq: string;
  order_id: string;
  order_number: string;
  product_id: string;
  design_key: string;
  candidate_id: string;
  display_name: string;
  email: string | null;
  currency: string;
  order_total: string;
  rate: string;
  amount: string;
  created_at: string;
}

const CREDIT_COLUMNS = `seq::text AS seq, order_id, order_number, product_id, design_key, candidate_id, display_name, email, currency,
  order_total::text AS order_total, rate::text AS rate, amount::text AS amount, ${isoText('created_at')} AS created_at`;

/** The review's statements over a client (PGlite or PostgreSQL). */
export function createReviewStore(client: SqlClient): ReviewStore {
  return {
    async shortlistDesign(entry) {
      // Shortlisting again keeps the first shortlisting and any decision.
      await client.query(
        `INSERT INTO design_reviews (product_id, design_key, shortlisted_at, shortlisted_by, note) VALUES ($1, $2, $3::text::timestamptz, $4, $5)
         ON CONFLICT (product_id, design_key) DO UPDATE SET shortlisted_at = coalesce(design_reviews.shortlisted_at, excluded.shortlisted_at),
           shortlisted_by = coalesce(design_reviews.shortlisted_by, excluded.shortlisted_by)`,
        [entry.productId, entry.designKey, entry.at.toISOString(), entry.by, entry.note],
      );
    },

    async decideDesign(decision) {
      await client.query(
        `INSERT INTO design_reviews (product_id, design_key, status, reason, note, decided_at, decided_by) VALUES ($1, $2, $3, $4, $5, $6::text::timestamptz, $7)
         ON CONFLICT (product_id, design_key) DO UPDATE SET status = excluded.status, reason = excluded.reason, note = excluded.note,
           decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
        [decision.productId, decision.designKey, decision.status, decision.reason, decision.note, decision.at.toISOString(), decision.by],
      );
    },

    async setCandidateHidden(candidateId, hidden) {
      const rows = await client.query('UPDATE candidates SET hidden = $2 WHERE public_id = $1 RETURNING seq', [candidateId, hidden]);
      return rows.length > 0;
    },

    async listReviewQueue(query) {
      const { minSupporters, minScore, minOrders } = query.thresholds;
      // Candidates over any threshold, and every design with a review row (shortlisted or decided).
      // The order counts read orders_by_design, one index range per candidate.
      const rows = await client.query<QueueRow>(
        `WITH queued AS (
           SELECT c.product_id, c.canonical_key AS design_key FROM candidates c
           WHERE ($1::text IS NULL OR c.product_id = $1)
             AND (c.up_votes >= $2 OR c.score >= $3
               OR (SELECT count(*) FROM orders o WHERE o.product_id = c.product_id AND o.canonical_key = c.canonical_key) >= $4)
           UNION
           SELECT product_id, design_key FROM design_reviews WHERE $1::text IS NULL OR product_id = $1
         )
         SELECT q.product_id, q.design_key,
           (SELECT count(*)::int FROM orders o WHERE o.product_id = q.product_id AND o.canonical_key = q.design_key) AS orders,
           c.seq::text AS candidate_seq,
           ${isoText('r.shortlisted_at')} AS shortlisted_at, r.shortlisted_by, CASE WHEN r.decided_at IS NULL THEN r.note END AS shortlist_note,
           r.status, r.reason, r.note, ${isoText('r.decided_at')} AS decided_at, r.decided_by,
           (SELECT cc.display_name FROM candidate_creators cc WHERE cc.candidate_seq = c.seq) AS creator_name
         FROM queued q
         LEFT JOIN design_reviews r ON r.product_id = q.product_id AND r.design_key = q.design_key
         LEFT JOIN candidates c ON c.product_id = q.product_id AND c.canonical_key = q.design_key
         WHERE coalesce(r.status, 'pending') = ANY(string_to_array($5, ','))
         ORDER BY coalesce(r.decided_at, r.shortlisted_at, c.created_at) DESC, q.design_key
         LIMIT $6`,
        [query.productId ?? null, minSupporters, minScore, minOrders, query.statuses.join(','), query.limit],
      );
      const seqs = rows.flatMap((row) => (row.candidate_seq === null ? [] : [row.candidate_seq]));
      const candidates = seqs.length === 0 ? [] : await selectCandidates(client, { where: 'c.seq = ANY(string_to_array($2, \',\')::bigint[])', params: [seqs.join(',')], viewer: undefined });
      const bySeq = new Map(candidates.map((candidate) => [String(candidate.seq), candidate]));
      return rows.map((row): ReviewQueueRow => ({
        productId: row.product_id,
        designKey: row.design_key,
        orders: Number(row.orders),
        candidate: row.candidate_seq === null ? null : bySeq.get(row.candidate_seq) ?? null,
        shortlisted: row.shortlisted_at ? { at: row.shortlisted_at, by: row.shortlisted_by ?? '', note: row.shortlist_note ?? '' } : null,
        status: row.status ?? 'pending',
        decision: row.decided_at ? { reason: row.reason ?? '', note: row.note ?? '', at: row.decided_at, by: row.decided_by ?? '' } : null,
        creatorName: row.creator_name,
      }));
    },

    async recordDesignCredit(order, rate) {
      // Only an approved design with a named creator earns a credit; an order is credited once.
      const rows = await client.query<CreditRow>(
        `INSERT INTO design_credits (order_id, order_number, product_id, design_key, candidate_id, display_name, email, currency, order_total, rate, amount, created_at)
         SELECT $1, $2, c.product_id, c.canonical_key, c.public_id, cc.display_name, cc.email, $5, $6::text::numeric, $7::text::numeric,
           round($6::text::numeric * $7::text::numeric, 2), $8::text::timestamptz
         FROM design_reviews r
         JOIN candidates c ON c.product_id = r.product_id AND c.canonical_key = r.design_key
         JOIN candidate_creators cc ON cc.candidate_seq = c.seq
         WHERE r.product_id = $3 AND r.design_key = $4 AND r.status = 'approved'
         ON CONFLICT (order_id) DO NOTHING
         RETURNING ${CREDIT_COLUMNS}`,
        [order.orderId, order.orderNumber, order.productId, order.designKey, order.currency, String(order.total), String(rate), order.createdAt.toISOString()],
      );
      return rows[0] ? toCredit(rows[0]) : undefined;
    },

    async listDesignCredits(limit, beforeSeq) {
      const rows = await client.query<CreditRow>(
        `SELECT ${CREDIT_COLUMNS} FROM design_credits WHERE $2::bigint IS NULL OR seq < $2::bigint ORDER BY seq DESC LIMIT $1`,
        [limit, beforeSeq ?? null],
      );
      return rows.map(toCredit);
    },
  };
}

function toCredit(row: CreditRow): DesignCredit {
  return {
    seq: Number(row.seq),
    orderId: row.order_id,
    orderNumber: row.order_number,
    productId: row.product_id,
    designKey: row.design_key,
    candidateId: row.candidate_id,
    displayName: row.display_name,
    email: row.email,
    currency: row.currency,
    orderTotal: Number(row.order_total),
    rate: Number(row.rate),
    amount: Number(row.amount),
    createdAt: row.created_at,
  };
}
