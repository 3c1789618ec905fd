// `different`, `same` and tag conditions against brute force: random small products whose options
// carry random tags, random rules written as a rules file (JSON is YAML) and read by the loader,
// then compiled. The oracle reads the same rules from their specification: it resolves tags and
// judges `different`/`same` itself, sharing no code with the loader or the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, explainBlocking, formatProblem, loadRules, type Assignment, type Condition, type Product, type RuleSet } from '../../src/domain/index.ts';
import type { Rule } from '../../src/domain/rules/rulesModel.ts';
import { BruteForce, partialAssignmentArb, productArb } from './support/bruteForce.ts';

const RUNS = 150;
const TAGS = ['t0', 't1', 't2'];

/** A condition as written, before the loader resolves tags. */
type Spec =
  | { readonly kind: 'options'; readonly attribute: string; readonly options: readonly string[] }
  | { readonly kind: 'tag'; readonly attribute: string; readonly tags: readonly string[] }
  | { readonly kind: 'all' | 'any'; readonly of: readonly Spec[] }
  | { readonly kind: 'not'; readonly of: Spec };

type RuleSpec =
  | { readonly kind: 'requires'; readonly when: Spec; readonly then: Spec }
  | { readonly kind: 'excludes'; readonly when: Spec; readonly excludes: Spec }
  | { readonly kind: 'different' | 'same'; readonly attributes: readonly string[]; readonly when?: Spec };

/** The product with random tags on its options (some options without any). */
const taggedProductArb: fc.Arbitrary<Product> = productArb.chain((product) => {
  const optionCount = product.attributes.reduce((sum, attribute) => sum + attribute.options.length, 0);
  return fc.array(fc.subarray(TAGS), { minLength: optionCount, maxLength: optionCount }).map((tagLists): Product => {
    let next = 0;
    return {
      ...product,
      attributes: product.attributes.map((attribute) => ({
        ...attribute,
        options: attribute.options.map((option) => {
          const tags = tagLists[next++]!;
          return tags.length > 0 ? { ...option, tags } : option;
        }),
      })),
    };
  });
});

/** The tags some option of the attribute carries. */
function tagsOf(product: Product, attributeId: string): string[] {
  const attribute = product.attributes.find((candidate) => candidate.id === attributeId)!;
  return TAGS.filter((tag) => attribute.options.some((option) => option.tags?.includes(tag)));
}

function specArb(product: Product, depth = 2): fc.Arbitrary<Spec> {
  const leaf = fc.constantFrom(...product.attributes).chain((attribute): fc.Arbitrary<Spec> => {
    const options = fc.subarray(attribute.options.map((option) => option.id), { minLength: 1 }).map((ids): Spec => ({ kind: 'options', attribute: attribute.id, options: ids }));
    const known = tagsOf(product, attribute.id);
    if (known.length === 0) return options;
    return fc.oneof(options, fc.subarray(known, { minLength: 1 }).map((tags): Spec => ({ kind: 'tag', attribute: attribute.id, tags })));
  });
  if (depth === 0) return leaf;
  const inner = specArb(product, depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((of): Spec => ({ kind: 'all', of })), weight: 1 },
    { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((of): Spec => ({ kind: 'any', of })), weight: 1 },
    { arbitrary: inner.map((of): Spec => ({ kind: 'not', of })), weight: 1 },
  );
}

function ruleSpecArb(product: Product): fc.Arbitrary<RuleSpec> {
  const match = (kind: 'different' | 'same') =>
    fc.record({ scope: fc.shuffledSubarray([...product.attributes], { minLength: 2, maxLength: Math.min(3, product.attributes.length) }), when: fc.option(specArb(product, 1), { nil: undefined }) })
      .map(({ scope, when }): RuleSpec => ({ kind, attributes: scope.map((attribute) => attribute.id), ...(when ? { when } : {}) }));
  return fc.oneof(
    { arbitrary: match('different'), weight: 3 },
    { arbitrary: match('same'), weight: 3 },
    { arbitrary: fc.record({ when: specArb(product), then: specArb(product) }).map((body): RuleSpec => ({ kind: 'requires', ...body })), weight: 1 },
    { arbitrary: fc.record({ when: specArb(product), excludes: specArb(product) }).map((body): RuleSpec => ({ kind: 'excludes', ...body })), weight: 1 },
  );
}

const scenarioArb = taggedProductArb.chain((product) => fc.record({
  product: fc.constant(product),
  rules: fc.array(ruleSpecArb(product), { minLength: 1, maxLength: 4 }),
  fixed: partialAssignmentArb(product),
  target: fc.nat(),
}));

/** The condition as a rules file writes it. */
function written(spec: Spec): unknown {
  switch (spec.kind) {
    case 'options': return { [spec.attribute]: spec.options };
    case 'tag': return { [spec.attribute]: { tag: spec.tags.length === 1 ? spec.tags[0] : spec.tags } };
    case 'all':
    case 'any': return { [spec.kind]: spec.of.map(written) };
    case 'not': return { not: written(spec.of) };
  }
}

function rulesFile(product: Product, rules: readonly RuleSpec[]): string {
  return JSON.stringify({
    product: product.id,
    rules: rules.map((rule, index) => {
      const base = { id: `rule-${index}`, kind: rule.kind, message: `Rule ${index}.` };
      switch (rule.kind) {
        case 'requires': return { ...base, when: written(rule.when), then: written(rule.then) };
        case 'excludes': return { ...base, when: written(rule.when), excludes: written(rule.excludes) };
        default: return { ...base, attributes: rule.attributes, ...(rule.when ? { when: written(rule.when) } : {}) };
      }
    }),
  });
}

