// Examples in a rules file (`examples:`): how the loader reads them (every mistake at
// file:line:column with a "did you mean") and how they are judged (valid, invalid with a named
// rule, price and lead time of the design the engine completes). Scratch files in memory: none of
// this depends on the shipped rules, which have their own examples (shippedRuleExamples.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, formatProblem, loadProduct, loadRules, rulesVersionOf, type Product, type Result, type RuleSet } from '../../src/domain/index.ts';
import { runRuleExamples, type ExampleOutcome } from '../../src/domain/catalog/index.ts';
import { loadRuleExamples, type RuleExample } from '../../src/domain/rules/index.ts';
import { BruteForce, partialAssignmentArb, productArb, ruleSetArb } from './support/bruteForce.ts';
import { PRODUCT, PRODUCT_FILE, RULES, RULES_FILE } from './support/examplesMini.ts';

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

const product = valueOf(loadProduct(PRODUCT_FILE, PRODUCT));

/** The rules file with `examples` (YAML list items, each indented two spaces) appended. */
function withExamples(examples: string): string {
  return `${RULES}examples:\n${examples}`;
}

/** Loads the file with examples and runs them. */
function run(examples: string): ExampleOutcome[] {
  const text = withExamples(examples);
  const ruleSet = valueOf(loadRules(product, RULES_FILE, text));
  return runRuleExamples(compileRules(product, ruleSet), ruleSet, valueOf(loadRuleExamples(product, ruleSet, RULES_FILE, text)));
}

/** Runs one example and gives its outcome. */
function runOne(example: string): ExampleOutcome {
  const [outcome] = run(`  - ${example}\n`);
  return outcome!;
}

