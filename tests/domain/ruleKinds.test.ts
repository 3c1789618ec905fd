// Rule kinds that say what they mean: `different` and `same` over attributes, and option tags in
// conditions (`{ tag: dark }`). The shipped rules are checked for their meaning (a colour added
// in a scratch copy of product.yaml is covered without new rows), and the loader's mistakes are
// reported at file:line:column with a fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activeAlerts, compileRules, describeExplanation, explainBlocking, explainUnavailable, formatProblem, loadCatalogEntry, loadProduct, loadRules,
  type CatalogEntry, type Choice, type ConfigurationSpace, type Product, type Result,
} from '../../src/domain/index.ts';
import { ROOT, sneakerSources } from './support/sneaker.ts';

const TSHIRT_PRODUCT = 'models/tshirt/product.yaml';
const TSHIRT_RULES = 'rules/tshirt.rules.yaml';
const tshirtSources = {
  product: { file: TSHIRT_PRODUCT, text: readFileSync(join(ROOT, TSHIRT_PRODUCT), 'utf8') },
  rules: { file: TSHIRT_RULES, text: readFileSync(join(ROOT, TSHIRT_RULES), 'utf8') },
};

const choice = (attribute: string, option: string): Choice => ({ attribute, option });

/** Replaces the one occurrence of `from` in `text` (a scratch copy: the real files are not touched). */
function edit(text: string, from: string, to: string): string {
  const pieces = text.split(from);
  if (pieces.length !== 2) throw new Error(`"${from}" occurs ${pieces.length - 1} times`);
  return pieces.join(to);
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

function load(sources: typeof sneakerSources, productText = sources.product.text): { entry: CatalogEntry; space: ConfigurationSpace } {
  const entry = valueOf(loadCatalogEntry({ file: sources.product.file, text: productText }, sources.rules));
  return { entry, space: compileRules(entry.product, entry.ruleSet) };
}

/** The options of an attribute, by id. */
const optionIds = (product: Product, attribute: string) => product.attributes.find((a) => a.id === attribute)!.options.map((option) => option.id);

/**
 * The sneaker with a new colour, amber, in the palette and in full-grain leather (which the quarter
 * and the side panel are both offered in); the rules file is unchanged.
 */
function sneakerWithAmber(): ReturnType<typeof load> {
  const silver = '  silver: { label: Reflective silver, code: CL-118, hex: "#c8ccd0" }\n';
  let text = edit(sneakerSources.product.text, silver, `${silver}  amber: { label: Amber, code: CL-199, hex: "#e0a030" }\n`);
  // Amber joins leather's colours, whatever they are today (the list is read, not written out here).
  const leatherColours = /(\n {2}leather:\n(?: {4}.*\n)*? {4}colours: \[)([^\]]*)\]/;
  if (!leatherColours.test(text)) throw new Error('the sneaker\'s leather has no colours: [...] line');
  text = text.replace(leatherColours, (_, head: string, list: string) => `${head}${list}, amber]`);
  return load(sneakerSources, text);
}

/** Every quarter colour the side panel also comes in: logo-contrast's ground. */
const sharedColours = (product: Product) => optionIds(product, 'quarter.colour').filter((colour) => optionIds(product, 'sidePanel.colour').includes(colour));

