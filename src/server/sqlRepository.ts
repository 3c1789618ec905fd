import { wilsonLowerBound, type CatalogEntry, type DesignDocument } from '../domain/index.ts';
import type {
  CandidateQuery, CandidateSort, CastVoteOutcome, ExportCursor, NewOrder, NewVote, PlaceOrderOutcome, Repository, StoredArtwork, StoredCandidate, StoredImage, StoredOrder, VoteWindow,
} from './repository.ts';
import type { OrderRecord } from './serverOrder.ts';
import { groupCommit, type GroupCommitOptions, type Settled } from './groupCommit.ts';
import type { SqlClient, SqlExecutor } from './sqlClient.ts';

/** An instant as ISO 8601 in UTC with microseconds, the same text from both drivers. */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ORDER_COLUMNS = 'seq::text AS seq, public_id, idempotency_key, request_hash, document::text AS document, shipping_address::text AS shipping_address';

interface OrderRow {
  seq: string;
  public_id: string;
  idempotency_key: string;
  request_hash: string;
  document: string;
  shipping_address: string | null;
}

/**
 * The repository in SQL, written once for any {@link SqlClient}: PGlite in this process or a
 * PostgreSQL server. The schema comes from `migrations/` (see `applyMigrations`). Orders placed
 * concurrently are stored with group commit (see `groupCommit.ts`): each is still atomic with its
 * images and acknowledged only after its commit, but a busy server pays for one statement and one
 * commit per batch rather than per order.
 *
 * @example
 * const client = await createPgliteClient({ dataDir: './data' });
 * await applyMigrations(client);
 * const repository = createSqlRepository(client);
 */
