import {
  compileRules, formatMoney, restoreSharedDesign, summariseDesign,
  type CatalogEntry, type Choice, type DecodedShareToken, type SessionFacts,
} from '../domain/index.ts';
import type { DoneActorEvent, ErrorActorEvent } from 'xstate';
import { startHistory } from './designHistory.ts';
import type { SessionContext } from './sessionContext.ts';

/** What the customer is told when the shop published new rules while their design was open. */
export interface RulesUpdateNotice {
  /** The rules version the design was carried to; a new one replaces the notice. */
  readonly rulesVersion: string;
  /** `warning` when something in the customer's design changed, else `info`. */
  readonly tone: 'info' | 'warning';
  readonly title: string;
  /** What changed in THIS design, one sentence per attribute; or that nothing did. */
  readonly lines: readonly string[];
}

/** What a catalog check found: the newer entry the server serves, or nothing new. */
export type CatalogCheckOutput = { readonly entry: CatalogEntry } | null;

/** What the session hears of its catalog check (spawned as `catalogCheck`). */
export type CatalogCheckEvent = DoneActorEvent<CatalogCheckOutput, 'catalogCheck'> | ErrorActorEvent<unknown, 'catalogCheck'>;

/** What the catalog check is asked: the product, and the rules version the session holds. */
export interface CatalogCheckInput {
  readonly productId: string;
  readonly rulesVersion: string;
}

/**
 * The session moved to a newly published rules version: the new rules compiled (with the
 * session's facts, as the page compiled the first ones), the current design carried to them
 * choice by choice — the same carrying a share link made under older rules gets
 * (`restoreSharedDesign`) — and what that changed for this design said in words, in `rulesUpdate`
 * for the page and in `announcement` for the live region.
 *
 * The undo history starts again: its steps were made under the old rules and could bring back an
 * option the shop no longer offers. Personal text and placed artwork are kept as typed; the new
 * rules judge them like any edit.
 *
 * @example
 * assign(({ context, event }) => adoptRulesVersion(context, event.output.entry))
 */
export function adoptRulesVersion(context: SessionContext, entry: CatalogEntry): Partial<SessionContext> {
  const space = compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled, ...(context.facts ? { facts: context.facts } : {}) });
  const present = context.history.present;
  const chosenOrder = present.choices.map((choice) => choice.attribute);
  // The design as it stands (every value, the customer's own choices named), read like a link made under the old rules.
  const design: DecodedShareToken = { rulesVersion: context.entry.rulesVersion, design: context.summary.resolved.assignment, chosenByCustomer: chosenOrder };
  const restored = restoreSharedDesign(entry, space, design, context.entry.product, { since: 'you started this design' });
  // A product that lost every attribute of the design cannot carry it: start from the suggested design and say so.
  const carried = 'error' in restored ? { choices: [] as readonly Choice[], suggested: {}, changes: ['Your choices could not be kept with the new options; you are starting from the suggested design.'] } : restored;
  // Oldest choice first again (repairs keep the most recent ones), as the customer made them.
  const choices = [...carried.choices].sort((a, b) => chosenOrder.indexOf(a.attribute) - chosenOrder.indexOf(b.attribute));
  const history = startHistory({
    choices, presetId: null, startedFrom: carried.suggested,
    ...(present.personalisation ? { personalisation: present.personalisation } : {}),
  });
  const summary = summariseDesign(entry, space, choices, carried.suggested, present.personalisation, context.artworks);
  const rulesUpdate = describeRulesUpdate(entry, carried.changes, context.summary.price, summary.price);
  return {
    entry, space, history, summary, conflict: null, rulesUpdate,
    announcement: `${rulesUpdate.title}: ${rulesUpdate.lines.join(' ')}`,
  };
}

type Price = SessionContext['summary']['price'];

/** The notice for a design carried to new rules: its changes, the price if it moved, or that nothing changed. */
export function describeRulesUpdate(entry: CatalogEntry, changes: readonly string[], before: Price, after: Price): RulesUpdateNotice {
  const price = before.unitTotal !== after.unitTotal || before.currency !== after.currency
    ? [`The price is now ${formatMoney(after.unitTotal, after.currency)} (it was ${formatMoney(before.unitTotal, before.currency)}).`]
    : [];
  const lines = changes.length > 0 || price.length > 0 ? [...changes, ...price] : ['Nothing in your design changed.'];
  return {
    rulesVersion: entry.rulesVersion,
    tone: changes.length > 0 || price.length > 0 ? 'warning' : 'info',
    title: `The shop updated the ${entry.product.name}'s options`,
    lines,
  };
}

/** The session's facts, kept so that newly published rules are compiled for the same customer. */
export function factsOf(facts: SessionFacts | undefined): Pick<SessionContext, 'facts'> {
  return facts ? { facts } : {};
}
