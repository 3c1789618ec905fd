import { and, assign, emit, fromPromise, setup } from 'xstate';
import {
  attributeById, attributeDisplayName, compileRules, createDesignDocument, createOrderDocument, describeExplanation, describeRepair,
  explainUnavailable, formatMoney, MAX_QUANTITY, optionById, summariseDesign,
  type AttributeId, type CatalogEntry, type Choice, type ConfigurationSpace, type DesignSummary, type Explanation, type OptionId,
  artworkForDocument, checkShippingAddress, designBlockers, personalisationForDocument,
  type ArtworkMeta, type ShippingAddressInput, type Assignment, type OrderDocument, type PartId, type SessionFacts,
} from '../domain/index.ts';
import { recordChange, recordCoalescedChange, redo, setChoice, startHistory, undo, type DesignHistory } from './designHistory.ts';
import { checkoutProblems } from './checkoutProblems.ts';
import { describeChange } from './describeChange.ts';
import {
  orderRequestRefusal, OrderSubmissionError, type OrderContactInput, type OrderSubmission, type PlacedOrder, type PreviewImageInput,
} from './orderSubmission.ts';

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
  /** Checkout: who the order is for, as typed. */
  readonly contact: OrderContactInput;
  /** Checkout: where the order goes, as typed. */
  readonly address: ShippingAddressInput;
  /** True once the customer tried to place the order, so the checkout shows what is missing. */
  readonly checkoutAttempted: boolean;
  /**
   * How many attempts to place the order failed, here (something is missing) or at the shop: each
   * one moves focus to the first problem, so the count changes even when the problems do not.
   */
  readonly checkoutFailures: number;
  /**
   * The order being placed, kept unchanged for retries (same idempotency key, same body); cleared
   * whenever the design, size, quantity or contact changes, because that is a new order.
   */
  readonly submission: OrderSubmission | null;
  /** Why the last attempt to place the order failed; null when it did not. */
  readonly submitError: { readonly message: string; readonly retryable: boolean } | null;
  /** The order the server confirmed, shown until the customer starts a new design. */
  readonly placedOrder: PlacedOrder | null;
  /** The gallery design this session was remixed from; orders and submissions name it. */
  readonly remixOf: string | null;
  /** Artworks the customer uploaded this session (the shop stores them), by id. */
  readonly artworks: ReadonlyMap<string, ArtworkMeta>;
  readonly now: () => Date;
  readonly newIdempotencyKey: () => string;
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
  | { type: 'checkout.contact'; contact: OrderContactInput }
  | { type: 'checkout.address'; address: ShippingAddressInput }
  /** Places the order (or retries it: the same order is sent again). Images are taken the first time only. */
  | { type: 'order.submit'; previewImages?: readonly PreviewImageInput[] }
  | { type: 'design.new' }
  /** Types into a personalisation field (`key` = field id) or picks its style (`<field>.font`, `<field>.colour`). */
  | { type: 'personalisation.edit'; key: string; value: string }
  /** An artwork was uploaded (and inspected by the shop) for an artwork field: place it there. */
  | { type: 'artwork.attach'; field: string; artwork: ArtworkMeta }
  | { type: 'artwork.remove'; field: string }
  | { type: 'conflict.accept' }
  | { type: 'conflict.cancel' }
  | { type: 'part.focus'; partId: PartId | null };

/** Events a session emits to whoever listens (`actor.on(...)`). */
export type SessionEmitted = { type: 'order.exported'; order: OrderDocument } | { type: 'order.placed'; order: PlacedOrder };

/** What a session starts from. */
export interface SessionInput {
  readonly entry: CatalogEntry;
  /** The compiled rules; compiled from `entry` when absent. */
  readonly space?: ConfigurationSpace;
  /** Choices to start with (a shared or saved design), oldest first. */
  readonly choices?: readonly Choice[];
  /** Clock for order timestamps (tests pass a fixed one). */
  readonly now?: () => Date;
  /** The values of a shared or remixed design beyond `choices`: kept as suggestions. */
  readonly startedFrom?: Assignment;
  /** The gallery design this session remixes. */
  readonly remixOf?: string;
  /** New idempotency keys for orders (default `crypto.randomUUID()`). */
  readonly newIdempotencyKey?: () => string;
  /** What is known about the session (region, date): availability rules read it. Ignored when `space` is given. */
  readonly facts?: SessionFacts;
}

/** The context after the design changed: history moved, summary re-derived, change announced. */
function withHistory(context: SessionContext, history: DesignHistory, label: string): Partial<SessionContext> {
  if (history === context.history) return {};
  const summary = summariseDesign(context.entry, context.space, history.present.choices, suggestedBy(context.entry, history.present), history.present.personalisation, context.artworks);
  return { history, summary, conflict: null, lastExport: null, submission: null, announcement: describeChange(context.space, label, context.summary, summary) };
}

