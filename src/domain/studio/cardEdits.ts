import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Rule } from '../rules/index.ts';
import { ID_PATTERN, type DocumentPath } from '../shared/index.ts';
import {
  asChange, contentEnd, findRule, flowList, indentAt, lineStart, nextLineStart, pairOf, refuse, removeEntry, rulesList, scalarText, yamlScalar,
  type EditResult, type TextStep,
} from './yamlEdits.ts';

/**
 * A place in a rule where an attribute names its options, as a card offers to add one: `when`'s
 * "Vamp material", `then`'s, a recommendation's `prefer`… (`single` for a default's `set`, which
 * names one option: the card changes it instead).
 */
export interface RuleSlot {
  /** From the rule's map to the pair: `['when', 'any', 0, 'vamp.material']`. */
  readonly path: DocumentPath;
  /** The rule key the slot is under: `when`, `then`, `excludes`, `set`, `prefer`, `options`. */
  readonly section: string;
  readonly attribute: string;
  readonly options: readonly string[];
  readonly single: boolean;
}

/** A rule as the add-a-rule form writes it. */
export type NewRule =
  | { readonly kind: 'requires' | 'excludes'; readonly id: string; readonly message: string; readonly when: NewCondition; readonly then: NewCondition }
  | { readonly kind: 'different' | 'same'; readonly id: string; readonly message: string; readonly attributes: readonly string[] }
  | { readonly kind: 'allowed-combinations' | 'forbidden-combinations'; readonly id: string; readonly message: string; readonly attributes: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'alert'; readonly id: string; readonly message: string; readonly when: NewCondition };

/** `{ attribute: [options] }`: any of the options. */
export interface NewCondition {
  readonly attribute: string;
  readonly options: readonly string[];
}

/** What a card can change in its rule. */
export type CardEdit =
  | { readonly kind: 'message'; readonly ruleId: string; readonly message: string }
  /** Every place the rule names the option of the attribute (a table's rows that hold it). */
  | { readonly kind: 'remove-option'; readonly ruleId: string; readonly attribute: string; readonly option: string }
  /** Adds an option to a slot (see {@link ruleSlots}); for a `single` slot, replaces its option. */
  | { readonly kind: 'add-option'; readonly ruleId: string; readonly path: DocumentPath; readonly option: string }
  /** The attributes of a `different` or `same` rule. */
  | { readonly kind: 'attributes'; readonly ruleId: string; readonly attributes: readonly string[] }
  | { readonly kind: 'delete-rule'; readonly ruleId: string }
  | { readonly kind: 'add-rule'; readonly rule: NewRule };

const CONDITION_KEYS = ['when', 'then', 'excludes'];
const OPTION_LIST_KEYS = ['prefer', 'options'];

/**
 * A card's edit as one change of the rules text: only the characters of what the card shows
 * change (a message, an option in a list, a rule's lines); comments, blank lines and the style of
 * everything else stay as they were. Refused, with what to do instead, when the edit would leave
 * the rule empty or the text no longer has the rule.
 *
 * @example
 * cardEdit(text, { kind: 'remove-option', ruleId: 'patent-toe-on-firm-vamp', attribute: 'vamp.material', option: 'nubuck' })
 * // { ok: true, change: { from: 1234, to: 1242, insert: '' } }  ("[leather, nubuck]" → "[leather]")
 */
export function cardEdit(text: string, edit: CardEdit): EditResult {
  return asChange(text, cardEditStep(text, edit));
}

function cardEditStep(text: string, edit: CardEdit): TextStep {
  if (edit.kind === 'add-rule') return addRule(text, edit.rule);
  const found = findRule(text, edit.ruleId);
  if (!found.ok) return found;
  const { map, seq, index } = found.rule;
  switch (edit.kind) {
    case 'message': {
      if (edit.message.trim() === '') return refuse('the message is what a customer reads when the rule stops a choice: write one');
      const value = pairOf(map, 'message')?.value;
      if (!value?.range) return refuse(`rule "${edit.ruleId}" has no message to change: add "message:" in the text`);
      return { ok: true, text: text.slice(0, value.range[0]) + yamlScalar(edit.message.trim(), map.flow) + text.slice(contentEnd(text, value)) };
    }
    case 'remove-option':
      return removeOption(text, edit.ruleId, edit.attribute, edit.option);
    case 'add-option':
      return addOption(text, map, edit.path, edit.option);
    case 'attributes':
      return setAttributes(text, map, edit.attributes);
    case 'delete-rule':
      return deleteRule(text, seq, index);
  }
}

