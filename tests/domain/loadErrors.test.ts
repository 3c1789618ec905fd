// Broken product and rules files: each mistake is reported as a value with its file:line:column,
// its path, a precise message and a fix; nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCatalogEntry, loadProduct, loadRules, type Problem, type Product, type Result } from '../../src/domain/index.ts';
import { PRODUCT_FILE, RULES_FILE, sneakerSources } from './support/sneaker.ts';

/** A small valid product; each row below breaks one thing in it. */
const MINI = `id: mini
name: Mini Shoe
currency: EUR
basePrice: 100.00
baseLeadTimeDays: 5
model: mini.glb
colours:
  white: { label: White, code: CL-1, hex: "#ffffff" }
  black: { label: Black, code: CL-2, hex: "#000000" }
materials:
  leather:
    label: Leather
    code: MT-1
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }
    colours: [white, black]
  suede:
    label: Suede
    code: MT-2
    appearance: { roughness: 0.9, metalness: 0, clearcoat: 0, sheen: 0.8 }
    colours: [black]
parts:
  - { id: toeCap, label: Toe cap, materials: [leather, suede] }
  - { id: heel, label: Heel, materials: [leather] }
sizes:
  - { eu: "42", us: "8.5", uk: "8" }
presets:
  - id: night
    name: Night
    choices: { toeCap.material: suede, toeCap.colour: black }
`;
const MINI_FILE = 'models/mini/product.yaml';
const MINI_RULES_FILE = 'rules/mini.rules.yaml';
const EMPTY_MINI_RULES = 'product: mini\nrules: []\n';

/** Replaces the one occurrence of `from` in `text`. */
function edit(text: string, from: string, to: string): string {
  const pieces = text.split(from);
  if (pieces.length !== 2) throw new Error(`"${from}" occurs ${pieces.length - 1} times in the fixture`);
  return pieces.join(to);
}

