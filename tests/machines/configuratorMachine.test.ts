import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { compileRules, type CatalogEntry, type OrderDocument } from '../../src/domain/index.ts';
import { configuratorMachine } from '../../src/machines/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entry: CatalogEntry = (() => {
  const { entries, problems } = loadCatalogFromDisk(process.cwd());
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries.find((candidate) => candidate.product.id === 'sneaker')!;
})();
const space = compileRules(entry.product, entry.ruleSet);
const fixedNow = () => new Date('2026-11-25T12:00:00Z');

function startSession() {
  return createActor(configuratorMachine, { input: { entry, space, now: fixedNow } }).start();
}

function valueOf(actor: ReturnType<typeof startSession>, attribute: string) {
  return actor.getSnapshot().context.summary.resolved.values.get(attribute)!;
}

describe('when editing', () => {
  it('starts from the suggested design with nothing to undo', () => {
    const actor = startSession();
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('editing');
    expect(valueOf(actor, 'toeCap.material')).toMatchObject({ option: 'leather', provenance: 'default' });
    expect(snapshot.can({ type: 'history.undo' })).toBe(false);
    expect(snapshot.can({ type: 'design.reset' })).toBe(false);
  });

  it('applies an available option as the customer\'s choice and announces it with the new price', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'vamp.material', option: 'suede' });
    const { context } = actor.getSnapshot();
    expect(valueOf(actor, 'vamp.material')).toEqual({ option: 'suede', provenance: 'customer' });
    expect(context.summary.price.unitTotal).toBe(11900 + 1500);
    expect(context.announcement).toContain('Vamp material: Suede');
    expect(context.announcement).toContain('€134.00');
    expect(context.focusedPart).toBe('vamp');
  });

  it('lets the engine move values the customer did not choose, and never the customer\'s', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'vamp.colour', option: 'navy' });
    actor.send({ type: 'option.select', attribute: 'quarter.material', option: 'knit' });
    // knit is one piece, and navy is not a knit colour: a conflict, so the customer's navy is never silently dropped
    expect(actor.getSnapshot().value).toBe('conflict');
    actor.send({ type: 'conflict.cancel' });
    actor.send({ type: 'option.select', attribute: 'vamp.colour', option: 'black' });
    actor.send({ type: 'option.select', attribute: 'quarter.material', option: 'knit' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(valueOf(actor, 'vamp.material')).toEqual({ option: 'knit', provenance: 'engine' });
    expect(valueOf(actor, 'lining.material')).toEqual({ option: 'textile', provenance: 'engine' });
    expect(valueOf(actor, 'vamp.colour')).toEqual({ option: 'black', provenance: 'customer' });
  });

  it('clears a choice back to the suggested option', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'laces.colour', option: 'red' });
    actor.send({ type: 'option.clear', attribute: 'laces.colour' });
    expect(valueOf(actor, 'laces.colour')).toMatchObject({ option: 'optic-white', provenance: 'default' });
  });

  it('ignores an option the product does not have, and says so', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'gold' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.history.past).toHaveLength(0);
    expect(actor.getSnapshot().context.announcement).toMatch(/does not have/);
  });
});