/** The places in rule `ruleId` where an attribute names options, in the order they are written. */
export function ruleSlots(text: string, ruleId: string): RuleSlot[] {
  const found = findRule(text, ruleId);
  if (!found.ok) return [];
  const slots: RuleSlot[] = [];
  for (const pair of found.rule.map.items) {
    const key = scalarText(pair.key);
    if (key === undefined || !isMap(pair.value)) continue;
    if (CONDITION_KEYS.includes(key)) conditionSlots(pair.value, [key], key, slots);
    else if (OPTION_LIST_KEYS.includes(key) || key === 'set') {
      for (const entry of pair.value.items) {
        const attribute = scalarText(entry.key);
        const options = optionsOf(entry.value);
        if (attribute !== undefined && options) slots.push({ path: [key, attribute], section: key, attribute, options, single: key === 'set' });
      }
    }
  }
  return slots;
}

function conditionSlots(map: YAMLMap, path: DocumentPath, section: string, slots: RuleSlot[]): void {
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (key === undefined) continue;
    if ((key === 'all' || key === 'any') && isSeq(pair.value)) {
      pair.value.items.forEach((item, index) => {
        if (isMap(item)) conditionSlots(item, [...path, key, index], section, slots);
      });
    } else if (key === 'not' && isMap(pair.value)) conditionSlots(pair.value, [...path, key], section, slots);
    else if (!key.startsWith('context.')) {
      const options = optionsOf(pair.value);
      if (options) slots.push({ path: [...path, key], section, attribute: key, options, single: false });
    }
  }
}

/** A scalar or a list of scalars as option ids; undefined for a tag condition or anything else. */
function optionsOf(node: unknown): string[] | undefined {
  const scalar = scalarText(node);
  if (scalar !== undefined) return [scalar];
  if (!isSeq(node)) return undefined;
  const options = node.items.map(scalarText);
  return options.every((option) => option !== undefined) ? (options as string[]) : undefined;
}

/** The pair at `path` from the rule's map. */
function pairAt(map: YAMLMap, path: DocumentPath): Pair<Node, Node | null> | undefined {
  let node: unknown = map;
  let pair: Pair<Node, Node | null> | undefined;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string') {
      pair = pairOf(node, segment);
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      pair = undefined;
    } else return undefined;
  }
  return pair;
}

function addOption(text: string, map: YAMLMap, path: DocumentPath, option: string): TextStep {
  const pair = pairAt(map, path);
  const value = pair?.value;
  const options = optionsOf(value);
  if (!value?.range || !options) return refuse('that place in the rule has changed in the text: wait for the cards to catch up');
  if (options.includes(option) && !(path[0] === 'set')) return refuse(`the rule already names "${option}" there`);
  if (isScalar(value)) {
    const written = path[0] === 'set' ? yamlScalar(option) : flowList([...options, option]);
    return { ok: true, text: text.slice(0, value.range[0]) + written + text.slice(contentEnd(text, value)) };
  }
  const list = value as YAMLSeq;
  if (list.items.length === 0) return { ok: true, text: text.slice(0, list.range![0]) + flowList([option]) + text.slice(contentEnd(text, list)) };
  const last = list.items.at(-1) as Node;
  const end = contentEnd(text, last);
  if (list.flow) return { ok: true, text: `${text.slice(0, end)}, ${yamlScalar(option)}${text.slice(end)}` };
  // A block list: a line like the last item's, under it.
  const at = nextLineStart(text, end);
  const line = `${indentAt(text, last.range![0])}${yamlScalar(option)}\n`;
  return { ok: true, text: text.slice(0, at) + (at === text.length && !text.endsWith('\n') ? '\n' : '') + line + text.slice(at) };
}

function setAttributes(text: string, map: YAMLMap, attributes: readonly string[]): TextStep {
  if (new Set(attributes).size !== attributes.length || attributes.length < 2) return refuse('choose two or more different attributes');
  const list = pairOf(map, 'attributes')?.value;
  if (!isSeq(list) || !list.range || list.items.length === 0) return refuse('the rule\'s "attributes:" is not a list in the text: write it as [a, b] first');
  if (list.flow) return { ok: true, text: text.slice(0, list.range[0]) + flowList(attributes) + text.slice(contentEnd(text, list)) };
  const first = list.items[0] as Node;
  const indent = indentAt(text, first.range![0]);
  const from = lineStart(text, first.range![0]);
  return { ok: true, text: text.slice(0, from) + attributes.map((attribute) => `${indent}${yamlScalar(attribute)}\n`).join('') + text.slice(nextLineStart(text, contentEnd(text, list))) };
}

/** A place an option is written in a rule: the entries to remove, innermost last. */
type Chain = readonly { readonly collection: YAMLMap | YAMLSeq; readonly index: number }[];

