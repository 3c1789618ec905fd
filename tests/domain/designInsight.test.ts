import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignClusters, clusterDifferences, designDistance, optionLift, takeRates, trend, type DemandedDesign, type DesignChoices } from '../../src/domain/index.ts';
import type { AttributeDef, PartDef } from '../../src/domain/index.ts';

/** A made-up product: two parts, each a material and a colour; its option lists are the test's own. */
const colours = [
  { id: 'white', label: 'White', code: 'C1', hex: '#ffffff' },
  { id: 'black', label: 'Black', code: 'C2', hex: '#000000' },
  { id: 'grey-50', label: 'Grey', code: 'C3', hex: '#808080' },
  { id: 'grey-47', label: 'Darker grey', code: 'C4', hex: '#777777' },
];
const materials = [{ id: 'leather', label: 'Leather', code: 'M1' }, { id: 'suede', label: 'Suede', code: 'M2' }, { id: 'mesh', label: 'Mesh', code: 'M3' }];
const attribute = (partId: string, kind: 'material' | 'colour'): AttributeDef => ({ id: `${partId}.${kind}`, label: kind === 'material' ? 'Material' : 'Colour', kind, partId, options: kind === 'material' ? materials : colours });
const product = {
  parts: [{ id: 'toe', label: 'Toe cap' }, { id: 'laces', label: 'Laces' }] as unknown as PartDef[],
  attributes: [attribute('toe', 'material'), attribute('toe', 'colour'), attribute('laces', 'material'), attribute('laces', 'colour')],
};
const design = (toeMaterial: string, toeColour: string, lacesMaterial: string, lacesColour: string): DesignChoices =>
  ({ 'toe.material': toeMaterial, 'toe.colour': toeColour, 'laces.material': lacesMaterial, 'laces.colour': lacesColour });

