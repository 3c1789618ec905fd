// Orders in SQL: placed with group commit (each order atomic with its preview images and its
// `order.placed` event in the webhook outbox, a batch of concurrent orders in one statement and one
// commit), found by URL id or idempotency key, listed for the fulfilment export; and the print
// files rendered for them (tables `orders`, `order_images`, `print_files`; `outbox_events` and
// `webhook_deliveries` of migration 009, delivered by `webhookStore.ts`).
import { randomBytes } from 'node:crypto';
import type { ExportCursor, NewOrder, PlaceOrderOutcome, Repository, StoredImage, StoredOrder } from '../repository.ts';
import type { OrderRecord } from '../serverOrder.ts';
import { groupCommit, type GroupCommitOptions, type Settled } from '../groupCommit.ts';
import type { SqlClient, SqlExecutor } from '../sqlClient.ts';
import { isoText } from './isoText.ts';

const ORDER_COLUMNS = 'seq::text AS seq, public_id, idempotency_key, request_hash, document::text AS document, shipping_address::text AS shipping_address';

interface OrderRow {
  seq: string;
  public_id: string;
  idempotency_key: string;
  request_hash: string;
  document: string;
  shipping_address: string | null;
}

/** The part of the {@link Repository} that stores orders, their images and their print files. */
export type OrderStore = Pick<
  Repository,
  'findOrderByIdempotencyKey' | 'placeOrder' | 'findOrder' | 'findOrderImage' | 'listOrdersSince' | 'countOrders' | 'savePrintFile' | 'findPrintFile'
>;

/**
 * The orders' statements over a client (PGlite or PostgreSQL). Orders placed concurrently are
 * stored with group commit (see `groupCommit.ts`): each is still atomic with its images and
 * acknowledged only after its commit, but a busy server pays for one statement and one commit
 * per batch rather than per order.
 */
export function createOrderStore(client: SqlClient, options: Partial<GroupCommitOptions> = {}): OrderStore {
  const insertOrders = groupCommit((orders: readonly NewOrder[]) => insertBatch(client, orders), {
    maxBatch: options.maxBatch ?? 64,
    // PGlite runs one statement at a time; a server can write several batches on its connections.
    concurrency: options.concurrency ?? (client.kind === 'pglite' ? 1 : 4),
  });
  const placeOrder = async (order: NewOrder): Promise<PlaceOrderOutcome> => {
    const stored = await insertOrders(order);
    if (stored) return { kind: 'created', order: stored };
    // The key is taken: by an earlier request, or by a concurrent one that committed first.
    const existing = await findOrderBy(client, 'idempotency_key', order.idempotencyKey);
    if (!existing) throw new Error(`[Atelier] idempotency key "${order.idempotencyKey}" conflicted but no order holds it`);
    return { kind: 'existing', order: existing };
  };
  return {
    findOrderByIdempotencyKey: (idempotencyKey) => findOrderBy(client, 'idempotency_key', idempotencyKey),

    placeOrder,

    findOrder: (id) => findOrderBy(client, 'public_id', id),

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
  };
}

/**
 * Inserts orders with their images and their `order.placed` events (with a delivery per subscribed
 * endpoint) in one statement: one transaction, committed before it returns. NOT EXISTS keeps a
 * plain retry from drawing a number from the order sequence; the unique key (ON CONFLICT) settles
 * retries that race, and an order not inserted writes no event. Orders are numbered in the order
 * given. Returns, per order, the stored order, or undefined when its key was already taken. When
 * the statement fails, each order is tried alone, so that one bad order fails by itself.
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
    // Drawn per attempt: an order tried again alone after its batch failed gets a fresh one.
    event_id: `evt_${randomBytes(16).toString('base64url')}`,
    images: order.images.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')),
  };
}

// The orders come as one JSON parameter, so the statement's text is the same for any batch (one
// prepared statement). `document` is taken from the JSON text as it is, so it is stored as sent.
// Each order's `order.placed` event and its deliveries are written by the same statement, so that
// no crash can leave an order without its event or an event without its order; they are read from
// `new_orders`, so an order whose key was taken (a retry) writes none. Its deliveries go to every
// endpoint enabled and subscribed now, due at once (the order's creation time).
const INSERT_ORDERS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::text::json) AS input (
      ordinal int, public_id text, idempotency_key text, request_hash text, product_id text, rules_version text,
      canonical_key text, status text, document json, shipping_address json, created_at timestamptz, updated_at timestamptz, remix_of text,
      event_id text, images json)
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
  ), new_events AS (
    INSERT INTO outbox_events (id, type, subject, data, created_at)
    SELECT input.event_id, 'order.placed', new_orders.public_id, jsonb_build_object('orderId', new_orders.public_id), input.created_at
    FROM new_orders
    JOIN input USING (public_id)
    ORDER BY new_orders.seq
    RETURNING seq, created_at
  ), new_deliveries AS (
    INSERT INTO webhook_deliveries (event_seq, endpoint_id, status, attempts, next_attempt_at, created_at)
    SELECT new_events.seq, endpoint.id, 'pending', 0, new_events.created_at, new_events.created_at
    FROM new_events
    JOIN webhook_endpoints endpoint ON endpoint.disabled_at IS NULL AND 'order.placed' = ANY (endpoint.events)
    ORDER BY new_events.seq, endpoint.created_at, endpoint.id
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
