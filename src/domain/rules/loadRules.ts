import { DocumentReader, ID_PATTERN, describe } from '../shared/index.ts';
import { checkChoice } from '../product/index.ts';
import { failed, knownNamesHint, ok, type Result } from '../shared/index.ts';
import type { AttributeDef, Product } from '../product/index.ts';
import type { Condition } from '../product/index.ts';
import type { Rule, RuleSet } from './rulesModel.ts';
import type { DocumentPath } from '../shared/index.ts';
import { readPersonalisation } from '../personalisation/index.ts';
import { parseYamlSource } from '../shared/index.ts';
import { readExamples } from './ruleExamples.ts';
import { readTableCsv, type TableCsvResult } from './tableCsv.ts';

const RULE_KINDS = ['requires', 'excludes', 'allowed-combinations', 'forbidden-combinations', 'availability', 'default', 'recommendation', 'price', 'lead-time', 'alert', 'different', 'same'] as const;
type RuleKind = (typeof RULE_KINDS)[number];

const KEYS_BY_KIND: Record<RuleKind, readonly string[]> = {
  requires: ['when', 'then'],
  excludes: ['when', 'excludes'],
  'allowed-combinations': ['attributes', 'rows'],
  'forbidden-combinations': ['attributes', 'rows'],
  availability: ['options', 'when', 'from', 'until'],
  default: ['when', 'set'],
  recommendation: ['when', 'prefer'],
  price: ['when', 'amount'],
  'lead-time': ['when', 'days'],
  alert: ['when'],
  different: ['attributes', 'when'],
  same: ['attributes', 'when'],
};
const COMMON_KEYS = ['id', 'kind', 'message'];

/**
 * The text of a table file named in a rules file (`rows: { csv: <name> }`), by its name as
 * written, or undefined when there is no such file. The caller reads the files: the domain has no
 * file system (the CLI and the server read the rules file's folder, the studio its draft's tables).
 */
export type ReadTable = (name: string) => string | undefined;

/** How {@link loadRules} reaches what the rules file refers to. */
export interface LoadRulesOptions {
  /** Reads the table files beside the rules file; without it, a rule that names one is a problem. */
  readonly readTable?: ReadTable | undefined;
  /**
   * Tables already read, kept by the caller between loads of one product's rules (an editor
   * checking each edit): a table whose text and columns are unchanged is not read again.
   */
  readonly tableCache?: Map<string, TableCsvResult> | undefined;
}

/** A table file's name as problems locate it: beside the rules file (`rules/renault.c98.csv`). */
export function tableFileOf(rulesFile: string, name: string): string {
  return rulesFile.slice(0, rulesFile.lastIndexOf('/') + 1) + name;
}

/**
 * Reads and validates a rules file (`rules/<product>.rules.yaml`) against its product: every
 * attribute and option a rule names must exist. Problems carry file:line:column and a fix; a
 * table kept in a CSV file beside the rules file (`rows: { csv: <name>.csv }`, read through
 * `options.readTable`) is checked the same way, its problems at the CSV's line and column.
 */
export function loadRules(product: Product, file: string, text: string, options: LoadRulesOptions = {}): Result<RuleSet> {
  const source = parseYamlSource(file, text);
  if (source.syntaxProblems.length > 0) return failed(source.syntaxProblems);
  const reader = new DocumentReader(source);
  const root = reader.map(source.data, [], 'the rules file');
  if (!root) return failed(reader.problems);
  reader.unknownKeys(root, ['product', 'rules', 'personalisation', 'examples'], [], 'the rules file');
  const productId = reader.string(root, 'product', [], `add "product: ${product.id}" at the top`);
  if (productId !== undefined && productId !== product.id) {
    reader.report(['product'], `these rules are for product "${productId}", but they were loaded for "${product.id}"`, `set "product: ${product.id}" or load the rules with their own product`);
  }
  const rules: Rule[] = [];
  const seen = new Set<string>();
  const list = reader.list(root.rules, ['rules'], '"rules"') ?? [];
  list.forEach((raw, index) => {
    const rule = readRule(reader, product.attributes, raw, ['rules', index], seen, options);
    if (rule) rules.push(rule);
  });
  const personalisation = root.personalisation === undefined ? [] : readPersonalisation(reader, product, root.personalisation, (raw, path) => readCondition(reader, product.attributes, raw, path));
  // Checked here so a broken example fails `rules check` and the build; read by loadRuleExamples.
  if (root.examples !== undefined) readExamples(reader, product.attributes, root.examples, rules);
  if (reader.problems.length > 0) return failed(reader.problems);
  return ok(personalisation.length > 0 ? { productId: product.id, rules, personalisation } : { productId: product.id, rules });
}