describe('logo-contrast, a different rule over the quarter and the side panel', () => {
  const { entry, space } = load(sneakerSources);
  const logoContrast = space.constraints.find((constraint) => constraint.ruleId === 'logo-contrast')!;

  it('refuses Cognac on both, citing the rule by id and its message', () => {
    expect(space.count({ 'quarter.colour': 'cognac', 'sidePanel.colour': 'cognac' })).toBe(0n);
    expect(space.domains({ 'quarter.colour': 'cognac' }).get('sidePanel.colour')).not.toContain('cognac');
    const explanation = explainBlocking(space, [choice('quarter.colour', 'cognac')], choice('sidePanel.colour', 'cognac'))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['logo-contrast']);
    expect(explanation.blockingChoices).toEqual([choice('quarter.colour', 'cognac')]);
    expect(describeExplanation(space, explanation)).toBe('Not available with your Quarter colour: Cognac. The side logo panel must stand out from the quarter, so they cannot share a colour.');
    const withRepair = explainUnavailable(space, entry.ruleSet, [choice('quarter.colour', 'cognac')], choice('sidePanel.colour', 'cognac'))!;
    expect(withRepair.rules.map((rule) => rule.ruleId)).toEqual(['logo-contrast']);
    expect(withRepair.repair?.changes.map((change) => change.attribute)).toEqual(['quarter.colour']);
  });

  it('keeps its id and message', () => {
    expect(logoContrast.message).toBe('The side logo panel must stand out from the quarter, so they cannot share a colour.');
    expect(entry.ruleSet.rules.find((rule) => rule.id === 'logo-contrast')?.kind).toBe('different');
  });

  it('refuses every colour the two parts share with itself, and no other pair', () => {
    const shared = sharedColours(entry.product);
    expect(shared.length).toBeGreaterThan(1);
    for (const colour of shared) {
      expect(space.isConsistentUnder(['logo-contrast'], { 'quarter.colour': colour, 'sidePanel.colour': colour }), colour).toBe(false);
    }
    const [first, second] = shared;
    expect(space.isConsistentUnder(['logo-contrast'], { 'quarter.colour': first!, 'sidePanel.colour': second! })).toBe(true);
  });

  it('covers a colour added to both palettes with itself, without new rows', () => {
    const scratch = sneakerWithAmber();
    expect(sharedColours(scratch.entry.product)).toContain('amber');
    expect(scratch.space.count({ 'quarter.colour': 'amber' })).toBeGreaterThan(0n);
    expect(scratch.space.count({ 'quarter.colour': 'amber', 'sidePanel.colour': 'amber' })).toBe(0n);
    expect(scratch.space.domains({ 'quarter.colour': 'amber' }).get('sidePanel.colour')).not.toContain('amber');
    expect(scratch.space.domains({ 'quarter.colour': 'black' }).get('sidePanel.colour')).toContain('amber');
    const explanation = explainBlocking(scratch.space, [choice('quarter.colour', 'amber')], choice('sidePanel.colour', 'amber'))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['logo-contrast']);
  });
});

describe('sleeves-match-body-fabric, a same rule', () => {
  const { entry, space } = load(tshirtSources);

  it('offers the sleeves only the body\'s fabric, citing the rule', () => {
    for (const fabric of optionIds(entry.product, 'body.material')) {
      expect(space.domains({ 'body.material': fabric }).get('sleeves.material'), fabric).toEqual([fabric]);
    }
    const [first, second] = optionIds(entry.product, 'body.material');
    const explanation = explainBlocking(space, [choice('body.material', first!)], choice('sleeves.material', second!))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['sleeves-match-body-fabric']);
    expect(describeExplanation(space, explanation)).toContain('The sleeves are cut from the same roll as the body, so they share its fabric.');
  });

  it('covers a fabric added to both parts, without new rows', () => {
    let text = edit(tshirtSources.product.text, '\n  rib:\n', '\n  hemp:\n    label: Hemp jersey\n    code: FB-HMP\n    appearance: { roughness: 0.9, metalness: 0, clearcoat: 0, sheen: 0.2 }\n    colours: [natural, sage]\n  rib:\n');
    text = edit(text, '{ id: body, label: Body, materials: [cotton, organic-cotton, tri-blend]', '{ id: body, label: Body, materials: [cotton, organic-cotton, tri-blend, hemp]');
    text = edit(text, '{ id: sleeves, label: Sleeves, materials: [cotton, organic-cotton, tri-blend]', '{ id: sleeves, label: Sleeves, materials: [cotton, organic-cotton, tri-blend, hemp]');
    const scratch = load(tshirtSources, text);
    expect(scratch.space.domains({ 'body.material': 'hemp' }).get('sleeves.material')).toEqual(['hemp']);
    expect(scratch.space.domains({ 'sleeves.material': 'hemp' }).get('body.material')).toEqual(['hemp']);
  });
});

