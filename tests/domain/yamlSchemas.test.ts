// The JSON Schemas editors read for product.yaml and *.rules.yaml (public/schemas/, named by a
// `# yaml-language-server: $schema=` first line) agree with the loaders: every shipped file names
// its schema and passes it; a document the loader refuses for its shape (an unknown key, a wrong
// type, an unknown rule kind) is refused by the schema too; one the loader accepts passes; and
// every key the schema offers for completion is one the loader knows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES, SURFACE_KINDS, TEXT_CHARACTER_CLASSES, formatProblem, loadProduct, loadRules, type Product, type Problem } from '../../src/domain/index.ts';

const ROOT = process.cwd();
const SCHEMAS = join(ROOT, 'public', 'schemas');
type Schema = Record<string, unknown>;

const productSchema = JSON.parse(readFileSync(join(SCHEMAS, 'product.schema.json'), 'utf8')) as Schema;
const rulesSchema = JSON.parse(readFileSync(join(SCHEMAS, 'rules.schema.json'), 'utf8')) as Schema;

// Strict, as the other schemas are checked; `discriminator` is the keyword that picks a rule's
// branch by its kind, union types are how "text" admits `code: 101`, and the availability rule's
// "when, from or until" names keys its parent defines.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
const validateProduct = ajv.compile(productSchema);
const validateRules = ajv.compile(rulesSchema);

