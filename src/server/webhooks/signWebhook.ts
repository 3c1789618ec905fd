// Standard Webhooks signing (https://www.standardwebhooks.com): what lets a receiver tell our
// deliveries from anyone else's POSTs, and a replayed old one from a fresh one.
import { createHmac, randomBytes } from 'node:crypto';

/** The prefix of a webhook secret in the Standard Webhooks form. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The headers that sign one delivery attempt. */
export interface WebhookSignatureHeaders {
  /** The event's id (`evt_…`): the same on every attempt, so receivers can drop repeats. */
  readonly 'webhook-id': string;
  /** Unix seconds of this attempt: receivers refuse old ones, so a captured request cannot be replayed later. */
  readonly 'webhook-timestamp': string;
  /** `v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`. */
  readonly 'webhook-signature': string;
}

/** What one signature covers. */
export interface WebhookToSign {
  /** The event's id, `evt_…`. */
  readonly id: string;
  /** When this attempt is made; only whole seconds are signed. */
  readonly timestamp: Date;
  /** The exact body sent. */
  readonly body: string;
  /** The endpoint's secret, `whsec_<base64 of the key>`. */
  readonly secret: string;
}

/**
 * A new endpoint secret: `whsec_` and the base64 of 32 random bytes, the form Standard Webhooks'
 * libraries take as it is. Shown to the admin once, when the endpoint is created.
 *
 * @example newWebhookSecret() // 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD…='
 */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-id`, `webhook-timestamp` (unix seconds)
 * and `webhook-signature: v1,<base64 HMAC-SHA256>` over `${id}.${timestamp}.${body}`, keyed with
 * the bytes the secret's base64 after `whsec_` stands for (not with the text of the secret).
 * Throws a RangeError, which does not quote the secret, when the secret is not in that form.
 *
 * @example
 * signWebhook({ id: 'evt_1', timestamp: new Date(), body: '{"type":"order.placed",…}', secret: endpoint.secret })
 * // { 'webhook-id': 'evt_1', 'webhook-timestamp': '1764072000', 'webhook-signature': 'v1,K5oZ…=' }
 */
export function signWebhook({ id, timestamp, body, secret }: WebhookToSign): WebhookSignatureHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signature = createHmac('sha256', secretKey(secret)).update(`${id}.${seconds}.${body}`, 'utf8').digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}

/** The key bytes of a `whsec_` secret. */
function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : '';
  // Strict base64 only: Buffer.from would skip stray characters and sign with another key than
  // the receiver's library derives from the same text.
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encoded) || encoded === '') {
    throw new RangeError(`[Atelier] A webhook secret is "${WEBHOOK_SECRET_PREFIX}" followed by base64 (see newWebhookSecret); this one is not.`);
  }
  return Buffer.from(encoded, 'base64');
}
