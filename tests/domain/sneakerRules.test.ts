// Every rule of the real sneaker (models/sneaker/product.yaml + rules/sneaker.rules.yaml), table-driven:
// hard rules bite and are cited, defaults, presets, prices, lead times, alerts and counts.
import { describe, expect, it } from 'vitest';
import {
  activeAlerts, describeExplanation, describeRepair, estimateLeadTime, explainBlocking, explainUnavailable, formatMoney,
  priceDesign, resolveDesign, summariseDesign, toAssignment, type Choice,
} from '../../src/domain/index.ts';
import { loadSneaker } from './support/sneaker.ts';

const { entry, space } = loadSneaker();
const { product, ruleSet } = entry;

const choice = (attribute: string, option: string): Choice => ({ attribute, option });
const byAttribute = (a: Choice, b: Choice) => a.attribute.localeCompare(b.attribute);

interface HardRuleRow {
  readonly rule: string;
  readonly choices: readonly Choice[];
  readonly attribute: string;
  /** The options left for `attribute`, in product order. */
  readonly offered: readonly string[];
  readonly unavailable: string;
  /** The customer's choices the explanation must cite. */
  readonly blocking: readonly Choice[];
}

// Every colour the side panel comes in, as the product offers it today (a colour added later joins it).
const sidePanelColours = space.domains({}).get('sidePanel.colour')!;

const hardRuleRows: readonly HardRuleRow[] = [
  { rule: 'breathable-upper-lining', choices: [choice('vamp.material', 'mesh')], attribute: 'lining.material', offered: ['textile'], unavailable: 'leather', blocking: [choice('vamp.material', 'mesh')] },
  { rule: 'breathable-upper-lining', choices: [choice('lining.material', 'leather')], attribute: 'quarter.material', offered: ['leather', 'suede', 'nubuck', 'canvas'], unavailable: 'mesh', blocking: [choice('lining.material', 'leather')] },
  { rule: 'knit-is-one-piece', choices: [choice('vamp.material', 'knit')], attribute: 'quarter.material', offered: ['knit'], unavailable: 'leather', blocking: [choice('vamp.material', 'knit')] },
  { rule: 'knit-is-one-piece', choices: [choice('quarter.material', 'knit')], attribute: 'vamp.material', offered: ['knit'], unavailable: 'suede', blocking: [choice('quarter.material', 'knit')] },
  { rule: 'patent-toe-on-firm-vamp', choices: [choice('toeCap.material', 'patent')], attribute: 'vamp.material', offered: ['leather', 'nubuck'], unavailable: 'suede', blocking: [choice('toeCap.material', 'patent')] },
  { rule: 'patent-toe-on-firm-vamp', choices: [choice('vamp.material', 'canvas')], attribute: 'toeCap.material', offered: ['leather', 'suede', 'nubuck'], unavailable: 'patent', blocking: [choice('vamp.material', 'canvas')] },
  { rule: 'overlays-need-structure', choices: [choice('quarter.material', 'knit')], attribute: 'heelCounter.material', offered: ['leather', 'suede', 'nubuck'], unavailable: 'patent', blocking: [choice('quarter.material', 'knit')] },
  { rule: 'overlays-need-structure', choices: [choice('quarter.material', 'knit')], attribute: 'sidePanel.material', offered: ['leather', 'suede', 'reflective'], unavailable: 'patent', blocking: [choice('quarter.material', 'knit')] },
  { rule: 'cork-with-natural-uppers', choices: [choice('midsole.material', 'cork')], attribute: 'vamp.material', offered: ['leather', 'suede', 'nubuck', 'canvas'], unavailable: 'mesh', blocking: [choice('midsole.material', 'cork')] },
  { rule: 'sole-pairing', choices: [choice('midsole.material', 'cork')], attribute: 'outsole.material', offered: ['crepe'], unavailable: 'rubber', blocking: [choice('midsole.material', 'cork')] },
  { rule: 'sole-pairing', choices: [choice('midsole.material', 'eva-foam')], attribute: 'outsole.material', offered: ['rubber'], unavailable: 'crepe', blocking: [choice('midsole.material', 'eva-foam')] },
  { rule: 'gum-on-gum', choices: [choice('midsole.colour', 'gum')], attribute: 'outsole.colour', offered: ['gum'], unavailable: 'black', blocking: [choice('midsole.colour', 'gum')] },
  { rule: 'logo-contrast', choices: [choice('quarter.colour', 'navy')], attribute: 'sidePanel.colour', offered: sidePanelColours.filter((colour) => colour !== 'navy'), unavailable: 'navy', blocking: [choice('quarter.colour', 'navy')] },
  { rule: 'reflective-tab-pairs-panel', choices: [choice('heelTab.material', 'reflective')], attribute: 'sidePanel.material', offered: ['reflective'], unavailable: 'leather', blocking: [choice('heelTab.material', 'reflective')] },
  { rule: 'waxed-laces-with-leather', choices: [choice('laces.material', 'waxed-cotton')], attribute: 'tongue.material', offered: ['leather', 'suede'], unavailable: 'mesh', blocking: [choice('laces.material', 'waxed-cotton')] },
  {
    rule: 'crepe-not-with-pale-suede', choices: [choice('outsole.material', 'crepe'), choice('vamp.material', 'suede')], attribute: 'vamp.colour',
    offered: ['tan', 'grey', 'navy', 'forest', 'burgundy', 'charcoal', 'olive'], unavailable: 'chalk',
    blocking: [choice('outsole.material', 'crepe'), choice('vamp.material', 'suede')],
  },
  { rule: 'palette:toeCap:patent', choices: [choice('toeCap.material', 'patent')], attribute: 'toeCap.colour', offered: ['optic-white', 'black', 'red'], unavailable: 'navy', blocking: [choice('toeCap.material', 'patent')] },
  { rule: 'palette:outsole:crepe', choices: [choice('outsole.material', 'crepe')], attribute: 'outsole.colour', offered: ['natural'], unavailable: 'gum', blocking: [choice('outsole.material', 'crepe')] },
];

