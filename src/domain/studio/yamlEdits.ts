import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Text edits to a YAML file that keep every character outside the edited range: the studio's
 * card and grid edits become such edits of the rules file, never a file written again from data
 * (which would lose comments, blank lines and the merchandiser's flow or block style).
 */

/** One replacement in a text, as an editor applies it (offsets in UTF-16 code units). */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** What an edit gave: the one change to make, or why it cannot be made and what to do instead. */
export type EditResult = { readonly ok: true; readonly change: TextChange } | { readonly ok: false; readonly message: string };

/** A step that rewrites the text, or says why it cannot. */
export type TextStep = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** A failed step. */
export const refuse = (message: string): { readonly ok: false; readonly message: string } => ({ ok: false, message });

/**
 * The one replacement that turns `before` into `after`: the text between their common start and
 * common end. Edits made in several places come out as one change (one undo step in the editor).
 */
export function changeBetween(before: string, after: string): TextChange {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Applies a change to a text. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

/** The step's text as one change of `before`, or its refusal. */
export function asChange(before: string, step: TextStep): EditResult {
  if (!step.ok) return step;
  if (step.text === before) return refuse('the edit changes nothing');
  return { ok: true, change: changeBetween(before, step.text) };
}

/** A rules file parsed for editing, with its rule found by id. */
export interface RuleInText {
  readonly map: YAMLMap;
  readonly seq: YAMLSeq;
  readonly index: number;
}

/** Parses a rules text for editing: its `rules:` list. */
export function rulesList(text: string): { readonly ok: true; readonly seq: YAMLSeq } | { readonly ok: false; readonly message: string } {
  const document = parseDocument(text);
  if (document.errors.length > 0) return refuse('the rules file is not valid YAML as it is: fix the problems listed under the editor first');
  const rules = isMap(document.contents) ? document.contents.get('rules', true) : undefined;
  if (!isSeq(rules)) return refuse('the rules file has no "rules:" list: add one in the text first');
  return { ok: true, seq: rules };
}

/** Parses a rules text and finds the rule `ruleId` (a block or flow map in the `rules:` list). */
export function findRule(text: string, ruleId: string): { readonly ok: true; readonly rule: RuleInText } | { readonly ok: false; readonly message: string } {
  const list = rulesList(text);
  if (!list.ok) return list;
  const index = list.seq.items.findIndex((item) => isMap(item) && scalarText(item.get('id', true)) === ruleId);
  if (index < 0) return refuse(`there is no rule "${ruleId}" in the text any more: it was renamed or deleted; wait for the cards to catch up`);
  return { ok: true, rule: { map: list.seq.items[index] as YAMLMap, seq: list.seq, index } };
}

/** The value of a scalar node as text, or undefined for any other node. */
export function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/** The value node of `key` in a map (keys compared as text). */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((pair) => isPair(pair) && scalarText(pair.key) === key) as Pair<Node, Node | null> | undefined;
}

/** Where a node's own text ends: its value, without trailing spaces, line breaks or comments after it. */
export function contentEnd(text: string, node: Node): number {
  // A block list or map's range runs on over the comments after its last entry.
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return entrySpan(text, node.items.at(-1) as Node | Pair).to;
  const [start, valueEnd] = node.range!;
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Where a collection entry (a pair or an item) starts and its content ends. */
export function entrySpan(text: string, entry: Node | Pair): { readonly from: number; readonly to: number } {
  if (isPair(entry)) {
    const key = entry.key as Node;
    const value = entry.value as Node | null;
    return { from: key.range![0], to: value?.range ? Math.max(contentEnd(text, value), key.range![1]) : key.range![1] };
  }
  return { from: entry.range![0], to: contentEnd(text, entry) };
}

/** The offset of the start of the line `offset` is on. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break ending the line `offset` is on (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/**
 * Removes entry `index` of a collection (a pair of a map, an item of a list), flow or block,
 * with its separator: `[a, b]` → `[b]`; in block style, the entry's lines.
 */
export function removeEntry(text: string, collection: YAMLMap | YAMLSeq, index: number): string {
  const items = collection.items as (Node | Pair)[];
  const span = entrySpan(text, items[index]!);
  if (collection.flow) {
    if (index + 1 < items.length) return text.slice(0, span.from) + text.slice(entrySpan(text, items[index + 1]!).from);
    if (index > 0) return text.slice(0, entrySpan(text, items[index - 1]!).to) + text.slice(span.to);
    return text.slice(0, span.from) + text.slice(span.to);
  }
  const start = lineStart(text, span.from);
  // A map's first pair may share its line with the list's "- ": keep the dash, take the pair up to the next one.
  if (text.slice(start, span.from).trim() !== '' && index + 1 < items.length) return text.slice(0, span.from) + text.slice(entrySpan(text, items[index + 1]!).from);
  return text.slice(0, start) + text.slice(nextLineStart(text, span.to));
}

/** The indentation of the line `offset` is on, up to and including a block list's "- ". */
export function indentAt(text: string, offset: number): string {
  return text.slice(lineStart(text, offset), offset);
}

/**
 * A scalar as YAML writes it on one line: plain when that reads back as the same text, else
 * double-quoted. Inside a flow collection (`{ … }`, `[ … ]`) a plain scalar also ends at `,` and
 * brackets, so there those are quoted too.
 */
export function yamlScalar(value: string, inFlow = false): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  return plain.includes('\n') || plain.startsWith('|') || plain.startsWith('>') || (inFlow && /[,[\]{}]/.test(plain) && !plain.startsWith('"') && !plain.startsWith("'")) ? JSON.stringify(value) : plain;
}

/** A flow list of scalars: `[a, b]`. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((value) => yamlScalar(value, true)).join(', ')}]`;
}