/** The oracle's reading of a condition: a tag is the options of that attribute that carry it. */
function oracleCondition(product: Product, spec: Spec): Condition {
  switch (spec.kind) {
    case 'options': return { kind: 'in', attribute: spec.attribute, options: spec.options };
    case 'tag': {
      const attribute = product.attributes.find((candidate) => candidate.id === spec.attribute)!;
      const options = attribute.options.filter((option) => (option.tags ?? []).some((tag) => spec.tags.includes(tag))).map((option) => option.id);
      return { kind: 'in', attribute: spec.attribute, options };
    }
    case 'all':
    case 'any': return { kind: spec.kind, of: spec.of.map((part) => oracleCondition(product, part)) };
    case 'not': return { kind: 'not', of: oracleCondition(product, spec.of) };
  }
}

function oracleRuleSet(product: Product, rules: readonly RuleSpec[]): RuleSet {
  return {
    productId: product.id,
    rules: rules.map((rule, index): Rule => {
      const base = { id: `rule-${index}`, message: `Rule ${index}.` };
      switch (rule.kind) {
        case 'requires': return { ...base, kind: 'requires', when: oracleCondition(product, rule.when), then: oracleCondition(product, rule.then) };
        case 'excludes': return { ...base, kind: 'excludes', when: oracleCondition(product, rule.when), excludes: oracleCondition(product, rule.excludes) };
        default: return { ...base, kind: rule.kind, attributes: rule.attributes, ...(rule.when ? { when: oracleCondition(product, rule.when) } : {}) };
      }
    }),
  };
}

/** A `same` rule whose attributes share no option id, or a `different` rule of which no two do: the loader refuses both. */
function isVacuousOrImpossible(product: Product, rule: RuleSpec): boolean {
  if (rule.kind !== 'same' && rule.kind !== 'different') return false;
  const ids = rule.attributes.map((id) => product.attributes.find((attribute) => attribute.id === id)!.options.map((option) => option.id));
  if (rule.kind === 'same') return !ids[0]!.some((id) => ids.every((list) => list.includes(id)));
  return !ids.some((list, index) => ids.slice(index + 1).some((other) => list.some((id) => other.includes(id))));
}

function loaded(product: Product, rules: readonly RuleSpec[]): RuleSet {
  const result = loadRules(product, 'rules/toy.rules.yaml', rulesFile(product, rules));
  if (!result.ok) throw new Error(`the rules do not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.value;
}

describe('different, same and tag conditions against brute force', () => {
  it('loads every rule, except a same rule that could never hold or a different rule that could never refuse', () => {
    fc.assert(fc.property(scenarioArb, ({ product, rules }) => {
      const result = loadRules(product, 'rules/toy.rules.yaml', rulesFile(product, rules));
      const refused = rules.map((rule, index) => [rule, index] as const).filter(([rule]) => isVacuousOrImpossible(product, rule)).map(([, index]) => `rules[${index}].attributes`);
      expect(result.ok ? [] : [...new Set(result.problems.map((problem) => problem.path))]).toEqual(refused);
    }), { numRuns: RUNS });
  });

  it('counts and offers exactly what enumeration finds', () => {
    fc.assert(fc.property(scenarioArb, ({ product, rules, fixed }) => {
      fc.pre(!rules.some((rule) => isVacuousOrImpossible(product, rule)));
      const space = compileRules(product, loaded(product, rules));
      const oracle = new BruteForce(product, oracleRuleSet(product, rules));
      expect(space.count({})).toBe(BigInt(oracle.valid.length));
      expect(space.count(fixed)).toBe(oracle.count(fixed));
      expect(space.domains({})).toEqual(oracle.domains({}));
      expect(space.domains(fixed)).toEqual(oracle.domains(fixed));
    }), { numRuns: RUNS });
  });

  it('explains an unavailable option by rules that, with the cited choices, really exclude it', () => {
    fc.assert(fc.property(scenarioArb, ({ product, rules, target }) => {
      fc.pre(!rules.some((rule) => isVacuousOrImpossible(product, rule)));
      const space = compileRules(product, loaded(product, rules));
      const oracle = new BruteForce(product, oracleRuleSet(product, rules));
      fc.pre(oracle.valid.length > 0);
      // A valid design's first value fixed; an option of another attribute it rules out is the target.
      const design = oracle.valid[target % oracle.valid.length]!;
      const [chosen, ...others] = product.attributes;
      const choices = [{ attribute: chosen!.id, option: design[chosen!.id]! }];
      const fixed: Assignment = { [chosen!.id]: design[chosen!.id]! };
      const domains = oracle.domains(fixed);
      const blocked = others.flatMap((attribute) => attribute.options.filter((option) => !domains.get(attribute.id)!.includes(option.id)).map((option) => ({ attribute: attribute.id, option: option.id })));
      fc.pre(blocked.length > 0);
      const wanted = blocked[target % blocked.length]!;
      const explanation = explainBlocking(space, choices, wanted)!;
      const ruleIds = explanation.rules.map((rule) => rule.ruleId);
      const cited = Object.fromEntries(explanation.blockingChoices.map((c) => [c.attribute, c.option]));
      expect(oracle.isConsistentUnder(ruleIds, { ...cited, [wanted.attribute]: wanted.option })).toBe(false);
      for (const ruleId of ruleIds) {
        expect(space.constraints.find((constraint) => constraint.ruleId === ruleId)?.message, ruleId).toMatch(/^(Rule \d+\.|.+ comes in .+\.)$/);
      }
    }), { numRuns: RUNS });
  });
});