describe('the sneaker\'s hard rules', () => {
  it('has a table row for every hard rule in the rules file', () => {
    const hardRuleIds = ruleSet.rules
      .filter((rule) => ['requires', 'excludes', 'allowed-combinations', 'forbidden-combinations', 'different', 'same'].includes(rule.kind))
      .map((rule) => rule.id);
    expect(hardRuleIds.length).toBeGreaterThan(0);
    expect(hardRuleIds.filter((id) => !hardRuleRows.some((row) => row.rule === id))).toEqual([]);
  });

  const named = (describeRow: (row: HardRuleRow) => string) => hardRuleRows.map((row) => [describeRow(row), row] as const);
  const chosen = (row: HardRuleRow) => row.choices.map((c) => `${c.attribute}=${c.option}`).join(' and ');

  it.each(named((row) => `${row.rule}: after ${chosen(row)}, ${row.attribute} offers only ${row.offered.join(', ')}`))('%s', (_, row) => {
    expect(space.domains({}).get(row.attribute)).toContain(row.unavailable);
    expect(space.domains(toAssignment(row.choices)).get(row.attribute)).toEqual(row.offered);
  });

  it.each(named((row) => `${row.rule}: explains ${row.attribute}=${row.unavailable} by citing the rule and ${chosen(row)}`))('%s', (_, row) => {
    const explanation = explainBlocking(space, row.choices, choice(row.attribute, row.unavailable));
    expect(explanation).toBeDefined();
    expect(explanation!.rules.map((rule) => rule.ruleId)).toEqual([row.rule]);
    expect([...explanation!.blockingChoices].sort(byAttribute)).toEqual([...row.blocking].sort(byAttribute));
    const sentence = describeExplanation(space, explanation!);
    expect(sentence).toMatch(/^Not available with your /);
    expect(sentence).toContain(space.constraints.find((constraint) => constraint.ruleId === row.rule)!.message);
  });

  it('says which colours patent comes in, in words', () => {
    const explanation = explainBlocking(space, [choice('toeCap.material', 'patent')], choice('toeCap.colour', 'navy'))!;
    expect(describeExplanation(space, explanation)).toBe('Not available with your Toe cap material: Patent leather. Patent leather comes in Optic white, Black and Court red.');
  });

  it('shows the customer why an option is unavailable in the design summary', () => {
    const summary = summariseDesign(entry, space, [choice('toeCap.material', 'patent')]);
    const suede = summary.attributes.get('vamp.material')!.options.find((status) => status.option.id === 'suede')!;
    expect(suede.available).toBe(false);
    expect(suede.reason).toBe('Not available with your Toe cap material: Patent leather. A patent toe cap is bonded onto a leather or nubuck vamp; softer vamps wrinkle under it.');
    expect(summary.attributes.get('vamp.material')!.options.find((status) => status.option.id === 'nubuck')!.available).toBe(true);
  });

  it('lets a chosen option switch to any option the other choices allow', () => {
    // Only toeCap.material is chosen, so every toe-cap material is still reachable (the vamp follows).
    expect(space.domains({ 'toeCap.material': 'suede' }).get('toeCap.material')).toEqual(['leather', 'suede', 'nubuck', 'patent']);
    expect(space.domains({ 'quarter.material': 'leather' }).get('quarter.material')).toEqual(['leather', 'suede', 'nubuck', 'canvas', 'mesh', 'knit']);
  });
});