export function createSqlRepository(client: SqlClient, options: Partial<GroupCommitOptions> = {}): Repository {
  const insertOrders = groupCommit((orders: readonly NewOrder[]) => insertBatch(client, orders), {
    maxBatch: options.maxBatch ?? 64,
    // PGlite runs one statement at a time; a server can write several batches on its connections.
    concurrency: options.concurrency ?? (client.kind === 'pglite' ? 1 : 4),
  });
  let rateLimitHits = 0;
  const placeOrder = async (order: NewOrder): Promise<PlaceOrderOutcome> => {
    const stored = await insertOrders(order);
    if (stored) return { kind: 'created', order: stored };
    // The key is taken: by an earlier request, or by a concurrent one that committed first.
    const existing = await findOrderBy(client, 'idempotency_key', order.idempotencyKey);
    if (!existing) throw new Error(`[Atelier] idempotency key "${order.idempotencyKey}" conflicted but no order holds it`);
    return { kind: 'existing', order: existing };
  };
  return {
    async publishCatalogEntry(entry, publishedAt) {
      await client.query(
        `INSERT INTO catalog_entries (product_id, rules_version, entry, published_at)
         VALUES ($1, $2, $3::text::json, $4::text::timestamptz)
         ON CONFLICT (product_id, rules_version) DO NOTHING`,
        [entry.product.id, entry.rulesVersion, JSON.stringify(entry), publishedAt.toISOString()],
      );
    },

    async findCatalogEntry(productId, rulesVersion) {
      const rows = await client.query<{ entry: string }>(
        'SELECT entry::text AS entry FROM catalog_entries WHERE product_id = $1 AND rules_version = $2',
        [productId, rulesVersion],
      );
      return rows[0] ? (JSON.parse(rows[0].entry) as CatalogEntry) : undefined;
    },

    async listRulesVersions(productId) {
      const rows = await client.query<{ rules_version: string; published_at: string }>(
        `SELECT rules_version, ${isoText('published_at')} AS published_at FROM catalog_entries
         WHERE product_id = $1 ORDER BY published_at, rules_version`,
        [productId],
      );
      return rows.map((row) => ({ rulesVersion: row.rules_version, publishedAt: row.published_at }));
    },

    findOrderByIdempotencyKey: (idempotencyKey) => findOrderBy(client, 'idempotency_key', idempotencyKey),

    placeOrder,

    findOrder: (id) => findOrderBy(client, 'public_id', id),

    async saveArtwork(artwork, createdAt) {
      await client.query(
        'INSERT INTO artworks (id, format, bytes, meta, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
        [artwork.meta.id, artwork.meta.format, artwork.bytes, JSON.stringify(artwork.meta), createdAt.toISOString()],
      );
    },

    async findArtworks(ids) {
      if (ids.length === 0) return [];
      const rows = await client.query<{ meta: StoredArtwork['meta'] | string; bytes: Uint8Array }>('SELECT meta, bytes FROM artworks WHERE id = ANY($1)', [[...ids]]);
      return rows.map((row) => ({ meta: typeof row.meta === 'string' ? JSON.parse(row.meta) as StoredArtwork['meta'] : row.meta, bytes: new Uint8Array(row.bytes) }));
    },

    async savePrintFile(orderId, zone, png, createdAt) {
      await client.query(
        `INSERT INTO print_files (order_seq, zone, bytes, created_at)
         SELECT seq, $2, $3, $4 FROM orders WHERE public_id = $1 ON CONFLICT (order_seq, zone) DO NOTHING`,
        [orderId, zone, png, createdAt.toISOString()],
      );
    },

    async findPrintFile(orderId, zone) {
      const rows = await client.query<{ bytes: Uint8Array }>(
        'SELECT p.bytes FROM print_files p JOIN orders o ON o.seq = p.order_seq WHERE o.public_id = $1 AND p.zone = $2',
        [orderId, zone],
      );
      return rows[0] ? new Uint8Array(rows[0].bytes) : undefined;
    },

    async findArtworkMetas(ids) {
      if (ids.length === 0) return [];
      const rows = await client.query<{ meta: StoredArtwork['meta'] | string }>('SELECT meta FROM artworks WHERE id = ANY($1)', [[...ids]]);
      return rows.map((row) => (typeof row.meta === 'string' ? JSON.parse(row.meta) as StoredArtwork['meta'] : row.meta));
    },

    async findOrderImage(id, position): Promise<StoredImage | undefined> {
      const rows = await client.query<{ content_type: string; bytes: Uint8Array }>(
        `SELECT i.content_type, i.bytes FROM order_images i JOIN orders o ON o.seq = i.order_seq
         WHERE o.public_id = $1 AND i.position = $2`,
        [id, position],
      );
      const row = rows[0];
      return row ? { contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : undefined;
    },

    async listOrdersSince(since, limit, cursor) {
      const after: ExportCursor = cursor ?? { createdAt: since.toISOString(), seq: 0 };
      const rows = await client.query<OrderRow & { created_at: string }>(
        `SELECT ${ORDER_COLUMNS}, ${isoText('created_at')} AS created_at FROM orders
         WHERE created_at >= $1::text::timestamptz AND (created_at, seq) > ($2::text::timestamptz, $3::bigint)
         ORDER BY created_at, seq LIMIT $4`,
        [since.toISOString(), after.createdAt, after.seq, limit],
      );
      const orders = rows.map(toStoredOrder);
      const last = rows.at(-1);
      return rows.length === limit && last ? { orders, next: { createdAt: last.created_at, seq: Number(last.seq) } } : { orders };
    },

    async countOrders() {
      const rows = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
      return Number(rows[0]?.n ?? 0);
    },

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
        where: query.productId === undefined ? 'true' : 'c.product_id = $2',
        params: query.productId === undefined ? [] : [query.productId],
        viewer: query.viewer,
        orderBy: CANDIDATE_ORDER[query.sort],
        limit: query.limit,
        ...(query.offset ? { offset: query.offset } : {}),
        now: query.now,
      });
    },

    castVote: (vote) => castVote(client, vote),

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

/** How many rate-limit hits (per process) between two deletions of ended windows. */
const PRUNE_EVERY = 1000;

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
}

/**
 * Candidates with their counts. `$1` is the viewer (for `my_vote`), `$2`… the caller's parameters;
 * the trending windows end at `now`. Counts of orders and up-votes are computed per candidate,
 * so the most-ordered and trending sorts read every candidate of the product (through indexes);
 * top and newest read their index in order and stop at the limit.
 */
