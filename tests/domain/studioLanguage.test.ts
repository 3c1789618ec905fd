// The studio editor's language features as plain data: which id is under a position, where the
// product file defines it, what hovering it says, and the one-click fixes of an option that a rule
// or a preset names after it was removed from the product file. Ids come from the shipped files
// (read, never written out here), so a palette or rule edit breaks nothing.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadProduct, loadRules, type Product, type RuleSet } from '../../src/domain/index.ts';
import { readPath } from '../../src/domain/studio/draftSymbols.ts';
import { outlineNear, outlineOf, scalarAt } from '../../src/domain/studio/yamlOutline.ts';
import { checkDraft, DraftCheckCache, definitionIn, draftVocabulary, labelSimilarity, optionFixes, ruleCards, ruleChips, symbolAt, symbolDoc, type Diagnostic, type DiagnosticEdit, type Draft, type DraftVocabulary } from '../../src/domain/studio/index.ts';

const rulesSchema: unknown = JSON.parse(readFileSync('public/schemas/rules.schema.json', 'utf8'));

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

const unquoted = (text: string) => text.replace(/^["']|["']$/g, '');
const apply = (text: string, edit: DiagnosticEdit) => text.slice(0, edit.from) + edit.insert + text.slice(edit.to);

/** The 0-based start of each rule of a rules text (its `- ` item), from the YAML itself. */
function ruleStarts(text: string): number[] {
  const rules = (parseDocument(text).contents as { items: { key: unknown; value: unknown }[] }).items.find((pair) => isScalar(pair.key) && pair.key.value === 'rules')!.value;
  if (!isSeq(rules)) throw new Error('rules: is a list');
  return rules.items.map((item) => (isMap(item) ? item.range![0] : 0));
}

describe.each(['sneaker', 'tshirt'])('the ids of the %s draft', (id) => {
  const draft = shipped(id);
  const { product, ruleSet } = loaded(draft);
  const text = draft.rules.text;
  const starts = ruleStarts(text);

  it('reads every id of the rules file as the option, attribute or rule it is, at its own characters', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length }), (offset) => {
      const symbol = symbolAt('rules', text, offset);
      if (!symbol) return;
      expect(symbol.from).toBeLessThanOrEqual(offset);
      expect(symbol.to).toBeGreaterThanOrEqual(offset);
      const written = unquoted(text.slice(symbol.from, symbol.to));
      if (symbol.kind === 'option') {
        expect(written).toBe(symbol.option);
        // The shipped rules load, so every option they name is an option of its attribute.
        expect(product.attributes.find((attribute) => attribute.id === symbol.attribute)!.options.map((option) => option.id)).toContain(symbol.option);
      }
      if (symbol.kind === 'attribute') expect(product.attributes.map((attribute) => attribute.id)).toContain(written);
      if (symbol.kind === 'rule') expect(ruleSet.rules.map((rule) => rule.id)).toContain(written);
      if (symbol.kind === 'rule-kind') expect(ruleSet.rules.map((rule) => rule.kind)).toContain(written);
    }), { numRuns: 400 });
  });

  it('reads an id the same from the one rule around it as from the whole file', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length }), (offset) => {
      const whole = scalarAt(outlineOf(text), offset);
      const near = outlineNear(text, offset);
      expect(scalarAt(near, offset)).toEqual(whole && { ...whole, links: expect.anything() });
      if (near.window) expect(readPath(near.data, [near.window.key, near.window.index])).toEqual(readPath(outlineOf(text).data, [near.window.key, near.window.index]));
    }), { numRuns: 300 });
  });

  it('finds every option each rule touches (its card\'s chips) written inside that rule', () => {
    ruleSet.rules.forEach((rule, index) => {
      const end = starts[index + 1] ?? text.length;
      const found = new Set<string>();
      for (let offset = starts[index]!; offset < end; offset++) {
        // Each token once, at its first character.
        if (!/[\s,[\]{}]/.test(text[offset - 1] ?? ' ')) continue;
        const symbol = symbolAt('rules', text, offset);
        if (symbol?.kind === 'option') found.add(`${symbol.attribute}=${symbol.option}`);
        if (symbol?.kind === 'attribute') found.add(symbol.attribute);
      }
      // A tag stands for its options without naming them; the chips list each.
      const named = ruleChips(rule, product).filter((chip) => !/\btag:/.test(text.slice(starts[index]!, end)) || chip.option === undefined);
      for (const chip of named) expect(found, `${rule.id}: ${chip.label}`).toContain(chip.option === undefined ? chip.attribute : `${chip.attribute}=${chip.option}`);
    });
  });

  it('finds the definition of every attribute and option in the product file, at its id', () => {
    for (const attribute of product.attributes) {
      const at = definitionIn(draft.product.text, { kind: 'attribute', attribute: attribute.id });
      expect(at, attribute.id).toBeDefined();
      expect([attribute.partId, attribute.id.slice(attribute.partId.length + 1), 'materials']).toContain(unquoted(draft.product.text.slice(at!.from, at!.to)));
      for (const option of attribute.options) {
        const defined = definitionIn(draft.product.text, { kind: 'option', attribute: attribute.id, option: option.id });
        expect(defined, `${attribute.id}=${option.id}`).toBeDefined();
        expect(unquoted(draft.product.text.slice(defined!.from, defined!.to))).toBe(option.id);
        // And the definition reads back as that option (or the palette entry it is).
        const back = symbolAt('product', draft.product.text, defined!.from);
        expect(back && (back.kind === 'option' ? back.option : back.kind === 'colour' ? back.colour : back.kind === 'material' ? back.material : undefined)).toBe(option.id);
      }
    }
  });

  it('defines nothing for an id the product does not have', () => {
    const attribute = product.attributes[0]!;
    expect(definitionIn(draft.product.text, { kind: 'option', attribute: attribute.id, option: `not-${attribute.options[0]!.id}` })).toBeUndefined();
    expect(definitionIn(draft.product.text, { kind: 'attribute', attribute: `not${attribute.id}` })).toBeUndefined();
  });
});

