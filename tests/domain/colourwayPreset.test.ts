// An approved design into the catalogue: a colourway preset appended to product.yaml as a text
// edit, checked by the engine. Assertions are about the edit's meaning (it reads back as the
// design, the rest of the file is kept, broken designs are refused naming the rule), never about
// today's option lists: designs are found from the shipped product by the engine.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, loadCatalogEntry, loadProduct, loadRules, resolveDesign, type Product } from '../../src/domain/index.ts';
import { addColourwayPreset, presetIdOf, type ColourwaySources } from '../../src/domain/studio/index.ts';

const PRODUCT_FILE = 'models/sneaker/product.yaml';
const RULES_FILE = 'rules/sneaker.rules.yaml';
const sources: ColourwaySources = {
  productFile: PRODUCT_FILE, productText: readFileSync(PRODUCT_FILE, 'utf8'),
  rulesFile: RULES_FILE, rulesText: readFileSync(RULES_FILE, 'utf8'),
  readTable: (name) => readFileSync(`rules/${name}`, 'utf8'),
};
const product = (() => {
  const loaded = loadProduct(PRODUCT_FILE, sources.productText);
  if (!loaded.ok) throw new Error('the sneaker does not load');
  return loaded.value;
})();
const ruleSet = (() => {
  const loaded = loadRules(product, RULES_FILE, sources.rulesText, { readTable: sources.readTable });
  if (!loaded.ok) throw new Error('the sneaker rules do not load');
  return loaded.value;
})();
const space = compileRules(product, ruleSet);

/** A complete valid design that is not the default: each attribute at its last option the engine still allows. */
function unusualDesign(of: Product): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const attribute of of.attributes) {
    const allowed = attribute.options.filter((option) => !option.retired && space.isConsistent({ ...choices, [attribute.id]: option.id }));
    choices[attribute.id] = allowed.at(-1)!.id;
  }
  return resolveDesign(space, ruleSet, choices).assignment;
}

/** Two choices no valid design holds together (found by the engine), or undefined if the rules forbid no pair. */
function forbiddenPair(): Record<string, string> | undefined {
  for (const [i, a] of product.attributes.entries()) {
    for (const b of product.attributes.slice(i + 1)) {
      for (const x of a.options) {
        if (!space.isConsistent({ [a.id]: x.id })) continue;
        for (const y of b.options) {
          if (space.isConsistent({ [b.id]: y.id }) && !space.isConsistent({ [a.id]: x.id, [b.id]: y.id })) return { [a.id]: x.id, [b.id]: y.id };
        }
      }
    }
  }
  return undefined;
}

describe('presetIdOf', () => {
  it('makes a lower-case id of letters, digits and dashes from a name', () => {
    expect(presetIdOf('Forêt Runner (v2)')).toBe('foret-runner-v2');
    expect(presetIdOf('  --Midnight  Suede!! ')).toBe('midnight-suede');
    expect(presetIdOf('☂☂')).toBe('');
  });
});

