// What a gallery card says a design is: its main colours and materials, counted over the product's
// parts, with words, for any complete design of the real sneaker and for designs of older rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designHighlights, resolveDesign, type Assignment } from '../../src/domain/index.ts';
import { loadSneaker } from './support/sneaker.ts';

const { entry, space } = loadSneaker();
const { product, ruleSet } = entry;
const parts = product.parts.filter((part) => part.kind === 'part');
const colourOf = (partId: string) => product.attributes.find((attribute) => attribute.partId === partId && attribute.kind === 'colour')!;
const materialOf = (partId: string) => product.attributes.find((attribute) => attribute.partId === partId && attribute.kind === 'material')!;

/** How many parts of a complete design wear each colour (an oracle that shares no code with the domain). */
function colourCounts(design: Assignment): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of parts) {
    const option = design[colourOf(part.id).id]!;
    counts.set(option, (counts.get(option) ?? 0) + 1);
  }
  return counts;
}

/** A complete design from a few offered choices. */
const designArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }).map((picks) => {
  let choices: Assignment = {};
  for (const [partPick, optionPick] of picks) {
    const attribute = colourOf(parts[partPick % parts.length]!.id);
    const domains = space.domains(choices);
    const offered = [...(domains.get(attribute.id) ?? [])];
    if (offered.length > 0) choices = { ...choices, [attribute.id]: offered[optionPick % offered.length]! };
  }
  return resolveDesign(space, ruleSet, choices).assignment;
});

describe('designHighlights', () => {
  it('leads with the colour most parts wear, and never names more than three colours or two materials', () => {
    fc.assert(fc.property(designArb, (design) => {
      const highlights = designHighlights(product, design);
      const counts = colourCounts(design);
      const most = Math.max(...counts.values());
      expect(counts.get(highlights.colours[0]!.id)).toBe(most);
      expect(highlights.colours.length).toBeLessThanOrEqual(3);
      expect(highlights.materials.length).toBeLessThanOrEqual(2);
      expect(highlights.materials.length).toBeGreaterThan(0);
      // Each named colour is worn by as many parts as it says, most first.
      for (const colour of highlights.colours) expect(colour.parts).toBe(counts.get(colour.id));
      expect(highlights.colours.map((colour) => colour.parts)).toEqual([...highlights.colours.map((colour) => colour.parts)].sort((a, b) => b - a));
    }), { numRuns: 40 });
  });

  it('gives each colour its swatch and name, and says the design in words', () => {
    const design = resolveDesign(space, ruleSet, {}).assignment;
    const highlights = designHighlights(product, design);
    for (const colour of highlights.colours) {
      expect(colour.hex).toMatch(/^#[0-9a-f]{6}$/i);
      expect(highlights.words).toContain(colour.label.toLowerCase());
    }
    for (const material of highlights.materials) expect(highlights.words).toContain(material.label.toLowerCase());
  });

  it('names a material once however many parts are made of it', () => {
    const design = resolveDesign(space, ruleSet, {}).assignment;
    const ids = designHighlights(product, design).materials.map((material) => material.id);
    expect(new Set(ids).size).toBe(ids.length);
    const leatherParts = parts.filter((part) => design[materialOf(part.id).id] === ids[0]).length;
    expect(leatherParts).toBeGreaterThan(1);
  });

  it('skips choices the product no longer has (a design from older rules) instead of failing', () => {
    const design = resolveDesign(space, ruleSet, {}).assignment;
    const first = colourOf(parts[0]!.id).id;
    const older = { ...design, [first]: 'withdrawn-colour', 'gone.attribute': 'x' };
    const highlights = designHighlights(product, older);
    expect(highlights.colours.map((colour) => colour.id)).not.toContain('withdrawn-colour');
    expect(highlights.colours.length).toBeGreaterThan(0);
  });
});