describe('hover docs', () => {
  const draft = shipped('sneaker');
  const { product, ruleSet } = loaded(draft);
  const vocabulary = draftVocabulary(product);
  const cards = ruleCards(product, ruleSet, []);
  const sources = { vocabulary, cards, schema: rulesSchema };
  const text = draft.rules.text;
  const firstSymbol = (test: (symbol: NonNullable<ReturnType<typeof symbolAt>>) => boolean) => {
    for (let offset = 0; offset < text.length; offset++) {
      if (!/[\s,[\]{}]/.test(text[offset - 1] ?? ' ')) continue;
      const symbol = symbolAt('rules', text, offset);
      if (symbol && test(symbol)) return symbol;
    }
    throw new Error('no such symbol in the rules file');
  };

  it('says of an option its label, its part and attribute, and the price rules that charge for it', () => {
    const priced = cards.find((card) => card.kind === 'price' && card.chips.some((chip) => chip.option !== undefined))!;
    const chip = priced.chips.find((entry) => entry.option !== undefined)!;
    const symbol = firstSymbol((found) => found.kind === 'option' && found.attribute === chip.attribute && found.option === chip.option);
    const doc = symbolDoc(symbol, text, sources)!;
    const attribute = product.attributes.find((entry) => entry.id === chip.attribute)!;
    const option = attribute.options.find((entry) => entry.id === chip.option)!;
    expect(doc.title).toContain(option.label);
    expect(doc.lines.join(' ')).toContain(product.parts.find((part) => part.id === attribute.partId)!.label);
    expect(doc.lines.join(' ')).toContain(priced.sentence);
  });

  it('says of a rule kind the first sentence of its kind in the rules JSON Schema', () => {
    const symbol = firstSymbol((found) => found.kind === 'rule-kind');
    const kind = symbol.kind === 'rule-kind' ? symbol.ruleKind : '';
    const defs = (rulesSchema as { $defs: Record<string, { description?: string; properties?: { kind?: { const?: string } } }> }).$defs;
    const described = Object.values(defs).find((def) => def.properties?.kind?.const === kind)!.description!;
    const doc = symbolDoc(symbol, text, sources)!;
    expect(described.startsWith(doc.lines[0]!)).toBe(true);
    expect(doc.lines[0]!.endsWith('.')).toBe(true);
  });

  it('says of a rule id its sentence, and of a key of the format its description in the schema', () => {
    const rule = firstSymbol((found) => found.kind === 'rule');
    expect(symbolDoc(rule, text, sources)!.lines).toEqual([cards.find((card) => rule.kind === 'rule' && card.id === rule.rule)!.sentence]);
    const when = firstSymbol((found) => found.kind === 'key' && found.key === 'when' && found.path[0] === 'rules');
    const owner = ruleSet.rules[when.kind === 'key' ? Number(when.path[1]) : 0]!;
    const defs = (rulesSchema as { $defs: Record<string, { properties?: Record<string, { description?: string; const?: string }> }> }).$defs;
    const def = Object.values(defs).find((entry) => entry.properties?.kind?.const === owner.kind)!;
    expect(symbolDoc(when, text, sources)!.lines).toEqual([def.properties!.when!.description]);
  });
});

