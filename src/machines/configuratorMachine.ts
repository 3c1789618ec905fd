import { and, assertEvent, assign, emit, fromPromise, not, sendTo, setup, spawnChild, stopChild } from 'xstate';
import { compileRules, summariseDesign } from '../domain/index.ts';
import {
  ArtworkUploadError, fileTooLarge, uploadActorId, uploadedField, uploadFailure, withUpload,
  type ArtworkUploadEvent, type ArtworkUploadInput, type UploadedArtwork,
} from './artworkUploads.ts';
import { checkoutMachine, type CheckoutReport } from './checkoutMachine.ts';
import {
  acceptRepair, applyPreset, attachArtwork, checkoutDesign, chooseOption, clearChoice, editPersonalisation, isPersonalisationKey,
  openConflict, redoChange, removeArtwork, resetDesign, startNewDesign, undoChange,
} from './designEdits.ts';
import { startHistory } from './designHistory.ts';
import { adoptRulesVersion, factsOf, type CatalogCheckEvent, type CatalogCheckInput, type CatalogCheckOutput } from './rulesUpdate.ts';
import type { SessionContext, SessionEmitted, SessionEvent, SessionInput } from './sessionContext.ts';

export type { Conflict, SessionContext, SessionEmitted, SessionEvent, SessionInput } from './sessionContext.ts';

/** The review's events, which the session hands to its checkout. */
const CHECKOUT_EVENTS = ['review.size', 'review.quantity', 'checkout.contact', 'checkout.address', 'order.export', 'order.submit'] as const;

/**
 * A customer's configurator session: choosing options (conflicts explained and repaired), presets,
 * undo/redo, personal text and artwork (uploaded through the `uploadArtwork` actor), and the review,
 * whose checkout is a child machine. Every rule question is answered by the domain; the machine
 * only orchestrates.
 */
