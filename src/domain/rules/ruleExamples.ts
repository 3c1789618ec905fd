import { DocumentReader, describe, failed, knownNamesHint, ok, parseYamlSource, type DocumentPath, type Result, type SourceLocation } from '../shared/index.ts';
import { checkChoice, type AttributeDef, type AttributeId, type OptionId, type Product } from '../product/index.ts';
import { hardRules, type Rule, type RuleSet } from './rulesModel.ts';

/**
 * What an example in a rules file says must hold of its design:
 * - `valid`: the choices can be completed to a valid design;
 * - `invalid`: no valid design has the choices, and `ruleId` is among the rules that refuse them;
 * - `price`: the design the engine completes from the choices costs `amount` (minor units);
 * - `leadTime`: that design takes `days` production days.
 */
export type ExampleExpectation =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly ruleId: string }
  | { readonly kind: 'price'; readonly amount: number }
  | { readonly kind: 'leadTime'; readonly days: number };

/**
 * A test a merchandiser writes in the rules file's `examples:` list: a partial design (choices by
 * attribute) and one expectation. Examples are not rules: they never change what can be made, so
 * they are kept out of the `RuleSet` (and out of the rules version's hash).
 *
 * @example
 * // examples:
 * //   - name: knit needs a textile lining
 * //     design: { vamp.material: knit, lining.material: leather }
 * //     invalid: { rule: breathable-upper-lining }
 */
export interface RuleExample {
  readonly name: string;
  readonly design: Readonly<Record<AttributeId, OptionId>>;
  readonly expect: ExampleExpectation;
  /** Where the example starts in the rules file. */
  readonly source: SourceLocation;
}

const EXPECTATIONS = ['valid', 'invalid', 'price', 'leadTime'] as const;
const EXAMPLE_KEYS = ['name', 'design', ...EXPECTATIONS];

/**
 * Reads the rules file's `examples:` list, reporting every mistake on `reader` at file:line:column
 * with a "did you mean" (unknown attributes, options and rule ids, a missing or doubled
 * expectation). Called by `loadRules`, so `rules check` and the catalog build refuse a broken
 * example; the examples themselves are returned by {@link loadRuleExamples}.
 */
export function readExamples(reader: DocumentReader, attributes: readonly AttributeDef[], raw: unknown, rules: readonly Rule[]): RuleExample[] {
  const list = reader.list(raw, ['examples'], '"examples"') ?? [];
  const names = new Set<string>();
  const examples: RuleExample[] = [];
  list.forEach((item, index) => {
    const example = readExample(reader, attributes, item, ['examples', index], rules, names);
    if (example) examples.push(example);
  });
  return examples;
}

/**
 * The examples of a rules file already loaded by `loadRules` (which checked them): an empty list
 * when the file has none.
 */
export function loadRuleExamples(product: Product, ruleSet: RuleSet, file: string, text: string): Result<RuleExample[]> {
  const source = parseYamlSource(file, text);
  if (source.syntaxProblems.length > 0) return failed(source.syntaxProblems);
  const reader = new DocumentReader(source);
  const root = reader.map(source.data, [], 'the rules file');
  if (!root) return failed(reader.problems);
  const examples = root.examples === undefined ? [] : readExamples(reader, product.attributes, root.examples, ruleSet.rules);
  return reader.problems.length > 0 ? failed(reader.problems) : ok(examples);
}

function readExample(reader: DocumentReader, attributes: readonly AttributeDef[], raw: unknown, path: DocumentPath, rules: readonly Rule[], names: Set<string>): RuleExample | undefined {
  const entry = reader.map(raw, path, `example ${Number(path[1]) + 1}`);
  if (!entry) return undefined;
  reader.unknownKeys(entry, EXAMPLE_KEYS, path, 'an example');
  const name = reader.string(entry, 'name', path, 'add "name: <what the example shows>", e.g. name: knit upper needs a textile lining');
  if (name !== undefined && reader.duplicate(names, name, [...path, 'name'], 'example name')) return undefined;
  const design = readDesign(reader, attributes, entry.design, [...path, 'design']);
  const expect = readExpectation(reader, entry, path, rules);
  if (name === undefined || !design || !expect) return undefined;
  return { name, design, expect, source: reader.source.locate(path) };
}