/** CIE L* of an sRGB grey, by the textbook formulas (an independent check of the colour library). */
function lightnessOfGrey(channel: number): number {
  const c = channel / 255;
  const y = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

describe('how different two designs look', () => {
  const distance = designDistance(product);

  it('is 0 for the same design and counts a wholly different option as 1', () => {
    const base = design('leather', 'white', 'mesh', 'black');
    expect(distance(base, base)).toBe(0);
    expect(distance(base, design('suede', 'white', 'mesh', 'black'))).toBe(1);
    expect(distance(base, design('suede', 'black', 'mesh', 'black'))).toBe(2);
    expect(distance(base, { ...base, 'laces.colour': undefined } as unknown as DesignChoices)).toBe(1);
  });

  it('compares colours by CIEDE2000: two greys are a fraction of a difference apart, white and black a whole one', () => {
    // For neutral greys (a* = b* = 0) CIEDE2000 reduces to ΔL / S_L, S_L = 1 + 0.015 (L̄ − 50)² / √(20 + (L̄ − 50)²).
    const l1 = lightnessOfGrey(0x80);
    const l2 = lightnessOfGrey(0x77);
    const mean = (l1 + l2) / 2;
    const expected = Math.abs(l1 - l2) / (1 + (0.015 * (mean - 50) ** 2) / Math.sqrt(20 + (mean - 50) ** 2)) / 20;
    const base = design('leather', 'grey-50', 'mesh', 'black');
    expect(distance(base, { ...base, 'toe.colour': 'grey-47' })).toBeCloseTo(expected, 3);
    expect(distance(base, { ...base, 'laces.colour': 'white' })).toBe(1);
  });

  it('compares materials by the table given, in either order, and weighs attributes', () => {
    const tabled = designDistance(product, { materials: { leather: { suede: 0.4 } }, weights: { 'laces.material': 2 } });
    const base = design('leather', 'white', 'mesh', 'black');
    expect(tabled(base, { ...base, 'toe.material': 'suede' })).toBeCloseTo(0.4);
    expect(tabled({ ...base, 'toe.material': 'suede' }, base)).toBeCloseTo(0.4);
    expect(tabled(base, { ...base, 'laces.material': 'leather' })).toBe(2);
  });
});

describe('clusters of near-identical designs', () => {
  const options = { attributeIds: product.attributes.map((a) => a.id), distance: designDistance(product), threshold: 1 };

  it('groups designs one option apart around the most demanded, shows each by its medoid, and says how they differ', () => {
    const clusters = new DesignClusters(options);
    const a = { key: 'a', choices: design('leather', 'white', 'mesh', 'white'), demand: 10 };
    const b = { key: 'b', choices: design('leather', 'white', 'mesh', 'black'), demand: 4 };
    const c = { key: 'c', choices: design('leather', 'white', 'mesh', 'grey-50'), demand: 3 };
    const far = { key: 'far', choices: design('suede', 'black', 'leather', 'black'), demand: 8 };
    clusters.add([c, far, b, a]);
    const found = clusters.clusters();
    expect(found.map((cluster) => cluster.members.map((member) => member.key))).toEqual([['a', 'b', 'c'], ['far']]);
    expect(found[0]!.demand).toBe(17);
    expect(clusterDifferences(product, found[0]!.members.map((member) => member.choices)).sentence).toBe('3 designs, differ only in laces colour');
    expect(clusterDifferences(product, [far.choices]).sentence).toBe('1 design');
  });

  it('shows a cluster by the member nearest the others, weighed by demand', () => {
    // Three designs in a line: black — grey — white laces (colours in proportion to ΔE up to 100); the grey is nearest both ends.
    const clusters = new DesignClusters({ ...options, distance: designDistance(product, { wholeColourDifference: 100 }), threshold: 2 });
    clusters.add([
      { key: 'black', choices: design('leather', 'white', 'mesh', 'black'), demand: 5 },
      { key: 'grey', choices: design('leather', 'white', 'mesh', 'grey-50'), demand: 4 },
      { key: 'white', choices: design('leather', 'white', 'mesh', 'white'), demand: 5 },
    ]);
    const [only] = clusters.clusters();
    expect(only!.members).toHaveLength(3);
    expect(only!.medoid.key).toBe('grey');
  });

  it('is incremental: designs added later join the clusters there are, and a design added again takes its new demand', () => {
    const clusters = new DesignClusters(options);
    clusters.add([{ key: 'a', choices: design('leather', 'white', 'mesh', 'white'), demand: 10 }]);
    clusters.add([{ key: 'b', choices: design('leather', 'white', 'mesh', 'black'), demand: 2 }, { key: 'a', choices: design('leather', 'white', 'mesh', 'white'), demand: 12 }]);
    const [only] = clusters.clusters();
    expect(only!.members.map((member) => [member.key, member.demand])).toEqual([['a', 12], ['b', 2]]);
  });

  it('finds the same clusters as comparing every design with every leader, when no bucket is over its limit', () => {
    const hamming = (a: DesignChoices, b: DesignChoices) => Object.keys(a).filter((id) => a[id] !== b[id]).length;
    const attributeIds = ['p', 'q', 'r', 's', 't', 'u'];
    const designs = fc.uniqueArray(fc.record({ values: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }), demand: fc.integer({ min: 1, max: 50 }) }), { selector: (d) => d.values.join(''), maxLength: 60 });
    fc.assert(fc.property(designs, fc.integer({ min: 1, max: 2 }), (drawn, threshold) => {
      const given: DemandedDesign[] = drawn.map((d) => ({ key: d.values.join(''), demand: d.demand, choices: Object.fromEntries(attributeIds.map((id, i) => [id, String(d.values[i])])) }));
      const clusters = new DesignClusters({ attributeIds, distance: hamming, threshold, maxDifferingAttributes: threshold, bucketLimit: 1000 });
      clusters.add(given);
      // Brute force: most demanded first, each joins the nearest leader within the threshold (ties: the more demanded, then the first in key order), else leads.
      const leaders: { leader: DemandedDesign; members: string[] }[] = [];
      for (const d of [...given].sort((x, y) => y.demand - x.demand || (x.key < y.key ? -1 : 1))) {
        let best: (typeof leaders)[number] | undefined;
        let bestDistance = Infinity;
        for (const group of leaders) {
          const dist = hamming(d.choices, group.leader.choices);
          if (dist <= threshold && (dist < bestDistance || (dist === bestDistance && group.leader.demand > best!.leader.demand))) { best = group; bestDistance = dist; }
        }
        if (best) best.members.push(d.key);
        else leaders.push({ leader: d, members: [d.key] });
      }
      const asSets = (groups: string[][]) => groups.map((g) => [...g].sort().join(',')).sort();
      expect(asSets(clusters.clusters().map((c) => c.members.map((m) => m.key)))).toEqual(asSets(leaders.map((g) => g.members)));
    }), { numRuns: 150 });
    // A tie that the band order once decided: two equally demanded leaders two options away.
    const tie = new DesignClusters({ attributeIds: ['p', 'q', 'r', 's', 't', 'u'], distance: (a, b) => ['p', 'q', 'r', 's', 't', 'u'].filter((id) => a[id] !== b[id]).length, threshold: 2, maxDifferingAttributes: 2 });
    const of = (key: string, demand: number) => ({ key, demand, choices: Object.fromEntries([...key].map((value, i) => [['p', 'q', 'r', 's', 't', 'u'][i]!, value])) });
    tie.add([of('012012', 48), of('200010', 48), of('202012', 1)]);
    expect(tie.clusters().map((c) => c.members.map((m) => m.key).sort().join(',')).sort()).toEqual(['012012,202012', '200010']);
  });

  it('stays far from comparing every pair on thousands of designs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const attributeIds = Array.from({ length: 24 }, (_, i) => `a${i}`);
    const designs: DemandedDesign[] = Array.from({ length: 4000 }, (_, n) => {
      // Skewed: most attributes keep their default (0), as customers' designs do.
      const choices = Object.fromEntries(attributeIds.map((id) => [id, String(random() < 0.7 ? 0 : Math.floor(random() * 12))]));
      return { key: `${n}:${Object.values(choices).join('.')}`, choices, demand: Math.floor(1 / (random() + 0.01)) };
    });
    const hamming = (a: DesignChoices, b: DesignChoices) => attributeIds.filter((id) => a[id] !== b[id]).length;
    const clusters = new DesignClusters({ attributeIds, distance: hamming, threshold: 2 });
    clusters.add(designs);
    const comparedPerDesign = clusters.comparisons / designs.length;
    expect(comparedPerDesign).toBeLessThanOrEqual(3 * 64 + 200);
    expect(clusters.comparisons).toBeLessThan((designs.length * designs.length) / 10);
    expect(clusters.clusters().reduce((sum, cluster) => sum + cluster.members.length, 0)).toBe(designs.length);
  });
});