function readRule(reader: DocumentReader, attributes: readonly AttributeDef[], raw: unknown, path: DocumentPath, seen: Set<string>, options: LoadRulesOptions): Rule | undefined {
  const entry = reader.map(raw, path, `rule ${Number(path[1]) + 1}`);
  if (!entry) return undefined;
  const id = reader.string(entry, 'id', path, 'give the rule an "id: <rule-id>" that explanations can cite');
  if (id !== undefined && !ID_PATTERN.test(id)) reader.report([...path, 'id'], `rule id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
  if (id !== undefined && reader.duplicate(seen, id, [...path, 'id'], 'rule')) return undefined;
  const kindValue = entry.kind;
  if (typeof kindValue !== 'string' || !(RULE_KINDS as readonly string[]).includes(kindValue)) {
    reader.report(kindValue === undefined ? path : [...path, 'kind'], kindValue === undefined ? '"kind" is missing' : `unknown rule kind ${describe(kindValue)}`, knownNamesHint(String(kindValue ?? ''), RULE_KINDS, 'rule kinds'));
    return undefined;
  }
  const kind = kindValue as RuleKind;
  reader.unknownKeys(entry, [...COMMON_KEYS, ...KEYS_BY_KIND[kind]], path, `a ${kind} rule`);
  const message = reader.string(entry, 'message', path, 'add "message: <what a customer reads>"');
  if (id === undefined || message === undefined) return undefined;
  const base = { id, message, source: reader.source.locate(path) };
  const condition = (key: string, required: boolean) => {
    if (entry[key] === undefined) {
      if (required) reader.report(path, `"${key}" is missing`, `add "${key}: { <attribute>: <option> }"`);
      return undefined;
    }
    return readCondition(reader, attributes, entry[key], [...path, key]);
  };

  switch (kind) {
    case 'requires': {
      const when = condition('when', true);
      const then = condition('then', true);
      return when && then ? { ...base, kind, when, then } : undefined;
    }
    case 'excludes': {
      const when = condition('when', true);
      const excludes = condition('excludes', true);
      return when && excludes ? { ...base, kind, when, excludes } : undefined;
    }
    case 'allowed-combinations':
    case 'forbidden-combinations':
      return readCombinations(reader, attributes, entry, path, base, kind, options);
    case 'availability': {
      const options = readOptionLists(reader, attributes, entry.options, [...path, 'options'], 'options');
      const when = entry.when === undefined ? undefined : readCondition(reader, attributes, entry.when, [...path, 'when'], true);
      const [from, until] = (['from', 'until'] as const).map((key) => {
        const value = entry[key];
        if (value === undefined) return undefined;
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
          reader.report([...path, key], `"${key}" must be a date written YYYY-MM-DD, not ${describe(value)}`, `write e.g. ${key}: 2027-03-31`);
          return undefined;
        }
        return value;
      });
      if (entry.when === undefined && from === undefined && until === undefined && entry.from === undefined && entry.until === undefined) {
        reader.report(path, 'an availability rule needs "when", "from" or "until"', 'say when the options are offered, e.g. when: { context.region: [EU] } or until: 2027-03-31');
      }
      if ((entry.when !== undefined && !when) || (entry.from !== undefined && !from) || (entry.until !== undefined && !until) || !options) return undefined;
      return { ...base, kind, options, ...(when ? { when } : {}), ...(from ? { from } : {}), ...(until ? { until } : {}) };
    }
    case 'recommendation': {
      const when = condition('when', false);
      if (entry.prefer === undefined) reader.report(path, '"prefer" is missing', 'add "prefer: { <attribute>: [<options>] }" with the options to suggest');
      const prefer = entry.prefer === undefined ? undefined : readOptionLists(reader, attributes, entry.prefer, [...path, 'prefer'], 'prefer');
      if ((entry.when !== undefined && !when) || !prefer) return undefined;
      return { ...base, kind, prefer, ...(when ? { when } : {}) };
    }
    case 'default': {
      const when = condition('when', false);
      const setMap = entry.set === undefined ? undefined : reader.map(entry.set, [...path, 'set'], '"set"');
      if (entry.set === undefined) reader.report(path, '"set" is missing', 'add "set: { <attribute>: <option> }" with the preferred options');
      if (!setMap) return undefined;
      const set: Record<string, string> = {};
      for (const [attributeId, optionId] of Object.entries(setMap)) {
        const problem = checkChoice(attributes, attributeId, optionId);
        if (problem) reader.report([...path, 'set', attributeId], problem.message, problem.hint, problem.atKey);
        else set[attributeId] = optionId as string;
      }
      if (Object.keys(setMap).length === 0) reader.report([...path, 'set'], 'a default rule must set at least one attribute', 'add "<attribute>: <option>" entries under "set"');
      return when === undefined && entry.when !== undefined ? undefined : { ...base, kind, set, ...(when ? { when } : {}) };
    }
    case 'price': {
      const when = condition('when', true);
      const amount = reader.number(entry, 'amount', path, { min: -100000, max: 100000 }, 'add "amount: 12.50" in the currency\'s major unit');
      return when && amount !== undefined ? { ...base, kind, when, amount: Math.round(amount * 100) } : undefined;
    }
    case 'lead-time': {
      const when = condition('when', true);
      const days = reader.number(entry, 'days', path, { min: 0, max: 365, integer: true }, 'add "days: 5" (whole extra production days)');
      return when && days !== undefined ? { ...base, kind, when, days } : undefined;
    }
    case 'alert': {
      const when = condition('when', true);
      return when ? { ...base, kind, when } : undefined;
    }
    case 'different':
    case 'same': {
      const when = condition('when', false);
      const scope = readAttributeList(reader, attributes, entry.attributes, [...path, 'attributes'], `a ${kind} rule`, `list the two or more attributes that must take ${kind === 'same' ? 'the same option' : 'different options'}, e.g. attributes: [quarter.colour, sidePanel.colour]`);
      if (!scope || (entry.when !== undefined && !when)) return undefined;
      checkMatchable(reader, scope, [...path, 'attributes'], kind);
      return { ...base, kind, attributes: scope.map((a) => a.id), ...(when ? { when } : {}) };
    }
  }
}

/**
 * The attributes a rule spans: two or more, each known and listed once. Undefined (reported) when
 * any is wrong, so the rule is not half-read.
 */
function readAttributeList(reader: DocumentReader, attributes: readonly AttributeDef[], value: unknown, path: DocumentPath, what: string, hint: string): AttributeDef[] | undefined {
  const attributeList = reader.list(value, path, '"attributes"');
  if (!attributeList) return undefined;
  const scope: AttributeDef[] = [];
  attributeList.forEach((attributeId, index) => {
    const attribute = attributes.find((candidate) => candidate.id === attributeId);
    if (!attribute) reader.report([...path, index], `unknown attribute ${describe(attributeId)}`, knownNamesHint(String(attributeId), attributes.map((a) => a.id), 'attributes'));
    else if (scope.includes(attribute)) reader.report([...path, index], `attribute "${attribute.id}" is listed twice`, 'list each attribute once');
    else scope.push(attribute);
  });
  if (attributeList.length < 2) reader.report(path, `${what} needs at least two attributes`, hint);
  return scope.length === attributeList.length && attributeList.length >= 2 ? scope : undefined;
}

/**
 * A `same` rule over attributes that share no option id could never hold (no design would be
 * valid); a `different` rule over attributes of which no two share an option id could never refuse
 * anything. Both are mistakes (usually the wrong attribute), reported with the options at stake.
 */
function checkMatchable(reader: DocumentReader, scope: readonly AttributeDef[], path: DocumentPath, kind: 'different' | 'same'): void {
  const ids = scope.map((attribute) => new Set(attribute.options.map((option) => option.id)));
  const names = scope.map((a) => a.id).join(', ');
  if (kind === 'same' && ![...ids[0]!].some((id) => ids.every((set) => set.has(id)))) {
    reader.report(path, `no option is common to ${names}, so this same rule could never hold and no design would be valid`, 'options are compared by id: list attributes that offer the same option ids (e.g. two parts\' colours), or give the options the same ids in product.yaml');
  }
  const overlaps = ids.some((set, index) => ids.slice(index + 1).some((other) => [...set].some((id) => other.has(id))));
  if (kind === 'different' && !overlaps) {
    reader.report(path, `no two of ${names} share an option, so this different rule could never refuse anything`, 'options are compared by id: list attributes that offer the same option ids (e.g. two parts\' colours), or delete the rule');
  }
}

function readCombinations(
  reader: DocumentReader, attributes: readonly AttributeDef[], entry: Record<string, unknown>, path: DocumentPath,
  base: { id: string; message: string }, kind: 'allowed-combinations' | 'forbidden-combinations', options: LoadRulesOptions,
): Rule | undefined {
  const scope = readAttributeList(reader, attributes, entry.attributes, [...path, 'attributes'], 'a combinations table', 'list two or more attributes; for one attribute, remove options from the product instead');
  if (entry.rows !== null && typeof entry.rows === 'object' && !Array.isArray(entry.rows)) {
    const rows = readCsvRows(reader, attributes, scope, entry.rows as Record<string, unknown>, [...path, 'rows'], options);
    return scope && rows ? { ...base, kind, attributes: scope.map((a) => a.id), rows } : undefined;
  }
  const rowList = reader.list(entry.rows, [...path, 'rows'], '"rows"');
  if (!scope || !rowList) return undefined;
  const rows: string[][] = [];
  rowList.forEach((row, rowIndex) => {
    const rowPath = [...path, 'rows', rowIndex];
    const cells = reader.list(row, rowPath, `row ${rowIndex + 1}`);
    if (!cells) return;
    if (cells.length !== scope.length) {
      reader.report(rowPath, `row ${rowIndex + 1} has ${cells.length} option${cells.length === 1 ? '' : 's'} but the table has ${scope.length} attributes (${scope.map((a) => a.id).join(', ')})`, 'give one option per attribute, in the order of "attributes"');
      return;
    }
    let valid = true;
    cells.forEach((cell, cellIndex) => {
      const problem = checkChoice(attributes, scope[cellIndex]!.id, cell);
      if (problem) {
        reader.report([...rowPath, cellIndex], problem.message, problem.hint);
        valid = false;
      }
    });
    if (valid) rows.push(cells as string[]);
  });
  if (rowList.length === 0) reader.report([...path, 'rows'], 'the table has no rows', kind === 'allowed-combinations' ? 'list the allowed combinations' : 'list the forbidden combinations, or delete the rule');
  return { ...base, kind, attributes: scope.map((a) => a.id), rows };
}

/**
 * `rows: { csv: <name>.csv }`: the table's rows from a CSV file beside the rules file (tables of
 * thousands of rows are kept and edited as spreadsheets; YAML reads 200k rows in seconds, CSV in a
 * fraction). The name is a plain file name, so a rules file can reach nothing outside its folder.
 */
function readCsvRows(reader: DocumentReader, attributes: readonly AttributeDef[], scope: readonly AttributeDef[] | undefined, map: Record<string, unknown>, path: DocumentPath, options: LoadRulesOptions): (readonly string[])[] | undefined {
  reader.unknownKeys(map, ['csv'], path, '"rows"');
  const name = map.csv;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][\w.-]*\.csv$/i.test(name)) {
    reader.report(name === undefined ? path : [...path, 'csv'], name === undefined ? '"rows" names no table file' : `${describe(name)} is not the name of a CSV file beside the rules file`, 'write rows: { csv: <name>.csv } with a file in the same folder as the rules file (letters, digits, dots, dashes), or list the rows inline');
    return undefined;
  }
  const text = options.readTable?.(name);
  if (text === undefined) {
    reader.report([...path, 'csv'], `the table file "${name}" is not there`, `put ${name} in the same folder as ${reader.source.file}, or correct the name`);
    return undefined;
  }
  if (!scope) return undefined;
  const file = tableFileOf(reader.source.file, name);
  const key = `${file}\u0000${scope.map((attribute) => attribute.id).join(',')}\u0000${text}`;
  const table = options.tableCache?.get(key) ?? readTableCsv(file, text, scope, attributes);
  options.tableCache?.set(key, table);
  if (!table.ok) {
    reader.problems.push(...table.problems);
    return undefined;
  }
  return table.rows as (readonly string[])[];
}

function readOptionLists(reader: DocumentReader, attributes: readonly AttributeDef[], value: unknown, path: DocumentPath, key: string): Record<string, string[]> | undefined {
  const map = reader.map(value, path, `"${key}"`);
  if (!map) return undefined;
  const result: Record<string, string[]> = {};
  let valid = Object.keys(map).length > 0;
  if (!valid) reader.report(path, `"${key}" names no options`, `write ${key}: { <attribute>: [<options>] }`);
  for (const [attributeId, raw] of Object.entries(map)) {
    const options = Array.isArray(raw) ? raw : [raw];
    options.forEach((optionId, index) => {
      const problem = checkChoice(attributes, attributeId, optionId);
      if (problem) {
        reader.report(problem.atKey ? [...path, attributeId] : Array.isArray(raw) ? [...path, attributeId, index] : [...path, attributeId], problem.message, problem.hint, problem.atKey);
        valid = false;
      }
    });
    result[attributeId] = options as string[];
  }
  return valid ? result : undefined;
}

/**
 * Reads a condition. Over the design, keys are attribute ids; over session facts (`facts`), keys
 * are `context.<fact>` and values are free text (a region code, a stock state).
 */
function readCondition(reader: DocumentReader, attributes: readonly AttributeDef[], value: unknown, path: DocumentPath, facts = false): Condition | undefined {
  const map = reader.map(value, path, 'a condition');
  if (!map) return undefined;
  const parts: Condition[] = [];
  let valid = true;
  const entries = Object.entries(map);
  if (entries.length === 0) {
    reader.report(path, 'the condition is empty', 'write { <attribute>: <option> }, or combine conditions with all:, any: and not:');
    return undefined;
  }
  for (const [key, inner] of entries) {
    const innerPath = [...path, key];
    if (key === 'all' || key === 'any') {
      const list = reader.list(inner, innerPath, `"${key}"`);
      if (!list || list.length === 0) {
        if (list) reader.report(innerPath, `"${key}" has no conditions`, `list conditions under "${key}", e.g. ${key}: [{ vamp.material: suede }, { quarter.material: suede }]`);
        valid = false;
        continue;
      }
      const of = list.map((item, index) => readCondition(reader, attributes, item, [...innerPath, index], facts));
      if (of.some((item) => item === undefined)) valid = false;
      else parts.push({ kind: key, of: of as Condition[] });
    } else if (key === 'not') {
      const of = readCondition(reader, attributes, inner, innerPath, facts);
      if (of) parts.push({ kind: 'not', of });
      else valid = false;
    } else if (facts) {
      const values = Array.isArray(inner) ? inner : [inner];
      if (!/^context\.[A-Za-z][\w.-]*$/.test(key)) {
        reader.report(innerPath, `"${key}" is not a session fact`, 'availability conditions read facts about the session, written context.<fact> (e.g. context.region: [EU, UK]); put conditions on the design in a requires or excludes rule', true);
        valid = false;
      } else if (values.length === 0 || values.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
        reader.report(innerPath, `"${key}" must list one or more values`, `write e.g. ${key}: [EU, UK]`);
        valid = false;
      } else {
        parts.push({ kind: 'in', attribute: key, options: values.map(String) });
      }
    } else {
      const attribute = attributes.find((candidate) => candidate.id === key);
      if (!attribute) {
        reader.report(innerPath, `unknown attribute "${key}"`, knownNamesHint(key, [...attributes.map((a) => a.id), 'all', 'any', 'not'], 'attributes and operators'), true);
        valid = false;
        continue;
      }
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
        const tagged = readTagCondition(reader, attribute, inner as Record<string, unknown>, innerPath);
        if (tagged) parts.push(tagged);
        else valid = false;
        continue;
      }
      const options = Array.isArray(inner) ? inner : [inner];
      if (options.length === 0) {
        reader.report(innerPath, `no options listed for "${key}"`, 'list one or more options');
        valid = false;
      }
      options.forEach((optionId, index) => {
        const tagInList = optionId !== null && typeof optionId === 'object' && !Array.isArray(optionId);
        const problem = tagInList
          ? { message: `a list of options for "${key}" holds a mapping`, hint: `a tag stands alone: write ${key}: { tag: <tag> } (or { tag: [<tags>] }), or list option ids` }
          : checkChoice(attributes, key, optionId);
        if (problem) {
          reader.report(Array.isArray(inner) ? [...innerPath, index] : innerPath, problem.message, problem.hint);
          valid = false;
        }
      });
      parts.push({ kind: 'in', attribute: key, options: options as string[] });
    }
  }
  if (!valid) return undefined;
  return parts.length === 1 ? parts[0] : { kind: 'all', of: parts };
}

/**
 * `<attribute>: { tag: dark }` (or `{ tag: [dark, earth] }`, any of them): the attribute's options
 * carrying the tag, resolved now against the product, so a colour tagged later is covered by the
 * rule without new rows. A tag no option of the attribute carries is a mistake (a typo, or the
 * wrong attribute), reported with the attribute's tags.
 */
function readTagCondition(reader: DocumentReader, attribute: AttributeDef, map: Record<string, unknown>, path: DocumentPath): Condition | undefined {
  reader.unknownKeys(map, ['tag'], path, 'a tag condition');
  const raw = map.tag;
  const written = Array.isArray(raw) ? raw : [raw];
  if (raw === undefined || written.length === 0 || written.some((tag) => typeof tag !== 'string')) {
    reader.report(path, `"${attribute.id}" must name options or a tag`, `write ${attribute.id}: <option>, ${attribute.id}: [<options>] or ${attribute.id}: { tag: <tag> }`);
    return undefined;
  }
  const known = [...new Set(attribute.options.flatMap((option) => option.tags ?? []))];
  const tags = written as string[];
  let valid = true;
  tags.forEach((tag, index) => {
    if (known.includes(tag)) return;
    valid = false;
    const where = Array.isArray(raw) ? [...path, 'tag', index] : [...path, 'tag'];
    reader.report(where, `no option of "${attribute.id}" is tagged "${tag}"`, known.length > 0
      ? knownNamesHint(tag, known, `tags of ${attribute.id}`)
      : `the options of "${attribute.id}" have no tags: add "tags: [${tag}]" to the ones that have it in product.yaml`);
  });
  if (!valid) return undefined;
  const options = attribute.options.filter((option) => option.tags?.some((tag) => tags.includes(tag))).map((option) => option.id);
  return { kind: 'in', attribute: attribute.id, options, tags };
}
