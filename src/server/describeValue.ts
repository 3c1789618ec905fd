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
    case 'bigint': return `the number ${value}`;
    case 'undefined': return 'nothing';
    case 'object': return 'an object';
    // Not values of parsed JSON; named for completeness.
    case 'function': return 'a function';
    case 'symbol': return 'a symbol';
    // Unreachable: the cases name every result of `typeof`, which TypeScript cannot tell here.
    default: return 'a value';
  }
}
