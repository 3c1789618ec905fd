import * as v from 'valibot';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';

/**
 * What customers do with designs, as the designers' review counts it. The browser reports the two
 * it alone sees (a design reviewed, a share link made); the server records the others itself when
 * they happen (submitted to the gallery, voted on, ordered).
 */
export const DESIGN_SIGNAL_KINDS = ['reviewed', 'shared', 'submitted', 'voted', 'ordered'] as const;

/** One of {@link DESIGN_SIGNAL_KINDS}. */
export type DesignSignalKind = (typeof DESIGN_SIGNAL_KINDS)[number];

/** The kinds a browser may report. */
export const BROWSER_SIGNAL_KINDS = ['reviewed', 'shared'] as const;

/** Most signals in one request: a page sends them as they happen, a few at a time. */
export const MAX_SIGNALS_PER_REQUEST = 20;

/** An anonymous session: random, made by the page for one visit, never tied to an account, an order's contact or the voter cookie. */
export const ANONYMOUS_SESSION = /^[A-Za-z0-9_-]{16,64}$/;

const MAX_CHOICES = 200;

const text = (field: string, hint: string) => v.pipe(
  v.string((issue) => withHint(`"${field}" must be a string, not ${describeValue(issue.input)}`, hint)),
  v.maxLength(200, withHint(`"${field}" is longer than 200 characters`, hint)),
);

const signalSchema = fieldsObject({
  kind: v.picklist(BROWSER_SIGNAL_KINDS, (issue) => withHint(`"kind" must be "reviewed" or "shared", not ${describeValue(issue.input)}`, 'the server records submissions, votes and orders itself')),
  productId: text('productId', 'send the product id, e.g. "sneaker"'),
  rulesVersion: text('rulesVersion', 'send the rules version the design was made under'),
  choices: v.pipe(
    v.record(v.string(), v.string((issue) => withHint(`each choice must be an option id (a string), not ${describeValue(issue.input)}`, 'send the design\'s choices, e.g. {"laces.colour":"white"}')),
      (issue) => withHint(`"choices" must be an object of attribute → option ids, not ${describeValue(issue.input)}`, 'send the design\'s choices, e.g. {"laces.colour":"white"}')),
    v.check((choices) => Object.keys(choices).length <= MAX_CHOICES, withHint(`"choices" has more than ${MAX_CHOICES} attributes`, 'send the design\'s choices only')),
  ),
  remix: v.optional(v.boolean((issue) => withHint(`"remix" must be true or false, not ${describeValue(issue.input)}`, 'send true for a design started from a gallery design'))),
}, 'refuse', {
  notAnObject: (input) => withHint(`a signal must be an object, not ${describeValue(input)}`, 'send {"kind":"reviewed","productId":…,"rulesVersion":…,"choices":{…}}'),
  // Personal text, names and emails never belong in a signal: a field beyond these is refused, not dropped.
  unknownField: (key) => withHint(`unknown field "${key}" in a signal`, 'send only kind, productId, rulesVersion, choices and remix: a signal never carries personal text'),
});

/**
 * The body of `POST /api/signals`: `{ "session": "<anonymous id>", "signals": [ … ] }`, at most
 * {@link MAX_SIGNALS_PER_REQUEST} signals, each a design's choices only.
 */
export const designSignalRequestSchema = fieldsObject({
  session: v.pipe(
    v.string((issue) => withHint(`"session" must be a string, not ${describeValue(issue.input)}`, 'send the page\'s anonymous session id, e.g. crypto.randomUUID()')),
    v.regex(ANONYMOUS_SESSION, withHint('"session" must be 16 to 64 letters, digits, "-" or "_"', 'send the page\'s anonymous session id, e.g. crypto.randomUUID()')),
  ),
  signals: v.pipe(
    v.array(signalSchema, (issue) => withHint(`"signals" must be a list, not ${describeValue(issue.input)}`, 'send {"session":…,"signals":[{…}]}')),
    v.minLength(1, withHint('"signals" is empty', 'send at least one signal')),
    v.maxLength(MAX_SIGNALS_PER_REQUEST, withHint(`"signals" holds more than ${MAX_SIGNALS_PER_REQUEST} signals`, `send at most ${MAX_SIGNALS_PER_REQUEST} at a time`)),
  ),
}, 'refuse', {
  notAnObject: (input) => withHint(`the body must be a JSON object, not ${describeValue(input)}`, 'send {"session":…,"signals":[…]}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "session" and "signals"'),
});

/** A signals request once checked. */
export type DesignSignalRequest = v.InferOutput<typeof designSignalRequestSchema>;
