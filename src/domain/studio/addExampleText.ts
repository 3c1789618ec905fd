import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { RuleExample } from '../rules/index.ts';

/** An example to write into a rules file: its name, its choices and what must hold of them. */
export type NewExample = Omit<RuleExample, 'source'>;

// A plain YAML scalar that reads back as this very string: no indicator first, no `: ` or ` #`
// inside, and not a word YAML reads as something else (true, null, 12.5…).
const PLAIN = /^[A-Za-z_][\w .,'()/+-]*$/;
const NOT_TEXT = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/**
 * The rules file's text with `example` added at the end of its `examples:` list, every other
 * character kept as it was (comments, layout, quoting). The list is created at the end of the file
 * when the file has none; an empty `examples: []` becomes a block list. A name the list already has
 * gets " (2)", " (3)"… so the file still loads. Prices are written in the major unit
 * (`price: 131.00`), as merchandisers write them.
 *
 * Throws when the file's `examples:` is not a list: the studio offers to add an example only while
 * the rules file loads, and a file that loads has a list there.
 *
 * @example
 * addExampleText(text, { name: 'a knit upper over a textile lining', design: { 'vamp.material': 'knit', 'lining.material': 'textile' }, expect: { kind: 'valid' } })
 */
export function addExampleText(rulesText: string, example: NewExample): string {
  const document = parseDocument(rulesText, { keepSourceTokens: false });
  const root = document.contents;
  const pair = isMap(root) ? root.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'examples') : undefined;
  const list = pair?.value ?? null;
  const written = isSeq(list) ? (list.toJSON() as unknown[]) : [];
  const names = written.map((item) => (item as { name?: unknown } | null)?.name).filter((name): name is string => typeof name === 'string');
  const named = { ...example, name: uniqueName(example.name, names) };

  if (!pair) {
    const ending = rulesText.length === 0 || rulesText.endsWith('\n') ? '' : '\n';
    const gap = rulesText.trim().length === 0 || /\n\s*\n$/.test(rulesText + ending) ? '' : '\n';
    return `${rulesText}${ending}${gap}examples:\n${blockItem(named, '  ')}`;
  }
  const keyEnd = (pair.key as Node).range![1];
  if (list === null || (isScalar(list) && list.value === null)) return insertAfterLine(rulesText, keyEnd, blockItem(named, '  '));
  if (!isSeq(list)) throw new Error(`[Atelier] addExampleText: "examples:" must be a list to add "${example.name}" to, and the rules file has ${isMap(list) ? 'a map' : 'a single value'} there`);
  const [start, valueEnd] = list.range!;
  if (list.flow) {
    const close = rulesText.lastIndexOf(']', valueEnd - 1);
    if (list.items.length > 0) return `${rulesText.slice(0, close).trimEnd()}, ${flowItem(named)}${rulesText.slice(close)}`;
    // `examples: []` becomes a block list under its key, the comment after it kept.
    const withoutBrackets = `${rulesText.slice(0, start).trimEnd()}${rulesText.slice(close + 1)}`;
    return insertAfterLine(withoutBrackets, keyEnd, blockItem(named, '  '));
  }
  const dashIndent = ' '.repeat(start - (rulesText.lastIndexOf('\n', start - 1) + 1));
  const last = list.items.at(-1) as Node | undefined;
  return insertAfterLine(rulesText, last?.range ? last.range[1] - 1 : start, blockItem(named, dashIndent));
}

/** Inserts `lines` (each ending in a newline) on the line after the one holding `offset`. */
function insertAfterLine(text: string, offset: number, lines: string): string {
  const end = text.indexOf('\n', Math.max(0, offset));
  if (end < 0) return `${text}\n${lines}`;
  return `${text.slice(0, end + 1)}${lines}${text.slice(end + 1)}`;
}

function blockItem(example: NewExample, dashIndent: string): string {
  const inner = `${dashIndent}  `;
  return `${dashIndent}- name: ${scalar(example.name, false)}\n${inner}design: ${flowDesign(example.design)}\n${inner}${expectation(example)}\n`;
}

function flowItem(example: NewExample): string {
  return `{ name: ${scalar(example.name)}, design: ${flowDesign(example.design)}, ${expectation(example)} }`;
}

function flowDesign(design: NewExample['design']): string {
  const choices = Object.entries(design).map(([attribute, option]) => `${scalar(attribute)}: ${scalar(option)}`);
  return choices.length === 0 ? '{}' : `{ ${choices.join(', ')} }`;
}

function expectation(example: NewExample): string {
  const expect = example.expect;
  switch (expect.kind) {
    case 'valid':
      return 'valid: true';
    case 'invalid':
      return `invalid: { rule: ${scalar(expect.ruleId)} }`;
    case 'price':
      return `price: ${(expect.amount / 100).toFixed(2)}`;
    case 'leadTime':
      return `leadTime: ${expect.days}`;
    default:
      throw new Error(`[Atelier] unknown example expectation ${JSON.stringify(expect satisfies never)}`);
  }
}

/**
 * The text as a plain scalar when YAML reads it back unchanged, else double-quoted (JSON's escapes
 * are YAML's). Inside `{ … }` or `[ … ]` (`flow`) a comma ends a plain scalar, so it is quoted there.
 */
function scalar(text: string, flow = true): string {
  return PLAIN.test(text) && !NOT_TEXT.test(text) && text === text.trim() && !(flow && text.includes(',')) ? text : JSON.stringify(text);
}

function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let count = 2;
  while (taken.includes(`${name} (${count})`)) count++;
  return `${name} (${count})`;
}