describe('repairs on the sneaker', () => {
  it('gives up the blocking choice and says what it becomes', () => {
    const explanation = explainUnavailable(space, ruleSet, [choice('vamp.material', 'suede')], choice('toeCap.material', 'patent'))!;
    expect(explanation.repair).toEqual({
      changes: [{ attribute: 'vamp.material', from: 'suede', to: 'leather' }],
      choices: [choice('toeCap.material', 'patent')],
    });
    expect(describeRepair(space, explanation.repair!)).toBe('Change Vamp material from Suede to Full-grain leather.');
  });

  it('keeps the most recent choice when either of two choices could be given up', () => {
    // Suede (older) and chalk (newer) on the vamp together rule out crepe; giving up either one frees it.
    const explanation = explainUnavailable(space, ruleSet, [choice('vamp.material', 'suede'), choice('vamp.colour', 'chalk')], choice('outsole.material', 'crepe'))!;
    expect(explanation.rules.map((rule) => rule.ruleId)).toEqual(['crepe-not-with-pale-suede']);
    expect(explanation.repair).toEqual({
      changes: [{ attribute: 'vamp.material', from: 'suede', to: 'leather' }],
      choices: [choice('vamp.colour', 'chalk'), choice('outsole.material', 'crepe')],
    });
  });
});

describe('the sneaker\'s defaults', () => {
  it('start from the classic white leather shoe with forest green accents', () => {
    const resolved = resolveDesign(space, ruleSet, {});
    const accents = ['sidePanel.material', 'sidePanel.colour', 'heelTab.material', 'heelTab.colour'];
    const expected: Record<string, string> = {
      'toeCap.material': 'leather', 'toeCap.colour': 'optic-white', 'vamp.material': 'leather', 'vamp.colour': 'optic-white',
      'quarter.material': 'leather', 'quarter.colour': 'optic-white', 'eyestay.material': 'leather', 'eyestay.colour': 'optic-white',
      'heelCounter.material': 'leather', 'heelCounter.colour': 'optic-white', 'sidePanel.material': 'leather', 'sidePanel.colour': 'forest',
      'heelTab.material': 'leather', 'heelTab.colour': 'forest', 'tongue.material': 'leather', 'tongue.colour': 'optic-white',
      'laces.material': 'flat-cotton', 'laces.colour': 'optic-white', 'lining.material': 'textile', 'lining.colour': 'optic-white',
      'midsole.material': 'cupsole-rubber', 'midsole.colour': 'optic-white', 'outsole.material': 'rubber', 'outsole.colour': 'optic-white',
    };
    expect(resolved.assignment).toEqual(expected);
    for (const [attribute, value] of resolved.values) {
      expect(value, attribute).toEqual({ option: expected[attribute], provenance: 'default', ruleId: accents.includes(attribute) ? 'default-accents' : 'default-upper' });
    }
  });

  it('apply a conditional default only when its condition holds (mesh tongue with a knit upper)', () => {
    const resolved = resolveDesign(space, ruleSet, { 'vamp.material': 'knit' });
    expect(resolved.values.get('tongue.material')).toEqual({ option: 'mesh', provenance: 'default', ruleId: 'default-knit-tongue' });
    expect(resolved.values.get('quarter.material')).toEqual({ option: 'knit', provenance: 'engine' });
    expect(resolved.values.get('lining.material')).toEqual({ option: 'textile', provenance: 'engine' });
  });

  it('give way to the rules: a default that is no longer valid is replaced by a valid option', () => {
    const resolved = resolveDesign(space, ruleSet, { 'midsole.material': 'cork' });
    expect(resolved.values.get('outsole.material')).toEqual({ option: 'crepe', provenance: 'engine' });
    expect(resolved.values.get('outsole.colour')).toEqual({ option: 'natural', provenance: 'engine' });
    expect(space.count(resolved.assignment)).toBe(1n);
  });
});

