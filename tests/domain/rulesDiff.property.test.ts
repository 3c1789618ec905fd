// diffRules and judgeDesign against brute force: random small products and rule sets, then one
// hard rule added (and, read the other way, removed). Counts, options gained and lost, rules
// added/removed/changed and the verdict on every design are checked by enumeration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, diffRules, judgeDesign, type Product, type Rule, type RuleSet } from '../../src/domain/index.ts';
import { BruteForce, productArb, ruleSetArb } from './support/bruteForce.ts';

const RUNS = 120;
const HARD_KINDS: readonly Rule['kind'][] = ['requires', 'excludes', 'allowed-combinations', 'forbidden-combinations', 'different', 'same'];

/** A product, its rules, and the same rules with one more hard rule (`added-rule`) at the end. */
const changeArb = productArb.chain((product) =>
  fc.tuple(ruleSetArb(product), ruleSetArb(product).filter((extra) => extra.rules.some((rule) => HARD_KINDS.includes(rule.kind))))
    .map(([before, extra]) => {
      const added = { ...extra.rules.find((rule) => HARD_KINDS.includes(rule.kind))!, id: 'added-rule', message: 'The added rule.' } as Rule;
      return { product, before, after: { ...before, rules: [...before.rules, added] } satisfies RuleSet };
    }));

/** The options of each attribute in some valid design, by enumeration. */
function validOptions(oracle: BruteForce): Map<string, Set<string>> {
  return new Map([...oracle.domains({})].map(([attribute, options]) => [attribute, new Set(options)]));
}

/** What the diff must say of the options of a product whose option lists did not change. */
function expectedOptionChanges(product: Product, before: BruteForce, after: BruteForce) {
  const old = validOptions(before);
  const now = validOptions(after);
  return product.attributes
    .map((attribute) => {
      const ids = attribute.options.map((option) => option.id);
      return {
        attribute: attribute.id,
        added: [],
        removed: [],
        gained: ids.filter((id) => !old.get(attribute.id)!.has(id) && now.get(attribute.id)!.has(id)),
        lost: ids.filter((id) => old.get(attribute.id)!.has(id) && !now.get(attribute.id)!.has(id)),
      };
    })
    .filter((diff) => diff.gained.length + diff.lost.length > 0);
}

describe('diffRules', () => {
  it('counts designs before and after exactly, and names the options lost and gained, when a rule is added or removed', () => {
    fc.assert(fc.property(changeArb, ({ product, before, after }) => {
      const oracleBefore = new BruteForce(product, before);
      const oracleAfter = new BruteForce(product, after);
      const added = diffRules({ product, ruleSet: before }, { product, ruleSet: after });
      expect(added.designs).toEqual({ before: oracleBefore.count({}), after: oracleAfter.count({}) });
      expect(added.options).toEqual(expectedOptionChanges(product, oracleBefore, oracleAfter));
      expect(added.rules.added.map((rule) => rule.id)).toEqual(['added-rule']);
      expect(added.rules.removed).toEqual([]);
      expect(added.rules.changed).toEqual([]);
      // Adding a rule never gains an option; read backwards, the same change is a removal.
      expect(added.options.every((diff) => diff.gained.length === 0)).toBe(true);
      const removed = diffRules({ product, ruleSet: after }, { product, ruleSet: before });
      expect(removed.designs).toEqual({ before: oracleAfter.count({}), after: oracleBefore.count({}) });
      expect(removed.options).toEqual(expectedOptionChanges(product, oracleAfter, oracleBefore));
      expect(removed.rules.removed.map((rule) => rule.id)).toEqual(['added-rule']);
      expect(removed.rules.added).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('calls a rule changed when its meaning changes, and not when only its place in the file does', () => {
    fc.assert(fc.property(changeArb, ({ product, after }) => {
      const reordered = { ...after, rules: [...after.rules].reverse().map((rule) => ({ ...rule, source: { file: 'moved.yaml', line: 9, column: 1 } })) };
      expect(diffRules({ product, ruleSet: after }, { product, ruleSet: reordered }).rules).toEqual({ added: [], removed: [], changed: [] });
      const reworded = { ...after, rules: after.rules.map((rule) => (rule.id === 'added-rule' ? { ...rule, message: 'Reworded.' } : rule)) };
      expect(diffRules({ product, ruleSet: after }, { product, ruleSet: reworded }).rules.changed.map((rule) => rule.id)).toEqual(['added-rule']);
    }), { numRuns: 30 });
  });

  it('lists options added to and removed from the product, and attributes added and removed', () => {
    fc.assert(fc.property(changeArb, ({ product, before }) => {
      const [first, ...rest] = product.attributes;
      const renamed: Product = {
        ...product,
        palettes: [],
        attributes: [{ ...first!, options: [...first!.options.slice(1), { id: 'brand-new', label: 'Brand new', code: 'BN' }] }, ...rest.slice(0, -1),
          { id: 'extra.finish', label: 'Finish', kind: 'material', partId: first!.partId, options: [{ id: 'matt', label: 'Matt', code: 'MA' }] }],
      };
      const keptRules = { ...before, rules: [] };
      const diff = diffRules({ product, ruleSet: keptRules }, { product: renamed, ruleSet: keptRules });
      const firstDiff = diff.options.find((entry) => entry.attribute === first!.id)!;
      expect(firstDiff.added).toEqual(['brand-new']);
      expect(firstDiff.removed).toEqual([first!.options[0]!.id]);
      expect(diff.attributesAdded).toEqual(['extra.finish']);
      expect(diff.attributesRemoved).toEqual(rest.length > 0 ? [rest.at(-1)!.id] : []);
    }), { numRuns: 30 });
  });
});

describe('judgeDesign', () => {
  it('refuses exactly the designs the new rules make invalid, naming rules that refuse them on their own', () => {
    fc.assert(fc.property(changeArb, ({ product, before, after }) => {
      const oracleBefore = new BruteForce(product, before);
      const oracleAfter = new BruteForce(product, after);
      const space = compileRules(product, after);
      for (const design of oracleBefore.valid) {
        const verdict = judgeDesign(space, design);
        if (oracleAfter.isValid(design)) {
          expect(verdict).toEqual({ kind: 'unchanged' });
          continue;
        }
        expect(verdict.kind).toBe('refused');
        if (verdict.kind !== 'refused') continue;
        expect(verdict.removedChoices).toEqual([]);
        const ruleIds = verdict.rules.map((rule) => rule.ruleId);
        expect(ruleIds.length).toBeGreaterThan(0);
        // The named rules alone refuse the design, and every one of them is needed.
        expect(oracleAfter.isConsistentUnder(ruleIds, design)).toBe(false);
        for (const ruleId of ruleIds) expect(oracleAfter.isConsistentUnder(ruleIds.filter((id) => id !== ruleId), design)).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('refuses a design naming an option the product no longer has, and calls a design missing a new attribute changed', () => {
    fc.assert(fc.property(changeArb, ({ product, before }) => {
      const oracle = new BruteForce(product, before);
      fc.pre(oracle.valid.length > 0);
      const design = oracle.valid[0]!;
      const [first] = product.attributes;
      const space = compileRules(product, before);
      expect(judgeDesign(space, { ...design, [first!.id]: 'withdrawn' })).toMatchObject({ kind: 'refused', removedChoices: [{ attribute: first!.id, option: 'withdrawn' }] });
      const { [first!.id]: _dropped, ...partial } = design;
      expect(judgeDesign(space, partial)).toEqual({ kind: 'changed', newAttributes: [first!.id] });
    }), { numRuns: 30 });
  });
});