describe('addColourwayPreset', () => {
  const design = unusualDesign(product);
  const added = addColourwayPreset(sources, { name: 'Forest Runner', description: 'From the gallery', choices: design, credit: 'Ada L.', from: 'candidate:cnd_test' });

  it('appends a preset that reads back as the design, with its credit and its candidate', () => {
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.presetId).toBe('forest-runner');
    const loaded = loadProduct(PRODUCT_FILE, added.text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const preset = loaded.value.presets.at(-1)!;
    expect(preset).toEqual({ id: 'forest-runner', name: 'Forest Runner', description: 'From the gallery', credit: 'Ada L.', from: 'candidate:cnd_test', choices: design });
    expect(loaded.value.presets.slice(0, -1)).toEqual(product.presets);
  });

  it('keeps every character of the file outside the inserted lines (comments and all)', () => {
    if (!added.ok) throw new Error('not added');
    const before = sources.productText;
    let start = 0;
    while (before[start] === added.text[start]) start++;
    const inserted = added.text.length - before.length;
    expect(added.text.slice(0, start) + added.text.slice(start + inserted)).toBe(before);
    expect(added.text.slice(start, start + inserted)).toMatch(/^ *- id: forest-runner\n/);
  });

  it('is publishable: the catalogue entry of the edited file loads with the engine checking every preset', () => {
    if (!added.ok) throw new Error('not added');
    const entry = loadCatalogEntry({ file: PRODUCT_FILE, text: added.text }, { file: RULES_FILE, text: sources.rulesText }, { readTable: sources.readTable });
    expect(entry.ok).toBe(true);
  });

  it('refuses a design that breaks a rule, naming the rule', () => {
    const pair = forbiddenPair();
    expect(pair, 'the shipped rules forbid some pair of choices').toBeDefined();
    const refused = addColourwayPreset(sources, { name: 'Broken', choices: pair! });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.message).toMatch(/not valid under the product's rules: it breaks "[^"]+"/);
  });

  it('refuses an unknown attribute or option, a taken id and a nameless colourway', () => {
    const attribute = product.attributes[0]!;
    expect(addColourwayPreset(sources, { name: 'X', choices: { [attribute.id]: 'no-such-option' } })).toMatchObject({ ok: false, message: expect.stringContaining('no-such-option') });
    expect(addColourwayPreset(sources, { name: 'X', choices: { 'nowhere.colour': 'red' } })).toMatchObject({ ok: false, message: expect.stringContaining('nowhere.colour') });
    expect(addColourwayPreset(sources, { name: product.presets[0]!.name, id: product.presets[0]!.id, choices: {} })).toMatchObject({ ok: false, message: expect.stringContaining('already') });
    expect(addColourwayPreset(sources, { name: '  ', choices: {} })).toMatchObject({ ok: false, message: expect.stringContaining('no name') });
  });

  it('starts a presets list when the file has none, or an empty flow list', () => {
    const withoutPresets = sources.productText.slice(0, sources.productText.indexOf('\npresets:') + 1);
    const started = addColourwayPreset({ ...sources, productText: withoutPresets }, { name: 'Only One', choices: design });
    expect(started.ok && loadProduct(PRODUCT_FILE, started.text)).toMatchObject({ ok: true, value: { presets: [{ id: 'only-one', choices: design }] } });
    const empty = addColourwayPreset({ ...sources, productText: `${withoutPresets}presets: []   # none yet\n` }, { name: 'Only One', choices: design });
    expect(empty.ok).toBe(true);
    if (!empty.ok) return;
    expect(empty.text).toContain('# none yet');
    expect(loadProduct(PRODUCT_FILE, empty.text)).toMatchObject({ ok: true, value: { presets: [{ id: 'only-one' }] } });
  });
});

describe('addColourwayPreset, for any choices', () => {
  // Each call loads and compiles the rules: a few runs keep the file cheap.
  it('accepts exactly the choices the engine finds some valid design for, and they read back', () => {
    const choicesArbitrary = fc.array(fc.tuple(fc.nat(product.attributes.length - 1), fc.nat(50)), { maxLength: 6 }).map((picks) => {
      const choices: Record<string, string> = {};
      for (const [attributeIndex, optionIndex] of picks) {
        const attribute = product.attributes[attributeIndex]!;
        choices[attribute.id] = attribute.options[optionIndex % attribute.options.length]!.id;
      }
      return choices;
    });
    fc.assert(fc.property(choicesArbitrary, (choices) => {
      const added = addColourwayPreset(sources, { name: 'Any Colourway', choices });
      expect(added.ok).toBe(space.isConsistent(choices));
      if (!added.ok) return;
      const loaded = loadProduct(PRODUCT_FILE, added.text);
      expect(loaded.ok && loaded.value.presets.at(-1)!.choices).toEqual(choices);
    }), { numRuns: 12, seed: 14 });
  });
});

