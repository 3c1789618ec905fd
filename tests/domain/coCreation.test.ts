import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, decodeShareToken, encodeShareToken, resolveDesign, wilsonLowerBound } from '../../src/domain/index.ts';
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

  it('restores the exact design from a short token', () => {
    const token = encodeShareToken(entry.product, entry.rulesVersion, design);
    expect(token.length).toBeLessThanOrEqual(17 + entry.product.attributes.length);
    const decoded = decodeShareToken(entry.product, token);
    expect(decoded).toEqual({ rulesVersion: entry.rulesVersion, design });
  });

  it('round-trips every preset', () => {
    for (const preset of entry.product.presets) {
      const complete = resolveDesign(space, entry.ruleSet, preset.choices).assignment;
      expect(decodeShareToken(entry.product, encodeShareToken(entry.product, entry.rulesVersion, complete))).toEqual({ rulesVersion: entry.rulesVersion, design: complete });
    }
  });

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