describe('the sneaker\'s presets', () => {
  it.each(product.presets.map((preset) => [preset.id, preset] as const))('%s is a valid design that keeps every choice it names', (_, preset) => {
    expect(space.isConsistent(preset.choices)).toBe(true);
    const resolved = resolveDesign(space, ruleSet, preset.choices);
    expect(resolved.assignment).toMatchObject(preset.choices);
    expect(space.count(resolved.assignment)).toBe(1n);
  });

  it('include the classic white, midnight suede, court red and volt runner colourways', () => {
    expect(product.presets.map((preset) => preset.id)).toEqual(['classic-white', 'midnight-suede', 'court-red', 'volt-runner']);
  });
});

interface PriceRow {
  readonly name: string;
  readonly choices: Record<string, string>;
  readonly surcharges: readonly [string, number][];
  readonly unitTotal: number;
  readonly extras: readonly [string, number][];
  readonly totalDays: number;
}

const priceRows: readonly PriceRow[] = [
  { name: 'the default shoe', choices: {}, surcharges: [], unitTotal: 11900, extras: [], totalDays: 10 },
  { name: 'a suede upper on a crepe sole', choices: { 'vamp.material': 'suede', 'outsole.material': 'crepe' }, surcharges: [['price-suede-upper', 1500], ['price-crepe-outsole', 2200]], unitTotal: 11900 + 1500 + 2200, extras: [['lead-crepe', 7]], totalDays: 10 + 7 },
  { name: 'a patent toe cap on a crepe sole', choices: { 'toeCap.material': 'patent', 'outsole.material': 'crepe' }, surcharges: [['price-patent-accents', 1200], ['price-crepe-outsole', 2200]], unitTotal: 11900 + 1200 + 2200, extras: [['lead-crepe', 7], ['lead-patent', 3]], totalDays: 10 + 7 },
  { name: 'patent accents only', choices: { 'heelCounter.material': 'patent', 'sidePanel.material': 'patent' }, surcharges: [['price-patent-accents', 1200]], unitTotal: 11900 + 1200, extras: [['lead-patent', 3]], totalDays: 10 + 3 },
  { name: 'a cork midsole (crepe follows)', choices: { 'midsole.material': 'cork' }, surcharges: [['price-cork-midsole', 1800], ['price-crepe-outsole', 2200]], unitTotal: 11900 + 1800 + 2200, extras: [['lead-crepe', 7], ['lead-cork', 5]], totalDays: 10 + 7 },
  { name: 'a knit upper', choices: { 'quarter.material': 'knit' }, surcharges: [['price-knit-upper', 1000]], unitTotal: 11900 + 1000, extras: [], totalDays: 10 },
  { name: 'a nubuck toe cap with a leather lining', choices: { 'toeCap.material': 'nubuck', 'lining.material': 'leather' }, surcharges: [['price-nubuck', 800], ['price-leather-lining', 1400]], unitTotal: 11900 + 800 + 1400, extras: [], totalDays: 10 },
  { name: 'a reflective heel tab and panel (charged once)', choices: { 'heelTab.material': 'reflective' }, surcharges: [['price-reflective', 600]], unitTotal: 11900 + 600, extras: [], totalDays: 10 },
];