/** The loader's problems for the file with these examples, formatted as the CLI prints them. */
function problemsOf(examples: string): string[] {
  const result = loadRules(product, RULES_FILE, withExamples(examples));
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('an example that says the design is valid', () => {
  it('passes when the choices can be completed to a valid design', () => {
    expect(runOne('{ name: suede pair, design: { toe.material: suede, heel.material: suede }, valid: true }').passed).toBe(true);
  });

  it('fails when the choices conflict, naming the rule that refuses them and its message', () => {
    const outcome = runOne('{ name: suede toe on leather, design: { toe.material: suede, heel.material: leather }, valid: true }');
    expect(outcome.passed).toBe(false);
    expect(outcome.expected).toBe('a valid design');
    expect(outcome.actual).toBe('the choices conflict: refused by "suede-pair" (A suede toe is stitched to a suede heel.)');
  });
});

describe('an example that says the design is refused by a rule', () => {
  it('passes when the choices conflict and the rule is among the reasons', () => {
    expect(runOne('{ name: same colours, design: { toe.colour: black, heel.colour: black }, invalid: { rule: two-tone } }').passed).toBe(true);
  });

  it('fails when the choices can be made', () => {
    const outcome = runOne('{ name: two colours, design: { toe.colour: white, heel.colour: black }, invalid: { rule: two-tone } }');
    expect(outcome.passed).toBe(false);
    expect(outcome.expected).toBe('the choices to be refused by rule "two-tone"');
    expect(outcome.actual).toBe('the choices can be completed to a valid design, so no rule refuses them');
  });

  it('fails when another rule refuses them, naming that rule', () => {
    const outcome = runOne('{ name: wrong rule, design: { toe.material: suede, heel.material: leather }, invalid: { rule: two-tone } }');
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toBe('the choices conflict: refused by "suede-pair" (A suede toe is stitched to a suede heel.)');
  });

  it('passes for each rule a design breaks on its own account, whichever the engine cites first', () => {
    const design = '{ toe.material: suede, heel.material: leather, toe.colour: black, heel.colour: black }';
    const outcomes = run(`  - { name: by suede-pair, design: ${design}, invalid: { rule: suede-pair } }\n  - { name: by two-tone, design: ${design}, invalid: { rule: two-tone } }\n`);
    expect(outcomes.map((outcome) => outcome.passed)).toEqual([true, true]);
  });

  it('passes when the rule refuses the choices together with another rule', () => {
    // slim needs a leather heel, a suede toe a suede heel: neither rule alone refuses slim + suede toe.
    const design = '{ cut.fit: slim, toe.material: suede }';
    const outcomes = run(`  - { name: by slim, design: ${design}, invalid: { rule: slim-in-leather } }\n  - { name: by pair, design: ${design}, invalid: { rule: suede-pair } }\n`);
    expect(outcomes.map((outcome) => outcome.passed)).toEqual([true, true]);
  });
});

describe('an example that states a price', () => {
  it('prices the design the engine completes from the choices, defaults included', () => {
    expect(runOne('{ name: the default design, design: {}, price: 100 }').passed).toBe(true);
    expect(runOne('{ name: a suede toe, design: { toe.material: suede }, price: 110.00 }').passed).toBe(true);
  });

  it('fails with the price found and its lines', () => {
    const outcome = runOne('{ name: a suede toe, design: { toe.material: suede }, price: 100.00 }');
    expect(outcome.passed).toBe(false);
    expect(outcome.expected).toBe('a price of €100.00');
    expect(outcome.actual).toBe('the completed design costs €110.00: base €100.00 + Suede (price-suede) €10.00');
  });

  it('fails when the choices conflict, since no design has them', () => {
    const outcome = runOne('{ name: no such shoe, design: { toe.material: suede, heel.material: leather }, price: 110 }');
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toContain('the choices conflict: refused by "suede-pair"');
  });
});

describe('an example that states a lead time', () => {
  it('takes the base days plus the longest extra that applies, not their sum', () => {
    expect(runOne('{ name: a suede heel, design: { heel.material: suede }, leadTime: 8 }').passed).toBe(true);
    expect(runOne('{ name: slim with a black toe, design: { cut.fit: slim, toe.colour: black }, leadTime: 7 }').passed).toBe(true);
    expect(runOne('{ name: plain, design: {}, leadTime: 5 }').passed).toBe(true);
  });

  it('fails with the days found and the extras behind them', () => {
    const outcome = runOne('{ name: slim, design: { cut.fit: slim }, leadTime: 5 }');
    expect(outcome.passed).toBe(false);
    expect(outcome.expected).toBe('a lead time of 5 days');
    expect(outcome.actual).toBe('the completed design takes 7 days (base 5, the longest extra of lead-slim +2)');
  });
});

describe('the outcome', () => {
  it('keeps the example and where it is written, for file:line:column', () => {
    const [outcome] = run('  - name: first\n    design: {}\n    valid: true\n');
    const example: RuleExample = outcome!.example;
    expect(example.source).toEqual({ file: RULES_FILE, line: RULES.split('\n').length + 1, column: 5 });
    expect(example.design).toEqual({});
  });
});

describe('examples are not rules', () => {
  it('leave the rules, and so the rules version, as they are', () => {
    const plain = valueOf(loadRules(product, RULES_FILE, RULES));
    const tested = valueOf(loadRules(product, RULES_FILE, withExamples('  - { name: plain, design: {}, valid: true }\n')));
    expect(tested).toEqual(plain);
    expect(rulesVersionOf(product, tested)).toBe(rulesVersionOf(product, plain));
  });

  it('a file without examples has none', () => {
    const ruleSet = valueOf(loadRules(product, RULES_FILE, RULES));
    expect(valueOf(loadRuleExamples(product, ruleSet, RULES_FILE, RULES))).toEqual([]);
  });
});

describe('the loader', () => {
  const line = RULES.split('\n').length + 1;
  /** Where `token` is in the one-line example: the location a problem about it must give. */
  const at = (example: string, token: string) => `${RULES_FILE}:${line}:${example.indexOf(token) + 1}`;
  const unknownAttribute = '  - { name: x, design: { toe.colur: white }, valid: true }\n';
  const unknownOption = '  - { name: x, design: { toe.material: sude }, valid: true }\n';
  const unknownRule = '  - { name: x, design: {}, invalid: { rule: two-tones } }\n';

  it.each([
    ['an unknown attribute, with the closest one', unknownAttribute, `${at(unknownAttribute, 'toe.colur')} examples[0].design.toe.colur: unknown attribute "toe.colur". Fix: did you mean "toe.colour"?`],
    ['an unknown option, with the closest one', unknownOption, `${at(unknownOption, 'sude')} examples[0].design.toe.material: "sude" is not an option of "toe.material". Fix: did you mean "suede"?`],
    ['several options for one attribute', '  - { name: x, design: { toe.material: [suede, leather] }, valid: true }\n', `examples[0].design.toe.material: "toe.material" lists several options. Fix: an example is one design`],
    ['an unknown rule, with the closest one', unknownRule, `${at(unknownRule, 'two-tones')} examples[0].invalid.rule: no rule has the id "two-tones". Fix: did you mean "two-tone"?`],
    ['a rule that never refuses a design', '  - { name: x, design: {}, invalid: { rule: price-suede } }\n', 'examples[0].invalid.rule: "price-suede" is a price rule, which never refuses a design'],
    ['no expectation', '  - { name: x, design: {} }\n', `${RULES_FILE}:${line}:5 examples[0]: the example says nothing to check. Fix: add one of: valid: true, invalid: { rule: <rule id> }, price: <amount>, leadTime: <days>`],
    ['two expectations', '  - { name: x, design: {}, valid: true, price: 100 }\n', 'examples[0].price: the example states 2 expectations (valid, price)'],
    ['valid: false', '  - { name: x, design: {}, valid: false }\n', 'examples[0].valid: "valid" must be true, not false. Fix: write valid: true; for choices that must conflict, write invalid: { rule: <the rule that refuses them> }'],
    ['a missing design', '  - { name: x, valid: true }\n', 'examples[0]: "design" is missing'],
    ['a missing name', '  - { design: {}, valid: true }\n', 'examples[0]: "name" is missing'],
    ['a name used twice', '  - { name: x, design: {}, valid: true }\n  - { name: x, design: {}, price: 100 }\n', 'examples[1].name: example name "x" is defined twice'],
    ['an unknown key, with the closest one', '  - { name: x, design: {}, valid: true, lead-time: 7 }\n', 'examples[0].lead-time: unknown key "lead-time" in an example. Fix: did you mean "leadTime"?'],
    ['a price that is not a number', '  - { name: x, design: {}, price: cheap }\n', 'examples[0].price: "price" must be a number, not "cheap"'],
    ['a lead time in part days', '  - { name: x, design: {}, leadTime: 2.5 }\n', 'examples[0].leadTime: "leadTime" is 2.5, outside the allowed range 0–1000 (whole numbers)'],
  ])('reports %s at file:line:column', (_name, examples, expected) => {
    const problems = problemsOf(examples);
    expect(problems, problems.join('\n')).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('reports examples that are not a list', () => {
    expect(problemsOf('  name: x\n')).toEqual([expect.stringContaining('examples: "examples" must be a list')]);
  });

  it('reports the same problems when the examples are read for running', () => {
    const text = withExamples('  - { name: x, design: { toe.colur: white }, valid: true }\n');
    const ruleSet = valueOf(loadRules(product, RULES_FILE, RULES));
    const result = loadRuleExamples(product, ruleSet, RULES_FILE, text);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(problemsOf('  - { name: x, design: { toe.colur: white }, valid: true }\n'));
  });
});

describe('judged against brute force', () => {
  /** Examples built in memory, as the loader would give them. */
  const example = (design: Record<string, string>, expect: RuleExample['expect']): RuleExample => ({ name: 'e', design, expect, source: { file: RULES_FILE, line: 1, column: 1 } });

  /** Whether `ruleId` is in some minimal set of rules refusing the design: with some other rules that allow it, it refuses it. */
  function amongTheReasons(oracle: BruteForce, ruleId: string, design: Record<string, string>): boolean {
    const others = oracle.constraints.map((constraint) => constraint.ruleId).filter((id) => id !== ruleId);
    if (others.length > 12) return true; // too many subsets to enumerate: not judged
    return Array.from({ length: 2 ** others.length }, (_, mask) => others.filter((_, index) => mask & (1 << index)))
      .some((subset) => oracle.isConsistentUnder(subset, design) && !oracle.isConsistentUnder([...subset, ruleId], design));
  }

  it('valid passes exactly when some valid design keeps the choices; invalid only for a rule among the reasons, and always for one that refuses alone', () => {
    const scenario = productArb.chain((toy: Product) => fc.record({
      product: fc.constant(toy),
      ruleSet: ruleSetArb(toy),
      design: partialAssignmentArb(toy),
      pick: fc.nat(),
    }));
    fc.assert(fc.property(scenario, ({ product: toy, ruleSet, design, pick }: { product: Product; ruleSet: RuleSet; design: Record<string, string>; pick: number }) => {
      const oracle = new BruteForce(toy, ruleSet);
      const space = compileRules(toy, ruleSet);
      const hard = ruleSet.rules.filter((rule) => rule.kind !== 'default').map((rule) => rule.id);
      const [valid] = runRuleExamples(space, ruleSet, [example(design, { kind: 'valid' })]);
      expect(valid!.passed).toBe(oracle.isConsistent(design));
      if (hard.length === 0) return;
      const ruleId = hard[pick % hard.length]!;
      const [invalid] = runRuleExamples(space, ruleSet, [example(design, { kind: 'invalid', ruleId })]);
      if (invalid!.passed) {
        expect(oracle.isConsistent(design)).toBe(false);
        expect(amongTheReasons(oracle, ruleId, design)).toBe(true);
      }
      if (!oracle.isConsistentUnder([ruleId], design)) expect(invalid!.passed).toBe(true);
    }), { numRuns: 150 });
  });
});
