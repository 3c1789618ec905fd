// The studio's examples: the rules file's `examples:` run on the draft as it is typed, each with
// where it is written; and an example written into the rules file, read back by the loader as the
// very example it was, with everything else in the file kept as it was. Options and rules are read
// from the shipped files, never written out here.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProduct, loadRules, type Product, type RuleSet } from '../../src/domain/index.ts';
import { hardRules, loadRuleExamples, type ExampleExpectation } from '../../src/domain/rules/index.ts';
import { addExampleText, checkDraft, runDraftExamples, type Draft, type NewExample } from '../../src/domain/studio/index.ts';

function shipped(id: string): Draft {
  const product = `models/${id}/product.yaml`;
  const rules = `rules/${id}.rules.yaml`;
  return { product: { file: product, text: readFileSync(product, 'utf8') }, rules: { file: rules, text: readFileSync(rules, 'utf8') } };
}

function loaded(draft: Draft): { product: Product; ruleSet: RuleSet } {
  const product = loadProduct(draft.product.file, draft.product.text);
  if (!product.ok) throw new Error(JSON.stringify(product.problems));
  const ruleSet = loadRules(product.value, draft.rules.file, draft.rules.text);
  if (!ruleSet.ok) throw new Error(JSON.stringify(ruleSet.problems));
  return { product: product.value, ruleSet: ruleSet.value };
}

/** The examples of a rules text, as the loader reads them back (no positions). */
function examplesOf(draft: Draft, rulesText: string): NewExample[] {
  const { product } = loaded(draft);
  const ruleSet = loadRules(product, draft.rules.file, rulesText);
  if (!ruleSet.ok) throw new Error(ruleSet.problems.map((problem) => `${problem.location?.line}: ${problem.message}`).join('\n'));
  const examples = loadRuleExamples(product, ruleSet.value, draft.rules.file, rulesText);
  if (!examples.ok) throw new Error(JSON.stringify(examples.problems));
  return examples.value.map(({ source: _source, ...example }) => example);
}

/** Whether `after` is `before` with one run of characters inserted somewhere. */
function isInsertionInto(before: string, after: string): boolean {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  return after.endsWith(before.slice(prefix)) && after.length >= before.length;
}

describe.each(['sneaker', 'tshirt'])('the examples of the %s draft', (id) => {
  const draft = shipped(id);

  it('runs every example of the shipped rules file, and each passes where it is written', () => {
    const outcomes = runDraftExamples(draft, checkDraft(draft))!;
    expect(outcomes.map((outcome) => outcome.name)).toEqual(examplesOf(draft, draft.rules.text).map((example) => example.name));
    for (const outcome of outcomes) {
      expect(outcome, outcome.actual).toMatchObject({ passed: true });
      // The example's first key, where "Go to" puts the cursor.
      expect(draft.rules.text.slice(outcome.from)).toMatch(/^(name|design|valid|invalid|price|leadTime):/);
      expect(draft.rules.text.split('\n')[outcome.line - 1]!.slice(outcome.column - 1)).toBe(draft.rules.text.slice(outcome.from).split('\n')[0]);
    }
  });

  it('fails each price example when the base price changes, saying what the design costs instead', () => {
    const changed = { ...draft, product: { ...draft.product, text: draft.product.text.replace(/^basePrice: ([\d.]+)/m, (_, price: string) => `basePrice: ${(Number(price) + 1).toFixed(2)}`) } };
    expect(changed.product.text).not.toBe(draft.product.text);
    const outcomes = runDraftExamples(changed, checkDraft(changed))!;
    const priced = outcomes.filter((outcome) => outcome.expect === 'price');
    for (const outcome of priced) {
      expect(outcome.passed).toBe(false);
      expect(outcome.actual).toMatch(/^the completed design costs .*base/);
    }
    expect(outcomes.filter((outcome) => outcome.expect !== 'price').every((outcome) => outcome.passed)).toBe(true);
  });

  it('runs nothing while the rules file does not load', () => {
    const broken = { ...draft, rules: { ...draft.rules, text: draft.rules.text.replace(/^rules:/m, 'rulez:') } };
    expect(runDraftExamples(broken, checkDraft(broken))).toBeUndefined();
  });
});

