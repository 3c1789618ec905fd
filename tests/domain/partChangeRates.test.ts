import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partChangeRates, type AttributeDef, type DesignChoices, type PartDef, type WeightedDesign } from '../../src/domain/index.ts';

/** A made-up product: two parts of a material and a colour each, and a fit section; its option lists are the test's own. */
const options = (...ids: string[]) => ids.map((id, index) => ({ id, label: id, code: `O${index}` }));
const attribute = (partId: string, name: string, kind: AttributeDef['kind'], ids: string[]): AttributeDef => ({ id: `${partId}.${name}`, label: name, kind, partId, options: options(...ids) });
const product = {
  parts: [
    { id: 'toe', label: 'Toe cap', kind: 'part' },
    { id: 'laces', label: 'Laces', kind: 'part' },
    { id: 'cut', label: 'Cut', kind: 'section' },
  ] as unknown as PartDef[],
  attributes: [
    attribute('toe', 'material', 'material', ['leather', 'suede', 'mesh']),
    attribute('toe', 'colour', 'colour', ['white', 'black', 'red']),
    attribute('laces', 'colour', 'colour', ['white', 'black', 'red']),
    attribute('cut', 'fit', 'choice', ['regular', 'wide']),
  ],
};
const starting: DesignChoices = { 'toe.material': 'leather', 'toe.colour': 'white', 'laces.colour': 'white', 'cut.fit': 'regular' };
const design = (changes: Partial<Record<string, string>>, weight: number): WeightedDesign => ({ choices: { ...starting, ...changes } as DesignChoices, weight });

const rateOf = (found: ReturnType<typeof partChangeRates>, partId: string) => found.parts.find((part) => part.partId === partId)!;

describe('the parts customers change most from the design they start from', () => {
  it('counts a part changed once, however many of its attributes changed, as a share of the weight', () => {
    // 10 units: 4 changed the toe cap's material and colour, 3 only its colour, 2 the laces, 1 nothing.
    const found = partChangeRates(product, starting, [
      design({ 'toe.material': 'suede', 'toe.colour': 'black' }, 4),
      design({ 'toe.colour': 'red' }, 3),
      design({ 'laces.colour': 'black' }, 2),
      design({}, 1),
    ]);
    expect(found.total).toBe(10);
    const toe = rateOf(found, 'toe');
    expect(toe).toMatchObject({ kind: 'part', weight: 7, rate: 0.7 });
    expect(toe.attributes).toEqual([
      { attributeId: 'toe.material', weight: 4, rate: 0.4 },
      { attributeId: 'toe.colour', weight: 7, rate: 0.7 },
    ]);
    expect(rateOf(found, 'laces')).toMatchObject({ weight: 2, rate: 0.2 });
    expect(rateOf(found, 'cut')).toMatchObject({ kind: 'section', weight: 0, rate: 0 });
    expect(found.parts.map((part) => part.partId)).toEqual(['toe', 'laces', 'cut']);
  });

  it('does not count an attribute a design leaves unset, nor designs of no weight', () => {
    const found = partChangeRates(product, starting, [
      { choices: { 'laces.colour': 'red' }, weight: 1 },
      { choices: { 'toe.colour': 'black' }, weight: 0 },
      design({}, 3),
    ]);
    expect(found.total).toBe(4);
    expect(rateOf(found, 'laces').rate).toBe(0.25);
    expect(rateOf(found, 'toe').rate).toBe(0);
  });

  it('is 0 everywhere with no demand', () => {
    const found = partChangeRates(product, starting, []);
    expect(found.total).toBe(0);
    expect(found.parts.every((part) => part.rate === 0 && part.attributes.every((entry) => entry.rate === 0))).toBe(true);
  });

  const anyDesigns = fc.array(
    fc.record({
      choices: fc.record(Object.fromEntries(product.attributes.map((entry) => [entry.id, fc.constantFrom(...entry.options.map((option) => option.id))])), { requiredKeys: [] }),
      weight: fc.integer({ min: 0, max: 50 }),
    }),
    { maxLength: 30 },
  ) as fc.Arbitrary<WeightedDesign[]>;

  it('gives each part a rate between its largest attribute\'s rate and the sum of its attributes\' rates', () => {
    fc.assert(fc.property(anyDesigns, (designs) => {
      for (const part of partChangeRates(product, starting, designs).parts) {
        const rates = part.attributes.map((entry) => entry.rate);
        expect(part.rate).toBeGreaterThanOrEqual(Math.max(0, ...rates) - 1e-12);
        expect(part.rate).toBeLessThanOrEqual(rates.reduce((sum, rate) => sum + rate, 0) + 1e-12);
        expect(part.rate).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('is 0 for every part when every design is the starting one', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }), (weights) => {
      const found = partChangeRates(product, starting, weights.map((weight) => design({}, weight)));
      expect(found.total).toBe(weights.reduce((sum, weight) => sum + weight, 0));
      expect(found.parts.every((part) => part.rate === 0)).toBe(true);
    }));
  });
});
