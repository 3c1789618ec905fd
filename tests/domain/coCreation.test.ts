import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, decodeShareToken, encodeShareToken, resolveDesign, restoreSharedDesign, wilsonLowerBound } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const space = compileRules(entry.product, entry.ruleSet);

describe('ranking by the Wilson lower bound', () => {
  it.each([
    [5, 10, 0.237],
    [50, 100, 0.404],
    [0, 0, 0],
    [10, 10, 0.722],
    [0, 10, 0],
  ])('ranks %i up of %i at %f', (up, total, expected) => {
    expect(wilsonLowerBound(up, total)).toBeCloseTo(expected, 3);
  });

  it('never exceeds the observed share and grows with more votes at the same share', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, share) => {
      const up = Math.round(total * share);
      const bound = wilsonLowerBound(up, total);
      expect(bound).toBeGreaterThanOrEqual(0);
      expect(bound).toBeLessThanOrEqual(up / total + 1e-12);
      expect(wilsonLowerBound(up * 4, total * 4)).toBeGreaterThanOrEqual(bound - 1e-12);
    }));
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonLowerBound(11, 10)).toThrow(/0 ≤ upVotes ≤ totalVotes/);
    expect(() => wilsonLowerBound(-1, 10)).toThrow();
  });
});

describe('share links', () => {
  const design = resolveDesign(space, entry.ruleSet, { 'toeCap.material': 'patent', 'toeCap.colour': 'red', 'laces.colour': 'volt' }).assignment;

  // Made without saying who chose what, every choice counts as the customer's.
  const allChosen = entry.product.attributes.map((attribute) => attribute.id);

  it('restores the exact design from a URL-safe token', () => {
    const token = encodeShareToken(entry.product, entry.rulesVersion, design);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    const decoded = decodeShareToken(entry.product, token);
    expect(decoded).toEqual({ rulesVersion: entry.rulesVersion, design, chosenByCustomer: allChosen });
  });

  it('round-trips every preset', () => {
    for (const preset of entry.product.presets) {
      const complete = resolveDesign(space, entry.ruleSet, preset.choices).assignment;
      expect(decodeShareToken(entry.product, encodeShareToken(entry.product, entry.rulesVersion, complete))).toEqual({ rulesVersion: entry.rulesVersion, design: complete, chosenByCustomer: allChosen });
    }
  });

  // Tokens of the first format (positions), read against the product of their version.
  it.each([
    ['no version', 'AAAA', /not complete/],
    ['a truncated code', `${'0'.repeat(16)}.AAAA`, /too short/],
    ['a code that is too long', `${'0'.repeat(16)}.${'A'.repeat(60)}`, /too long/],
    ['an option index the product lacks', `${'0'.repeat(16)}.${'_'.repeat(24)}`, /does not have/],
  ])('explains %s', (_name, token, message) => {
    const decoded = decodeShareToken(entry.product, token);
    expect('error' in decoded && decoded.error).toMatch(message);
  });
});

describe('restoring a shared design', () => {
  const chosenDesign = () => {
    const choices = [{ attribute: 'midsole.material', option: 'cork' }, { attribute: 'laces.colour', option: 'navy' }];
    const complete = resolveDesign(space, entry.ruleSet, Object.fromEntries(choices.map((c) => [c.attribute, c.option]))).assignment;
    return { choices, complete, token: encodeShareToken(entry.product, entry.rulesVersion, complete, choices.map((c) => c.attribute)) };
  };

  it('keeps which attributes the customer chose in the token', () => {
    const { complete, token } = chosenDesign();
    expect(decodeShareToken(entry.product, token)).toEqual({ rulesVersion: entry.rulesVersion, design: complete, chosenByCustomer: ['laces.colour', 'midsole.material'].sort((a, b) => entry.product.attributes.findIndex((x) => x.id === a) - entry.product.attributes.findIndex((x) => x.id === b)) });
  });

  it('gives back the shared choices and the rest as suggestions, with nothing changed under the same rules', () => {
    const { complete, token } = chosenDesign();
    const restored = restoreSharedDesign(entry, space, token);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.rulesChanged).toBe(false);
    expect(restored.changes).toEqual([]);
    expect(Object.fromEntries(restored.choices.map((c) => [c.attribute, c.option]))).toEqual({ 'midsole.material': 'cork', 'laces.colour': 'navy' });
    expect(resolveDesign(space, entry.ruleSet, Object.fromEntries(restored.choices.map((c) => [c.attribute, c.option])), restored.suggested).assignment).toEqual(complete);
  });

  it('says which choice no longer holds when an option was withdrawn since', () => {
    const { token } = chosenDesign();
    // Cork midsoles ship only to the EU and the UK: for a US customer the shared cork cannot be kept.
    const usSpace = compileRules(entry.product, entry.ruleSet, { facts: { region: 'US' } });
    const restored = restoreSharedDesign(entry, usSpace, token);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.choices).toEqual([{ attribute: 'laces.colour', option: 'navy' }]);
    expect(restored.changes).toEqual([
      expect.stringMatching(/^Midsole material: Natural cork is no longer available/),
      'Midsole colour is now Optic white instead of Natural crepe, to go with the change above.',
    ]);
  });

  it('marks a link made under other rules as such', () => {
    const { choices, complete } = chosenDesign();
    const restored = restoreSharedDesign(entry, space, encodeShareToken(entry.product, '0'.repeat(16), complete, choices.map((c) => c.attribute)));
    expect('error' in restored ? restored.error : restored.rulesChanged).toBe(true);
  });

  it('explains a damaged link instead of failing', () => {
    const { token } = chosenDesign();
    const restored = restoreSharedDesign(entry, space, `${token}AA`);
    expect('error' in restored && restored.error).toMatch(/copy the whole link again/);
  });
});
