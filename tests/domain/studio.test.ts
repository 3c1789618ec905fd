// The studio's check of a draft: the shipped files edited as a merchandiser would, each mistake
// found at the characters an editor marks, with its fix and the rules involved. Options and rules
// are read from the files, never written out here, so a palette or rule edit breaks nothing.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogEntry, loadProduct, loadRules, type Product, type RuleSet } from '../../src/domain/index.ts';
import { checkDraft, lineColumnOf, offsetOf, ruleCards, tokenAt, type Draft } from '../../src/domain/studio/index.ts';

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

const withRules = (draft: Draft, text: string): Draft => ({ ...draft, rules: { ...draft.rules, text } });

describe('checking a draft', () => {
  const sneaker = shipped('sneaker');
  const { product, ruleSet } = loaded(sneaker);

  it('finds nothing wrong with the shipped files, and builds the entry publishing would', () => {
    const check = checkDraft(sneaker);
    expect(check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const published = loadCatalogEntry(sneaker.product, sneaker.rules);
    if (!published.ok) throw new Error('the shipped files must load');
    expect(check.entry?.rulesVersion).toBe(published.value.rulesVersion);
    expect(check.entry?.compiled).toEqual(published.value.compiled);
    expect(check.counts?.designs).toBeGreaterThan(0n);
  });

  it('marks a mistyped option where it is written, with a did-you-mean that fixes it in one step', () => {
    // The first rule that says `then: { <attribute>: <option> }`, its option misspelt (last letter dropped).
    const rule = ruleSet.rules.find((candidate) => candidate.kind === 'requires' && candidate.then.kind === 'in' && candidate.then.options.length === 1 && candidate.source);
    if (rule?.kind !== 'requires' || rule.then.kind !== 'in') throw new Error('the shipped rules have a requires rule with one option');
    const option = rule.then.options[0]!;
    const typo = option.slice(0, -1);
    expect(product.attributes.find((attribute) => attribute.id === (rule.then as { attribute: string }).attribute)!.options.map((o) => o.id)).not.toContain(typo);
    const thenLine = sneaker.rules.text.split('\n').findIndex((line, index) => index >= rule.source!.line - 1 && /^\s*then:/.test(line));
    const lineStart = offsetOf(sneaker.rules.text, thenLine + 1, 1);
    const at = sneaker.rules.text.indexOf(option, lineStart);
    const edited = `${sneaker.rules.text.slice(0, at)}${typo}${sneaker.rules.text.slice(at + option.length)}`;

    const check = checkDraft(withRules(sneaker, edited));
    const diagnostic = check.diagnostics.find((candidate) => candidate.severity === 'error' && candidate.message.includes(`"${typo}"`));
    expect(diagnostic).toMatchObject({ file: sneaker.rules.file, from: at, to: at + typo.length, code: 'load', ruleIds: [rule.id], line: thenLine + 1 });
    expect(diagnostic!.fix).toContain(`did you mean "${option}"`);
    expect(diagnostic!.edit).toMatchObject({ from: at, to: at + typo.length, insert: option });
    expect(check.entry).toBeUndefined();

    const fixed = `${edited.slice(0, diagnostic!.edit!.from)}${diagnostic!.edit!.insert}${edited.slice(diagnostic!.edit!.to)}`;
    expect(fixed).toBe(sneaker.rules.text);
  });

  it('marks a mistyped attribute at its key', () => {
    const attribute = product.attributes.find((candidate) => sneaker.rules.text.includes(`{ ${candidate.id}: `))!;
    const at = sneaker.rules.text.indexOf(`{ ${attribute.id}: `) + 2;
    const typo = `${attribute.id}s`;
    const check = checkDraft(withRules(sneaker, `${sneaker.rules.text.slice(0, at)}${typo}${sneaker.rules.text.slice(at + attribute.id.length)}`));
    const diagnostic = check.diagnostics.find((candidate) => candidate.message.includes(`"${typo}"`));
    expect(diagnostic).toMatchObject({ from: at, to: at + typo.length, edit: { insert: attribute.id } });
  });

  it('says which rule kills an option, at that rule, and the card of the rule says so', () => {
    // An option no preset and no default names, of an attribute with others to offer.
    const named = new Set([
      ...product.presets.flatMap((preset) => Object.entries(preset.choices).map(([attribute, option]) => `${attribute}=${option}`)),
      ...ruleSet.rules.flatMap((rule) => (rule.kind === 'default' ? Object.entries(rule.set).map(([attribute, option]) => `${attribute}=${option}`) : [])),
    ]);
    const attribute = product.attributes.find((candidate) => candidate.options.filter((option) => !option.retired).length > 2)!;
    const option = attribute.options.find((candidate) => !candidate.retired && !named.has(`${attribute.id}=${candidate.id}`))!;
    const rule = `  - { id: studio-never, kind: excludes, message: Not made., when: { ${attribute.id}: ${option.id} }, excludes: { ${attribute.id}: ${option.id} } }\n`;
    const at = sneaker.rules.text.indexOf('\n', sneaker.rules.text.search(/^rules:/m)) + 1;
    const check = checkDraft(withRules(sneaker, `${sneaker.rules.text.slice(0, at)}${rule}${sneaker.rules.text.slice(at)}`));

    const dead = check.diagnostics.find((diagnostic) => diagnostic.code === 'dead-option' && diagnostic.option === option.id);
    expect(dead).toMatchObject({ severity: 'error', attribute: attribute.id, ruleIds: ['studio-never'], file: sneaker.rules.file, line: lineColumnOf(sneaker.rules.text, at).line });
    expect(dead!.message).toContain('"studio-never"');
    expect(check.counts!.designs).toBeLessThan(checkDraft(sneaker).counts!.designs);

    const cards = ruleCards(check.entry!.product, check.entry!.ruleSet, check.diagnostics);
    const card = cards.find((candidate) => candidate.id === 'studio-never')!;
    expect(card.standing.map((standing) => standing.code)).toContain('dead-option');
    expect(card.chips).toEqual([expect.objectContaining({ attribute: attribute.id, option: option.id })]);
    expect(cards.filter((candidate) => candidate.id !== 'studio-never').every((candidate) => !candidate.standing.some((standing) => standing.code === 'dead-option'))).toBe(true);
  });

  it('reports a product file that does not load in the product file', () => {
    const text = sneaker.product.text.replace(/^(\w+):/m, '$1s:');
    const check = checkDraft({ ...sneaker, product: { ...sneaker.product, text } });
    expect(check.diagnostics.length).toBeGreaterThan(0);
    expect(check.diagnostics.every((diagnostic) => diagnostic.file === sneaker.product.file && diagnostic.severity === 'error')).toBe(true);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.nat(sneaker.rules.text.length), fc.string({ maxLength: 6 }), (at, typed) => {
      const check = checkDraft(withRules(sneaker, `${sneaker.rules.text.slice(0, at)}${typed}${sneaker.rules.text.slice(at)}`));
      for (const diagnostic of check.diagnostics) {
        const text = diagnostic.file === sneaker.rules.file ? sneaker.rules.text.length + typed.length : sneaker.product.text.length;
        expect(0 <= diagnostic.from && diagnostic.from <= diagnostic.to && diagnostic.to <= text).toBe(true);
      }
    }), { numRuns: 8 });
  }, 60_000);
});

describe('positions', () => {
  it('turns an offset into a line and column and back', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', ':') }), fc.nat(), (text, n) => {
      const offset = n % (text.length + 1);
      const { line, column } = lineColumnOf(text, offset);
      expect(offsetOf(text, line, column)).toBe(offset);
    }));
  });

  it('marks a whole token, never an empty range in a non-empty text', () => {
    expect(tokenAt('then: { lining.material: textle }', 8)).toEqual({ from: 8, to: 23 });
    expect(tokenAt('then: { lining.material: textle }', 25)).toEqual({ from: 25, to: 31 });
    expect(tokenAt('a: "two words"', 3)).toEqual({ from: 3, to: 14 });
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.nat(), (text, n) => {
      const range = tokenAt(text, n % (text.length + 1));
      expect(range.to).toBeGreaterThan(range.from);
    }));
  });
});