describe('option tags in conditions', () => {
  const { entry, space } = load(tshirtSources);
  const tagged = (product: Product, attribute: string, tag: string) =>
    product.attributes.find((a) => a.id === attribute)!.options.filter((option) => option.tags?.includes(tag)).map((option) => option.id);

  it('reads an option\'s tags from product.yaml', () => {
    expect(tagged(entry.product, 'body.colour', 'dark').length).toBeGreaterThan(0);
    expect(entry.product.attributes.find((a) => a.id === 'body.colour')!.options.every((option) => option.tags === undefined || option.tags.length > 0)).toBe(true);
  });

  it('refuses a white rib on every dark tri-blend body, and on no other tri-blend colour', () => {
    const triBlend = space.domains({ 'body.material': 'tri-blend' }).get('body.colour')!;
    const dark = tagged(entry.product, 'body.colour', 'dark');
    expect(triBlend.some((colour) => dark.includes(colour))).toBe(true);
    for (const colour of triBlend) {
      const offered = space.domains({ 'body.material': 'tri-blend', 'body.colour': colour }).get('collar.colour')!;
      expect(offered.includes('white'), colour).toBe(!dark.includes(colour));
    }
    const colour = triBlend.find((candidate) => dark.includes(candidate))!;
    const explanation = explainBlocking(space, [choice('body.material', 'tri-blend'), choice('body.colour', colour)], choice('collar.colour', 'white'))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['rib-on-dark-tri-blend']);
  });

  it('covers a colour tagged later, without new rows', () => {
    let text = edit(tshirtSources.product.text, '\nmaterials:\n', '  ink: { label: Ink, code: TC-199, hex: "#10131c", tags: [dark] }\n\nmaterials:\n');
    text = edit(text, 'colours: [heather, charcoal, navy, sage, burgundy, lilac]', 'colours: [heather, charcoal, navy, sage, burgundy, lilac, ink]');
    const scratch = load(tshirtSources, text);
    expect(scratch.space.domains({ 'body.material': 'tri-blend', 'body.colour': 'ink' }).get('collar.colour')).not.toContain('white');
    const design = { 'body.material': 'tri-blend', 'body.colour': 'ink', 'front.method': 'dtg' };
    expect(activeAlerts(scratch.entry.ruleSet, design).map((alert) => alert.ruleId)).toContain('alert-dtg-dark');
  });

  it('keeps the tag a condition was written with', () => {
    const rules = valueOf(loadRules(entry.product, TSHIRT_RULES, 'product: tshirt\nrules:\n  - { id: a, kind: alert, message: M., when: { body.colour: { tag: [dark, light] } } }\n'));
    const when = (rules.rules[0] as { when: unknown }).when;
    expect(when).toEqual({ kind: 'in', attribute: 'body.colour', options: entry.product.attributes.find((a) => a.id === 'body.colour')!.options.filter((o) => o.tags?.some((t) => t === 'dark' || t === 'light')).map((o) => o.id), tags: ['dark', 'light'] });
  });
});

