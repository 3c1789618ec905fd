// Webhooks in SQL (migration 009): the endpoints, and the deliveries of the outbox's events to
// them, taken by workers under a lease and tried until delivered or given up, every attempt logged
// (tables `webhook_endpoints`, `outbox_events`, `webhook_deliveries`, `webhook_attempts`). The
// events and their first deliveries are written by what causes them: an order's by `orderStore.ts`.
import type { WebhookEvent } from '../../domain/index.ts';
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import type { DueDelivery, WebhookDelivery, WebhookEndpoint } from '../staffRecords.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that stores webhook endpoints and delivers the outbox. */
export type WebhookStore = Pick<
  Repository,
  'createWebhookEndpoint' | 'listWebhookEndpoints' | 'disableWebhookEndpoint' | 'claimDueDeliveries' | 'recordDeliveryAttempt' | 'listDeliveries' | 'redeliver'
>;

/** The columns of a delivery `d` and its event `e`, as {@link DeliveryRow}. */
const DELIVERY_COLUMNS = `d.seq::text AS seq, e.id AS event_id, e.type AS event_type, e.subject, d.endpoint_id, d.status, d.attempts,
  ${isoText('d.next_attempt_at')} AS next_attempt_at, ${isoText('d.last_attempt_at')} AS last_attempt_at, d.last_status_code, d.last_error,
  ${isoText('d.created_at')} AS created_at`;

interface DeliveryRow {
  seq: string;
  event_id: string;
  event_type: WebhookEvent;
  subject: string;
  endpoint_id: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
}

interface EndpointRow {
  id: string;
  url: string;
  /** JSON text: arrays come back alike from both drivers that way. */
  events: string;
  description: string;
  secret: string;
  created_at: string;
  disabled_at: string | null;
}

/**
 * Takes the due deliveries (see {@link WebhookStore.claimDueDeliveries}). `due` locks the rows it
 * picks with SKIP LOCKED, so two workers asking at once take different deliveries rather than
 * waiting on each other; a delivery another worker leased and committed meanwhile is re-checked
 * against `next_attempt_at <= now` once its lock is released, and left out. The lease is the new
 * `next_attempt_at`: a worker that dies with a delivery lets it come due again when it ends.
 *
 * Events of one subject reach an endpoint in order: a delivery waits while an earlier event (a
 * smaller event seq) of the same subject to the same endpoint is not delivered. That includes an
 * earlier delivery that failed for good: it holds the later ones back until an admin redelivers
 * it (and it is delivered), rather than letting a receiver see a later state without the earlier one.
 */
const CLAIM_DUE_DELIVERIES = `
  WITH due AS (
    SELECT d.seq
    FROM webhook_deliveries d
    JOIN outbox_events e ON e.seq = d.event_seq
    JOIN webhook_endpoints w ON w.id = d.endpoint_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= $1::text::timestamptz AND w.disabled_at IS NULL
      AND NOT EXISTS (
        SELECT 1
        FROM outbox_events earlier_event
        JOIN webhook_deliveries earlier ON earlier.event_seq = earlier_event.seq
        WHERE earlier_event.subject = e.subject AND earlier_event.seq < e.seq
          AND earlier.endpoint_id = d.endpoint_id AND earlier.status <> 'delivered')
    ORDER BY d.event_seq, d.seq
    LIMIT $2
    FOR UPDATE OF d SKIP LOCKED
  ), taken AS (
    UPDATE webhook_deliveries d SET next_attempt_at = $1::text::timestamptz + make_interval(secs => $3)
    FROM due WHERE d.seq = due.seq
    RETURNING d.*
  )
  SELECT ${DELIVERY_COLUMNS}, w.url, w.secret, e.data, ${isoText('e.created_at')} AS event_created_at
  FROM taken d
  JOIN outbox_events e ON e.seq = d.event_seq
  JOIN webhook_endpoints w ON w.id = d.endpoint_id
  ORDER BY d.event_seq, d.seq`;

