import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { attributeDisplayName, compileRules, resolveDesign, type CatalogEntry, type Choice } from '../../src/domain/index.ts';
import { configuratorMachine, type CatalogCheckInput, type CatalogCheckOutput } from '../../src/machines/index.ts';
import { scratchVersion } from '../domain/support/scratchSneaker.ts';
import { loadSneaker } from '../domain/support/sneaker.ts';

// A session open while the shop publishes new rules: it asks (catalog.check, and before an order),
// takes the new version up, carries the design to it choice by choice and says what changed for
// this design. The network is an in-process fake answering what a test says the shop serves.

const { entry, space } = loadSneaker();
const fixedNow = () => new Date('2026-11-25T12:00:00Z');

/** The customer's first choice: an option of the second colour attribute that is not its default (the scratch version drops it). */
function customerChoice(): Choice {
  const design = resolveDesign(space, entry.ruleSet, {}).assignment;
  const colours = entry.product.attributes.filter((attribute) => attribute.kind === 'colour' && attribute.options.length >= 3);
  const attribute = colours[1]!;
  const available = space.domains({}).get(attribute.id)!;
  return { attribute: attribute.id, option: available.find((option) => option !== design[attribute.id])! };
}

/** A session whose shop serves `served()` (null: nothing newer), with the requests it was asked. */
function startSession(served: () => CatalogEntry | null, watchCatalog = true) {
  const asked: CatalogCheckInput[] = [];
  const machine = configuratorMachine.provide({
    actors: {
      checkCatalog: fromPromise<CatalogCheckOutput, CatalogCheckInput>(async ({ input }) => {
        asked.push(input);
        const entryServed = served();
        return entryServed && entryServed.rulesVersion !== input.rulesVersion ? { entry: entryServed } : null;
      }),
    },
  });
  const actor = createActor(machine, { input: { entry, space, now: fixedNow, watchCatalog } }).start();
  return { actor, asked };
}

async function checked(actor: ReturnType<typeof startSession>['actor']) {
  actor.send({ type: 'catalog.check' });
  return waitFor(actor, (snapshot) => snapshot.context.catalogCheck === 'idle');
}

