// The rules version is a content hash that orders and designs carry: it must not move when the
// way it is computed gets faster. Checked against the canonical form it has always hashed.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProduct, loadRules, rulesVersionOf, sha256Hex, type Product, type RuleSet } from '../../src/domain/index.ts';

/** The definition: product and rules as JSON with every `source` key left out, hashed. */
const reference = (product: unknown, ruleSet: unknown) =>
  sha256Hex(JSON.stringify({ product, ruleSet }, (key, value: unknown) => (key === 'source' ? undefined : value))).slice(0, 16);

describe('the rules version', () => {
  it('hashes the shipped sneaker as its canonical form, positions left out', () => {
    const product = loadProduct('models/sneaker/product.yaml', readFileSync('models/sneaker/product.yaml', 'utf8'));
    if (!product.ok) throw new Error('the sneaker does not load');
    const text = readFileSync('rules/sneaker.rules.yaml', 'utf8');
    const ruleSet = loadRules(product.value, 'rules/sneaker.rules.yaml', text);
    const moved = loadRules(product.value, 'rules/sneaker.rules.yaml', `# a comment\n\n${text}`);
    if (!ruleSet.ok || !moved.ok) throw new Error('the sneaker rules do not load');
    expect(rulesVersionOf(product.value, ruleSet.value)).toBe(reference(product.value, ruleSet.value));
    expect(moved.value.rules[0]!.source).not.toEqual(ruleSet.value.rules[0]!.source);
    expect(rulesVersionOf(product.value, moved.value)).toBe(rulesVersionOf(product.value, ruleSet.value));
  });

  it('is the canonical form\'s hash for any data, with `source` keys at any depth', () => {
    const withSources = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('array'), tie('object'), tie('rows')),
      // A table's rows: long enough to be written once and kept with the array.
      rows: fc.array(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), { minLength: 60, maxLength: 70 }),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.oneof(fc.constantFrom('source', 'rows', 'id'), fc.string({ maxLength: 3 })), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
    })).value;
    fc.assert(fc.property(withSources, withSources, (product, ruleSet) => {
      expect(rulesVersionOf(product as Product, ruleSet as RuleSet)).toBe(reference(product, ruleSet));
      // Again, with the rows written before.
      expect(rulesVersionOf(product as Product, ruleSet as RuleSet)).toBe(reference(product, ruleSet));
    }), { numRuns: 300 });
  });
});