/** The webhooks' statements over a client (PGlite or PostgreSQL). */
export function createWebhookStore(client: SqlClient): WebhookStore {
  return {
    async createWebhookEndpoint(endpoint) {
      await client.query(
        `INSERT INTO webhook_endpoints (id, url, events, description, secret, created_at)
         VALUES ($1, $2, $3::text[], $4, $5, $6::text::timestamptz)`,
        [endpoint.id, endpoint.url, [...new Set(endpoint.events)], endpoint.description, endpoint.secret, endpoint.createdAt.toISOString()],
      );
    },

    async listWebhookEndpoints() {
      const rows = await client.query<EndpointRow>(
        `SELECT id, url, array_to_json(events)::text AS events, description, secret, ${isoText('created_at')} AS created_at, ${isoText('disabled_at')} AS disabled_at
         FROM webhook_endpoints ORDER BY created_at, id`,
      );
      return rows.map(toEndpoint);
    },

    async disableWebhookEndpoint(id, now) {
      const rows = await client.query(
        'UPDATE webhook_endpoints SET disabled_at = $2::text::timestamptz WHERE id = $1 AND disabled_at IS NULL RETURNING id',
        [id, now.toISOString()],
      );
      return rows.length > 0;
    },

    async claimDueDeliveries(now, limit, leaseSeconds) {
      const rows = await client.query<DeliveryRow & { url: string; secret: string; data: Record<string, unknown> | string; event_created_at: string }>(
        CLAIM_DUE_DELIVERIES,
        [now.toISOString(), limit, leaseSeconds],
      );
      return rows.map((row): DueDelivery => ({
        ...toDelivery(row),
        url: row.url,
        secret: row.secret,
        data: typeof row.data === 'string' ? JSON.parse(row.data) as Record<string, unknown> : row.data,
        eventCreatedAt: row.event_created_at,
      }));
    },

    async recordDeliveryAttempt(attempt) {
      const at = attempt.at.toISOString();
      // The attempt's log line and the delivery's state in one statement. Delivered wins over a
      // next attempt; no next attempt and not delivered is failed for good.
      await client.query(
        `WITH logged AS (
           INSERT INTO webhook_attempts (delivery_seq, at, status_code, error, duration_ms)
           VALUES ($1::bigint, $2::text::timestamptz, $3::int, $4::text, $5::int)
         )
         UPDATE webhook_deliveries SET
           attempts = attempts + 1,
           status = CASE WHEN $6::boolean THEN 'delivered' WHEN $7::text IS NULL THEN 'failed' ELSE 'pending' END,
           next_attempt_at = CASE WHEN $6::boolean THEN NULL ELSE $7::text::timestamptz END,
           last_attempt_at = $2::text::timestamptz,
           last_status_code = $3::int,
           last_error = $4::text,
           delivered_at = CASE WHEN $6::boolean THEN $2::text::timestamptz ELSE delivered_at END
         WHERE seq = $1::bigint`,
        [attempt.seq, at, attempt.statusCode, attempt.error, Math.round(attempt.durationMs), attempt.delivered, attempt.nextAttemptAt?.toISOString() ?? null],
      );
    },

    async listDeliveries(endpointId, limit) {
      const rows = await client.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS}
         FROM webhook_deliveries d JOIN outbox_events e ON e.seq = d.event_seq
         WHERE d.endpoint_id = $1
         ORDER BY d.seq DESC
         LIMIT $2`,
        [endpointId, limit],
      );
      return rows.map(toDelivery);
    },

    async redeliver(seq, now) {
      // The attempts so far are kept: the log shows the redelivery as one more attempt.
      const rows = await client.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2::text::timestamptz WHERE seq = $1::bigint RETURNING seq`,
        [seq, now.toISOString()],
      );
      return rows.length > 0;
    },
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    eventType: row.event_type,
    subject: row.subject,
    endpointId: row.endpoint_id,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    description: row.description,
    secret: row.secret,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}
