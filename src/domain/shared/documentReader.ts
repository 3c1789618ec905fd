import { knownNamesHint, type Problem } from './problems.ts';
import type { DocumentPath, YamlSource } from './yamlSource.ts';

/** A plain mapping read from a document. */
export type PlainMap = Record<string, unknown>;

/**
 * Reads plain data parsed from a {@link YamlSource}, collecting a located problem for every value
 * of the wrong shape instead of stopping at the first. Each reader returns `undefined` when the
 * value is unusable, so callers can carry on and report everything in one pass.
 */
export class DocumentReader {
  readonly problems: Problem[] = [];

  constructor(readonly source: YamlSource) {}

  /** Records a problem at `path`. */
  report(path: DocumentPath, message: string, hint: string, atKey = false): void {
    this.problems.push(this.source.problem(path, message, hint, atKey));
  }

  /** A mapping (`key: value` lines), or undefined with a problem. */
  map(value: unknown, path: DocumentPath, what: string): PlainMap | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as PlainMap;
    if (value === undefined && path.length > 0) {
      this.report(path.slice(0, -1), `${what} is missing`, `add ${what} as indented "key: value" lines`);
      return undefined;
    }
    this.report(path, `${what} must be a mapping of "key: value" entries, not ${describe(value)}`, `write ${what} as indented "key: value" lines or { key: value }`);
    return undefined;
  }

  /** A list (`- item` lines), or undefined with a problem. */
  list(value: unknown, path: DocumentPath, what: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    if (value === undefined && path.length > 0) {
      this.report(path.slice(0, -1), `${what} is missing`, `add ${what} as "- item" lines`);
      return undefined;
    }
    this.report(path, `${what} must be a list, not ${describe(value)}`, `write ${what} as "- item" lines or [a, b]`);
    return undefined;
  }

  /** A required non-empty string field of `owner`. */
  string(owner: PlainMap, key: string, path: DocumentPath, hint: string): string | undefined {
    const value = owner[key];
    if (value === undefined || value === null) {
      this.report(path, `"${key}" is missing`, hint);
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string' || value.trim() === '') {
      this.report([...path, key], `"${key}" must be non-empty text, not ${describe(value)}`, hint);
      return undefined;
    }
    return value;
  }

  /** An optional string field: undefined when absent, a problem when present and not text. */
  optionalString(owner: PlainMap, key: string, path: DocumentPath, hint: string): string | undefined {
    return owner[key] === undefined ? undefined : this.string(owner, key, path, hint);
  }

  /** A required number field within [min, max]. */
  number(owner: PlainMap, key: string, path: DocumentPath, range: { min: number; max: number; integer?: boolean }, hint: string): number | undefined {
    const value = owner[key];
    if (value === undefined) {
      this.report(path, `"${key}" is missing`, hint);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report([...path, key], `"${key}" must be a number, not ${describe(value)}`, hint);
      return undefined;
    }
    if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
      this.report([...path, key], `"${key}" is ${value}, outside the allowed range ${range.min}–${range.max}${range.integer ? ' (whole numbers)' : ''}`, hint);
      return undefined;
    }
    return value;
  }

  /** Reports keys of `owner` that are not in `allowed` (usually a typo). */
  unknownKeys(owner: PlainMap, allowed: readonly string[], path: DocumentPath, what: string): void {
    for (const key of Object.keys(owner)) {
      if (!allowed.includes(key)) {
        this.report([...path, key], `unknown key "${key}" in ${what}`, knownNamesHint(key, allowed, 'keys'), true);
      }
    }
  }

  /** Reports a duplicate id; returns true when `id` was already seen. */
  duplicate(seen: Set<string>, id: string, path: DocumentPath, what: string): boolean {
    if (seen.has(id)) {
      this.report(path, `${what} "${id}" is defined twice`, `give each ${what} a unique id; remove or rename this one`);
      return true;
    }
    seen.add(id);
    return false;
  }
}

/** Describes a value for error messages: `"suede"`, `3`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

/** Matches ids: letters, digits and dashes, starting with a letter. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9-]*$/;