describe('an example written into the rules file', () => {
  const draft = shipped('sneaker');
  const { product, ruleSet } = loaded(draft);
  const hardIds = hardRules(ruleSet).map((rule) => rule.id);
  const withoutExamples = draft.rules.text.slice(0, draft.rules.text.search(/^examples:/m));

  const design = fc.uniqueArray(fc.constantFrom(...product.attributes), { selector: (attribute) => attribute.id, maxLength: 4 })
    .chain((attributes) => fc.tuple(...attributes.map((attribute) => fc.constantFrom(...attribute.options.map((option) => [attribute.id, option.id] as const)))))
    .map((choices) => Object.fromEntries(choices));
  const expectation: fc.Arbitrary<ExampleExpectation> = fc.oneof(
    fc.constant({ kind: 'valid' as const }),
    fc.constantFrom(...hardIds).map((ruleId) => ({ kind: 'invalid' as const, ruleId })),
    fc.integer({ min: 0, max: 100_000_000 }).map((amount) => ({ kind: 'price' as const, amount })),
    fc.integer({ min: 0, max: 1000 }).map((days) => ({ kind: 'leadTime' as const, days })),
  );
  // Names a merchandiser might type, YAML's awkward characters included.
  const name = fc.tuple(fc.constantFrom('', '- ', '#', 'true', '12', '"', "'", '[a]', '{', '&x ', '*', '!', '? ', '%', '@', '`'), fc.string({ minLength: 1, maxLength: 30 }))
    .map(([start, rest]) => `new ${start}${rest}`.trimEnd())
    // Control characters, lone surrogates and the byte-order mark are not text a name is typed with.
    .filter((text) => [...text].every((char) => {
      const code = char.codePointAt(0)!;
      return code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfeff;
    }));
  const example = fc.record({ name, design, expect: expectation });

  it.each([
    ['the shipped file', draft.rules.text],
    ['a file with no examples', withoutExamples],
    ['a file with an empty list', `${withoutExamples}examples: [] # none yet\n`],
    ['a file with a flow list', `${withoutExamples}examples: [{ name: first, design: {}, valid: true }]\n`],
  ])('is read back as it was, at the end of the list, in %s, every other character kept', (_, text) => {
    const before = examplesOf(draft, text);
    fc.assert(fc.property(example, (added) => {
      const after = addExampleText(text, added);
      expect(examplesOf(draft, after)).toEqual([...before, added]);
      if (!/examples: \[/.test(text)) expect(isInsertionInto(text, after)).toBe(true);
    }), { numRuns: 60 });
  });

  it('keeps the comments around the list, and the list\'s own indentation', () => {
    const after = addExampleText(draft.rules.text, { name: 'a plain white court shoe can be made', design: {}, expect: { kind: 'valid' } });
    for (const comment of draft.rules.text.split('\n').filter((line) => line.trimStart().startsWith('#'))) expect(after).toContain(comment);
    const indent = /^examples:\n(\s*)-/m.exec(draft.rules.text)![1]!;
    expect(after).toContain(`\n${indent}- name: a plain white court shoe can be made\n${indent}  design: {}\n${indent}  valid: true\n`);
  });

  it('names a copy of an existing example apart, so the file still loads', () => {
    const [first] = examplesOf(draft, draft.rules.text);
    const once = addExampleText(draft.rules.text, first!);
    const twice = addExampleText(once, first!);
    expect(examplesOf(draft, twice).slice(-2).map((added) => added.name)).toEqual([`${first!.name} (2)`, `${first!.name} (3)`]);
  });

  it('writes prices in the major unit, as merchandisers write them', () => {
    expect(addExampleText(withoutExamples, { name: 'priced', design: {}, expect: { kind: 'price', amount: 13_100 } })).toMatch(/\n {4}price: 131\.00\n$/);
  });
});