/** The schema's complaints about a YAML text, as "path message" lines (empty: it passes). */
function schemaErrors(validate: ValidateFunction, text: string): string[] {
  return validate(parse(text)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** Follows a local `$ref` ("#/$defs/part") to the schema it names. */
function resolveRef(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
  return resolveRef(root, target);
}

/** The keys an object schema offers (its `properties`), following `$ref`. */
function keysOf(root: Schema, schema: Schema): string[] {
  return Object.keys((resolveRef(root, schema).properties ?? {}) as Schema);
}

/** A `$defs` entry of a schema. */
function def(root: Schema, name: string): Schema {
  return (root.$defs as Record<string, Schema>)[name]!;
}

/** A small valid product with tagged colours, a part, a section of choices and a size; the tables below edit it. */
const MINI = `id: mini
name: Mini
currency: EUR
basePrice: 100.00
baseLeadTimeDays: 5
model: mini.glb
colours:
  white: { label: White, code: CL-1, hex: "#ffffff", tags: [pale] }
  black: { label: Black, code: CL-2, hex: "#000000", tags: [dark] }
materials:
  leather:
    label: Leather
    code: MT-1
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }
    colours: [white, black]
parts:
  - { id: toe, label: Toe, materials: [leather] }
  - { id: heel, label: Heel, materials: [leather] }
  - id: cut
    label: Cut
    choices:
      - id: fit
        label: Fit
        options:
          - { id: regular, label: Regular, code: FT-1 }
          - { id: slim, label: Slim, code: FT-2 }
sizes:
  - { eu: "42", us: "8.5", uk: "8" }
`;
const MINI_FILE = 'models/mini/product.yaml';
const RULES_FILE = 'rules/mini.rules.yaml';

/** Replaces the one occurrence of `from` in `text`. */
function edit(text: string, from: string, to: string): string {
  const pieces = text.split(from);
  if (pieces.length !== 2) throw new Error(`"${from}" occurs ${pieces.length - 1} times in the fixture`);
  return pieces.join(to);
}

function loadedProduct(text: string): Product {
  const result = loadProduct(MINI_FILE, text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

const mini = loadedProduct(MINI);

/** The loader's problems with a product text (empty: accepted). */
function productProblems(text: string): readonly Problem[] {
  const result = loadProduct(MINI_FILE, text);
  return result.ok ? [] : result.problems;
}

/** The loader's problems with a rules text for the mini product (empty: accepted). */
function rulesProblems(text: string): readonly Problem[] {
  const result = loadRules(mini, RULES_FILE, text);
  return result.ok ? [] : result.problems;
}

/** A rules file for the mini product holding `rules` (YAML list items) and optional extra sections. */
function rulesFile(rules: string, extra = ''): string {
  return `product: mini\nrules:\n${rules}${extra}`;
}

describe('the shipped files', () => {
  const productFiles = readdirSync(join(ROOT, 'models'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'models', entry.name, 'product.yaml')))
    .map((entry) => join('models', entry.name, 'product.yaml'));
  const rulesFiles = readdirSync(join(ROOT, 'rules')).filter((name) => name.endsWith('.rules.yaml')).map((name) => join('rules', name));
  const shipped = [
    ...productFiles.map((file) => ({ file, schema: 'product.schema.json', validate: validateProduct })),
    ...rulesFiles.map((file) => ({ file, schema: 'rules.schema.json', validate: validateRules })),
  ];

  it('are found', () => {
    expect(productFiles.length).toBeGreaterThan(0);
    expect(rulesFiles.length).toBeGreaterThan(0);
  });

  it.each(shipped)('$file names its schema on its first line, a path from the file to $schema', ({ file, schema }) => {
    const [first] = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first ?? '');
    expect(match, `${file} should begin with "# yaml-language-server: $schema=<path to public/schemas/${schema}>"`).not.toBeNull();
    const target = resolve(ROOT, dirname(file), match![1]!);
    expect(relative(ROOT, target)).toBe(join('public', 'schemas', schema));
    expect(existsSync(target)).toBe(true);
  });

  it.each(shipped)('$file passes its schema', ({ file, validate }) => {
    expect(schemaErrors(validate, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });
});

describe('the schemas for a merchandiser', () => {
  /** Every `properties` entry anywhere in a schema, with where it is. */
  function properties(node: unknown, path: string, into: { path: string; schema: Schema }[] = []): { path: string; schema: Schema }[] {
    if (Array.isArray(node)) node.forEach((item, index) => properties(item, `${path}/${index}`, into));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Schema)) {
        if (key === 'properties') for (const [name, schema] of Object.entries(value as Schema)) into.push({ path: `${path}/properties/${name}`, schema: schema as Schema });
        properties(value, `${path}/${key}`, into);
      }
    }
    return into;
  }

  it.each([['product', productSchema], ['rules', rulesSchema]] as const)('every key of the %s schema has a title and a description', (_name, schema) => {
    const bare = properties(schema, '#').filter(({ schema: property }) => {
      const described = (s: Schema) => typeof s.title === 'string' && typeof s.description === 'string' && s.description.length > 0;
      return !described(property) && !described(resolveRef(schema, property));
    });
    expect(bare.map((entry) => entry.path)).toEqual([]);
  });

  it('offers the surface maps, fonts and character classes the domain has', () => {
    expect(def(productSchema, 'surfaceKind').enum).toEqual([...SURFACE_KINDS]);
    const text = resolveRef(rulesSchema, def(rulesSchema, 'textField')).properties as Record<string, Schema>;
    expect((text.fonts!.items as Schema).enum).toEqual(Object.keys(FONT_FAMILIES));
    expect((text.allowed!.items as Schema).enum).toEqual(Object.keys(TEXT_CHARACTER_CLASSES));
  });

  it('offers only 2D drawings the loader has', () => {
    const illustrations = (productSchema.properties as Record<string, Schema>).illustration!.enum as string[];
    for (const illustration of illustrations) {
      expect(productProblems(edit(MINI, 'model: mini.glb\n', `model: mini.glb\nillustration: ${illustration}\n`))).toEqual([]);
    }
  });

  it('offers exactly the rule kinds the loader reads', () => {
    const kinds = (def(rulesSchema, 'rule').properties as Record<string, Schema>).kind!.enum as string[];
    const branches = (def(rulesSchema, 'rule').oneOf as Schema[]).map((branch) => (resolveRef(rulesSchema, branch).properties as Record<string, Schema>).kind!.const);
    expect(branches).toEqual(kinds);
    for (const kind of kinds) {
      const problems = rulesProblems(rulesFile(`  - { id: r, kind: ${kind}, message: M }\n`));
      expect(problems.map((problem) => problem.message), kind).not.toContainEqual(expect.stringMatching(/unknown rule kind/));
    }
  });
});

describe('a document the loader refuses for its shape, the schema refuses too', () => {
  const productCases: [string, string][] = [
    ['an unknown key at the top', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nmodle: mini.glb\n')],
    ['an unknown key in a colour', edit(MINI, 'hex: "#ffffff"', 'hexx: "#ffffff"')],
    ['a price as words', edit(MINI, 'basePrice: 100.00', 'basePrice: a hundred')],
    ['a negative price', edit(MINI, 'basePrice: 100.00', 'basePrice: -1')],
    ['production days that are not whole', edit(MINI, 'baseLeadTimeDays: 5', 'baseLeadTimeDays: 5.5')],
    ['a currency that is not an ISO code', edit(MINI, 'currency: EUR', 'currency: euro')],
    ['a model that is not a .glb', edit(MINI, 'model: mini.glb', 'model: mini.obj')],
    ['a colour without #', edit(MINI, '"#ffffff"', '"ffffff"')],
    ['an appearance without sheen', edit(MINI, ', sheen: 0 }', ' }')],
    ['an appearance above 1', edit(MINI, 'roughness: 0.5', 'roughness: 5')],
    ['an unknown surface map', edit(MINI, '    colours: [white, black]\n', '    surface: velvet\n    colours: [white, black]\n')],
    ['a surface repeat under 2 mm', edit(MINI, '    colours: [white, black]\n', '    surface: { map: leather, tile: 1 }\n    colours: [white, black]\n')],
    ['a material with no colours', edit(MINI, 'colours: [white, black]', 'colours: []')],
    ['a part with materials and choices', edit(MINI, '{ id: heel, label: Heel, materials: [leather] }', '{ id: heel, label: Heel, materials: [leather], choices: [] }')],
    ['a part with neither', edit(MINI, '{ id: heel, label: Heel, materials: [leather] }', '{ id: heel, label: Heel }')],
    ['a part id with a dash', edit(MINI, 'id: heel,', 'id: heel-tab,')],
    ['an option without a code', edit(MINI, '{ id: slim, label: Slim, code: FT-2 }', '{ id: slim, label: Slim }')],
    ['an option scaled by 3', edit(MINI, '{ id: slim, label: Slim, code: FT-2 }', '{ id: slim, label: Slim, code: FT-2, scale: [3, 1, 1] }')],
    ['no sizes', edit(MINI, '  - { eu: "42", us: "8.5", uk: "8" }\n', '') + ''],
    ['a size code of nine characters', edit(MINI, 'eu: "42"', 'eu: "123456789"')],
    ['a camera direction of zeros', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nview: [0, 0, 0]\n')],
    ['a camera view without a direction', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nviews:\n  - { id: side, label: Side }\n')],
    ['a country in lower case', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nshipsTo: [de]\n')],
    ['a unit that is not a word', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nwording: { unit: "2", units: pairs }\n')],
    ['an unknown 2D drawing', edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nillustration: robot\n')],
    ['a size system named label', edit(MINI, 'sizes:\n', 'sizeSystems:\n  - { id: label, label: Size }\nsizes:\n')],
    ['a preset with an unknown key', `${MINI}presets:\n  - { id: p, name: P, colour: black }\n`],
    ['a preset choice that is not an attribute', `${MINI}presets:\n  - { id: p, name: P, choices: { toe: black } }\n`],
    ['tags that are not a list', edit(MINI, 'tags: [dark]', 'tags: dark')],
    ['a tag listed twice', edit(MINI, 'tags: [dark]', 'tags: [dark, dark]')],
    ['a tag with a space', edit(MINI, 'tags: [dark]', 'tags: [very dark]')],
    ['retired as a word', edit(MINI, '{ id: slim, label: Slim, code: FT-2 }', '{ id: slim, label: Slim, code: FT-2, retired: soon }')],
    ['not a mapping', '- id: mini\n'],
  ];
  it.each(productCases)('product: %s', (_name, text) => {
    expect(productProblems(text), 'the loader should refuse it').not.toEqual([]);
    expect(schemaErrors(validateProduct, text), 'the schema should refuse it').not.toEqual([]);
  });

  const rule = (body: string) => rulesFile(`  - ${body}\n`);
  /** A rules file with one hard rule, `a`, and one example. */
  const withExample = (example: string) => rulesFile('  - { id: a, kind: requires, message: M, when: { toe.material: leather }, then: { heel.material: leather } }\n', `examples:\n  - ${example}\n`);
  const textField = '{ id: toeText, kind: text, label: Toe text, placement: toe, widthMm: 30, heightMm: 9, maxLength: 8, allowed: [letters], fonts: [inter], colours: [black] }';
  const rulesCases: [string, string][] = [
    ['an unknown rule kind', rule('{ id: r, kind: forbids, message: M, when: { toe.material: leather } }')],
    ['a rule without a kind', rule('{ id: r, message: M, when: { toe.material: leather } }')],
    ['a rule without a message', rule('{ id: r, kind: alert, when: { toe.material: leather } }')],
    ['a rule id with a space', rule('{ id: my rule, kind: alert, message: M, when: { toe.material: leather } }')],
    ['an unknown key in a rule', rule('{ id: r, kind: alert, message: M, whem: { toe.material: leather } }')],
    ['a key of another kind', rule('{ id: r, kind: requires, message: M, when: { toe.material: leather }, then: { heel.material: leather }, rows: [] }')],
    ['a requires rule without then', rule('{ id: r, kind: requires, message: M, when: { toe.material: leather } }')],
    ['an amount as words', rule('{ id: r, kind: price, message: M, when: { toe.material: leather }, amount: ten }')],
    ['days that are not whole', rule('{ id: r, kind: lead-time, message: M, when: { toe.material: leather }, days: 1.5 }')],
    ['an unknown operator in a condition', rule('{ id: r, kind: alert, message: M, when: { either: [{ toe.colour: black }] } }')],
    ['an empty condition', rule('{ id: r, kind: alert, message: M, when: {} }')],
    ['an empty any', rule('{ id: r, kind: alert, message: M, when: { any: [] } }')],
    ['a condition option that is a number', rule('{ id: r, kind: alert, message: M, when: { toe.colour: 5 } }')],
    ['a condition that lists no options', rule('{ id: r, kind: alert, message: M, when: { toe.colour: [] } }')],
    ['an availability rule without when, from or until', rule('{ id: r, kind: availability, message: M, options: { toe.colour: black } }')],
    ['an availability date written day first', rule('{ id: r, kind: availability, message: M, options: { toe.colour: black }, until: 31/03/2027 }')],
    ['an availability condition on the design', rule('{ id: r, kind: availability, message: M, options: { toe.colour: black }, when: { toe.material: leather } }')],
    ['a tag inside a list of options', rule('{ id: r, kind: alert, message: M, when: { toe.colour: [white, { tag: dark }] } }')],
    ['a tag condition with another key', rule('{ id: r, kind: alert, message: M, when: { toe.colour: { tags: dark } } }')],
    ['a different rule over one attribute', rule('{ id: r, kind: different, message: M, attributes: [toe.colour] }')],
    ['a same rule with rows', rule('{ id: r, kind: same, message: M, attributes: [toe.colour, heel.colour], rows: [[black, black]] }')],
    ['a different rule without attributes', rule('{ id: r, kind: different, message: M, when: { toe.material: leather } }')],
    ['a table of one attribute', rule('{ id: r, kind: allowed-combinations, message: M, attributes: [toe.colour], rows: [[black]] }')],
    ['a table with no rows', rule('{ id: r, kind: forbidden-combinations, message: M, attributes: [toe.colour, heel.colour], rows: [] }')],
    ['a default that sets nothing', rule('{ id: r, kind: default, message: M, set: {} }')],
    ['a recommendation without prefer', rule('{ id: r, kind: recommendation, message: M }')],
    ['an unknown key at the top', `${rulesFile('  []\n')}rule: []\n`],
    ['no rules list', 'product: mini\n'],
    ['rules as a mapping', 'product: mini\nrules: { r: 1 }\n'],
    ['an unknown personalisation kind', rulesFile('  []\n', `personalisation:\n  - ${textField.replace('kind: text', 'kind: image')}\n`)],
    ['a text field without fonts', rulesFile('  []\n', `personalisation:\n  - ${textField.replace(', fonts: [inter]', '')}\n`)],
    ['a font that is not shipped', rulesFile('  []\n', `personalisation:\n  - ${textField.replace('fonts: [inter]', 'fonts: [comic-sans]')}\n`)],
    ['an unknown character class', rulesFile('  []\n', `personalisation:\n  - ${textField.replace('allowed: [letters]', 'allowed: [emoji]')}\n`)],
    ['no characters at all', rulesFile('  []\n', `personalisation:\n  - ${textField.replace('maxLength: 8', 'maxLength: 0')}\n`)],
    ['an unknown key in a text field', rulesFile('  []\n', `personalisation:\n  - ${textField.replace('maxLength: 8', 'maxLength: 8, topMm: 4')}\n`)],
    ['an example that checks nothing', withExample('{ name: e, design: { toe.colour: black } }')],
    ['an example that checks two things', withExample('{ name: e, design: {}, valid: true, price: 100 }')],
    ['an example valid: false', withExample('{ name: e, design: {}, valid: false }')],
    ['an example refused by a bare rule id', withExample('{ name: e, design: {}, invalid: a }')],
    ['an example refused with an unknown key', withExample('{ name: e, design: {}, invalid: { rules: a } }')],
    ['an example with two options for one attribute', withExample('{ name: e, design: { toe.colour: [black, white] }, valid: true }')],
    ['an example with an unknown key', withExample('{ name: e, design: {}, expect: valid }')],
    ['an example without a name', withExample('{ design: {}, valid: true }')],
    ['an example without a design', withExample('{ name: e, valid: true }')],
    ['an example taking part of a day', withExample('{ name: e, design: {}, leadTime: 1.5 }')],
    ['an artwork colour limit without a message', rulesFile('  []\n', 'personalisation:\n  - { id: art, kind: artwork, label: Art, placement: toe, widthMm: 20, heightMm: 20, maxColours: [{ when: { toe.material: leather }, max: 3 }] }\n')],
  ];
  it.each(rulesCases)('rules: %s', (_name, text) => {
    expect(rulesProblems(text), 'the loader should refuse it').not.toEqual([]);
    expect(schemaErrors(validateRules, text), 'the schema should refuse it').not.toEqual([]);
  });
});

describe('a document the loader accepts passes the schema', () => {
  const productCases: [string, string][] = [
    ['the small product', MINI],
    ['numbers where text is expected (codes, labels, size codes)', edit(edit(MINI, 'code: CL-1', 'code: 101'), '{ eu: "42", us: "8.5", uk: "8" }', '{ eu: 42, us: 8.5, uk: 8, label: 42 }')],
    ['every optional key', edit(MINI, 'model: mini.glb\n', `model: mini.glb
description: A small shoe.
illustration: tshirt
view: [0.78, 0.42, 1]
views:
  - { id: side, label: Side, direction: [0, 0.14, 1] }
  - { id: detail, label: Detail, direction: [0.35, 0.75, 0.85], focus: toe }
wording: { unit: pair, units: pairs, sizeHint: "EU sizes." }
shipsTo: [DE, GB]
`)],
    ['a tuned surface, meshes and a view on a part, a section with focus, shown meshes and scale', edit(edit(edit(MINI, '    colours: [white, black]\n', '    surface: { map: leather, tile: 18, relief: 0.6, shade: 0.3, roughnessVariation: -0.05 }\n    colours: [white, black]\n'),
      '{ id: heel, label: Heel, materials: [leather] }', '{ id: heel, label: Heel, materials: [leather], meshes: [heel, heelHigh], view: [-1, 0.4, 0.3] }'),
      '          - { id: slim, label: Slim, code: FT-2 }\n', '          - { id: slim, label: Slim, code: FT-2, show: [heelHigh], scale: [0.92, 1, 0.94] }\n')],
    ['a surface by name', edit(MINI, '    colours: [white, black]\n', '    surface: suede\n    colours: [white, black]\n')],
    ['size systems of its own, with labels', edit(MINI, 'sizes:\n  - { eu: "42", us: "8.5", uk: "8" }\n', 'sizeSystems:\n  - { id: letter, label: Size }\nsizes:\n  - { letter: M, label: "M · chest 96–101 cm" }\n  - { letter: 3XL }\n')],
    ['tags and retired on colours, materials and options', edit(edit(edit(MINI, 'tags: [dark]', 'tags: [dark, cool], retired: false'), '    colours: [white, black]\n', '    colours: [white, black]\n    tags: [hides]\n    retired: false\n'),
      '{ id: slim, label: Slim, code: FT-2 }', '{ id: slim, label: Slim, code: FT-2, tags: [narrow], retired: true }')],
    ['presets, with and without choices', `${MINI}presets:\n  - { id: plain, name: Plain }\n  - { id: night, name: Night, description: All black., choices: { toe.colour: black, cut.fit: slim } }\n`],
  ];
  it.each(productCases)('product: %s', (_name, text) => {
    expect(productProblems(text).map(formatProblem), 'the loader should accept it').toEqual([]);
    expect(schemaErrors(validateProduct, text)).toEqual([]);
  });

  const rulesCases: [string, string][] = [
    ['no rules', rulesFile('  []\n')],
    ['every kind of rule, with every key', rulesFile(`  - { id: a, kind: requires, message: M, when: { toe.material: leather }, then: { heel.material: leather } }
  - { id: b, kind: excludes, message: M, when: { all: [{ toe.colour: black }, { not: { cut.fit: slim } }] }, excludes: { any: [{ heel.colour: [white] }] } }
  - { id: c, kind: allowed-combinations, message: M, attributes: [toe.colour, heel.colour], rows: [[black, black], [white, white], [white, black]] }
  - { id: d, kind: forbidden-combinations, message: M, attributes: [toe.colour, heel.colour, cut.fit], rows: [[black, white, slim]] }
  - { id: e, kind: availability, message: M, options: { toe.colour: black, heel.colour: [black] }, when: { any: [{ context.region: [EU, UK] }, { not: { context.stock: out } }] }, from: 2026-01-01, until: 2027-03-31 }
  - { id: f, kind: availability, message: M, options: { cut.fit: [slim] }, until: "2027-03-31" }
  - { id: g, kind: default, message: M, set: { toe.colour: white, cut.fit: regular } }
  - { id: h, kind: default, message: M, when: { toe.colour: black }, set: { heel.colour: black } }
  - { id: i, kind: recommendation, message: M, prefer: { heel.colour: [black] } }
  - { id: j, kind: recommendation, message: M, when: { cut.fit: slim }, prefer: { toe.colour: white } }
  - { id: k, kind: price, message: Black toe, when: { toe.colour: black }, amount: 12.50 }
  - { id: l, kind: price, message: Slim discount, when: { cut.fit: slim }, amount: -5 }
  - { id: m, kind: lead-time, message: M, when: { cut.fit: slim }, days: 3 }
  - { id: n, kind: alert, message: 1971, when: { toe.colour: black, heel.colour: [white, black] } }
  - { id: o, kind: different, message: M, attributes: [toe.colour, heel.colour] }
  - { id: p, kind: same, message: M, attributes: [toe.material, heel.material], when: { cut.fit: slim } }
  - { id: q, kind: alert, message: M, when: { toe.colour: { tag: dark }, heel.colour: { tag: [dark, pale] } } }
`)],
    ['examples of every expectation', rulesFile('  - { id: a, kind: different, message: M, attributes: [toe.colour, heel.colour] }\n', `examples:
  - { name: the default design, design: {}, valid: true }
  - { name: one colour twice, design: { toe.colour: black, heel.colour: black }, invalid: { rule: a } }
  - { name: 100, design: { cut.fit: slim }, price: 100.00 }
  - { name: five days, design: { toe.colour: white }, leadTime: 5 }
`)],
    ['personal text and artwork with every key', rulesFile('  []\n', `personalisation:
  - { id: toeText, kind: text, label: Toe text, placement: toe, widthMm: 30, heightMm: 9, minCapHeightMm: 4, minContrast: 4.5, maxLength: 8, allowed: [letters, digits, space, punctuation], fonts: [inter, bebas-neue], colours: [black, white], when: { cut.fit: regular }, price: 5.00 }
  - { id: cutText, kind: text, label: Inside text, placement: cut, widthMm: 30, heightMm: 9, maxLength: 8, allowed: [letters], fonts: [inter], colours: [black] }
  - id: art
    kind: artwork
    label: Art
    placement: toe
    widthMm: 20
    heightMm: 20
    topMm: 2
    when: { toe.colour: white }
    price: 8
    maxColours:
      - { when: { cut.fit: slim }, max: 3, message: At most three colours. }
    pricePerColour:
      - { when: { cut.fit: regular }, amount: 1.50, message: Colours }
`)],
  ];
  it.each(rulesCases)('rules: %s', (_name, text) => {
    expect(rulesProblems(text).map(formatProblem), 'the loader should accept it').toEqual([]);
    expect(schemaErrors(validateRules, text)).toEqual([]);
  });
});

describe('the schema offers the keys the loader knows, and only those', () => {
  /** A value at a path of a parsed document. */
  function at(document: unknown, path: readonly (string | number)[]): Record<string, unknown> {
    return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document) as Record<string, unknown>;
  }

  /** The keys the schema offers at `path` that the loader calls unknown when one is added there. */
  function unknownToLoader(text: string, path: readonly (string | number)[], keys: readonly string[], problemsOf: (text: string) => readonly Problem[]): string[] {
    return keys.filter((key) => {
      const document = parse(text) as unknown;
      const owner = at(document, path);
      if (key in owner) return false;
      owner[key] = 'x';
      return problemsOf(stringify(document)).some((problem) => problem.message.startsWith(`unknown key "${key}"`));
    });
  }

  /**
   * The keys the loader knows at `path`, as its "unknown key" fix lists them for a key it cannot
   * place; `complete` is false when the fix shortens a long list with "…".
   */
  function knownToLoader(text: string, path: readonly (string | number)[], problemsOf: (text: string) => readonly Problem[]): { keys: string[]; complete: boolean } {
    const document = parse(text) as unknown;
    at(document, path).qqqzzz = 'x';
    const problem = problemsOf(stringify(document)).find((candidate) => candidate.message.startsWith('unknown key "qqqzzz"'));
    const listed = /known keys: (.*)$/.exec(problem?.hint ?? '')?.[1];
    if (listed === undefined) throw new Error(`no "unknown key" fix listing the known keys at ${path.join('.')}: ${problem?.hint ?? 'no problem reported'}`);
    const keys = listed.split(', ');
    const complete = keys.at(-1) !== '…';
    return { keys: complete ? keys : keys.slice(0, -1), complete };
  }

  /** Both ways: every key the loader lists is offered, and every key offered is one the loader knows. */
  function expectSameKeys(text: string, path: readonly (string | number)[], schemaKeys: readonly string[], problemsOf: (text: string) => readonly Problem[]): void {
    const loader = knownToLoader(text, path, problemsOf);
    if (loader.complete) expect([...schemaKeys].sort()).toEqual([...loader.keys].sort());
    else expect(schemaKeys).toEqual(expect.arrayContaining(loader.keys));
    expect(unknownToLoader(text, path, schemaKeys, problemsOf)).toEqual([]);
  }

  const product = edit(edit(MINI, '    colours: [white, black]\n', '    surface: { map: leather }\n    colours: [white, black]\n'), 'model: mini.glb\n', `model: mini.glb
views:
  - { id: side, label: Side, direction: [0, 0.14, 1] }
wording: { unit: pair, units: pairs }
sizeSystems:
  - { id: eu, label: EU }
  - { id: us, label: US }
  - { id: uk, label: UK }
presets:
  - { id: plain, name: Plain }
`);
  const material = def(productSchema, 'material');
  const materialProperties = material.properties as Record<string, Schema>;
  const productPlaces: [string, (string | number)[], Schema][] = [
    ['the product', [], productSchema],
    ['a colour', ['colours', 'white'], def(productSchema, 'colour')],
    ['a material', ['materials', 'leather'], material],
    ['an appearance', ['materials', 'leather', 'appearance'], materialProperties.appearance!],
    ['a tuned surface', ['materials', 'leather', 'surface'], (materialProperties.surface!.oneOf as Schema[])[1]!],
    ['a part', ['parts', 0], def(productSchema, 'part')],
    ['a section', ['parts', 2], def(productSchema, 'section')],
    ['a choice', ['parts', 2, 'choices', 0], def(productSchema, 'choice')],
    ['an option', ['parts', 2, 'choices', 0, 'options', 0], def(productSchema, 'choiceOption')],
    ['a camera view', ['views', 0], def(productSchema, 'cameraView')],
    ['the wording', ['wording'], (productSchema.properties as Record<string, Schema>).wording!],
    ['a size system', ['sizeSystems', 0], def(productSchema, 'sizeSystem')],
    ['a preset', ['presets', 0], def(productSchema, 'preset')],
  ];
  it.each(productPlaces)('product: %s', (_name, path, schema) => {
    expect(productProblems(product).map(formatProblem)).toEqual([]);
    expectSameKeys(product, path, keysOf(productSchema, schema), productProblems);
  });

  const example = rulesFile('  - { id: a, kind: same, message: M, attributes: [toe.colour, heel.colour] }\n', 'examples:\n  - { name: e, design: {}, invalid: { rule: a } }\n');
  const artwork = rulesFile('  []\n', 'personalisation:\n  - { id: a, kind: artwork, maxColours: [{ max: 1 }], pricePerColour: [{ amount: 1 }] }\n');
  const artworkProperties = def(rulesSchema, 'artworkField').properties as Record<string, Schema>;
  const ruleBranches = (def(rulesSchema, 'rule').oneOf as Schema[]).map((branch) => resolveRef(rulesSchema, branch));
  const rulePlaces: [string, string, (string | number)[], Schema][] = [
    ['the rules file', rulesFile('  []\n'), [], rulesSchema],
    ...ruleBranches.map((branch): [string, string, (string | number)[], Schema] => {
      const kind = (branch.properties as Record<string, Schema>).kind!.const as string;
      return [`a ${kind} rule`, rulesFile(`  - { id: r, kind: ${kind}, message: M }\n`), ['rules', 0], branch];
    }),
    ['a text field', rulesFile('  []\n', 'personalisation:\n  - { id: t, kind: text }\n'), ['personalisation', 0], def(rulesSchema, 'textField')],
    ['an artwork field', rulesFile('  []\n', 'personalisation:\n  - { id: a, kind: artwork }\n'), ['personalisation', 0], def(rulesSchema, 'artworkField')],
    ['an artwork colour limit', artwork, ['personalisation', 0, 'maxColours', 0], artworkProperties.maxColours!.items as Schema],
    ['an artwork price per colour', artwork, ['personalisation', 0, 'pricePerColour', 0], artworkProperties.pricePerColour!.items as Schema],
    ['an example', example, ['examples', 0], def(rulesSchema, 'example')],
    ['what refuses an example', example, ['examples', 0, 'invalid'], (def(rulesSchema, 'example').properties as Record<string, Schema>).invalid!],
    ['a tag condition', rulesFile('  - { id: r, kind: alert, message: M, when: { toe.colour: { tag: dark } } }\n'), ['rules', 0, 'when', 'toe.colour'], def(rulesSchema, 'tagRef')],
  ];
  it.each(rulePlaces)('rules: %s', (_name, text, path, schema) => {
    expectSameKeys(text, path, keysOf(rulesSchema, schema), rulesProblems);
  });
});