async function selectCandidates(
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
       coalesce((SELECT v.value::int FROM votes v WHERE v.candidate_seq = c.seq AND v.voter_id = $1), 0) AS my_vote
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

/**
 * Inserts orders with their images in one statement: one transaction, committed before it returns.
 * NOT EXISTS keeps a plain retry from drawing a number from the order sequence; the unique key
 * (ON CONFLICT) settles retries that race. Orders are numbered in the order given. Returns, per
 * order, the stored order, or undefined when its key was already taken. When the statement fails,
 * each order is tried alone, so that one bad order fails by itself.
 */
async function insertBatch(client: SqlClient, orders: readonly NewOrder[]): Promise<Settled<StoredOrder | undefined>[]> {
  // Of requests with one key in the same batch, the first is inserted; the others find it.
  const keys = new Set<string>();
  const distinct = orders.filter((order) => !keys.has(order.idempotencyKey) && keys.add(order.idempotencyKey));
  try {
    const rows = await client.query<{ seq: string; public_id: string }>(INSERT_ORDERS, [JSON.stringify(distinct.map(toInsertRow))]);
    const seqById = new Map(rows.map((row) => [row.public_id, Number(row.seq)]));
    return orders.map((order) => {
      const seq = seqById.get(order.id);
      return { ok: true, value: seq === undefined ? undefined : { seq, id: order.id, idempotencyKey: order.idempotencyKey, requestHash: order.requestHash, record: order.record } };
    });
  } catch (error) {
    if (distinct.length === 1) return orders.map((order) => (order === distinct[0] ? { ok: false, error } : { ok: true, value: undefined }));
    const alone: Settled<StoredOrder | undefined>[] = [];
    for (const order of orders) alone.push(...(await insertBatch(client, [order])));
    return alone;
  }
}

/** One order as a row of the JSON the insert statement reads. */
function toInsertRow(order: NewOrder, ordinal: number) {
  const { shippingAddress, ...document } = order.record;
  const record = order.record;
  return {
    ordinal,
    public_id: order.id,
    idempotency_key: order.idempotencyKey,
    request_hash: order.requestHash,
    product_id: record.product.id,
    rules_version: record.rulesVersion,
    canonical_key: record.canonicalKey,
    status: record.status,
    document,
    shipping_address: shippingAddress ?? null,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    remix_of: record.remixOf ?? null,
    images: order.images.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')),
  };
}

// The orders come as one JSON parameter, so the statement's text is the same for any batch (one
// prepared statement). `document` is taken from the JSON text as it is, so it is stored as sent.
const INSERT_ORDERS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::text::json) AS input (
      ordinal int, public_id text, idempotency_key text, request_hash text, product_id text, rules_version text,
      canonical_key text, status text, document json, shipping_address json, created_at timestamptz, updated_at timestamptz, remix_of text, images json)
  ), new_orders AS (
    INSERT INTO orders (public_id, idempotency_key, request_hash, product_id, rules_version, canonical_key, status, document, shipping_address, created_at, updated_at, remix_of)
    SELECT public_id, idempotency_key, request_hash, product_id, rules_version, canonical_key, status, document, shipping_address, created_at, updated_at,
      (SELECT seq FROM candidates WHERE candidates.public_id = input.remix_of)
    FROM input
    WHERE NOT EXISTS (SELECT 1 FROM orders WHERE orders.idempotency_key = input.idempotency_key)
    ORDER BY ordinal
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING seq, public_id
  ), new_images AS (
    INSERT INTO order_images (order_seq, position, content_type, bytes)
    SELECT new_orders.seq, image.position, 'image/png', decode(image.base64, 'base64')
    FROM new_orders
    JOIN input USING (public_id)
    CROSS JOIN LATERAL json_array_elements_text(input.images) WITH ORDINALITY AS image (base64, position)
  )
  SELECT seq::text AS seq, public_id FROM new_orders`;

async function findOrderBy(db: SqlExecutor, column: 'idempotency_key' | 'public_id', value: string): Promise<StoredOrder | undefined> {
  const rows = await db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE ${column} = $1`, [value]);
  return rows[0] ? toStoredOrder(rows[0]) : undefined;
}

function toStoredOrder(row: OrderRow): StoredOrder {
  return {
    seq: Number(row.seq),
    id: row.public_id,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    record: row.shipping_address === null ? JSON.parse(row.document) as OrderRecord : { ...(JSON.parse(row.document) as OrderRecord), shippingAddress: JSON.parse(row.shipping_address) as OrderRecord['shippingAddress'] },
  };
}
