// Rule cards in plain language: every rule of the shipped files gets a sentence in the product's
// own names (option labels, part names; never an id), and chips for the options it touches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProduct, loadRules, type Rule } from '../../src/domain/index.ts';
import { draftVocabulary, ruleChips, ruleSentence } from '../../src/domain/studio/index.ts';

for (const id of ['sneaker', 'tshirt']) {
  const product = loadProduct(`models/${id}/product.yaml`, readFileSync(`models/${id}/product.yaml`, 'utf8'));
  if (!product.ok) throw new Error(JSON.stringify(product.problems));
  const ruleSet = loadRules(product.value, `rules/${id}.rules.yaml`, readFileSync(`rules/${id}.rules.yaml`, 'utf8'));
  if (!ruleSet.ok) throw new Error(JSON.stringify(ruleSet.problems));
  const kinds = [...new Set(ruleSet.value.rules.map((rule) => rule.kind))];
  const ofKind = (kind: Rule['kind']) => ruleSet.value.rules.filter((rule) => rule.kind === kind);
  const attributeIds = product.value.attributes.map((attribute) => attribute.id);

  describe(`the ${id}'s rules as sentences`, () => {
    it.each(kinds)('says every %s rule in words, naming the labels of the options it touches', (kind) => {
      for (const rule of ofKind(kind)) {
        const sentence = ruleSentence(rule, product.value);
        const chips = ruleChips(rule, product.value);
        expect(sentence, rule.id).toMatch(/^[A-Z].*\.$/s);
        expect(chips.length, rule.id).toBeGreaterThan(0);
        // The first option the rule names is always in its sentence, by its label.
        const first = chips.find((chip) => chip.option !== undefined);
        if (first) {
          const label = product.value.attributes.find((attribute) => attribute.id === first.attribute)!.options.find((option) => option.id === first.option)!.label;
          expect(sentence, rule.id).toContain(label);
        } else {
          // `different` / `same` compare whole attributes: the sentence names them.
          for (const chip of chips) expect(sentence.toLowerCase(), rule.id).toContain(chip.label.toLowerCase());
        }
        for (const attribute of attributeIds) expect(sentence, rule.id).not.toContain(attribute);
      }
    });
  });

  describe(`the ${id}'s vocabulary`, () => {
    it('offers every attribute with its offered options, and every rule kind', () => {
      const vocabulary = draftVocabulary(product.value);
      expect(vocabulary.attributes.map((attribute) => attribute.id)).toEqual(attributeIds);
      for (const attribute of product.value.attributes) {
        expect(vocabulary.attributes.find((entry) => entry.id === attribute.id)!.options.map((option) => option.id))
          .toEqual(attribute.options.filter((option) => !option.retired).map((option) => option.id));
      }
      expect(vocabulary.ruleKinds.map((entry) => entry.kind)).toEqual(expect.arrayContaining(kinds));
    });
  });
}