/** The values of the colourway (or shared design) the customer started from: suggestions the customer can override. */
function suggestedBy(entry: CatalogEntry, present: DesignHistory['present']): Readonly<Record<AttributeId, OptionId>> {
  if (present.presetId === null) return present.startedFrom ?? {};
  return entry.product.presets.find((preset) => preset.id === present.presetId)?.choices ?? {};
}

/** The design document of the session's current design. */
function currentDesign(context: SessionContext) {
  const { entry } = context;
  return createDesignDocument(
    entry.product.id, entry.rulesVersion, context.summary.resolved.assignment, context.history.present.choices.map((choice) => choice.attribute),
    { ...personalisationForDocument(context.summary.personalisation), ...artworkForDocument(context.summary.artwork) },
  );
}

/**
 * The body of the order to send: the one already sent when this is a retry (the server knows it
 * by its key), else the session's design, size, contact, address and price now.
 */
function submissionBody(context: SessionContext, previewImages: readonly PreviewImageInput[] | undefined): OrderSubmission['body'] {
  if (context.submission) return context.submission.body;
  const size = context.entry.product.sizes.find((candidate) => candidate.id === context.sizeId)!;
  const price = context.summary.price;
  return {
    design: currentDesign(context),
    size: { eu: size.eu },
    quantity: context.quantity,
    contact: { name: context.contact.name.trim(), email: context.contact.email.trim() },
    // canPlaceOrder checked it: the address is sent as the shop stores it.
    shippingAddress: (checkShippingAddress(context.address, context.entry.product.shipsTo ?? []) as { address: ShippingAddressInput }).address,
    clientPrice: { unitTotal: price.unitTotal, total: price.unitTotal * context.quantity, currency: price.currency },
    previewImages: [...(previewImages ?? [])],
    ...(context.remixOf ? { remixOf: context.remixOf } : {}),
  };
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
    hasSize: ({ context }) => context.sizeId !== null && designBlockers(context.summary).length === 0,
    canPlaceOrder: ({ context }) => checkoutProblems(context).length === 0,
    // The server's own schema: an order it would refuse for its shape is not sent.
    isSendableRequest: ({ context, event }) => event.type === 'order.submit' && orderRequestRefusal(submissionBody(context, event.previewImages)) === undefined,
    isKnownPersonalisation: ({ context, event }) =>
      event.type === 'personalisation.edit' && (
        context.summary.personalisation.some((status) => [status.field.id, `${status.field.id}.font`, `${status.field.id}.colour`].includes(event.key))
        || context.summary.artwork.some((status) => [`${status.field.id}.x`, `${status.field.id}.y`, `${status.field.id}.width`].includes(event.key))),
    isArtworkField: ({ context, event }) =>
      event.type === 'artwork.remove' && context.summary.artwork.some((status) => status.field.id === event.field),
    // Only where it is offered now: no artwork on a zone without a print method.
    isOfferedArtworkField: ({ context, event }) =>
      event.type === 'artwork.attach' && context.summary.artwork.some((status) => status.field.id === event.field && status.offered),
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
        delete draft.startedFrom;
      });
      return withHistory(context, history, label);
    }),
    openConflict: assign(({ context, event }) => {
      if (event.type !== 'option.select') return {};
      const explanation = explainUnavailable(
        context.space, context.entry.ruleSet, context.history.present.choices, { attribute: event.attribute, option: event.option },
        suggestedBy(context.entry, context.history.present),
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
        delete draft.startedFrom;
        delete draft.personalisation;
      });
      return withHistory(context, history, 'Started over from the suggested design');
    }),
    focusPart: assign(({ event }) => (event.type === 'part.focus' ? { focusedPart: event.partId } : {})),
    setSize: assign(({ context, event }) => {
      if (event.type !== 'review.size') return {};
      const size = context.entry.product.sizes.find((candidate) => candidate.id === event.sizeId)!;
      return { sizeId: size.id, submission: null, announcement: `Size ${size.label}` };
    }),
    setQuantity: assign(({ context, event }) => {
      if (event.type !== 'review.quantity') return {};
      return { quantity: event.quantity, submission: null, announcement: `Quantity ${event.quantity}, total ${formatMoney(context.summary.price.unitTotal * event.quantity, context.summary.price.currency)}` };
    }),
    exportOrder: assign(({ context }) => {
      const { entry } = context;
      const size = entry.product.sizes.find((candidate) => candidate.id === context.sizeId)!;
      const order = createOrderDocument(entry, currentDesign(context), size, context.quantity, context.now(), context.artworks);
      return { lastExport: order, announcement: 'Order exported: the file is downloading.' };
    }),
    emitExport: emit(({ context }) => ({ type: 'order.exported' as const, order: context.lastExport! })),
    setContact: assign(({ context, event }) => {
      if (event.type !== 'checkout.contact') return {};
      const unchanged = event.contact.name === context.contact.name && event.contact.email === context.contact.email;
      return unchanged ? {} : { contact: { name: event.contact.name, email: event.contact.email }, submission: null };
    }),
    setAddress: assign(({ context, event }) => {
      if (event.type !== 'checkout.address') return {};
      const { line1, line2, city, postalCode, country } = event.address;
      const address = { line1, line2, city, postalCode, country };
      const unchanged = (Object.keys(address) as (keyof ShippingAddressInput)[]).every((key) => address[key] === context.address[key]);
      return unchanged ? {} : { address, submission: null };
    }),
    markCheckoutAttempted: assign(({ context }) => {
      const problems = checkoutProblems(context);
      return {
        checkoutAttempted: true, checkoutFailures: context.checkoutFailures + 1,
        announcement: `The order was not placed: ${problems.length === 1 ? 'one problem stops it' : `${problems.length} problems stop it`}. ${problems.map((problem) => problem.message).join(' ')}`,
      };
    }),
    prepareSubmission: assign(({ context, event }) => {
      if (event.type !== 'order.submit') return {};
      // A retry sends the very same order again, so the server recognises it by its key.
      if (context.submission) return { checkoutAttempted: true, submitError: null, announcement: 'Placing your order again…' };
      const submission: OrderSubmission = { idempotencyKey: context.newIdempotencyKey(), body: submissionBody(context, event.previewImages) };
      return { submission, checkoutAttempted: true, submitError: null, announcement: 'Placing your order…' };
    }),
    refuseRequest: assign(({ context, event }) => {
      if (event.type !== 'order.submit') return {};
      const message = orderRequestRefusal(submissionBody(context, event.previewImages)) ?? 'The order cannot be sent.';
      return { checkoutAttempted: true, submitError: { message, retryable: false }, checkoutFailures: context.checkoutFailures + 1, announcement: message };
    }),
    recordPlacedOrder: assign(({ event }) => {
      const order = (event as unknown as { output: PlacedOrder }).output;
      return {
        placedOrder: order, submission: null, submitError: null,
        announcement: `Order ${order.orderNumber} sent to the shop: ${formatMoney(order.total, order.currency)}, made in ${order.leadTimeDays} days once the shop has confirmed it. The shop confirms it and asks for payment by email to ${order.email}.`,
      };
    }),
    emitPlaced: emit(({ context }) => ({ type: 'order.placed' as const, order: context.placedOrder! })),
    recordSubmitError: assign(({ context, event }) => {
      const error = (event as unknown as { error: unknown }).error;
      const submitError = error instanceof OrderSubmissionError
        ? { message: error.message, retryable: error.retryable }
        : { message: `The order could not be placed: ${error instanceof Error ? error.message : String(error)}.`, retryable: true };
      return { submitError, checkoutFailures: context.checkoutFailures + 1, announcement: `${submitError.message}${submitError.retryable ? ' You can try again.' : ''}` };
    }),
    startNewDesign: assign(({ context }) => {
      const history = startHistory({ choices: [], presetId: null });
      const summary = summariseDesign(context.entry, context.space, []);
      return { history, summary, placedOrder: null, submission: null, submitError: null, checkoutAttempted: false, quantity: 1, remixOf: null, focusedPart: null, announcement: 'Started a new design.' };
    }),
    editPersonalisation: assign(({ context, event }) => {
      if (event.type !== 'personalisation.edit') return {};
      const fieldId = event.key.split('.')[0]!;
      const field = [...context.summary.personalisation, ...context.summary.artwork].find((status) => status.field.id === fieldId)!.field;
      const style = event.key.slice(fieldId.length + 1);
      const label = style === '' ? field.label : `${field.label} ${style}`;
      const history = recordCoalescedChange(context.history, label, event.key, (draft) => {
        draft.personalisation = { ...(draft.personalisation ?? {}), [event.key]: event.value };
      });
      if (history === context.history) return {};
      const next = withHistory(context, history, label);
      // What the customer is typing is read back by the text box itself; announce only its problems.
      const text = next.summary!.personalisation.find((candidate) => candidate.field.id === fieldId);
      const artwork = next.summary!.artwork.find((candidate) => candidate.field.id === fieldId);
      const problems = text ? (text.check?.problems.map((problem) => problem.message) ?? []) : [...(artwork?.problems ?? []), ...(artwork?.warnings ?? [])];
      return { ...next, announcement: style === '' || artwork ? problems.join(' ') || next.announcement! : next.announcement! };
    }),
    attachArtwork: assign(({ context, event }) => {
      if (event.type !== 'artwork.attach') return {};
      const field = context.summary.artwork.find((status) => status.field.id === event.field)!.field;
      const artworks = new Map(context.artworks).set(event.artwork.id, event.artwork);
      const label = `${field.label} added`;
      const history = recordChange(context.history, label, (draft) => {
        const values = { ...(draft.personalisation ?? {}) };
        for (const key of [`${field.id}.x`, `${field.id}.y`, `${field.id}.width`]) delete values[key];
        values[field.id] = event.artwork.id;
        draft.personalisation = values;
      });
      const next = withHistory({ ...context, artworks }, history, label);
      const status = next.summary?.artwork.find((candidate) => candidate.field.id === field.id);
      const said = [...(status?.problems ?? []), ...(status?.warnings ?? [])].join(' ');
      return { ...next, artworks, announcement: `${label}.${said ? ` ${said}` : ''}` };
    }),
    removeArtwork: assign(({ context, event }) => {
      if (event.type !== 'artwork.remove') return {};
      const field = context.summary.artwork.find((status) => status.field.id === event.field)!.field;
      const label = `${field.label} removed`;
      const history = recordChange(context.history, label, (draft) => {
        const values = { ...(draft.personalisation ?? {}) };
        for (const key of [field.id, `${field.id}.x`, `${field.id}.y`, `${field.id}.width`]) delete values[key];
        draft.personalisation = values;
      });
      return withHistory(context, history, label);
    }),
    announceUnknown: assign(({ event }) => ({ announcement: `Ignored ${event.type}: it names something this product does not have.` })),
  },
  actors: {
    /**
     * Sends an order to the shop. The configurator's views provide the HTTP client
     * (`configuratorMachine.provide({ actors: { placeOrder } })`); without one, ordering says so.
     */
    placeOrder: fromPromise<PlacedOrder, OrderSubmission>(() =>
      Promise.reject(new OrderSubmissionError('Ordering is not connected in this configurator: export the order file instead.', false))),
  },
}).createMachine({
  id: 'configurator',
  context: ({ input }) => {
    const space = input.space ?? compileRules(input.entry.product, input.entry.ruleSet, { artifact: input.entry.compiled, facts: input.facts });
    const choices = [...(input.choices ?? [])];
    const present = input.startedFrom ? { choices, presetId: null, startedFrom: { ...input.startedFrom } } : { choices, presetId: null };
    return {
      entry: input.entry,
      space,
      history: startHistory(present),
      summary: summariseDesign(input.entry, space, choices, input.startedFrom ?? {}),
      conflict: null,
      focusedPart: null,
      sizeId: null,
      quantity: 1,
      announcement: '',
      lastExport: null,
      contact: { name: '', email: '' },
      address: { line1: '', line2: '', city: '', postalCode: '', country: '' },
      checkoutAttempted: false,
      checkoutFailures: 0,
      submission: null,
      submitError: null,
      placedOrder: null,
      remixOf: input.remixOf ?? null,
      artworks: new Map(),
      now: input.now ?? (() => new Date()),
      newIdempotencyKey: input.newIdempotencyKey ?? (() => crypto.randomUUID()),
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
        'personalisation.edit': [{ guard: 'isKnownPersonalisation', actions: 'editPersonalisation' }, { actions: 'announceUnknown' }],
        'artwork.attach': [{ guard: 'isOfferedArtworkField', actions: 'attachArtwork' }, { actions: 'announceUnknown' }],
        'artwork.remove': { guard: 'isArtworkField', actions: 'removeArtwork' },
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
      initial: 'details',
      on: {
        'part.focus': { actions: 'focusPart' },
      },
      states: {
        details: {
          on: {
            'review.back': { target: '#configurator.editing' },
            'review.size': { guard: 'isKnownSize', actions: 'setSize' },
            'review.quantity': { guard: 'isValidQuantity', actions: 'setQuantity' },
            'checkout.contact': { actions: 'setContact' },
            'checkout.address': { actions: 'setAddress' },
            'order.export': { guard: 'hasSize', actions: ['exportOrder', 'emitExport'] },
            'order.submit': [
              { guard: and(['canPlaceOrder', 'isSendableRequest']), target: 'submitting', actions: 'prepareSubmission' },
              { guard: 'canPlaceOrder', actions: 'refuseRequest' },
              { actions: 'markCheckoutAttempted' },
            ],
          },
        },
        // Nothing about the order may change while it is on its way.
        submitting: {
          tags: ['busy'],
          invoke: {
            src: 'placeOrder',
            input: ({ context }) => context.submission!,
            onDone: { target: '#configurator.ordered', actions: ['recordPlacedOrder', 'emitPlaced'] },
            onError: { target: 'details', actions: 'recordSubmitError' },
          },
        },
      },
    },
    ordered: {
      on: {
        'design.new': { target: 'editing', actions: 'startNewDesign' },
        'part.focus': { actions: 'focusPart' },
      },
    },
  },
});