describe('option take rates, lift and trends', () => {
  const designs = [
    { choices: { x: 'x1', y: 'y1' }, weight: 1 },
    { choices: { x: 'x1', y: 'y1' }, weight: 1 },
    { choices: { x: 'x2', y: 'y2' }, weight: 1 },
    { choices: { x: 'x2', y: 'y1' }, weight: 1 },
  ];

  it('gives each option its share of the designs that set the attribute, nobody\'s choice as 0', () => {
    const product2 = { attributes: [{ id: 'y', label: 'Y', kind: 'choice', partId: 'p', options: [{ id: 'y1' }, { id: 'y2' }, { id: 'y3' }] }] as unknown as AttributeDef[] };
    expect(takeRates(product2, designs).map((rate) => [rate.optionId, rate.rate])).toEqual([['y1', 0.75], ['y2', 0.25], ['y3', 0]]);
  });

  it('computes lift P(A∧B)/(P(A)P(B)) as by hand, strongest first, and leaves out pairs resting on too little', () => {
    const lifts = optionLift(designs);
    const lift = (a: string, b: string) => lifts.find((l) => l.a.optionId === a && l.b.optionId === b)?.lift;
    expect(lift('x1', 'y1')).toBeCloseTo(0.5 / (0.5 * 0.75)); // 1.333
    expect(lift('x2', 'y2')).toBeCloseTo(0.25 / (0.5 * 0.25)); // 2
    expect(lift('x2', 'y1')).toBeCloseTo(0.25 / (0.5 * 0.75)); // 0.667
    expect(lifts[0]!.a.optionId + lifts[0]!.b.optionId).toBe('x2y2');
    expect(optionLift(designs, 2).map((l) => l.a.optionId + l.b.optionId)).toEqual(['x1y1']);
  });

  it('finds every pair chosen together, with the lift counted pair by pair (a property, against a plain count)', () => {
    const design = fc.record({
      choices: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('1', '2', '3'), { minKeys: 1 }),
      weight: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(design, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (designs, minimum) => {
        const total = designs.reduce((sum, d) => sum + d.weight, 0);
        const share = (test: (choices: DesignChoices) => boolean) => designs.filter((d) => test(d.choices)).reduce((sum, d) => sum + d.weight, 0);
        const expected = new Map<string, number>();
        for (const [x, y] of [['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd']] as const) {
          for (const u of ['1', '2', '3']) {
            for (const w of ['1', '2', '3']) {
              const together = share((c) => c[x] === u && c[y] === w);
              if (together === 0 || together < minimum) continue;
              expected.set(`${x}=${u} ${y}=${w}`, (together / total) / ((share((c) => c[x] === u) / total) * (share((c) => c[y] === w) / total)));
            }
          }
        }
        const lifts = optionLift(designs, minimum);
        expect(new Set(lifts.map((l) => `${l.a.attributeId}=${l.a.optionId} ${l.b.attributeId}=${l.b.optionId}`))).toEqual(new Set(expected.keys()));
        for (const l of lifts) expect(l.lift).toBeCloseTo(expected.get(`${l.a.attributeId}=${l.a.optionId} ${l.b.attributeId}=${l.b.optionId}`)!, 9);
        for (let i = 1; i < lifts.length; i++) expect(Math.abs(Math.log(lifts[i - 1]!.lift))).toBeGreaterThanOrEqual(Math.abs(Math.log(lifts[i]!.lift)) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('counts pairs alike when a product has more options than fit a dense table', () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ choices: { x: `x${String(i).padStart(4, '0')}`, y: i % 2 === 0 ? 'even' : 'odd' }, weight: 1 }));
    const lifts = optionLift(many);
    expect(lifts).toHaveLength(1100);
    expect(lifts.every((l) => Math.abs(l.lift - 2) < 1e-9 && l.together === 1)).toBe(true);
    expect(lifts[0]).toMatchObject({ a: { attributeId: 'x', optionId: 'x0000' }, b: { attributeId: 'y', optionId: 'even' } });
  });

  it('compares recent demand per day with the window before it', () => {
    const { recentRate, baselineRate, change } = trend(30, 7, 10, 28);
    expect(recentRate).toBeCloseTo(30 / 7);
    expect(baselineRate).toBeCloseTo(10 / 28);
    expect(change).toBeCloseTo(31 / 7 / (11 / 28) - 1);
    expect(trend(0, 7, 0, 28).change).toBeCloseTo(28 / 7 - 1);
  });
});