function readDesign(reader: DocumentReader, attributes: readonly AttributeDef[], raw: unknown, path: DocumentPath): Record<AttributeId, OptionId> | undefined {
  if (raw === undefined) {
    reader.report(path.slice(0, -1), '"design" is missing', 'add "design: { <attribute>: <option> }" with the choices the example makes (design: {} for the default design)');
    return undefined;
  }
  const map = reader.map(raw, path, '"design"');
  if (!map) return undefined;
  const design: Record<AttributeId, OptionId> = {};
  let valid = true;
  for (const [attributeId, optionId] of Object.entries(map)) {
    const problem = Array.isArray(optionId)
      ? { message: `"${attributeId}" lists several options`, hint: `an example is one design: choose one option, e.g. ${attributeId}: ${String(optionId[0])}, and write another example for the others`, atKey: false }
      : checkChoice(attributes, attributeId, optionId);
    if (problem) {
      reader.report([...path, attributeId], problem.message, problem.hint, problem.atKey);
      valid = false;
    } else design[attributeId] = optionId as OptionId;
  }
  return valid ? design : undefined;
}

function readExpectation(reader: DocumentReader, entry: Record<string, unknown>, path: DocumentPath, rules: readonly Rule[]): ExampleExpectation | undefined {
  const stated = EXPECTATIONS.filter((key) => entry[key] !== undefined);
  if (stated.length !== 1) {
    reader.report(stated.length === 0 ? path : [...path, stated[1]!], stated.length === 0 ? 'the example says nothing to check' : `the example states ${stated.length} expectations (${stated.join(', ')})`,
      stated.length === 0
        ? 'add one of: valid: true, invalid: { rule: <rule id> }, price: <amount>, leadTime: <days>'
        : 'give each example one expectation: copy it under another name for the next one', stated.length > 1);
    return undefined;
  }
  const kind = stated[0]!;
  switch (kind) {
    case 'valid':
      if (entry.valid === true) return { kind };
      reader.report([...path, 'valid'], `"valid" must be true, not ${describe(entry.valid)}`, 'write valid: true; for choices that must conflict, write invalid: { rule: <the rule that refuses them> }');
      return undefined;
    case 'invalid':
      return readInvalid(reader, entry.invalid, [...path, 'invalid'], rules);
    case 'price': {
      const amount = reader.number(entry, 'price', path, { min: 0, max: 1_000_000 }, 'write the price of the completed design in the currency\'s major unit, e.g. price: 134.00');
      return amount === undefined ? undefined : { kind, amount: Math.round(amount * 100) };
    }
    case 'leadTime': {
      const days = reader.number(entry, 'leadTime', path, { min: 0, max: 1000, integer: true }, 'write the production days of the completed design, e.g. leadTime: 17');
      return days === undefined ? undefined : { kind, days };
    }
  }
}

function readInvalid(reader: DocumentReader, raw: unknown, path: DocumentPath, rules: readonly Rule[]): ExampleExpectation | undefined {
  const hard = hardRules({ productId: '', rules }).map((rule) => rule.id);
  const map = reader.map(raw, path, '"invalid"');
  if (!map) return undefined;
  reader.unknownKeys(map, ['rule'], path, '"invalid"');
  const ruleId = reader.string(map, 'rule', path, `name the rule that refuses the choices: invalid: { rule: <rule id> }; rules that can: ${hard.join(', ')}`);
  if (ruleId === undefined) return undefined;
  const rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) {
    reader.report([...path, 'rule'], `no rule has the id "${ruleId}"`, knownNamesHint(ruleId, hard, 'rules that refuse designs'));
    return undefined;
  }
  if (!hard.includes(ruleId)) {
    const why = rule.kind === 'availability'
      ? 'an availability rule, which depends on the customer\'s region and the date, and an example has neither'
      : `${rule.kind === 'alert' ? 'an' : 'a'} ${rule.kind} rule, which never refuses a design`;
    reader.report([...path, 'rule'], `"${ruleId}" is ${why}`, `name a requires, excludes, allowed-/forbidden-combinations, different or same rule: ${knownNamesHint(ruleId, hard, 'rules that refuse designs')}`);
    return undefined;
  }
  return { kind: 'invalid', ruleId };
}