/** Every place rule `ruleId` names `option` of `attribute`. */
function optionChains(map: YAMLMap, attribute: string, option: string): Chain[] {
  const chains: Chain[] = [];
  const inValue = (value: unknown, chain: Chain) => {
    if (scalarText(value) === option) chains.push(chain);
    else if (isSeq(value)) value.items.forEach((item, index) => {
      if (scalarText(item) === option) chains.push([...chain, { collection: value, index }]);
    });
  };
  const inCondition = (condition: YAMLMap, chain: Chain) => {
    condition.items.forEach((pair, index) => {
      const key = scalarText(pair.key);
      const here = [...chain, { collection: condition, index }];
      if ((key === 'all' || key === 'any') && isSeq(pair.value)) {
        const list = pair.value;
        list.items.forEach((item, at) => {
          if (isMap(item)) inCondition(item, [...here, { collection: list, index: at }]);
        });
      } else if (key === 'not' && isMap(pair.value)) inCondition(pair.value, here);
      else if (key === attribute) inValue(pair.value, here);
    });
  };
  const attributes = pairOf(map, 'attributes')?.value;
  const column = isSeq(attributes) ? attributes.items.findIndex((item) => scalarText(item) === attribute) : -1;
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    const value = pair.value;
    if (key === undefined) continue;
    if (CONDITION_KEYS.includes(key) && isMap(value)) inCondition(value, []);
    else if ((OPTION_LIST_KEYS.includes(key) || key === 'set') && isMap(value)) {
      value.items.forEach((entry, index) => {
        if (scalarText(entry.key) === attribute) inValue(entry.value, [{ collection: value, index }]);
      });
    } else if (key === 'rows' && isSeq(value) && column >= 0) {
      value.items.forEach((row, index) => {
        if (isSeq(row) && scalarText(row.items[column]) === option) chains.push([{ collection: value, index }]);
      });
    }
  }
  return chains;
}

function removeOption(text: string, ruleId: string, attribute: string, option: string): TextStep {
  let current = text;
  // One place at a time, reading the text again after each: offsets move with every removal.
  for (let removed = 0; ; removed++) {
    const found = findRule(current, ruleId);
    if (!found.ok) return found;
    if (found.rule.map.items.some((pair) => scalarText(pair.key) === 'rows' && isMap(pair.value))) {
      return refuse('the table\'s rows are in a CSV file: change them in the table\'s grid');
    }
    const chains = optionChains(found.rule.map, attribute, option);
    if (chains.length === 0 && removed === 0 && namesByTag(found.rule.map, attribute)) return refuse(`the rule names the options of "${attribute}" by a tag, not one by one: change which options carry the tag in the product file, or list the options in the text`);
    if (chains.length === 0) return removed === 0 ? refuse(`rule "${ruleId}" does not name "${option}" of "${attribute}" in the text`) : { ok: true, text: current };
    const links = chains.map((chain) => [...chain].reverse().find((candidate) => candidate.collection.items.length > 1));
    const link = links[0];
    if (!link) return refuse(`"${option}" is all the rule says there: removing it would leave the rule empty. Delete the rule, or add another option first`);
    // A block list's entries are whole lines: all of them in one pass from the last up (a table's rows that hold the option).
    const batch = link.collection.flow ? [link.index] : links.filter((candidate) => candidate?.collection === link.collection).map((candidate) => candidate!.index).sort((a, b) => b - a);
    if (batch.length >= link.collection.items.length) return refuse(`every entry there names "${option}": removing it would leave the rule empty. Delete the rule, or add another option first`);
    for (const index of batch) current = removeEntry(current, link.collection, index);
    removed += batch.length - 1;
  }
}

/** Whether the rule's conditions name `attribute` by a tag (`{ tag: pale }`) somewhere. */
function namesByTag(map: YAMLMap, attribute: string): boolean {
  const search = (node: unknown): boolean => {
    if (isMap(node)) return node.items.some((pair) => (scalarText(pair.key) === attribute && isMap(pair.value)) || search(pair.value));
    return isSeq(node) && node.items.some(search);
  };
  return search(map);
}

