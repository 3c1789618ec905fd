import { assign, emit, setup } from 'xstate';
import {
  attributeById, attributeDisplayName, compileRules, createDesignDocument, createOrderDocument, describeExplanation, describeRepair,
  explainUnavailable, formatMoney, MAX_QUANTITY, optionById, summariseDesign,
  type AttributeId, type CatalogEntry, type Choice, type ConfigurationSpace, type DesignSummary, type Explanation, type OptionId,
  type OrderDocument, type PartId, type SessionFacts,
} from '../domain/index.ts';
import { recordChange, redo, setChoice, startHistory, undo, type DesignHistory } from './designHistory.ts';
import { describeChange } from './describeChange.ts';

/** A choice the customer asked for that the rules do not allow with their other choices. */
export interface Conflict {
  readonly explanation: Explanation;
  /** Why, in one sentence. */
  readonly reason: string;
  /** The proposed repair in one sentence; undefined when no change of choices helps. */
  readonly repairText?: string;
}

/** Everything a configurator session holds. */
export interface SessionContext {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
  readonly history: DesignHistory;
  /** Derived from `history.present` by the domain after every change; views only read it. */
  readonly summary: DesignSummary;
  readonly conflict: Conflict | null;
  /** The part the customer is looking at; the preview turns the camera toward it. */
  readonly focusedPart: PartId | null;
  readonly sizeId: string | null;
  readonly quantity: number;
  /** The last change in words, for the screen-reader live region. */
  readonly announcement: string;
  readonly lastExport: OrderDocument | null;
  readonly now: () => Date;
}

/** Events a session accepts, namespaced by what they act on. */
export type SessionEvent =
  | { type: 'option.select'; attribute: AttributeId; option: OptionId }
  | { type: 'option.clear'; attribute: AttributeId }
  | { type: 'preset.apply'; presetId: string }
  | { type: 'history.undo' }
  | { type: 'history.redo' }
  | { type: 'design.reset' }
  | { type: 'design.review' }
  | { type: 'review.back' }
  | { type: 'review.size'; sizeId: string }
  | { type: 'review.quantity'; quantity: number }
  | { type: 'order.export' }
  | { type: 'conflict.accept' }
  | { type: 'conflict.cancel' }
  | { type: 'part.focus'; partId: PartId | null };

/** Events a session emits to whoever listens (`actor.on(...)`). */
export type SessionEmitted = { type: 'order.exported'; order: OrderDocument };

/** What a session starts from. */
export interface SessionInput {
  readonly entry: CatalogEntry;
  /** The compiled rules; compiled from `entry` when absent. */
  readonly space?: ConfigurationSpace;
  /** Choices to start with (a shared or saved design), oldest first. */
  readonly choices?: readonly Choice[];
  /** Clock for order timestamps (tests pass a fixed one). */
  readonly now?: () => Date;
  /** What is known about the session (region, date): availability rules read it. Ignored when `space` is given. */
  readonly facts?: SessionFacts;
}

/** The context after the design changed: history moved, summary re-derived, change announced. */
function withHistory(context: SessionContext, history: DesignHistory, label: string): Partial<SessionContext> {
  if (history === context.history) return {};
  const summary = summariseDesign(context.entry, context.space, history.present.choices, suggestedBy(context.entry, history.present.presetId));
  return { history, summary, conflict: null, lastExport: null, announcement: describeChange(context.space, label, context.summary, summary) };
}

/** The values of the colourway the customer started from: suggestions the customer can override. */
function suggestedBy(entry: CatalogEntry, presetId: string | null): Readonly<Record<AttributeId, OptionId>> {
  return entry.product.presets.find((preset) => preset.id === presetId)?.choices ?? {};
}

function optionLabel(context: SessionContext, attributeId: AttributeId, optionId: OptionId): string {
  const attribute = attributeById(context.space.product, attributeId);
  return `${attributeDisplayName(context.space.product, attribute)}: ${optionById(attribute, optionId).label}`;
}

/**
 * A customer's configurator session: choosing options (conflicts explained and repaired), presets,
 * undo/redo, review and order export. Every rule question is answered by the domain; the machine
 * only orchestrates.
 */