describe('when editing and the shop publishes new rules', () => {
  it('carries the design to them and says exactly what changed for it', async () => {
    const choice = customerChoice();
    const { actor: probe } = startSession(() => null);
    probe.send({ type: 'option.select', ...choice });
    const design = probe.getSnapshot().context.summary.resolved.assignment;
    const later = scratchVersion(entry, design);
    const { actor, asked } = startSession(() => later.entry);
    actor.send({ type: 'option.select', ...choice });

    const { context } = await checked(actor);
    expect(asked).toEqual([{ productId: 'sneaker', rulesVersion: entry.rulesVersion }]);
    expect(context.entry.rulesVersion).toBe(later.entry.rulesVersion);
    const attribute = later.edits.droppedFrom;
    const now = context.summary.resolved.values.get(attribute.id)!.option;
    const nowLabel = attribute.options.find((option) => option.id === now)!.label;
    expect(context.rulesUpdate).toMatchObject({ rulesVersion: later.entry.rulesVersion, tone: 'warning', title: `The shop updated the ${later.entry.product.name}'s options` });
    expect(context.rulesUpdate!.lines).toContain(`${attributeDisplayName(later.entry.product, attribute)}: ${later.edits.dropped.label} is no longer offered; now ${nowLabel}.`);
    expect(context.rulesUpdate!.lines).toContain(`${attributeDisplayName(later.entry.product, later.edits.added)} is new since you started this design: ${later.edits.added.options[0]!.label}.`);
    expect(context.announcement).toContain(`${later.edits.dropped.label} is no longer offered`);
  });

  it('keeps working under the new rules: every other value kept, choices, price and the order under the new version', async () => {
    const choice = customerChoice();
    const { actor: probe } = startSession(() => null);
    probe.send({ type: 'option.select', ...choice });
    const before = probe.getSnapshot().context.summary.resolved.assignment;
    const later = scratchVersion(entry, before);
    const { actor } = startSession(() => later.entry);
    actor.send({ type: 'option.select', ...choice });
    const { context } = await checked(actor);

    // What the shop did not change is as the customer left it.
    for (const attribute of later.entry.product.attributes) {
      if (attribute.id === later.edits.droppedFrom.id || attribute.id === later.edits.added.id) continue;
      expect(context.summary.resolved.assignment[attribute.id], attribute.id).toBe(before[attribute.id]);
    }
    expect(context.summary.price.unitTotal).toBeGreaterThan(0);
    // The customer picks the colour the shop added: it is offered, and the session takes it.
    actor.send({ type: 'option.select', attribute: later.edits.palette.id, option: later.edits.inserted.id });
    expect(actor.getSnapshot().context.summary.resolved.values.get(later.edits.palette.id)).toEqual({ option: later.edits.inserted.id, provenance: 'customer' });
    actor.send({ type: 'design.review' });
    const checkout = actor.getSnapshot().context.checkout.getSnapshot().context;
    expect(checkout.entry.rulesVersion).toBe(later.entry.rulesVersion);
    expect(checkout.design.document.rulesVersion).toBe(later.entry.rulesVersion);
  });

  it('says that nothing in the design changed when the new rules keep all of it', async () => {
    const same: CatalogEntry = { ...entry, rulesVersion: 'feedfacecafe0003' };
    const { actor } = startSession(() => same);
    actor.send({ type: 'option.select', ...customerChoice() });
    const choicesBefore = actor.getSnapshot().context.history.present.choices;
    const { context } = await checked(actor);
    expect(context.rulesUpdate).toMatchObject({ tone: 'info', lines: ['Nothing in your design changed.'] });
    expect(context.history.present.choices).toEqual(choicesBefore);
  });

  it('changes nothing while the shop serves the same rules', async () => {
    const { actor, asked } = startSession(() => null);
    const before = actor.getSnapshot().context;
    const { context } = await checked(actor);
    expect(asked).toHaveLength(1);
    expect(context.entry).toBe(before.entry);
    expect(context.rulesUpdate).toBeNull();
  });

  it('never asks when the session was not told to watch the catalog', async () => {
    const { actor, asked } = startSession(() => ({ ...entry, rulesVersion: 'feedfacecafe0004' }), false);
    actor.send({ type: 'catalog.check' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toHaveLength(0);
    expect(actor.getSnapshot().context.entry.rulesVersion).toBe(entry.rulesVersion);
  });
});

describe('when a conflict is open and the shop publishes new rules', () => {
  it('closes it (it was explained under the old rules) and carries the design', async () => {
    const same: CatalogEntry = { ...entry, rulesVersion: 'feedfacecafe0005' };
    const { actor } = startSession(() => same);
    // A conflict, found from the rules rather than written out: the first unavailable option after one choice.
    const choice = customerChoice();
    actor.send({ type: 'option.select', ...choice });
    const domains = space.domains({ [choice.attribute]: choice.option });
    const blocked = entry.product.attributes.flatMap((attribute) => attribute.options.filter((option) => !domains.get(attribute.id)!.includes(option.id)).map((option) => ({ attribute: attribute.id, option: option.id })))[0];
    if (!blocked) return;
    actor.send({ type: 'option.select', ...blocked });
    expect(actor.getSnapshot().value).toBe('conflict');
    const snapshot = await checked(actor);
    expect(snapshot.value).toBe('editing');
    expect(snapshot.context.conflict).toBeNull();
    expect(snapshot.context.entry.rulesVersion).toBe(same.rulesVersion);
  });
});

describe('when reviewing and the customer places the order', () => {
  it('asks the shop first, and sends the order when the rules are still current', async () => {
    const { actor, asked } = startSession(() => null);
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    await waitFor(actor, (snapshot) => snapshot.context.catalogCheck === 'idle' && snapshot.context.orderAfterCheck === null);
    expect(asked).toHaveLength(1);
    // The checkout took the order (and, with no size chosen yet, says what is missing).
    expect(actor.getSnapshot().context.checkout.getSnapshot().context.checkoutAttempted).toBe(true);
  });

  it('does not send it when the shop published new rules: the customer sees what changed first', async () => {
    const same: CatalogEntry = { ...entry, rulesVersion: 'feedfacecafe0006' };
    const { actor } = startSession(() => same);
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    const { context } = await waitFor(actor, (snapshot) => snapshot.context.catalogCheck === 'idle' && snapshot.context.rulesUpdate !== null);
    const checkout = context.checkout.getSnapshot().context;
    expect(checkout.checkoutAttempted).toBe(false);
    expect(checkout.entry.rulesVersion).toBe(same.rulesVersion);
    expect(checkout.design.document.rulesVersion).toBe(same.rulesVersion);
    expect(context.orderAfterCheck).toBeNull();
  });

  it('sends it as it is when the shop cannot be asked', async () => {
    const machine = configuratorMachine.provide({ actors: { checkCatalog: fromPromise<CatalogCheckOutput, CatalogCheckInput>(() => Promise.reject(new Error('offline'))) } });
    const actor = createActor(machine, { input: { entry, space: compileRules(entry.product, entry.ruleSet), now: fixedNow, watchCatalog: true } }).start();
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    await waitFor(actor, (snapshot) => snapshot.context.catalogCheck === 'idle' && snapshot.context.orderAfterCheck === null);
    expect(actor.getSnapshot().context.checkout.getSnapshot().context.checkoutAttempted).toBe(true);
  });
});