function deleteRule(text: string, seq: YAMLSeq, index: number): TextStep {
  if (seq.items.length === 1) return refuse('it is the file\'s only rule: write another rule first, or delete it in the text');
  if (seq.flow) return { ok: true, text: removeEntry(text, seq, index) };
  const item = seq.items[index] as Node;
  let from = lineStart(text, item.range![0]);
  // The comment lines right above a rule are about it, and go with it; a section's heading ("# ---- …") stays.
  while (from > 0) {
    const above = lineStart(text, from - 1);
    const line = text.slice(above, from).trim();
    if (!line.startsWith('#') || /^#\s*(-{3,}|={3,})/.test(line)) break;
    from = above;
  }
  let to = nextLineStart(text, contentEnd(text, item));
  // Rules set apart by blank lines stay so: the rule goes with one of the blank lines around it.
  const blankBefore = from === 0 || /^[ \t]*\n$/.test(text.slice(lineStart(text, from - 1), from));
  if (blankBefore && /^[ \t]*\n/.test(text.slice(to))) to = nextLineStart(text, to);
  return { ok: true, text: text.slice(0, from) + text.slice(to) };
}

/** The id of a new rule: `base`, or `base-2`, `base-3`… when the text (or the list of ids) has it already. */
export function unusedRuleId(textOrIds: string | readonly string[], base: string): string {
  const ids = new Set(typeof textOrIds === 'string' ? [...textOrIds.matchAll(/^\s*-?\s*\{?\s*id:\s*["']?([\w-]+)/gm)].map((match) => match[1]) : textOrIds);
  if (!ids.has(base)) return base;
  let number = 2;
  while (ids.has(`${base}-${number}`)) number++;
  return `${base}-${number}`;
}

function conditionText(condition: NewCondition): string {
  return `{ ${yamlScalar(condition.attribute, true)}: ${condition.options.length === 1 ? yamlScalar(condition.options[0]!, true) : flowList(condition.options)} }`;
}

/** The lines of a new rule after its `id` (without indentation). */
function ruleLines(rule: NewRule): string[] {
  const head = [`kind: ${rule.kind}`, `message: ${yamlScalar(rule.message.trim())}`];
  switch (rule.kind) {
    case 'requires':
    case 'excludes':
      return [...head, `when: ${conditionText(rule.when)}`, `${rule.kind === 'requires' ? 'then' : 'excludes'}: ${conditionText(rule.then)}`];
    case 'different':
    case 'same':
      return [...head, `attributes: ${flowList(rule.attributes)}`];
    case 'allowed-combinations':
    case 'forbidden-combinations':
      return [...head, `attributes: ${flowList(rule.attributes)}`, 'rows:', ...rule.rows.map((row) => `  - ${flowList(row)}`)];
    case 'alert':
      return [...head, `when: ${conditionText(rule.when)}`];
  }
}

/** What is missing from a new rule, said as the form's fix; undefined when it can be written. */
function newRuleProblem(rule: NewRule): string | undefined {
  if (!ID_PATTERN.test(rule.id)) return `"${rule.id}" is not a rule id: use letters, digits and dashes, starting with a letter`;
  if (rule.message.trim() === '') return 'write the message a customer reads when the rule applies';
  const conditions = rule.kind === 'requires' || rule.kind === 'excludes' ? [rule.when, rule.then] : rule.kind === 'alert' ? [rule.when] : [];
  if (conditions.some((condition) => condition.attribute === '' || condition.options.length === 0)) return 'choose an attribute and at least one of its options';
  if ((rule.kind === 'different' || rule.kind === 'same' || rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations') && (rule.attributes.length < 2 || new Set(rule.attributes).size !== rule.attributes.length)) {
    return 'choose two or more different attributes';
  }
  if ((rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations') && (rule.rows.length === 0 || rule.rows.some((row) => row.length !== rule.attributes.length || row.some((cell) => cell === '')))) {
    return 'give the table a first row: one option for each attribute';
  }
  return undefined;
}

function addRule(text: string, rule: NewRule): TextStep {
  const problem = newRuleProblem(rule);
  if (problem) return refuse(problem);
  if (unusedRuleId(text, rule.id) !== rule.id) return refuse(`there is a rule "${rule.id}" already: give the new rule another id`);
  const list = rulesList(text);
  if (!list.ok) return list;
  const rules = list.seq;
  if (rules.flow || rules.items.length === 0) return refuse('the rules file\'s "rules:" is not a list of rules written one under another: write the first rule in the text');
  const last = rules.items.at(-1) as Node;
  const dash = indentAt(text, last.range![0]);
  const inner = ' '.repeat(dash.length);
  const lines = [`${dash}id: ${yamlScalar(rule.id)}`, ...ruleLines(rule).map((line) => `${inner}${line}`)];
  // Set apart by a blank line when the rules are (looked for between the last two).
  const previous = rules.items.at(-2) as Node | undefined;
  const spaced = previous ? /\n[ \t]*\n/.test(text.slice(contentEnd(text, previous), last.range![0])) : true;
  const at = nextLineStart(text, contentEnd(text, last));
  const before = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { ok: true, text: `${text.slice(0, at)}${before}${spaced ? '\n' : ''}${lines.join('\n')}\n${text.slice(at)}` };
}

/** The kinds the add-a-rule form offers (the others are written in the text). */
export const NEW_RULE_KINDS: readonly Rule['kind'][] = ['requires', 'excludes', 'different', 'same', 'allowed-combinations', 'forbidden-combinations', 'alert'];

