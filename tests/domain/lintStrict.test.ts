// The strict lint: each silent mistake of issue 12 reproduced on scratch products built from YAML
// strings, reported with its location, the rules involved and a fix; an error only under strict.
// The condition search is checked against brute force. Nothing here reads today's option lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, lintRules, loadCatalogEntry, loadProduct, loadRules, summariseDesign, type LintFinding, type LintOptions } from '../../src/domain/index.ts';
import { conditionCanHold, rulesRefuting } from '../../src/domain/engine/lint/conditionCanHold.ts';
import { BruteForce, conditionArb, holds, productArb, ruleSetArb } from './support/bruteForce.ts';
import { APPEARANCE, GUM_ON_GUM, productYaml, rulesYaml } from './support/scratchShoe.ts';

/** Loads both files (they must load) and lints them, as `rules check` does. */
function lint(product: string, rules: string, options: Partial<LintOptions> = {}): LintFinding[] {
  const loadedProduct = loadProduct('models/shoe/product.yaml', product);
  if (!loadedProduct.ok) throw new Error(JSON.stringify(loadedProduct.problems));
  const ruleSet = loadRules(loadedProduct.value, 'rules/shoe.rules.yaml', rules);
  if (!ruleSet.ok) throw new Error(JSON.stringify(ruleSet.problems));
  const space = compileRules(loadedProduct.value, ruleSet.value);
  return lintRules(space, {
    ruleSet: ruleSet.value,
    sources: { product: { file: 'models/shoe/product.yaml', text: product }, rules: { file: 'rules/shoe.rules.yaml', text: rules } },
    recompileWithout: (ruleId) => compileRules(loadedProduct.value, { ...ruleSet.value, rules: ruleSet.value.rules.filter((rule) => rule.id !== ruleId) }),
    ...options,
  });
}

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

function only(findings: readonly LintFinding[], code: LintFinding['code']): LintFinding {
  const matching = findings.filter((finding) => finding.code === code);
  expect(matching, JSON.stringify(findings, null, 2)).toHaveLength(1);
  return matching[0]!;
}

describe('a clean product', () => {
  it('gives no finding, even under strict', () => {
    expect(lint(productYaml(), rulesYaml(GUM_ON_GUM), { strict: true })).toEqual([]);
  });
});

describe('dead options', () => {
  const rules = rulesYaml([
    '  - id: no-black-upper',
    '    kind: excludes',
    '    message: Black leather is sold out for good.',
    '    when: { upper.colour: black }',
    '    excludes: { upper.material: leather }',
  ]);

  it('are a warning, and an error under strict, at the rule that kills them, with a fix', () => {
    const warning = only(lint(productYaml(), rules), 'dead-option');
    expect(warning.severity).toBe('warning');
    const error = only(lint(productYaml(), rules, { strict: true }), 'dead-option');
    expect(error).toMatchObject({ severity: 'error', attribute: 'upper.colour', option: 'black', ruleIds: ['no-black-upper'] });
    expect(error.location).toMatchObject({ file: 'rules/shoe.rules.yaml', line: lineOf(rules, 'id: no-black-upper') });
    expect(error.hint).toMatch(/relax "no-black-upper".*retired: true/);
  });

  it('are neither reported nor offered when marked retired: true', () => {
    const product = productYaml({ colours: [
      '  white: { label: White, code: C-1, hex: "#ffffff" }',
      '  black: { label: Black, code: C-2, hex: "#000000", retired: true }',
      '  gum: { label: Gum, code: C-3, hex: "#b9803f" }',
    ].join('\n') });
    const findings = lint(product, rules, { strict: true });
    // A rule about a retired option decides nothing now: at most a redundancy warning, never an error.
    expect(findings.filter((finding) => finding.severity === 'error' || finding.option === 'black')).toEqual([]);
    const loaded = loadProduct('p.yaml', product);
    if (!loaded.ok) throw new Error('the product does not load');
    const space = compileRules(loaded.value, { productId: 'shoe', rules: [] });
    expect(space.domains({}).get('upper.colour')).not.toContain('black');
    expect(space.domains({}).get('outsole.colour')).not.toContain('black');
    const entry = loadCatalogEntry({ file: 'p.yaml', text: product }, { file: 'r.yaml', text: rulesYaml() });
    if (!entry.ok) throw new Error(JSON.stringify(entry.problems));
    const panel = summariseDesign(entry.value, compileRules(entry.value.product, entry.value.ruleSet), []);
    expect(panel.attributes.get('outsole.colour')!.options.map((status) => status.option.id)).toEqual(['white', 'gum']);
  });

  it('a retired flag that is not true or false is a load problem at its line', () => {
    const product = productYaml({ colours: '  white: { label: White, code: C-1, hex: "#ffffff", retired: soon }\n  black: { label: Black, code: C-2, hex: "#000000" }\n  gum: { label: Gum, code: C-3, hex: "#b9803f" }' });
    const loaded = loadProduct('p.yaml', product);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]).toMatchObject({ location: { line: lineOf(product, 'retired: soon') } });
  });
});