export const configuratorMachine = setup({
  types: {} as { context: SessionContext; events: SessionEvent; input: SessionInput; emitted: SessionEmitted },
  guards: {
    isAvailable: ({ context, event }) =>
      event.type === 'option.select' &&
      context.summary.attributes.get(event.attribute)?.options.some((status) => status.option.id === event.option && status.available) === true,
    isKnownOption: ({ context, event }) =>
      event.type === 'option.select' && context.summary.attributes.get(event.attribute)?.options.some((status) => status.option.id === event.option) === true,
    hasRepair: ({ context }) => context.conflict?.explanation.repair !== undefined,
    canUndo: ({ context }) => context.history.past.length > 0,
    canRedo: ({ context }) => context.history.future.length > 0,
    hasChoices: ({ context }) => context.history.present.choices.length > 0 || context.history.present.presetId !== null,
    isChosenByCustomer: ({ context, event }) =>
      event.type === 'option.clear' && context.history.present.choices.some((choice) => choice.attribute === event.attribute),
    isKnownPreset: ({ context, event }) => event.type === 'preset.apply' && context.entry.product.presets.some((preset) => preset.id === event.presetId),
    isKnownSize: ({ context, event }) => event.type === 'review.size' && context.entry.product.sizes.some((size) => size.id === event.sizeId),
    isValidQuantity: ({ event }) => event.type === 'review.quantity' && Number.isInteger(event.quantity) && event.quantity >= 1 && event.quantity <= MAX_QUANTITY,
    hasSize: ({ context }) => context.sizeId !== null,
  },
  actions: {
    applyChoice: assign(({ context, event }) => {
      if (event.type !== 'option.select') return {};
      const history = recordChange(context.history, optionLabel(context, event.attribute, event.option), (draft) => setChoice(draft, { attribute: event.attribute, option: event.option }));
      return { ...withHistory(context, history, optionLabel(context, event.attribute, event.option)), focusedPart: attributeById(context.space.product, event.attribute).partId };
    }),
    clearChoice: assign(({ context, event }) => {
      if (event.type !== 'option.clear') return {};
      const label = `${attributeDisplayName(context.space.product, attributeById(context.space.product, event.attribute))} back to the suggested option`;
      const history = recordChange(context.history, label, (draft) => {
        draft.choices.splice(draft.choices.findIndex((choice) => choice.attribute === event.attribute), 1);
      });
      return withHistory(context, history, label);
    }),
    applyPreset: assign(({ context, event }) => {
      if (event.type !== 'preset.apply') return {};
      const preset = context.entry.product.presets.find((candidate) => candidate.id === event.presetId)!;
      const label = `Colourway ${preset.name}`;
      // The colourway's values become suggestions, not choices: the customer can change any of them
      // and the engine adjusts the rest, instead of every later change being a conflict.
      const history = recordChange(context.history, label, (draft) => {
        draft.choices = [];
        draft.presetId = preset.id;
      });
      return withHistory(context, history, label);
    }),
    openConflict: assign(({ context, event }) => {
      if (event.type !== 'option.select') return {};
      const explanation = explainUnavailable(
        context.space, context.entry.ruleSet, context.history.present.choices, { attribute: event.attribute, option: event.option },
        suggestedBy(context.entry, context.history.present.presetId),
      )!;
      const reason = describeExplanation(context.space, explanation);
      const repairText = explanation.repair ? describeRepair(context.space, explanation.repair) : undefined;
      const conflict: Conflict = repairText === undefined ? { explanation, reason } : { explanation, reason, repairText };
      return { conflict, announcement: `${optionLabel(context, event.attribute, event.option)} is not available. ${reason}${repairText ? ` Suggested: ${repairText}` : ''}` };
    }),
    acceptRepair: assign(({ context }) => {
      const repair = context.conflict!.explanation.repair!;
      const target = context.conflict!.explanation.target;
      // The consequences (the choices the repair gave up) are announced by describeChange.
      const label = optionLabel(context, target.attribute, target.option);
      const history = recordChange(context.history, label, (draft) => {
        draft.choices = repair.choices.map((choice) => ({ ...choice }));
      });
      return { ...withHistory(context, history, label), focusedPart: attributeById(context.space.product, target.attribute).partId };
    }),
    cancelConflict: assign({ conflict: null, announcement: 'Kept your design as it was.' }),
    undo: assign(({ context }) => withHistory(context, undo(context.history), `Undid ${context.history.past[context.history.past.length - 1]?.label ?? ''}`)),
    redo: assign(({ context }) => withHistory(context, redo(context.history), `Redid ${context.history.future[0]?.label ?? ''}`)),
    reset: assign(({ context }) => {
      const history = recordChange(context.history, 'Start over', (draft) => {
        draft.choices = [];
        draft.presetId = null;
      });
      return withHistory(context, history, 'Started over from the suggested design');
    }),
    focusPart: assign(({ event }) => (event.type === 'part.focus' ? { focusedPart: event.partId } : {})),
    setSize: assign(({ context, event }) => {
      if (event.type !== 'review.size') return {};
      const size = context.entry.product.sizes.find((candidate) => candidate.id === event.sizeId)!;
      return { sizeId: size.id, announcement: `Size ${size.label}` };
    }),
    setQuantity: assign(({ context, event }) => {
      if (event.type !== 'review.quantity') return {};
      return { quantity: event.quantity, announcement: `Quantity ${event.quantity}, total ${formatMoney(context.summary.price.unitTotal * event.quantity, context.summary.price.currency)}` };
    }),
    exportOrder: assign(({ context }) => {
      const { entry } = context;
      const design = createDesignDocument(entry.product.id, entry.rulesVersion, context.summary.resolved.assignment, context.history.present.choices.map((choice) => choice.attribute));
      const size = entry.product.sizes.find((candidate) => candidate.id === context.sizeId)!;
      const order = createOrderDocument(entry, design, size, context.quantity, context.now());
      return { lastExport: order, announcement: 'Order exported: the file is downloading.' };
    }),
    emitExport: emit(({ context }) => ({ type: 'order.exported' as const, order: context.lastExport! })),
    announceUnknown: assign(({ event }) => ({ announcement: `Ignored ${event.type}: it names something this product does not have.` })),
  },
}).createMachine({
  id: 'configurator',
  context: ({ input }) => {
    const space = input.space ?? compileRules(input.entry.product, input.entry.ruleSet, { artifact: input.entry.compiled, facts: input.facts });
    const choices = [...(input.choices ?? [])];
    return {
      entry: input.entry,
      space,
      history: startHistory({ choices, presetId: null }),
      summary: summariseDesign(input.entry, space, choices),
      conflict: null,
      focusedPart: null,
      sizeId: null,
      quantity: 1,
      announcement: '',
      lastExport: null,
      now: input.now ?? (() => new Date()),
    };
  },
  initial: 'editing',
  states: {
    editing: {
      tags: ['editable'],
      on: {
        'option.select': [
          { guard: 'isAvailable', actions: 'applyChoice' },
          { guard: 'isKnownOption', target: 'conflict', actions: 'openConflict' },
          { actions: 'announceUnknown' },
        ],
        'option.clear': { guard: 'isChosenByCustomer', actions: 'clearChoice' },
        'preset.apply': [{ guard: 'isKnownPreset', actions: 'applyPreset' }, { actions: 'announceUnknown' }],
        'history.undo': { guard: 'canUndo', actions: 'undo' },
        'history.redo': { guard: 'canRedo', actions: 'redo' },
        'design.reset': { guard: 'hasChoices', actions: 'reset' },
        'design.review': { target: 'reviewing' },
        'part.focus': { actions: 'focusPart' },
      },
    },
    conflict: {
      tags: ['editable'],
      on: {
        'conflict.accept': { guard: 'hasRepair', target: 'editing', actions: 'acceptRepair' },
        'conflict.cancel': { target: 'editing', actions: 'cancelConflict' },
        'part.focus': { actions: 'focusPart' },
      },
    },
    reviewing: {
      on: {
        'review.back': { target: 'editing' },
        'review.size': { guard: 'isKnownSize', actions: 'setSize' },
        'review.quantity': { guard: 'isValidQuantity', actions: 'setQuantity' },
        'order.export': { guard: 'hasSize', actions: ['exportOrder', 'emitExport'] },
        'part.focus': { actions: 'focusPart' },
      },
    },
  },
});