/** The small product with a size system of its own, letter sizes (lines 24 to 28). */
const LETTER_MINI = edit(MINI, 'sizes:\n  - { eu: "42", us: "8.5", uk: "8" }\n', 'sizeSystems:\n  - { id: letter, label: Size }\nsizes:\n  - { letter: S }\n  - { letter: M }\n');

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the fixture`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const sneaker: Product = (() => {
  const result = loadProduct(PRODUCT_FILE, sneakerSources.product.text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
})();

const loadMini = (text: string) => loadProduct(MINI_FILE, text);
const loadSneakerRules = (text: string) => loadRules(sneaker, RULES_FILE, text);
const rulesWith = (yaml: string) => `product: sneaker\nrules:\n${yaml}`;

interface BrokenFile {
  readonly mistake: string;
  readonly load: () => Result<unknown>;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
  /** Part of the fix the hint must give (e.g. a "did you mean"). */
  readonly hint?: string;
  /** False when the one mistake rightly causes further problems (YAML parsers report several). */
  readonly alone?: boolean;
}

const syntaxHint = 'check indentation (spaces, not tabs)';
const cognacLine = positionOf(sneakerSources.product.text, 'cognac, grey, black, navy, royal');
// Where cognac sits in that list today: a colour added before it moves it, and the message follows.
const cognacIndex = (() => {
  const line = sneakerSources.product.text.split('\n').find((text) => text.includes('cognac, grey, black, navy, royal'))!;
  return line.slice(line.indexOf('[') + 1, line.indexOf(']')).split(',').map((id) => id.trim()).indexOf('cognac');
})();

const brokenProducts: readonly BrokenFile[] = [
  {
    mistake: 'a mis-indented line', load: () => loadMini(edit(MINI, '    label: Leather', '   label: Leather')),
    file: MINI_FILE, line: 12, column: 11, path: '', message: 'the file is not valid YAML: Nested mappings are not allowed in compact mappings', hint: syntaxHint, alone: false,
  },
  {
    mistake: 'a tab used for indentation', load: () => loadMini(edit(MINI, '    code: MT-1', '\tcode: MT-1')),
    file: MINI_FILE, line: 13, column: 1, path: '', message: 'the file is not valid YAML: Tabs are not allowed as indentation', hint: 'spaces, not tabs', alone: false,
  },
  {
    mistake: 'a duplicate key', load: () => loadMini(edit(MINI, 'name: Mini Shoe\n', 'name: Mini Shoe\nname: Other Shoe\n')),
    file: MINI_FILE, line: 3, column: 1, path: '', message: 'the file is not valid YAML: Map keys must be unique', hint: 'keys are unique',
  },
  {
    mistake: 'a list instead of a mapping at the top', load: () => loadMini('- id: mini\n- name: Mini Shoe\n'),
    file: MINI_FILE, line: 1, column: 1, path: '', message: 'the product file must be a mapping of "key: value" entries, not a list', hint: '"key: value" lines',
  },
  {
    mistake: 'an empty file', load: () => loadMini(''),
    file: MINI_FILE, line: 1, column: 1, path: '', message: 'the product file must be a mapping of "key: value" entries, not nothing',
  },
  {
    mistake: 'an unknown top-level key (a typo)', load: () => loadMini(edit(MINI, 'model: mini.glb\n', 'model: mini.glb\nmodle: other.glb\n')),
    file: MINI_FILE, line: 7, column: 1, path: 'modle', message: 'unknown key "modle" in the product', hint: 'did you mean "model"?',
  },
  {
    mistake: 'an American spelling of a section', load: () => loadMini(edit(MINI, 'colours:\n  white', 'colors:\n  white')),
    file: MINI_FILE, line: 7, column: 1, path: 'colors', message: 'unknown key "colors" in the product', hint: 'did you mean "colours"?', alone: false,
  },
  {
    mistake: 'a missing id', load: () => loadMini(edit(MINI, 'id: mini\n', '')),
    file: MINI_FILE, line: 1, column: 1, path: '', message: '"id" is missing', hint: 'add "id: <product-id>"',
  },
  {
    mistake: 'a missing name', load: () => loadMini(edit(MINI, 'name: Mini Shoe\n', '')),
    file: MINI_FILE, line: 1, column: 1, path: '', message: '"name" is missing', hint: 'add "name: ',
  },
  {
    mistake: 'a missing currency', load: () => loadMini(edit(MINI, 'currency: EUR\n', '')),
    file: MINI_FILE, line: 1, column: 1, path: '', message: '"currency" is missing', hint: 'ISO 4217',
  },
  {
    mistake: 'a currency that is not an ISO code', load: () => loadMini(edit(MINI, 'currency: EUR', 'currency: euro')),
    file: MINI_FILE, line: 3, column: 11, path: 'currency', message: 'currency "euro" is not an ISO 4217 code', hint: 'three capital letters',
  },
  {
    mistake: 'a negative base price', load: () => loadMini(edit(MINI, 'basePrice: 100.00', 'basePrice: -5')),
    file: MINI_FILE, line: 4, column: 12, path: 'basePrice', message: '"basePrice" is -5, outside the allowed range 0–100000', hint: 'basePrice: 119.00',
  },
  {
    mistake: 'a base price in words', load: () => loadMini(edit(MINI, 'basePrice: 100.00', 'basePrice: cheap')),
    file: MINI_FILE, line: 4, column: 12, path: 'basePrice', message: '"basePrice" must be a number, not "cheap"',
  },
  {
    mistake: 'a fractional base lead time', load: () => loadMini(edit(MINI, 'baseLeadTimeDays: 5', 'baseLeadTimeDays: 2.5')),
    file: MINI_FILE, line: 5, column: 19, path: 'baseLeadTimeDays', message: '"baseLeadTimeDays" is 2.5, outside the allowed range 0–365 (whole numbers)', hint: 'whole days',
  },
  {
    mistake: 'a model that is not a .glb file', load: () => loadMini(edit(MINI, 'model: mini.glb', 'model: mini.gltf')),
    file: MINI_FILE, line: 6, column: 8, path: 'model', message: 'model "mini.gltf" is not a .glb file name', hint: 'glTF binary',
  },
  {
    mistake: 'a bad hex colour', load: () => loadMini(edit(MINI, 'hex: "#000000"', 'hex: "#00000g"')),
    file: MINI_FILE, line: 9, column: 43, path: 'colours.black.hex', message: 'hex "#00000g" is not a #rrggbb colour', hint: 'six hex digits',
  },
  {
    mistake: 'an appearance value out of range', load: () => loadMini(edit(MINI, 'roughness: 0.9', 'roughness: 1.5')),
    file: MINI_FILE, line: 19, column: 30, path: 'materials.suede.appearance.roughness', message: '"roughness" is 1.5, outside the allowed range 0–1', hint: 'from 0 to 1', alone: false,
  },
  {
    mistake: 'an unknown colour in a material', load: () => loadMini(edit(MINI, 'colours: [black]', 'colours: [blak]')),
    file: MINI_FILE, line: 20, column: 15, path: 'materials.suede.colours[0]', message: 'unknown colour "blak" in material "suede"', hint: 'did you mean "black"?',
  },
  {
    mistake: 'an unknown colour in a material of the real sneaker', load: () => loadProduct(PRODUCT_FILE, edit(sneakerSources.product.text, 'cognac, grey, black, navy, royal', 'cognak, grey, black, navy, royal')),
    file: PRODUCT_FILE, line: cognacLine.line, column: cognacLine.column, path: `materials.leather.colours[${cognacIndex}]`, message: 'unknown colour "cognak" in material "leather"', hint: 'did you mean "cognac"?',
  },
  {
    mistake: 'a part with an unknown material', load: () => loadMini(edit(MINI, 'materials: [leather] }', 'materials: [lether] }')),
    file: MINI_FILE, line: 23, column: 42, path: 'parts[1].materials[0]', message: 'unknown material "lether" in part "heel"', hint: 'did you mean "leather"?',
  },
  {
    mistake: 'a duplicate part id', load: () => loadMini(edit(MINI, '{ id: heel,', '{ id: toeCap,')),
    file: MINI_FILE, line: 23, column: 11, path: 'parts[1].id', message: 'part "toeCap" is defined twice', hint: 'unique id',
  },
  {
    mistake: 'a part id with a dash', load: () => loadMini(edit(MINI, '{ id: heel,', '{ id: heel-tab,')),
    file: MINI_FILE, line: 23, column: 11, path: 'parts[1].id', message: 'part id "heel-tab" is not a valid part id', hint: 'letters and digits only',
  },
  {
    mistake: 'a size without its US size', load: () => loadMini(edit(MINI, '{ eu: "42", us: "8.5", uk: "8" }', '{ eu: "42", uk: "8" }')),
    file: MINI_FILE, line: 25, column: 5, path: 'sizes[0]', message: 'size 1 has no code in size system "us"', hint: 'each size system (eu, us, uk)',
  },
  {
    mistake: 'a size without its code in the product\'s own size system', load: () => loadMini(edit(LETTER_MINI, '{ letter: M }', '{ label: M }')),
    file: MINI_FILE, line: 28, column: 5, path: 'sizes[1]', message: 'size 2 has no code in size system "letter"', hint: 'e.g. { letter: "42" }',
  },
  {
    mistake: 'a size code under a system the product does not have (a typo)', load: () => loadMini(edit(LETTER_MINI, '{ letter: M }', '{ letter: M, leter: L }')),
    file: MINI_FILE, line: 28, column: 18, path: 'sizes[1].leter', message: 'unknown key "leter" in a size', hint: 'did you mean "letter"?',
  },
  {
    mistake: 'a size system listed twice', load: () => loadMini(edit(LETTER_MINI, '  - { id: letter, label: Size }\n', '  - { id: letter, label: Size }\n  - { id: letter, label: Letter }\n')),
    file: MINI_FILE, line: 26, column: 11, path: 'sizeSystems[1].id', message: 'size system "letter" is defined twice', hint: 'unique id',
  },
  {
    mistake: 'a size system id that is not an id', load: () => loadMini(edit(edit(edit(LETTER_MINI, '{ id: letter,', '{ id: "letter size",'), '{ letter: S }', '{ "letter size": S }'), '{ letter: M }', '{ "letter size": M }')),
    file: MINI_FILE, line: 25, column: 11, path: 'sizeSystems[0].id', message: 'size system id "letter size" is not a valid id', hint: 'e.g. eu or letter',
  },
  {
    mistake: 'a size system without its label', load: () => loadMini(edit(LETTER_MINI, '{ id: letter, label: Size }', '{ id: letter }')),
    file: MINI_FILE, line: 25, column: 5, path: 'sizeSystems[0]', message: '"label" is missing', hint: 'label: EU',
  },
  {
    mistake: 'no size systems at all', load: () => loadMini(edit(MINI, 'sizes:\n', 'sizeSystems: []\nsizes:\n')),
    file: MINI_FILE, line: 24, column: 14, path: 'sizeSystems', message: 'the product has no size systems', hint: 'leave "sizeSystems" out for EU, US and UK',
  },
  {
    mistake: 'two sizes with the same code in the first size system', load: () => loadMini(edit(LETTER_MINI, '{ letter: M }', '{ letter: s }')),
    file: MINI_FILE, line: 28, column: 15, path: 'sizes[1].letter', message: 'size "s" is listed twice in size system "letter"', hint: 'letter-s',
  },
  {
    mistake: 'a preset naming an unknown attribute', load: () => loadMini(edit(MINI, 'toeCap.colour: black', 'toeCap.color: black')),
    file: MINI_FILE, line: 29, column: 40, path: 'presets[0].choices.toeCap.color', message: 'unknown attribute "toeCap.color"', hint: 'did you mean "toeCap.colour"?',
  },
  {
    mistake: 'a preset with an option the attribute does not have', load: () => loadMini(edit(MINI, 'toeCap.material: suede', 'toeCap.material: canvas')),
    file: MINI_FILE, line: 29, column: 33, path: 'presets[0].choices.toeCap.material', message: '"canvas" is not an option of "toeCap.material"', hint: 'leather, suede',
  },
];

const brokenRules: readonly BrokenFile[] = [
  {
    mistake: 'invalid YAML', load: () => loadSneakerRules('product: sneaker\nrules:\n  - id: a\n    kind alert\n'),
    file: RULES_FILE, line: 4, column: 5, path: '', message: 'the file is not valid YAML: Implicit map keys need to be followed by map values', hint: syntaxHint,
  },
  {
    mistake: 'rules for another product', load: () => loadSneakerRules('product: hoodie\nrules: []\n'),
    file: RULES_FILE, line: 1, column: 10, path: 'product', message: 'these rules are for product "hoodie", but they were loaded for "sneaker"', hint: 'set "product: sneaker"',
  },
  {
    mistake: 'a missing product line', load: () => loadSneakerRules('rules: []\n'),
    file: RULES_FILE, line: 1, column: 1, path: '', message: '"product" is missing', hint: 'add "product: sneaker"',
  },
  {
    mistake: 'rules given as a mapping', load: () => loadSneakerRules('product: sneaker\nrules: { a: 1 }\n'),
    file: RULES_FILE, line: 2, column: 8, path: 'rules', message: '"rules" must be a list, not a mapping', hint: '"- item" lines',
  },
  {
    mistake: 'a misspelt rule kind', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: require\n    message: M.\n    when: { toeCap.material: patent }\n    then: { vamp.material: leather }\n')),
    file: RULES_FILE, line: 4, column: 11, path: 'rules[0].kind', message: 'unknown rule kind "require"', hint: 'did you mean "requires"?',
  },
  {
    mistake: 'a rule without a kind', load: () => loadSneakerRules(rulesWith('  - id: a\n    message: M.\n    when: { toeCap.material: patent }\n')),
    file: RULES_FILE, line: 3, column: 5, path: 'rules[0]', message: '"kind" is missing', hint: 'requires, excludes, allowed-combinations',
  },
  {
    mistake: 'a duplicate rule id', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: alert\n    message: M.\n    when: { toeCap.material: patent }\n  - id: a\n    kind: alert\n    message: N.\n    when: { toeCap.material: suede }\n')),
    file: RULES_FILE, line: 7, column: 9, path: 'rules[1].id', message: 'rule "a" is defined twice', hint: 'unique id',
  },
  {
    mistake: 'an invalid rule id', load: () => loadSneakerRules(rulesWith('  - id: Bad Id\n    kind: alert\n    message: M.\n    when: { toeCap.material: patent }\n')),
    file: RULES_FILE, line: 3, column: 9, path: 'rules[0].id', message: 'rule id "Bad Id" is not a valid id', hint: 'letters, digits and dashes',
  },
  {
    mistake: 'a rule without a message', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: alert\n    when: { toeCap.material: patent }\n')),
    file: RULES_FILE, line: 3, column: 5, path: 'rules[0]', message: '"message" is missing', hint: 'add "message: ',
  },
  {
    mistake: 'a misspelt attribute', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.materal: suede }\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 13, path: 'rules[0].when.vamp.materal', message: 'unknown attribute "vamp.materal"', hint: 'did you mean "vamp.material"?',
  },
  {
    mistake: 'an unknown option in a condition', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.material: gold }\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 28, path: 'rules[0].when.vamp.material', message: '"gold" is not an option of "vamp.material"', hint: 'leather, suede, nubuck, canvas, mesh, knit',
  },
  {
    mistake: 'a misspelt option in a list of options', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.material: [suede, sued] }\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 36, path: 'rules[0].when.vamp.material[1]', message: '"sued" is not an option of "vamp.material"', hint: 'did you mean "suede"?',
  },
  {
    mistake: 'an empty condition', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: {}\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 11, path: 'rules[0].when', message: 'the condition is empty', hint: 'all:, any: and not:',
  },
  {
    mistake: '"all:" given a mapping instead of a list', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { all: { vamp.material: suede } }\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 18, path: 'rules[0].when.all', message: '"all" must be a list, not a mapping', hint: '"- item" lines',
  },
  {
    mistake: '"any:" with no conditions', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { any: [] }\n    then: { lining.material: textile }\n')),
    file: RULES_FILE, line: 6, column: 18, path: 'rules[0].when.any', message: '"any" has no conditions', hint: 'list conditions under "any"',
  },
  {
    mistake: '"not:" given a list', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: alert\n    message: M.\n    when: { not: [ { toeCap.material: patent } ] }\n')),
    file: RULES_FILE, line: 6, column: 18, path: 'rules[0].when.not', message: 'a condition must be a mapping of "key: value" entries, not a list',
  },
  {
    mistake: 'a requires rule without "then"', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.material: suede }\n')),
    file: RULES_FILE, line: 3, column: 5, path: 'rules[0]', message: '"then" is missing', hint: 'add "then: ',
  },
  {
    mistake: 'a misspelt key in a rule', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.material: suede }\n    than: { lining.material: textile }\n')),
    file: RULES_FILE, line: 7, column: 5, path: 'rules[0].than', message: 'unknown key "than" in a requires rule', hint: 'did you mean "then"?', alone: false,
  },
  {
    mistake: 'a table row with the wrong number of options', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: allowed-combinations\n    message: M.\n    attributes: [midsole.material, outsole.material]\n    rows:\n      - [cupsole-rubber, rubber]\n      - [cork]\n')),
    file: RULES_FILE, line: 9, column: 9, path: 'rules[0].rows[1]', message: 'row 2 has 1 option but the table has 2 attributes (midsole.material, outsole.material)', hint: 'one option per attribute',
  },
  {
    mistake: 'a table over one attribute', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: allowed-combinations\n    message: M.\n    attributes: [midsole.material]\n    rows:\n      - [cork]\n')),
    file: RULES_FILE, line: 6, column: 17, path: 'rules[0].attributes', message: 'a combinations table needs at least two attributes', hint: 'two or more attributes',
  },
  {
    mistake: 'a table without rows', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: forbidden-combinations\n    message: M.\n    attributes: [midsole.material, outsole.material]\n    rows: []\n')),
    file: RULES_FILE, line: 7, column: 11, path: 'rules[0].rows', message: 'the table has no rows', hint: 'forbidden combinations',
  },
  {
    mistake: 'a misspelt option in a table row', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: allowed-combinations\n    message: M.\n    attributes: [midsole.material, outsole.material]\n    rows:\n      - [cupsole-rubber, rubbr]\n')),
    file: RULES_FILE, line: 8, column: 26, path: 'rules[0].rows[0][1]', message: '"rubbr" is not an option of "outsole.material"', hint: 'did you mean "rubber"?',
  },
  {
    mistake: 'a default setting an invalid option', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: default\n    message: M.\n    set: { toeCap.material: gold }\n')),
    file: RULES_FILE, line: 6, column: 29, path: 'rules[0].set.toeCap.material', message: '"gold" is not an option of "toeCap.material"', hint: 'leather, suede, nubuck, patent',
  },
  {
    mistake: 'a default that sets nothing', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: default\n    message: M.\n    set: {}\n')),
    file: RULES_FILE, line: 6, column: 10, path: 'rules[0].set', message: 'a default rule must set at least one attribute',
  },
  {
    mistake: 'a price amount that is not a number', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: price\n    message: M.\n    when: { toeCap.material: patent }\n    amount: "12 euros"\n')),
    file: RULES_FILE, line: 7, column: 13, path: 'rules[0].amount', message: '"amount" must be a number, not "12 euros"', hint: 'amount: 12.50',
  },
  {
    mistake: 'lead-time days that are not whole', load: () => loadSneakerRules(rulesWith('  - id: a\n    kind: lead-time\n    message: M.\n    when: { toeCap.material: patent }\n    days: 2.5\n')),
    file: RULES_FILE, line: 7, column: 11, path: 'rules[0].days', message: '"days" is 2.5, outside the allowed range 0–365 (whole numbers)', hint: 'whole extra production days',
  },
];

const unpublishable: readonly BrokenFile[] = [
  {
    mistake: 'a preset in a colour its material does not come in',
    load: () => loadCatalogEntry({ file: MINI_FILE, text: edit(MINI, 'toeCap.colour: black', 'toeCap.colour: white') }, { file: MINI_RULES_FILE, text: EMPTY_MINI_RULES }),
    file: MINI_FILE, line: 29, column: 14, path: 'presets[0].choices', message: 'preset "night" is not a valid design: it breaks "palette:toeCap:suede" (Suede comes in Black.)', hint: 'change the preset\'s choices',
  },
  {
    mistake: 'a preset that breaks a rule',
    load: () => loadCatalogEntry({ file: MINI_FILE, text: MINI }, {
      file: MINI_RULES_FILE,
      text: 'product: mini\nrules:\n  - id: no-suede\n    kind: excludes\n    message: No suede toe cap with a leather heel.\n    when: { toeCap.material: suede }\n    excludes: { heel.material: leather }\n',
    }),
    file: MINI_FILE, line: 29, column: 14, path: 'presets[0].choices', message: 'preset "night" is not a valid design: it breaks "no-suede" (No suede toe cap with a leather heel.)', hint: 'relax the rule',
  },
];

function firstProblem(result: Result<unknown>): { problem: Problem; problems: readonly Problem[] } {
  expect(result.ok).toBe(false);
  const problems = result.ok ? [] : result.problems;
  expect(problems.length).toBeGreaterThan(0);
  return { problem: problems[0]!, problems };
}

function expectReported(row: BrokenFile): void {
  const { problem, problems } = firstProblem(row.load());
  expect({ message: problem.message, path: problem.path, location: problem.location })
    .toEqual({ message: row.message, path: row.path, location: { file: row.file, line: row.line, column: row.column } });
  expect(problem.hint.trim().length).toBeGreaterThan(0);
  if (row.hint) expect(problem.hint).toContain(row.hint);
  if (row.alone !== false) expect(problems.map((p) => p.message)).toEqual([row.message]);
}

describe('loading a broken product file', () => {
  it.each(brokenProducts.map((row) => [row.mistake, row] as const))('reports %s with its position and a fix', (_, row) => expectReported(row));

  it('reports every mistake in one pass, in file order', () => {
    const text = edit(edit(edit(MINI, 'currency: EUR', 'currency: eur'), 'basePrice: 100.00', 'basePrice: -1'), 'colours: [black]', 'colours: [blak]');
    const { problems } = firstProblem(loadMini(text));
    expect(problems.map((problem) => problem.path)).toEqual(['currency', 'basePrice', 'materials.suede.colours[0]']);
  });

  it('still knows a material whose appearance is wrong, so its parts and presets are not reported as unknown', () => {
    const { problems } = firstProblem(loadMini(edit(MINI, 'roughness: 0.9', 'roughness: 1.5')));
    expect(problems.map((problem) => problem.path)).toEqual(['materials.suede.appearance.roughness']);
  });
});

describe('loading a broken rules file', () => {
  it.each(brokenRules.map((row) => [row.mistake, row] as const))('reports %s with its position and a fix', (_, row) => expectReported(row));
});

describe('publishing a product with its rules', () => {
  it.each(unpublishable.map((row) => [row.mistake, row] as const))('refuses %s, pointing at the preset', (_, row) => expectReported(row));

  it('refuses rules that leave no valid design at all, pointing at the rules file', () => {
    const rules = [
      'product: mini', 'rules:',
      '  - id: white-toe', '    kind: requires', '    message: A leather heel needs a white toe cap.', '    when: { heel.material: leather }', '    then: { toeCap.colour: white }',
      '  - id: black-toe', '    kind: requires', '    message: A leather heel needs a black toe cap.', '    when: { heel.material: leather }', '    then: { toeCap.colour: black }',
    ].join('\n');
    const { problem } = firstProblem(loadCatalogEntry({ file: MINI_FILE, text: edit(MINI, 'choices: { toeCap.material: suede, toeCap.colour: black }', 'choices: {}') }, { file: MINI_RULES_FILE, text: rules }));
    expect(problem.path).toBe('rules');
    expect(problem.message).toBe('no design satisfies all the hard rules: "white-toe", "black-toe" cannot all hold together');
    expect(problem.location).toMatchObject({ file: MINI_RULES_FILE, line: 3 });
    expect(problem.hint.length).toBeGreaterThan(0);
    expect(problem.location).toMatchObject({ file: MINI_RULES_FILE });
  });

  it('accepts the small product as it is', () => {
    const result = loadCatalogEntry({ file: MINI_FILE, text: MINI }, { file: MINI_RULES_FILE, text: EMPTY_MINI_RULES });
    expect(result.ok).toBe(true);
  });
});

describe('formatting a problem', () => {
  it('reads file:line:col path: message. Fix: hint', () => {
    const { problem } = firstProblem(loadMini(edit(MINI, 'currency: EUR', 'currency: euro')));
    expect(formatProblem(problem)).toBe('models/mini/product.yaml:3:11 currency: currency "euro" is not an ISO 4217 code. Fix: use three capital letters, e.g. EUR, USD, GBP');
  });

  it('leaves out an empty path', () => {
    const { problem } = firstProblem(loadMini(edit(MINI, 'id: mini\n', '')));
    expect(formatProblem(problem)).toBe('models/mini/product.yaml:1:1 "id" is missing. Fix: add "id: <product-id>" (letters, digits, dashes)');
  });

  it('gives a did-you-mean for a misspelt attribute', () => {
    const { problem } = firstProblem(loadSneakerRules(rulesWith('  - id: a\n    kind: requires\n    message: M.\n    when: { vamp.materal: suede }\n    then: { lining.material: textile }\n')));
    expect(formatProblem(problem)).toMatch(/^rules\/sneaker\.rules\.yaml:6:13 rules\[0\]\.when\.vamp\.materal: unknown attribute "vamp\.materal"\. Fix: did you mean "vamp\.material"\? Known attributes and operators: toeCap\.material, /);
  });
});

describe('loading never throws', () => {
  it('reports an alias to a missing anchor as a problem', () => {
    expect(() => loadProduct(MINI_FILE, edit(MINI, 'name: Mini Shoe', 'name: *shoeName'))).not.toThrow();
    expect(() => loadSneakerRules('product: *product\nrules: []\n')).not.toThrow();
    const result = loadProduct(MINI_FILE, 'id: *nowhere\n');
    expect(result.ok).toBe(false);
  });

  it('reports an alias bomb as a problem', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) text += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
    expect(() => loadProduct(MINI_FILE, text)).not.toThrow();
  });

  // Random edits of the real files (aliases aside, covered above): always a Result, every problem located with a fix.
  const edits = (text: string) => fc.tuple(
    fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom('', '  ', '- ', ': ', 'x', '[', '{', '}', '"', '#', '!!int ', '~', '0', '- []', '{}', '\t', 'null'), { minLength: 1, maxLength: 4 }),
  ).map(([positions, inserts]) => {
    const lines = text.split('\n');
    positions.forEach((position, index) => {
      const at = position % lines.length;
      const line = lines[at]!;
      const column = (position >> 3) % (line.length + 1);
      lines[at] = line.slice(0, column) + inserts[index % inserts.length] + line.slice(column + (position % 3));
    });
    return lines.join('\n');
  });
  const expectLocatedProblems = (result: Result<unknown>) => {
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.location).toBeDefined();
      expect(problem.hint.length).toBeGreaterThan(0);
    }
  };

  it('returns located problems for random edits of the real product file', () => {
    fc.assert(fc.property(edits(sneakerSources.product.text), (text) => expectLocatedProblems(loadProduct(PRODUCT_FILE, text))), { numRuns: 60 });
  });

  it('returns located problems for random edits of the real rules file', () => {
    fc.assert(fc.property(edits(sneakerSources.rules.text), (text) => expectLocatedProblems(loadSneakerRules(text))), { numRuns: 60 });
  });

  it('returns problems for arbitrary text', () => {
    fc.assert(fc.property(fc.string().filter((text) => !text.includes('*')), (text) => {
      expectLocatedProblems(loadProduct(PRODUCT_FILE, text));
      expectLocatedProblems(loadSneakerRules(text));
    }), { numRuns: 200 });
  });

  it('loads the real files without a problem', () => {
    expect(loadProduct(PRODUCT_FILE, sneakerSources.product.text).ok).toBe(true);
    expect(loadSneakerRules(sneakerSources.rules.text).ok).toBe(true);
  });
});