describe('a default that a hard rule overrides', () => {
  const defaults = [
    '  - id: default-soles',
    '    kind: default',
    '    message: Start from a gum midsole on a black outsole.',
    '    set:',
    '      midsole.colour: gum',
    '      outsole.colour: black',
  ];
  const rules = rulesYaml(GUM_ON_GUM, defaults);

  it('names the attribute, the default, what the engine completes it to and the rule, at the default\'s line', () => {
    const finding = only(lint(productYaml(), rules, { strict: true }), 'default-overridden');
    expect(finding).toMatchObject({ severity: 'error', attribute: 'outsole.colour', option: 'black', ruleIds: ['default-soles', 'gum-on-gum'] });
    expect(finding.message).toMatch(/"outsole\.colour" defaults to "black" \(rule "default-soles"\).*"gum-on-gum".*midsole\.colour=gum.*completes it to "gum"/);
    expect(finding.hint).toMatch(/set "outsole\.colour: gum" in "default-soles".*"midsole\.colour".*relax "gum-on-gum"/);
    expect(finding.location).toMatchObject({ file: 'rules/shoe.rules.yaml', line: lineOf(rules, 'outsole.colour: black') });
  });

  it('is a warning without strict', () => {
    expect(only(lint(productYaml(), rules), 'default-overridden').severity).toBe('warning');
  });

  it('in a preset that leaves the attribute to the defaults: at the preset, telling to list it', () => {
    const gumDefaults = rulesYaml(GUM_ON_GUM, ['  - id: default-outsole', '    kind: default', '    message: Black outsoles.', '    set: { outsole.colour: black }']);
    const product = productYaml({ extra: 'presets:\n  - id: gum-sole\n    name: Gum sole\n    choices: { midsole.colour: gum }' });
    const finding = only(lint(product, gumDefaults, { strict: true }), 'default-overridden');
    expect(finding).toMatchObject({ severity: 'error', attribute: 'outsole.colour', option: 'black', ruleIds: ['default-outsole', 'gum-on-gum'] });
    expect(finding.message).toMatch(/preset "gum-sole" does not list "outsole\.colour".*default "black".*completes it to "gum"/);
    expect(finding.hint).toMatch(/list "outsole\.colour: gum".*in the preset's choices/);
    expect(finding.location).toMatchObject({ file: 'models/shoe/product.yaml', line: lineOf(product, 'choices: { midsole.colour: gum }') });
  });

  it('a default the rules allow gives no finding', () => {
    const fine = rulesYaml(GUM_ON_GUM, defaults.map((line) => line.replace('outsole.colour: black', 'outsole.colour: gum')));
    expect(lint(productYaml(), fine, { strict: true })).toEqual([]);
  });
});

describe('a preset that a hard rule overrides', () => {
  it('is an error in any mode, naming its conflicting choices and the rule at the preset', () => {
    const product = productYaml({ extra: 'presets:\n  - id: liquorice\n    name: Liquorice\n    choices: { upper.colour: black, midsole.colour: gum, outsole.colour: black }' });
    const finding = only(lint(product, rulesYaml(GUM_ON_GUM)), 'preset-invalid');
    expect(finding).toMatchObject({ severity: 'error', ruleIds: ['gum-on-gum'] });
    expect(finding.message).toMatch(/preset "liquorice".*midsole\.colour=gum, outsole\.colour=black/);
    expect(finding.location).toMatchObject({ file: 'models/shoe/product.yaml', line: lineOf(product, 'choices: { upper.colour') });
  });
});

describe('conditions that can never hold', () => {
  const impossible = '{ midsole.colour: gum, outsole.colour: white }';

  it('a hard rule\'s condition: "can never hold", never "redundant", with the rules that rule it out', () => {
    const rules = rulesYaml(GUM_ON_GUM, [
      '  - id: pale-on-gum',
      '    kind: requires',
      '    message: A gum midsole on a white outsole needs a white upper.',
      `    when: ${impossible}`,
      '    then: { upper.colour: white }',
    ]);
    const findings = lint(productYaml(), rules, { strict: true });
    const finding = only(findings, 'condition-never-holds');
    expect(finding).toMatchObject({ severity: 'error', ruleIds: ['pale-on-gum', 'gum-on-gum'] });
    expect(finding.message).toContain('can never hold');
    expect(finding.message).not.toMatch(/redundant/);
    expect(findings.filter((candidate) => candidate.code === 'redundant-rule')).toEqual([]);
    expect(finding.location).toMatchObject({ line: lineOf(rules, `when: ${impossible}`) });
  });

  it('a condition that contradicts itself is reported with no rule to blame', () => {
    const rules = rulesYaml([
      '  - id: odd-alert',
      '    kind: alert',
      '    message: Never shown.',
      '    when: { all: [{ upper.colour: white }, { upper.colour: black }] }',
    ]);
    const finding = only(lint(productYaml(), rules, { strict: true }), 'rule-never-applies');
    expect(finding.ruleIds).toEqual(['odd-alert']);
    expect(finding.message).toMatch(/contradicts itself/);
  });

  it.each([
    ['price', '    amount: 5.00'],
    ['lead-time', '    days: 3'],
    ['alert', ''],
  ])('a %s rule that can never apply is reported at its condition', (kind, extra) => {
    const rules = rulesYaml(GUM_ON_GUM, [
      `  - id: never-${kind}`,
      `    kind: ${kind}`,
      '    message: Gum on white.',
      `    when: ${impossible}`,
      ...(extra ? [extra] : []),
    ]);
    const finding = only(lint(productYaml(), rules, { strict: true }), 'rule-never-applies');
    expect(finding).toMatchObject({ severity: 'error', ruleIds: [`never-${kind}`, 'gum-on-gum'] });
    expect(finding.message).toMatch(/can never hold.*can never apply/);
    expect(finding.location).toMatchObject({ file: 'rules/shoe.rules.yaml', line: lineOf(rules, `when: ${impossible}`) });
    expect(only(lint(productYaml(), rules), 'rule-never-applies').severity).toBe('warning');
  });

  it('a rule whose condition can hold gives no finding', () => {
    const rules = rulesYaml(GUM_ON_GUM, ['  - id: gum-price', '    kind: price', '    message: Gum.', '    when: { outsole.colour: gum }', '    amount: 5.00']);
    expect(lint(productYaml(), rules, { strict: true })).toEqual([]);
  });
});

describe('the product file', () => {
  it('two colours with the same fulfilment code: at the second one\'s code', () => {
    const colours = '  white: { label: White, code: C-1, hex: "#ffffff" }\n  black: { label: Black, code: C-1, hex: "#000000" }\n  gum: { label: Gum, code: C-3, hex: "#b9803f" }';
    const product = productYaml({ colours });
    const finding = only(lint(product, rulesYaml(), { strict: true }), 'duplicate-code');
    expect(finding).toMatchObject({ severity: 'error', option: 'black' });
    expect(finding.message).toMatch(/colour "black" has fulfilment code "C-1", like colour "white"/);
    expect(finding.location).toMatchObject({ file: 'models/shoe/product.yaml', line: lineOf(product, 'black: { label: Black, code: C-1') });
    expect(only(lint(product, rulesYaml()), 'duplicate-code').severity).toBe('warning');
  });

  it('two options of one choice share a code; the same code in two choices is fine', () => {
    const section = (id: string, second: string) => [
      `  - id: ${id}`, `    label: ${id}`, '    choices:', '      - id: method', '        label: Method', '        options:',
      '          - { id: none, label: None, code: PM-NON }', `          - { id: screen, label: Screen, code: ${second} }`,
    ].join('\n');
    const parts = ['  - { id: upper, label: Upper, materials: [leather] }', '  - { id: midsole, label: Midsole, materials: [rubber] }', '  - { id: outsole, label: Outsole, materials: [rubber] }', section('front', 'PM-SCR'), section('back', 'PM-NON')].join('\n');
    const product = productYaml({ parts });
    const finding = only(lint(product, rulesYaml(), { strict: true }), 'duplicate-code');
    expect(finding.message).toMatch(/option of "back\.method" "screen" has fulfilment code "PM-NON"/);
    expect(finding.location).toMatchObject({ file: 'models/shoe/product.yaml', line: lineOf(product, '{ id: screen, label: Screen, code: PM-NON }') });
  });

  it('a colour and a material no part offers are reported at their names; retired ones are not', () => {
    const colours = '  white: { label: White, code: C-1, hex: "#ffffff" }\n  black: { label: Black, code: C-2, hex: "#000000" }\n  gum: { label: Gum, code: C-3, hex: "#b9803f" }\n  pink: { label: Pink, code: C-4, hex: "#ff88aa" }\n  teal: { label: Teal, code: C-5, hex: "#008080", retired: true }';
    const materials = [
      `  leather: { label: Leather, code: M-1, appearance: ${APPEARANCE}, colours: [white, black] }`,
      `  rubber: { label: Rubber, code: M-2, appearance: ${APPEARANCE}, colours: [white, black, gum] }`,
      `  cork: { label: Cork, code: M-3, appearance: ${APPEARANCE}, colours: [white] }`,
      `  felt: { label: Felt, code: M-4, appearance: ${APPEARANCE}, colours: [white], retired: true }`,
    ].join('\n');
    const product = productYaml({ colours, materials });
    const findings = lint(product, rulesYaml(), { strict: true });
    expect(only(findings, 'unused-colour')).toMatchObject({ severity: 'error', option: 'pink', location: { line: lineOf(product, 'pink:'), column: 3 } });
    expect(only(findings, 'unused-material')).toMatchObject({ severity: 'error', option: 'cork', location: { line: lineOf(product, 'cork:'), column: 3 } });
    expect(only(findings, 'unused-colour').hint).toMatch(/retired: true/);
  });
});

describe('whether a condition can hold', () => {
  it('agrees with brute force, and names a minimal set of rules when it cannot', () => {
    const scenario = productArb.chain((product) => fc.record({ product: fc.constant(product), ruleSet: ruleSetArb(product), condition: conditionArb(product.attributes) }));
    fc.assert(fc.property(scenario, ({ product, ruleSet, condition }) => {
      const space = compileRules(product, ruleSet);
      const oracle = new BruteForce(product, ruleSet);
      const expected = oracle.valid.some((design) => holds(condition, design));
      expect(conditionCanHold(space, condition)).toBe(expected);
      if (expected) return;
      const ruleIds = space.constraints.map((constraint) => constraint.ruleId);
      const refuting = rulesRefuting(space, condition, ruleIds)!;
      const canHoldUnder = (ids: readonly string[]) => {
        const chosen = oracle.constraints.filter((constraint) => ids.includes(constraint.ruleId));
        return oracle.designs.some((design) => holds(condition, design) && chosen.every((constraint) => constraint.accepts(design)));
      };
      expect(canHoldUnder(refuting)).toBe(false);
      for (const ruleId of refuting) expect(canHoldUnder(refuting.filter((id) => id !== ruleId))).toBe(true);
    }), { numRuns: 150 });
  });
});