describe('a different or same rule with a when condition', () => {
  const product = valueOf(loadProduct(tshirtSources.product.file, tshirtSources.product.text));
  const rules = (yaml: string) => valueOf(loadRules(product, TSHIRT_RULES, `product: tshirt\nrules:\n${yaml}`));

  it('holds only while the condition holds', () => {
    const ruleSet = rules('  - id: tone-on-tone\n    kind: same\n    message: Embroidered shirts are tone on tone.\n    attributes: [body.colour, collar.colour]\n    when: { front.method: embroidery }\n');
    const space = compileRules(product, ruleSet);
    expect(space.domains({ 'front.method': 'embroidery', 'body.colour': 'navy' }).get('collar.colour')).toEqual(['navy']);
    expect(space.domains({ 'front.method': 'none', 'body.colour': 'navy' }).get('collar.colour')!.length).toBeGreaterThan(1);
    const explanation = explainBlocking(space, [choice('front.method', 'embroidery'), choice('body.colour', 'navy')], choice('collar.colour', 'white'))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['tone-on-tone']);
    expect(describeExplanation(space, explanation)).toContain('Embroidered shirts are tone on tone.');
  });

  it('compares three attributes pairwise', () => {
    const ruleSet = rules('  - id: three-colours\n    kind: different\n    message: Three colours.\n    attributes: [body.colour, sleeves.colour, collar.colour]\n');
    const space = compileRules(product, ruleSet);
    const offered = space.domains({ 'body.colour': 'navy', 'sleeves.colour': 'white' }).get('collar.colour')!;
    expect(offered).not.toContain('navy');
    expect(offered).not.toContain('white');
    expect(offered.length).toBeGreaterThan(0);
  });
});