describe('sneaker prices and lead times', () => {
  it.each(priceRows.map((row) => [row.name, row.unitTotal, row] as const))('prices %s at %i cents', (_, __, row) => {
    const design = resolveDesign(space, ruleSet, row.choices).assignment;
    const price = priceDesign(product, ruleSet, design);
    expect(price.currency).toBe('EUR');
    expect(price.base).toBe(11900);
    expect(price.surcharges.map((line) => [line.ruleId, line.amount])).toEqual(row.surcharges);
    expect(price.unitTotal).toBe(row.unitTotal);
  });

  it.each(priceRows.map((row) => [row.name, row.totalDays, row] as const))('makes %s in %i days', (_, __, row) => {
    const design = resolveDesign(space, ruleSet, row.choices).assignment;
    const leadTime = estimateLeadTime(product, ruleSet, design);
    expect(leadTime.baseDays).toBe(10);
    expect(leadTime.extras.map((extra) => [extra.ruleId, extra.days])).toEqual(row.extras);
    expect(leadTime.totalDays).toBe(row.totalDays);
  });

  it('labels each surcharge with its rule\'s message and formats money in the product\'s currency', () => {
    const price = priceDesign(product, ruleSet, resolveDesign(space, ruleSet, { 'vamp.material': 'suede', 'outsole.material': 'crepe' }).assignment);
    expect(price.surcharges.map((line) => line.label)).toEqual(['Suede upper', 'Hand-laid crepe outsole']);
    expect(formatMoney(price.unitTotal, price.currency)).toBe('€156.00');
  });
});

describe('sneaker alerts', () => {
  const alertRows: readonly { name: string; choices: Record<string, string>; alerts: string[] }[] = [
    { name: 'the default shoe', choices: {}, alerts: [] },
    { name: 'a suede toe cap', choices: { 'toeCap.material': 'suede' }, alerts: ['alert-suede-care'] },
    { name: 'a chalk suede vamp', choices: { 'vamp.material': 'suede', 'vamp.colour': 'chalk' }, alerts: ['alert-suede-care', 'alert-pale-suede'] },
    { name: 'a sand suede quarter', choices: { 'quarter.material': 'suede', 'quarter.colour': 'sand' }, alerts: ['alert-suede-care', 'alert-pale-suede'] },
    { name: 'a navy suede vamp', choices: { 'vamp.material': 'suede', 'vamp.colour': 'navy' }, alerts: ['alert-suede-care'] },
  ];

  it.each(alertRows.map((row) => [row.name, row] as const))('advises on %s', (_, { choices, alerts }) => {
    const design = resolveDesign(space, ruleSet, choices).assignment;
    expect(activeAlerts(ruleSet, design).map((alert) => alert.ruleId)).toEqual(alerts);
  });

  it('never blocks a design: an alerted design is still valid', () => {
    const design = resolveDesign(space, ruleSet, { 'vamp.material': 'suede', 'vamp.colour': 'chalk' }).assignment;
    expect(space.count(design)).toBe(1n);
  });
});

describe('counting sneaker designs', () => {
  it('counts a positive exact number of valid designs', () => {
    const total = space.count({});
    expect(typeof total).toBe('bigint');
    expect(total).toBeGreaterThan(0n);
  });

  it('shrinks the count after a choice, and the counts of every option add up to the total', () => {
    const total = space.count({});
    const perOption = product.attributes.find((attribute) => attribute.id === 'vamp.material')!.options.map((option) => space.count({ 'vamp.material': option.id }));
    expect(perOption.reduce((sum, count) => sum + count, 0n)).toBe(total);
    for (const count of perOption) expect(count).toBeLessThan(total);
    expect(space.count({ 'vamp.material': 'knit', 'toeCap.material': 'leather' })).toBeLessThan(space.count({ 'vamp.material': 'knit' }));
  });

  it('counts nothing for choices that conflict', () => {
    expect(space.count({ 'toeCap.material': 'patent', 'vamp.material': 'suede' })).toBe(0n);
    expect(space.isConsistent({ 'toeCap.material': 'patent', 'vamp.material': 'suede' })).toBe(false);
  });
});
