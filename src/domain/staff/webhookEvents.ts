/**
 * The events a shop's systems can be told of by webhook, and when a failed delivery is tried again.
 */

/** Events a webhook endpoint may subscribe to. `candidate.approved` comes with the designers' review. */
export const WEBHOOK_EVENTS = ['order.placed'] as const;

/** An event a webhook endpoint may subscribe to. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Whether a text names a webhook event. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** How many times a delivery is tried before it is given up (an admin can still redeliver it). */
export const MAX_DELIVERY_ATTEMPTS = 24;
const FIRST_RETRY_SECONDS = 10;
const LONGEST_RETRY_SECONDS = 6 * 60 * 60;

/**
 * The seconds to wait after the `attempts`-th failed attempt before the next one: 10 s, doubled
 * after every failure, at most 6 hours; `undefined` once {@link MAX_DELIVERY_ATTEMPTS} failed
 * (about 3 days and 5 hours after the first: a receiver down over a long weekend still gets its events). Deterministic, so the delivery log can say when the
 * next attempt comes.
 *
 * @example retryDelaySeconds(1) // 10
 * @example retryDelaySeconds(3) // 40
 */
export function retryDelaySeconds(attempts: number): number | undefined {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`[Atelier] retryDelaySeconds needs a count of failed attempts from 1, not ${attempts}`);
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return undefined;
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS);
}
