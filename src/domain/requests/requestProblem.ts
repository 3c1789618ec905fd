import * as v from 'valibot';
import type { Problem } from '../shared/index.ts';

/**
 * What a request schema's message holds: what is wrong, then how to fix it. Valibot issues carry
 * one message, so each message of the schemas in this folder is written with {@link withHint} and
 * split again by {@link requestProblems}. Hints never quote what the client sent, so the last
 * separator is always the one written here.
 */
const HINT_SEPARATOR = '\nhow to fix: ';

/** One message holding what is wrong and how to fix it, for a schema's issue. */
export function withHint(message: string, hint: string): string {
  return `${message}${HINT_SEPARATOR}${hint}`;
}

/** A message written by {@link withHint} as its two parts (a plain message gets a general hint). */
export function splitHint(text: string): { readonly message: string; readonly hint: string } {
  const at = text.lastIndexOf(HINT_SEPARATOR);
  if (at < 0) return { message: text, hint: 'send the field as documented at GET /api/openapi.json' };
  return { message: text.slice(0, at), hint: text.slice(at + HINT_SEPARATOR.length) };
}

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

/** An issue as Standard Schema reports it (valibot's issues are such), with valibot's `expected`. */
export interface RequestIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: unknown }> | undefined;
  readonly expected?: string | null | undefined;
}

/**
 * The problems of a refused request, in the API's shape: each with its path (`contact.email`,
 * `previewImages[0].view`, `''` for the body itself), what is wrong and how to fix it. One problem
 * per field, the first found; an unknown field is named before the problems of the known ones.
 *
 * @example requestProblems(v.safeParse(voteRequestSchema, { vote: 'sideways' }).issues ?? [])
 * // [{ path: 'vote', message: '"vote" must be "up", "down" or "none", not the text "sideways"', hint: 'send {"vote":"up"}, …' }]
 */
export function requestProblems(issues: readonly RequestIssue[]): Problem[] {
  const unknownFirst = [...issues.filter(isUnknownField), ...issues.filter((issue) => !isUnknownField(issue))];
  const problems = new Map<string, Problem>();
  for (const issue of unknownFirst) {
    const path = formatPath(issue.path ?? []);
    if (!problems.has(path)) problems.set(path, { path, ...splitHint(issue.message) });
  }
  return [...problems.values()];
}

/** What a refused request's error says: the count, the first problem, and what to do. */
export function describeRefusal(subject: string, problems: readonly Problem[]): { readonly message: string; readonly hint: string } {
  const first = problems[0];
  if (!first) return { message: `the ${subject} is not valid`, hint: 'send it as documented at GET /api/openapi.json' };
  return {
    message: `the ${subject} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${first.path || 'body'}: ${first.message}`,
    hint: 'fix each field listed in "problems"',
  };
}

/**
 * A refusal in words for the customer, who sees no list of problems: the first problem with its
 * own fix, and how many more there are.
 *
 * @example customerRefusal('The order cannot be sent', problems)
 * // 'The order cannot be sent: previewImages[4].view: "view" must be … Use e.g. "side". (1 more problem.)'
 */
export function customerRefusal(lead: string, problems: readonly Problem[]): string {
  const [first, ...more] = problems;
  if (!first) return `${lead}.`;
  const hint = first.hint.charAt(0).toUpperCase() + first.hint.slice(1);
  const rest = more.length === 0 ? '' : ` (${more.length} more problem${more.length === 1 ? '' : 's'}.)`;
  return `${lead}: ${first.path ? `${first.path}: ` : ''}${first.message}. ${hint}.${rest}`;
}

function isUnknownField(issue: RequestIssue): boolean {
  return issue.expected === 'never';
}

function formatPath(path: ReadonlyArray<PropertyKey | { readonly key: unknown }>): string {
  let text = '';
  for (const item of path) {
    const key = typeof item === 'object' && item !== null ? item.key : item;
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** How an object schema treats fields it does not name. */
export type UnknownFields = 'refuse' | 'keep' | 'drop';

/** What an object schema says when it is not an object, and about one field it does not name. */
export interface ObjectMessages {
  /** When the value is no object at all (or missing), e.g. `the order must be a JSON object, not …`. */
  readonly notAnObject: (input: unknown) => string;
  /** A message of its own for an unknown field (`thumbnail`); else `unknown field "…"`. */
  readonly unknownField?: (key: string, fields: readonly string[]) => string | undefined;
}

/**
 * An object schema whose messages say what is wrong and how to fix it: a missing field gets its
 * own schema's message for "nothing" (`"quantity" must be a whole number …, not nothing`), an
 * unknown field is named with the fields there are (`unknown: 'refuse'`), or kept (`'keep'`: the
 * design, whose content the domain checks) or dropped (`'drop'`).
 */
type IsObject = v.CustomSchema<Record<string, unknown>, v.ErrorMessage<v.CustomIssue>>;
export function fieldsObject<const TEntries extends v.ObjectEntries>(entries: TEntries, unknown: 'refuse', messages: ObjectMessages): v.SchemaWithPipe<readonly [IsObject, v.StrictObjectSchema<TEntries, v.ErrorMessage<v.StrictObjectIssue>>]>;
export function fieldsObject<const TEntries extends v.ObjectEntries>(entries: TEntries, unknown: 'keep', messages: ObjectMessages): v.SchemaWithPipe<readonly [IsObject, v.LooseObjectSchema<TEntries, v.ErrorMessage<v.LooseObjectIssue>>]>;
export function fieldsObject<const TEntries extends v.ObjectEntries>(entries: TEntries, unknown: 'drop', messages: ObjectMessages): v.SchemaWithPipe<readonly [IsObject, v.ObjectSchema<TEntries, v.ErrorMessage<v.ObjectIssue>>]>;
export function fieldsObject(entries: v.ObjectEntries, unknown: UnknownFields, messages: ObjectMessages): v.GenericSchema {
  const fields = Object.keys(entries);
  const message = (issue: v.BaseIssue<unknown>): string => {
    const key = (issue.path?.[0] as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string') return messages.notAnObject(issue.input);
    if (issue.expected === 'never') {
      return messages.unknownField?.(key, fields) ?? withHint(`unknown field "${key}"`, `remove it; the fields are ${fields.join(', ')}`);
    }
    // A missing field: what its own schema says about nothing.
    const field = entries[key];
    return (field && v.safeParse(field, undefined).issues?.[0]?.message) ?? withHint(`"${key}" is missing`, `send "${key}"`);
  };
  // A list is an object to JavaScript: it is refused as what it is before its fields are looked for.
  const object = v.custom<Record<string, unknown>>(isObject, (issue) => messages.notAnObject(issue.input));
  if (unknown === 'refuse') return v.pipe(object, v.strictObject(entries, message));
  if (unknown === 'keep') return v.pipe(object, v.looseObject(entries, message));
  return v.pipe(object, v.object(entries, message));
}
