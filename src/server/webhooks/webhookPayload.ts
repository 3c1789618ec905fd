// The body of a webhook delivery: what happened, when, and the order as anyone holding its link
// sees it. Contacts and addresses never travel in a webhook (a receiver's logs are not ours to
// protect); the receiver fetches the full order with a fulfilment API token.
import type { WebhookEvent } from '../../domain/index.ts';
import { publicOrderView, type PublicServerOrder } from '../publicOrder.ts';
import type { Repository } from '../repository.ts';
import { toServerOrder } from '../serverOrder.ts';
import type { DueDelivery } from '../staffRecords.ts';

/**
 * The body of an `order.placed` delivery. Published as JSON Schema at
 * `public/schemas/webhook-order-placed.schema.json`.
 *
 * @example
 * { type: 'order.placed', timestamp: '2026-11-25T12:00:00.000Z',
 *   data: { orderId: '3f0c…', orderNumber: 'ATL-000123', url: '/api/orders/3f0c…', order: { …, contact: { masked: true, … } } } }
 */
export interface OrderPlacedPayload {
  readonly type: 'order.placed';
  /** When the event happened (the order was stored), ISO 8601: the same on every attempt. */
  readonly timestamp: string;
  readonly data: {
    readonly orderId: string;
    readonly orderNumber: string;
    /** Where the full order is read, with a fulfilment API token: `/api/orders/<id>`. */
    readonly url: string;
    /** The order as `GET /api/orders/:id` shows it without a token: contact and address masked. */
    readonly order: PublicServerOrder;
  };
}

/** The body of a delivery, by its event type. */
export type WebhookPayload = OrderPlacedPayload;

/** A body built, or why it could not be (one line, no personal data): the attempt then counts as failed. */
export type WebhookPayloadOutcome =
  | { readonly ok: true; readonly payload: WebhookPayload }
  | { readonly ok: false; readonly reason: string };

/** The event a body is built from: as the outbox stored it. */
export type WebhookEventRecord = Pick<DueDelivery, 'eventType' | 'data' | 'eventCreatedAt'>;

/**
 * Builds the body of a delivery from the repository, at the time of the attempt. Orders never
 * change once stored, so every attempt of an event sends the same order.
 *
 * @example
 * const outcome = await webhookPayload(repository, delivery);
 * if (outcome.ok) body = JSON.stringify(outcome.payload);
 */
export async function webhookPayload(repository: Pick<Repository, 'findOrder'>, event: WebhookEventRecord): Promise<WebhookPayloadOutcome> {
  // A switch over the domain's events: a new event type fails to compile here until it has a body.
  const type: WebhookEvent = event.eventType;
  switch (type) {
    case 'order.placed':
      return orderPlacedPayload(repository, event);
    default:
      return unknownEvent(type);
  }
}

async function orderPlacedPayload(repository: Pick<Repository, 'findOrder'>, event: WebhookEventRecord): Promise<WebhookPayloadOutcome> {
  const orderId = event.data.orderId;
  if (typeof orderId !== 'string' || orderId === '') return { ok: false, reason: 'the order.placed event names no order id' };
  const stored = await repository.findOrder(orderId);
  if (!stored) return { ok: false, reason: 'the order of the event is not stored' };
  const order = publicOrderView(toServerOrder(stored.seq, stored.id, stored.record));
  return {
    ok: true,
    payload: {
      type: 'order.placed',
      timestamp: new Date(event.eventCreatedAt).toISOString(),
      data: { orderId: order.id, orderNumber: order.orderNumber, url: `/api/orders/${encodeURIComponent(order.id)}`, order },
    },
  };
}

/** An event this server cannot describe (written by a newer version sharing the database): retried, perhaps by that version. */
function unknownEvent(type: never): WebhookPayloadOutcome {
  return { ok: false, reason: `this server does not know the event type ${JSON.stringify(String(type)).slice(0, 60)}` };
}