describe('when a choice conflicts', () => {
  function sessionInConflict() {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'vamp.material', option: 'suede' });
    actor.send({ type: 'option.select', attribute: 'toeCap.material', option: 'patent' });
    return actor;
  }

  it('enters the conflict state with the blocking choice, the rule and a repair', () => {
    const actor = sessionInConflict();
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('conflict');
    expect(context.conflict!.explanation.blockingChoices).toEqual([{ attribute: 'vamp.material', option: 'suede' }]);
    expect(context.conflict!.explanation.rules.map((rule) => rule.ruleId)).toEqual(['patent-toe-on-firm-vamp']);
    expect(context.conflict!.reason).toContain('bonded onto a leather or nubuck vamp');
    expect(context.conflict!.repairText).toBe('Change Vamp material from Suede to Full-grain leather.');
    expect(valueOf(actor, 'toeCap.material').option).toBe('leather');
  });

  it('applies the repair when the customer accepts', () => {
    const actor = sessionInConflict();
    actor.send({ type: 'conflict.accept' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(valueOf(actor, 'toeCap.material')).toEqual({ option: 'patent', provenance: 'customer' });
    expect(valueOf(actor, 'vamp.material').option).toBe('leather');
    expect(actor.getSnapshot().context.conflict).toBeNull();
  });

  it('keeps the design as it was when the customer cancels', () => {
    const actor = sessionInConflict();
    const before = actor.getSnapshot().context.summary.resolved.assignment;
    actor.send({ type: 'conflict.cancel' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.summary.resolved.assignment).toEqual(before);
    expect(actor.getSnapshot().context.history.past).toHaveLength(1);
  });

  it('undoes an accepted repair in one step', () => {
    const actor = sessionInConflict();
    actor.send({ type: 'conflict.accept' });
    actor.send({ type: 'history.undo' });
    expect(valueOf(actor, 'vamp.material')).toEqual({ option: 'suede', provenance: 'customer' });
    expect(valueOf(actor, 'toeCap.material').option).toBe('leather');
  });

  it('keeps the most recent choices when it has to give some up', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'midsole.material', option: 'cork' });
    actor.send({ type: 'option.select', attribute: 'outsole.material', option: 'crepe' });
    actor.send({ type: 'option.select', attribute: 'quarter.material', option: 'mesh' });
    expect(actor.getSnapshot().value).toBe('conflict');
    actor.send({ type: 'conflict.accept' });
    expect(valueOf(actor, 'quarter.material')).toEqual({ option: 'mesh', provenance: 'customer' });
    expect(valueOf(actor, 'outsole.material')).toEqual({ option: 'crepe', provenance: 'customer' });
    expect(valueOf(actor, 'midsole.material').option).not.toBe('cork');
  });
});

describe('history', () => {
  it('undoes and redoes choices in order', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    actor.send({ type: 'option.select', attribute: 'laces.colour', option: 'red' });
    actor.send({ type: 'history.undo' });
    expect(valueOf(actor, 'laces.colour').option).toBe('optic-white');
    expect(valueOf(actor, 'toeCap.colour').option).toBe('navy');
    expect(actor.getSnapshot().context.announcement).toContain('Undid Laces colour: Court red');
    actor.send({ type: 'history.undo' });
    expect(valueOf(actor, 'toeCap.colour').option).toBe('optic-white');
    expect(actor.getSnapshot().can({ type: 'history.undo' })).toBe(false);
    actor.send({ type: 'history.redo' });
    actor.send({ type: 'history.redo' });
    expect(valueOf(actor, 'laces.colour').option).toBe('red');
    expect(actor.getSnapshot().can({ type: 'history.redo' })).toBe(false);
  });

  it('drops the redo stack after a new choice', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    actor.send({ type: 'history.undo' });
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'red' });
    expect(actor.getSnapshot().can({ type: 'history.redo' })).toBe(false);
  });

  it('does not record choosing the option that is already the latest choice', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    expect(actor.getSnapshot().context.history.past).toHaveLength(1);
  });

  it('starts over and can undo starting over', () => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    actor.send({ type: 'design.reset' });
    expect(valueOf(actor, 'toeCap.colour')).toMatchObject({ option: 'optic-white', provenance: 'default' });
    actor.send({ type: 'history.undo' });
    expect(valueOf(actor, 'toeCap.colour').option).toBe('navy');
  });
});

describe('presets', () => {
  it.each(entry.product.presets.map((preset) => [preset.id, preset] as const))('applies the %s colourway exactly', (_id, preset) => {
    const actor = startSession();
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'burgundy' });
    actor.send({ type: 'preset.apply', presetId: preset.id });
    const { resolved } = actor.getSnapshot().context.summary;
    for (const [attribute, option] of Object.entries(preset.choices)) expect(resolved.assignment[attribute]).toBe(option);
    expect(actor.getSnapshot().context.announcement).toContain(preset.name);
    actor.send({ type: 'history.undo' });
    expect(actor.getSnapshot().context.summary.resolved.assignment['toeCap.colour']).toBe('burgundy');
  });

  it('keeps a colourway\'s values as suggestions, so any of them can be changed without a conflict', () => {
    const actor = startSession();
    actor.send({ type: 'preset.apply', presetId: 'volt-runner' });
    expect(valueOf(actor, 'vamp.material')).toMatchObject({ option: 'knit', provenance: 'default' });
    actor.send({ type: 'option.select', attribute: 'vamp.material', option: 'leather' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(valueOf(actor, 'vamp.material')).toEqual({ option: 'leather', provenance: 'customer' });
    // knit is one piece: the quarter's suggested knit gives way, the colourway's other values stay
    expect(valueOf(actor, 'quarter.material').option).not.toBe('knit');
    expect(valueOf(actor, 'laces.colour').option).toBe('volt');
    actor.send({ type: 'design.reset' });
    expect(valueOf(actor, 'laces.colour').option).toBe('optic-white');
  });

  it('ignores an unknown preset', () => {
    const actor = startSession();
    actor.send({ type: 'preset.apply', presetId: 'no-such-colourway' });
    expect(actor.getSnapshot().context.history.past).toHaveLength(0);
  });
});