describe('mistakes in different and same rules and in tags', () => {
  const product = valueOf(loadProduct(sneakerSources.product.file, sneakerSources.product.text));
  const RULES_FILE = 'rules/sneaker.rules.yaml';
  const rulesWith = (yaml: string) => loadRules(product, RULES_FILE, `product: sneaker\nrules:\n${yaml}`);
  const rule = (kind: string, rest: string) => `  - id: a\n    kind: ${kind}\n    message: M.\n${rest}`;

  const rows = [
    {
      mistake: 'a different rule over one attribute', result: () => rulesWith(rule('different', '    attributes: [quarter.colour]\n')),
      line: 6, column: 17, path: 'rules[0].attributes', message: 'a different rule needs at least two attributes', hint: 'attributes: [quarter.colour, sidePanel.colour]',
    },
    {
      mistake: 'a same rule without attributes', result: () => rulesWith(rule('same', '')),
      line: 3, column: 5, path: 'rules[0]', message: '"attributes" is missing', hint: '"- item" lines',
    },
    {
      mistake: 'a misspelt attribute in a different rule', result: () => rulesWith(rule('different', '    attributes: [quarter.colour, sidePanel.color]\n')),
      line: 6, column: 34, path: 'rules[0].attributes[1]', message: 'unknown attribute "sidePanel.color"', hint: 'did you mean "sidePanel.colour"?',
    },
    {
      mistake: 'an attribute listed twice', result: () => rulesWith(rule('same', '    attributes: [quarter.colour, quarter.colour]\n')),
      line: 6, column: 34, path: 'rules[0].attributes[1]', message: 'attribute "quarter.colour" is listed twice', hint: 'list each attribute once',
    },
    {
      mistake: 'a same rule over attributes with no option in common', result: () => rulesWith(rule('same', '    attributes: [quarter.material, quarter.colour]\n')),
      line: 6, column: 17, path: 'rules[0].attributes', message: 'no option is common to quarter.material, quarter.colour, so this same rule could never hold and no design would be valid', hint: 'compared by id',
    },
    {
      mistake: 'a different rule over attributes with no option in common', result: () => rulesWith(rule('different', '    attributes: [quarter.material, quarter.colour]\n')),
      line: 6, column: 17, path: 'rules[0].attributes', message: 'no two of quarter.material, quarter.colour share an option, so this different rule could never refuse anything', hint: 'compared by id',
    },
    {
      mistake: 'a misspelt key in a same rule', result: () => rulesWith(rule('same', '    attributes: [quarter.colour, sidePanel.colour]\n    wen: { quarter.material: suede }\n')),
      line: 7, column: 5, path: 'rules[0].wen', message: 'unknown key "wen" in a same rule', hint: 'did you mean "when"?',
    },
    {
      mistake: 'a misspelt tag', result: () => rulesWith(rule('alert', '    when: { quarter.colour: { tag: drak } }\n')),
      line: 6, column: 36, path: 'rules[0].when.quarter.colour.tag', message: 'no option of "quarter.colour" is tagged "drak"', hint: 'did you mean "dark"?',
    },
    {
      mistake: 'a misspelt tag in a list of tags', result: () => rulesWith(rule('alert', '    when: { quarter.colour: { tag: [dark, pael] } }\n')),
      line: 6, column: 43, path: 'rules[0].when.quarter.colour.tag[1]', message: 'no option of "quarter.colour" is tagged "pael"', hint: 'did you mean "pale"?',
    },
    {
      mistake: 'a tag inside a list of options', result: () => rulesWith(rule('alert', '    when: { quarter.colour: [navy, { tag: dark }] }\n')),
      line: 6, column: 36, path: 'rules[0].when.quarter.colour[1]', message: 'a list of options for "quarter.colour" holds a mapping', hint: 'a tag stands alone',
    },
    {
      mistake: 'a tag on an attribute whose options have none', result: () => rulesWith(rule('alert', '    when: { quarter.material: { tag: dark } }\n')),
      line: 6, column: 38, path: 'rules[0].when.quarter.material.tag', message: 'no option of "quarter.material" is tagged "dark"', hint: 'add "tags: [dark]"',
    },
    {
      mistake: 'a tag condition with another key', result: () => rulesWith(rule('alert', '    when: { quarter.colour: { tags: dark } }\n')),
      line: 6, column: 31, path: 'rules[0].when.quarter.colour.tags', message: 'unknown key "tags" in a tag condition', hint: 'did you mean "tag"?', alone: false,
    },
    {
      mistake: 'a tag in a misspelt attribute of a different rule\'s condition', result: () => rulesWith(rule('different', '    attributes: [quarter.colour, sidePanel.colour]\n    when: { quarter.colur: { tag: dark } }\n')),
      line: 7, column: 13, path: 'rules[0].when.quarter.colur', message: 'unknown attribute "quarter.colur"', hint: 'did you mean "quarter.colour"?',
    },
  ];

  it.each(rows.map((row) => [row.mistake, row] as const))('reports %s with its position and a fix', (_, row) => {
    const result = row.result();
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect({ message: problems[0]?.message, path: problems[0]?.path, location: problems[0]?.location }).toEqual({ message: row.message, path: row.path, location: { file: RULES_FILE, line: row.line, column: row.column } });
    expect(problems[0]!.hint).toContain(row.hint);
    if (row.alone !== false) expect(problems).toHaveLength(1);
  });

  const PRODUCT_FILE = sneakerSources.product.file;
  const BLACK = 'black: { label: Black, code: CL-108, hex: "#141414", tags: [dark] }';

  it.each([
    ['a tag that is not an id', 'tags: ["very dark"]', '"very dark"', '"very dark" is not a tag', 'letters, digits and dashes'],
    ['a tag listed twice', 'tags: [dark, dark]', 'dark]', 'tag "dark" is listed twice', 'list each tag once'],
  ])('reports %s on an option of product.yaml', (_, tags, needle, message, hint) => {
    const text = edit(sneakerSources.product.text, BLACK, BLACK.replace('tags: [dark]', tags));
    const result = loadProduct(PRODUCT_FILE, text);
    expect(result.ok).toBe(false);
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes(BLACK.replace('tags: [dark]', tags)));
    const column = lines[line]!.indexOf(needle, lines[line]!.indexOf('tags:')) + 1;
    expect(result.ok ? [] : result.problems.map((problem) => ({ message: problem.message, location: problem.location }))).toEqual([{ message, location: { file: PRODUCT_FILE, line: line + 1, column } }]);
    expect(result.ok ? '' : result.problems[0]!.hint).toContain(hint);
  });
});
