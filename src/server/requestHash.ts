import { createHash } from 'node:crypto';

/**
 * A fingerprint of a parsed JSON request body that ignores formatting and key order, so that a
 * client retrying with the same data gets the same hash whatever its JSON serialiser does.
 *
 * @example requestHash({ b: 1, a: [1, 2] }) === requestHash({ a: [1, 2], b: 1 }) // true
 */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with the keys of every object sorted. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