describe('when reviewing', () => {
  it('exports an order only once a size is chosen, with the price recomputed for the quantity', () => {
    const actor = startSession();
    const exported: OrderDocument[] = [];
    actor.on('order.exported', ({ order }) => exported.push(order));
    actor.send({ type: 'option.select', attribute: 'outsole.material', option: 'crepe' });
    actor.send({ type: 'design.review' });
    expect(actor.getSnapshot().value).toBe('reviewing');
    expect(actor.getSnapshot().can({ type: 'order.export' })).toBe(false);
    actor.send({ type: 'order.export' });
    expect(exported).toHaveLength(0);
    actor.send({ type: 'review.size', sizeId: 'eu-42' });
    actor.send({ type: 'review.quantity', quantity: 2 });
    actor.send({ type: 'order.export' });
    expect(exported).toHaveLength(1);
    const order = exported[0]!;
    expect(order.size).toEqual({ id: 'eu-42', label: 'EU 42 · US 8.5 · UK 8', codes: { eu: '42', us: '8.5', uk: '8' }, eu: '42', us: '8.5', uk: '8' });
    expect(order.quantity).toBe(2);
    expect(order.price.unitTotal).toBe(11900 + 2200);
    expect(order.price.total).toBe(2 * (11900 + 2200));
    expect(order.leadTime.totalDays).toBe(17);
    expect(order.createdAt).toBe('2026-11-25T12:00:00.000Z');
    expect(order.design.chosenByCustomer).toEqual(['outsole.material']);
    expect(order.billOfMaterials).toHaveLength(entry.product.parts.length);
  });

  it('refuses quantities outside 1–20 and unknown sizes', () => {
    const actor = startSession();
    actor.send({ type: 'design.review' });
    for (const quantity of [0, -1, 21, 1.5, Number.NaN]) actor.send({ type: 'review.quantity', quantity });
    actor.send({ type: 'review.size', sizeId: 'eu-99' });
    const checkout = actor.getSnapshot().context.checkout.getSnapshot().context;
    expect(checkout.quantity).toBe(1);
    expect(checkout.sizeId).toBeNull();
  });

  it('does not accept option changes until the customer goes back to the design', () => {
    const actor = startSession();
    actor.send({ type: 'design.review' });
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    expect(valueOf(actor, 'toeCap.colour').option).toBe('optic-white');
    actor.send({ type: 'review.back' });
    actor.send({ type: 'option.select', attribute: 'toeCap.colour', option: 'navy' });
    expect(valueOf(actor, 'toeCap.colour').option).toBe('navy');
  });
});

describe('pure transitions', () => {
  it('computes a conflict without touching the previous snapshot', () => {
    const [initial] = initialTransition(configuratorMachine, { entry, space, now: fixedNow });
    const [afterSuede] = transition(configuratorMachine, initial, { type: 'option.select', attribute: 'vamp.material', option: 'suede' });
    const [inConflict] = transition(configuratorMachine, afterSuede, { type: 'option.select', attribute: 'toeCap.material', option: 'patent' });
    expect(inConflict.value).toBe('conflict');
    expect(inConflict.context.conflict?.explanation.target).toEqual({ attribute: 'toeCap.material', option: 'patent' });
    expect(afterSuede.value).toBe('editing');
    expect(afterSuede.context.conflict).toBeNull();
  });

  it('hands the checkout the design under review instead of placing anything itself', () => {
    const [initial] = initialTransition(configuratorMachine, { entry, space, now: fixedNow });
    const [reviewing, actions] = transition(configuratorMachine, initial, { type: 'design.review' });
    expect(reviewing.value).toBe('reviewing');
    expect(actions.map((action) => action.type)).toContain('xstate.sendTo');
  });
});
