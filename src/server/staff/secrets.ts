import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random identifier or secret: `prefix` and `bytes` random bytes in base64url. 16 bytes
 * (22 characters) for ids, 32 for secrets.
 *
 * @example newSecret('acc_', 16) // 'acc_3q2-7wEjR0m0yqv2XJ1l0g'
 */
export function newSecret(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** The base64url SHA-256 of a text: how session ids and API tokens are stored (never as sent). */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** Compares two texts in time that does not depend on where they differ (through their digests, so lengths do not leak either). */
export function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