describe('fixing an option removed from the product file', () => {
  const draft = shipped('sneaker');
  const { product, ruleSet } = loaded(draft);
  const before = draftVocabulary(product);
  const namedBy = (option: string) => ruleSet.rules.filter((rule) => ruleChips(rule, product).some((chip) => chip.option === option));
  const inPresets = (option: string) => product.presets.some((preset) => Object.values(preset.choices).includes(option));
  // A material the rules name in several rules, in no preset, on parts that keep another material.
  const material = product.attributes.filter((attribute) => attribute.kind === 'material').flatMap((attribute) => attribute.options)
    .find((option) => namedBy(option.id).length >= 2 && !inPresets(option.id) && product.attributes.filter((attribute) => attribute.kind === 'material' && attribute.options.some((entry) => entry.id === option.id)).every((attribute) => attribute.options.length > 1))!;

  /** The product text with the material renamed (`to`) or removed (no `to`) from `materials:` and every part. */
  function productWithout(id: string, to?: string): string {
    const document = parseDocument(draft.product.text);
    const materials = document.get('materials') as { items: { key: { value: string } }[] };
    const entry = materials.items.find((pair) => pair.key.value === id)!;
    if (to === undefined) document.deleteIn(['materials', id]);
    else entry.key.value = to;
    for (const part of (document.get('parts') as { items: unknown[] }).items) {
      const list = (part as { get(key: string): unknown }).get('materials') as { items: { value: string }[] } | undefined;
      if (!list) continue;
      const index = list.items.findIndex((item) => item.value === id);
      if (index < 0) continue;
      if (to === undefined) list.items.splice(index, 1);
      else list.items[index]!.value = to;
    }
    return document.toString();
  }

  const vocabularies = new Map<string, DraftVocabulary>();
  const nowOf = (productText: string): DraftVocabulary => {
    if (!vocabularies.has(productText)) vocabularies.set(productText, draftVocabulary(nowOfProduct(productText)));
    return vocabularies.get(productText)!;
  };
  const fixesOf = (diagnostic: Diagnostic, rulesText: string, productText: string) =>
    optionFixes({ diagnostic, file: 'rules', text: rulesText, productText, before, now: nowOf(productText) });
  const unknownOptions = (check: ReturnType<typeof checkDraft>) => check.diagnostics.filter((diagnostic) => diagnostic.code === 'load' && / is not an option of /.test(diagnostic.message));

  it('names the option in an error at each rule that still names it, each with a fix that removes it from that rule', () => {
    const productText = productWithout(material.id);
    const check = checkDraft({ ...draft, product: { ...draft.product, text: productText } });
    const errors = unknownOptions(check);
    expect(errors.length).toBeGreaterThanOrEqual(namedBy(material.id).length);
    for (const error of errors.filter((entry) => entry.ruleIds.length > 0)) {
      const labels = fixesOf(error, draft.rules.text, productText).map((fix) => fix.label);
      expect(labels.some((label) => label.includes(`rule ${error.ruleIds[0]}`)), labels.join(' | ')).toBe(true);
    }
  });

  it('removes it from every rule one fix at a time until the rules load again, each fix taking one error away', () => {
    const productText = productWithout(material.id);
    const cache = new DraftCheckCache();
    const check = (rules: string) => checkDraft({ ...draft, product: { ...draft.product, text: productText }, rules: { ...draft.rules, text: rules } }, cache);
    let rules = draft.rules.text;
    let errors = unknownOptions(check(rules));
    for (let step = 0; errors.length > 0; step++) {
      expect(step).toBeLessThan(60);
      const removal = fixesOf(errors[0]!, rules, productText).at(-1);
      expect(removal, errors[0]!.message).toBeDefined();
      expect(removal!.label).toMatch(/^Remove /);
      rules = apply(rules, removal!);
      const after = check(rules);
      expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'load').length, `after "${removal!.label}"`).toBeLessThan(errors.length);
      errors = unknownOptions(after);
    }
    // Only what named the option went: every rule that did not name it is still there.
    const kept = loadRules(nowOfProduct(productText), draft.rules.file, rules);
    if (!kept.ok) throw new Error(JSON.stringify(kept.problems));
    for (const rule of ruleSet.rules.filter((entry) => namedBy(material.id).every((named) => named.id !== entry.id))) expect(kept.value.rules.map((entry) => entry.id)).toContain(rule.id);
  });

  it('offers the remaining option with the same label instead, when the option was renamed', () => {
    const renamed = `renamed-${material.id}-x`;
    const productText = productWithout(material.id, renamed);
    let rules = draft.rules.text;
    for (let step = 0; ; step++) {
      const errors = unknownOptions(checkDraft({ ...draft, product: { ...draft.product, text: productText }, rules: { ...draft.rules, text: rules } }));
      if (errors.length === 0) break;
      expect(step).toBeLessThan(60);
      const [use] = fixesOf(errors[0]!, rules, productText);
      expect(use!.label).toBe(`Use ${material.label} (${renamed}) instead`);
      rules = apply(rules, use!);
    }
    expect(rules).toBe(draft.rules.text.replace(new RegExp(`(?<![\\w-])${material.id}(?![\\w-])`, 'g'), (found, offset: number) => (symbolAt('rules', draft.rules.text, offset)?.kind === 'option' ? renamed : found)));
  });

  it('offers another option only when its label is alike', () => {
    expect(labelSimilarity('Optic white', 'White')).toBeGreaterThanOrEqual(0.5);
    expect(labelSimilarity('Navy', 'Midnight navy')).toBeGreaterThanOrEqual(0.5);
    expect(labelSimilarity('Court red', 'Court  Red!')).toBe(1);
    expect(labelSimilarity('Natural cork', 'Lightweight EVA foam')).toBeLessThan(0.5);
    const productText = productWithout(material.id);
    const remaining = nowOf(productText);
    for (const error of unknownOptions(checkDraft({ ...draft, product: { ...draft.product, text: productText } }))) {
      for (const fix of fixesOf(error, draft.rules.text, productText).filter((entry) => entry.label.startsWith('Use '))) {
        const id = fix.insert;
        const label = remaining.attributes.flatMap((attribute) => attribute.options).find((option) => option.id === id)!.label;
        expect(labelSimilarity(material.label, label)).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it('removes a preset\'s choice of a colour no longer in the palette, so the product file loads again', () => {
    const preset = product.presets.find((entry) => Object.keys(entry.choices).some((attribute) => attribute.endsWith('.colour')))!;
    const [attribute, colour] = Object.entries(preset.choices).find(([key]) => key.endsWith('.colour'))!;
    const document = parseDocument(draft.product.text);
    document.deleteIn(['colours', colour]);
    for (const pair of (document.get('materials') as { items: { value: { get(key: string): { items: { value: string }[] } | undefined } }[] }).items) {
      const list = pair.value.get('colours');
      if (list) list.items = list.items.filter((item) => item.value !== colour);
    }
    let productText = document.toString();
    for (let step = 0; step < 40; step++) {
      const errors = unknownOptions(checkDraft({ ...draft, product: { ...draft.product, text: productText } })).filter((error) => error.file === draft.product.file);
      if (errors.length === 0) break;
      const fixes = optionFixes({ diagnostic: errors[0]!, file: 'product', text: productText, productText, before, now: before });
      expect(fixes.at(-1)!.label).toMatch(/^Remove "[^"]+" from preset /);
      productText = apply(productText, fixes.at(-1)!);
    }
    expect(loadProduct(draft.product.file, productText).ok).toBe(true);
    expect(attribute).toContain('.');
  });
});

function nowOfProduct(text: string): Product {
  const result = loadProduct('models/sneaker/product.yaml', text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
