/** Whether a parsed JSON value is an object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A short description of a request value for messages.
 *
 * @example describeValue(42) // "the number 42"
 * @example describeValue([1]) // "a list"
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the text "${value.slice(0, 40)}${value.length > 40 ? '…' : ''}"`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `${value}`;
    default: return 'an object';
  }
}