export const configuratorMachine = setup({
  types: {} as { context: SessionContext; events: SessionEvent | CheckoutReport | ArtworkUploadEvent | CatalogCheckEvent; input: SessionInput; emitted: SessionEmitted },
  guards: {
    isAvailable: ({ context, event }) => {
      assertEvent(event, 'option.select');
      return context.summary.attributes.get(event.attribute)?.options.some((status) => status.option.id === event.option && status.available) === true;
    },
    isKnownOption: ({ context, event }) => {
      assertEvent(event, 'option.select');
      return context.summary.attributes.get(event.attribute)?.options.some((status) => status.option.id === event.option) === true;
    },
    hasRepair: ({ context }) => context.conflict?.explanation.repair !== undefined,
    canUndo: ({ context }) => context.history.past.length > 0,
    canRedo: ({ context }) => context.history.future.length > 0,
    hasChoices: ({ context }) => context.history.present.choices.length > 0 || context.history.present.presetId !== null,
    isChosenByCustomer: ({ context, event }) => {
      assertEvent(event, 'option.clear');
      return context.history.present.choices.some((choice) => choice.attribute === event.attribute);
    },
    isKnownPreset: ({ context, event }) => {
      assertEvent(event, 'preset.apply');
      return context.entry.product.presets.some((preset) => preset.id === event.presetId);
    },
    isKnownPersonalisation: ({ context, event }) => {
      assertEvent(event, 'personalisation.edit');
      return isPersonalisationKey(context.summary, event.key);
    },
    isArtworkField: ({ context, event }) => {
      assertEvent(event, ['artwork.remove', 'artwork.upload', 'artwork.attach']);
      return context.summary.artwork.some((status) => status.field.id === event.field);
    },
    // Only where it is offered now: no artwork on a zone without a print method.
    isOfferedArtworkField: ({ context, event }) => {
      assertEvent(event, ['artwork.upload', 'artwork.attach']);
      return context.summary.artwork.some((status) => status.field.id === event.field && status.offered);
    },
    isUploading: ({ context, event }) => {
      assertEvent(event, 'artwork.upload');
      return context.uploads.get(event.field)?.state === 'uploading';
    },
    isFileTooLarge: ({ event }) => {
      assertEvent(event, 'artwork.upload');
      return fileTooLarge(event.file) !== undefined;
    },
    checkoutAccepts: ({ context, event }) => {
      assertEvent(event, CHECKOUT_EVENTS);
      return context.checkout.getSnapshot().can(event);
    },
    checkoutIsIdle: ({ context }) => !context.checkout.getSnapshot().hasTag('busy'),
    canCheckCatalog: ({ context }) => context.watchesCatalog && context.catalogCheck === 'idle',
    watchesCatalog: ({ context }) => context.watchesCatalog,
    foundNewRules: ({ context, event }) => {
      assertEvent(event, 'xstate.done.actor.catalogCheck');
      return event.output !== null && event.output.entry.rulesVersion !== context.entry.rulesVersion;
    },
    hasOrderAfterCheck: ({ context }) => context.orderAfterCheck !== null,
  },
  actions: {
    applyChoice: assign(({ context, event }) => {
      assertEvent(event, 'option.select');
      return chooseOption(context, { attribute: event.attribute, option: event.option });
    }),
    clearChoice: assign(({ context, event }) => {
      assertEvent(event, 'option.clear');
      return clearChoice(context, event.attribute);
    }),
    applyPreset: assign(({ context, event }) => {
      assertEvent(event, 'preset.apply');
      return applyPreset(context, event.presetId);
    }),
    openConflict: assign(({ context, event }) => {
      assertEvent(event, 'option.select');
      return openConflict(context, { attribute: event.attribute, option: event.option });
    }),
    acceptRepair: assign(({ context }) => acceptRepair(context)),
    cancelConflict: assign({ conflict: null, announcement: 'Kept your design as it was.' }),
    undo: assign(({ context }) => undoChange(context)),
    redo: assign(({ context }) => redoChange(context)),
    reset: assign(({ context }) => resetDesign(context)),
    focusPart: assign(({ event }) => {
      assertEvent(event, 'part.focus');
      return { focusedPart: event.partId };
    }),
    editPersonalisation: assign(({ context, event }) => {
      assertEvent(event, 'personalisation.edit');
      return editPersonalisation(context, event.key, event.value);
    }),
    attachArtwork: assign(({ context, event }) => {
      assertEvent(event, 'artwork.attach');
      return attachArtwork(context, event.field, event.artwork);
    }),
    removeArtwork: assign(({ context, event }) => {
      assertEvent(event, 'artwork.remove');
      return { ...removeArtwork(context, event.field), uploads: withUpload(context.uploads, event.field, undefined) };
    }),
    // A file still on its way for the field is abandoned: its answer must not bring the artwork back.
    stopUpload: stopChild(({ event }) => {
      assertEvent(event, 'artwork.remove');
      return uploadActorId(event.field);
    }),
    refuseFile: assign(({ context, event }) => {
      assertEvent(event, 'artwork.upload');
      const message = fileTooLarge(event.file)!;
      return { uploads: withUpload(context.uploads, event.field, { state: 'failed', message }), announcement: message };
    }),
    markUploading: assign(({ context, event }) => {
      assertEvent(event, 'artwork.upload');
      return { uploads: withUpload(context.uploads, event.field, { state: 'uploading', fileName: event.file.name }), announcement: `Uploading ${event.file.name}…` };
    }),
    startUpload: spawnChild('uploadArtwork', {
      id: ({ event }) => {
        assertEvent(event, 'artwork.upload');
        return uploadActorId(event.field);
      },
      input: ({ event }) => {
        assertEvent(event, 'artwork.upload');
        return { field: event.field, file: event.file };
      },
    }),
    placeUpload: assign(({ context, event }) => {
      assertEvent(event, 'xstate.done.actor.upload.*');
      const field = uploadedField(event);
      // Only the upload the field is waiting for is placed.
      if (context.uploads.get(field)?.state !== 'uploading') return {};
      const uploads = withUpload(context.uploads, field, { state: 'uploaded', warnings: event.output.warnings });
      // The zone may have lost its print method while the file was on its way.
      const offered = context.summary.artwork.some((status) => status.field.id === field && status.offered);
      return offered ? { ...attachArtwork(context, field, event.output.artwork), uploads } : { uploads };
    }),
    recordUploadFailure: assign(({ context, event }) => {
      assertEvent(event, 'xstate.error.actor.upload.*');
      if (context.uploads.get(uploadedField(event))?.state !== 'uploading') return {};
      const message = uploadFailure(event.error);
      return { uploads: withUpload(context.uploads, uploadedField(event), { state: 'failed', message }), announcement: message };
    }),
    sendDesignToCheckout: sendTo(({ context }) => context.checkout, ({ context }) => ({ type: 'checkout.design' as const, design: checkoutDesign(context), entry: context.entry })),
    forwardToCheckout: sendTo(({ context }) => context.checkout, ({ event }) => {
      assertEvent(event, CHECKOUT_EVENTS);
      return event;
    }),
    restartCheckout: sendTo(({ context }) => context.checkout, { type: 'checkout.restart' as const }),
    hearCheckout: assign(({ event }) => {
      assertEvent(event, 'checkout.said');
      return { announcement: event.announcement };
    }),
    emitExport: emit(({ event }) => {
      assertEvent(event, 'checkout.exported');
      return { type: 'order.exported' as const, order: event.order };
    }),
    emitPlaced: emit(({ event }) => {
      assertEvent(event, 'checkout.placed');
      return { type: 'order.placed' as const, order: event.order };
    }),
    startNewDesign: assign(({ context }) => startNewDesign(context)),
    startCatalogCheck: spawnChild('checkCatalog', {
      id: 'catalogCheck',
      input: ({ context }): CatalogCheckInput => ({ productId: context.entry.product.id, rulesVersion: context.entry.rulesVersion }),
    }),
    markCatalogChecking: assign({ catalogCheck: 'checking' as const }),
    finishCatalogCheck: assign({ catalogCheck: 'idle' as const }),
    adoptRules: assign(({ context, event }) => {
      assertEvent(event, 'xstate.done.actor.catalogCheck');
      return adoptRulesVersion(context, event.output!.entry);
    }),
    holdOrder: assign(({ event }) => {
      assertEvent(event, 'order.submit');
      return { orderAfterCheck: event };
    }),
    // The customer sees what the new rules changed and reviews it before ordering again.
    dropHeldOrder: assign({ orderAfterCheck: null }),
    sendHeldOrder: sendTo(({ context }) => context.checkout, ({ context }) => context.orderAfterCheck!),
    announceUnknown: assign(({ event }) => ({ announcement: `Ignored ${event.type}: it names something this product does not have.` })),
  },
  actors: {
    checkout: checkoutMachine,
    /**
     * Uploads an artwork file to the shop, which inspects and stores it. The views provide the HTTP
     * client (`configuratorMachine.provide({ actors: { uploadArtwork } })`); without one, uploading says so.
     */
    uploadArtwork: fromPromise<UploadedArtwork, ArtworkUploadInput>(() =>
      Promise.reject(new ArtworkUploadError('Uploading artwork is not connected in this configurator.'))),
    /**
     * Asks the shop whether it serves newer rules for the product than `rulesVersion`: the newer
     * entry, or null. The views provide the HTTP client; without one there is never anything new.
     */
    checkCatalog: fromPromise<CatalogCheckOutput, CatalogCheckInput>(() => Promise.resolve(null)),
  },
}).createMachine({
  id: 'configurator',
  context: ({ input, spawn }) => {
    const space = input.space ?? compileRules(input.entry.product, input.entry.ruleSet, { artifact: input.entry.compiled, facts: input.facts });
    const choices = [...(input.choices ?? [])];
    const present = input.startedFrom ? { choices, presetId: null, startedFrom: { ...input.startedFrom } } : { choices, presetId: null };
    const history = startHistory(present);
    const summary = summariseDesign(input.entry, space, choices, input.startedFrom ?? {});
    const artworks = new Map();
    const remixOf = input.remixOf ?? null;
    return {
      entry: input.entry,
      space,
      history,
      summary,
      conflict: null,
      focusedPart: null,
      announcement: '',
      remixOf,
      artworks,
      uploads: new Map(),
      ...factsOf(input.facts),
      watchesCatalog: input.watchCatalog === true,
      catalogCheck: 'idle' as const,
      orderAfterCheck: null,
      rulesUpdate: null,
      // Spawned once, so what the customer typed at the checkout survives going back to the design.
      checkout: spawn('checkout', {
        id: 'checkout',
        input: {
          entry: input.entry,
          design: checkoutDesign({ entry: input.entry, summary, history, artworks, remixOf }),
          now: input.now ?? (() => new Date()),
          newIdempotencyKey: input.newIdempotencyKey ?? (() => crypto.randomUUID()),
        },
      }),
    };
  },
  on: {
    'checkout.said': { actions: 'hearCheckout' },
    'checkout.exported': { actions: 'emitExport' },
    'xstate.done.actor.upload.*': { actions: 'placeUpload' },
    'xstate.error.actor.upload.*': { actions: 'recordUploadFailure' },
    'part.focus': { actions: 'focusPart' },
    'catalog.check': { guard: 'canCheckCatalog', actions: ['markCatalogChecking', 'startCatalogCheck'] },
    'xstate.done.actor.catalogCheck': [
      { guard: 'foundNewRules', actions: ['finishCatalogCheck', 'adoptRules'] },
      { actions: 'finishCatalogCheck' },
    ],
    // A failed check changes nothing: the next one (in a minute, or before the order) asks again.
    'xstate.error.actor.catalogCheck': { actions: 'finishCatalogCheck' },
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
        'personalisation.edit': [{ guard: 'isKnownPersonalisation', actions: 'editPersonalisation' }, { actions: 'announceUnknown' }],
        'artwork.upload': [
          { guard: not('isOfferedArtworkField'), actions: 'announceUnknown' },
          { guard: 'isUploading' },
          { guard: 'isFileTooLarge', actions: 'refuseFile' },
          { actions: ['markUploading', 'startUpload'] },
        ],
        'artwork.attach': [{ guard: 'isOfferedArtworkField', actions: 'attachArtwork' }, { actions: 'announceUnknown' }],
        'artwork.remove': { guard: 'isArtworkField', actions: ['stopUpload', 'removeArtwork'] },
      },
    },
    conflict: {
      tags: ['editable'],
      on: {
        'conflict.accept': { guard: 'hasRepair', target: 'editing', actions: 'acceptRepair' },
        'conflict.cancel': { target: 'editing', actions: 'cancelConflict' },
        // The conflict was explained under the old rules: the design carried to the new ones is edited afresh.
        'xstate.done.actor.catalogCheck': [
          { guard: 'foundNewRules', target: 'editing', actions: ['finishCatalogCheck', 'adoptRules'] },
          { actions: 'finishCatalogCheck' },
        ],
      },
    },
    // The checkout (a child) takes the review's events; nothing about the design changes here.
    reviewing: {
      entry: 'sendDesignToCheckout',
      on: {
        'review.back': { guard: 'checkoutIsIdle', target: 'editing' },
        ...Object.fromEntries(CHECKOUT_EVENTS.map((type) => [type, { guard: 'checkoutAccepts', actions: 'forwardToCheckout' }] as const)),
        // Before an order, the shop is asked whether it published new rules: the order is sent
        // once the design is known to be under the current ones.
        'order.submit': [
          { guard: and(['checkoutAccepts', 'canCheckCatalog']), actions: ['holdOrder', 'markCatalogChecking', 'startCatalogCheck'] },
          { guard: and(['checkoutAccepts', 'watchesCatalog']), actions: 'holdOrder' },
          { guard: 'checkoutAccepts', actions: 'forwardToCheckout' },
        ],
        'xstate.done.actor.catalogCheck': [
          { guard: 'foundNewRules', actions: ['finishCatalogCheck', 'adoptRules', 'dropHeldOrder', 'sendDesignToCheckout'] },
          { guard: 'hasOrderAfterCheck', actions: ['finishCatalogCheck', 'sendHeldOrder', 'dropHeldOrder'] },
          { actions: 'finishCatalogCheck' },
        ],
        // The shop could not be asked: the order goes as it is (the shop still accepts it under the rules it was made with).
        'xstate.error.actor.catalogCheck': [
          { guard: 'hasOrderAfterCheck', actions: ['finishCatalogCheck', 'sendHeldOrder', 'dropHeldOrder'] },
          { actions: 'finishCatalogCheck' },
        ],
        'checkout.placed': { target: 'ordered', actions: 'emitPlaced' },
      },
    },
    ordered: {
      on: {
        'design.new': { target: 'editing', actions: ['startNewDesign', 'restartCheckout'] },
        // The order is placed: the next check after a new design takes up the new rules.
        'xstate.done.actor.catalogCheck': { actions: 'finishCatalogCheck' },
      },
    },
  },
});
