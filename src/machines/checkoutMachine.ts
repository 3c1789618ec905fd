import { and, assertEvent, assign, fromPromise, sendParent, setup } from 'xstate';
import {
  checkShippingAddress, createOrderDocument, designBlockers, formatMoney, MAX_QUANTITY, orderTotal,
  type ArtworkMeta, type CatalogEntry, type DesignDocument, type DesignSummary, type OrderBlocker, type OrderDocument, type ShippingAddressInput,
} from '../domain/index.ts';
import { checkoutProblems } from './checkoutProblems.ts';
import {
  orderRequestRefusal, OrderSubmissionError, type OrderContactInput, type OrderSubmission, type PlacedOrder, type PreviewImageInput,
} from './orderSubmission.ts';

/** The design under review, as the session hands it to its checkout. */
export interface CheckoutDesign {
  readonly document: DesignDocument;
  readonly summary: Pick<DesignSummary, 'personalisation' | 'artwork' | 'price'>;
  /** Artworks the customer uploaded this session, by id (an order names what they are). */
  readonly artworks: ReadonlyMap<string, ArtworkMeta>;
  /** The gallery design this one remixes; orders name it. */
  readonly remixOf: string | null;
}

/** Everything a checkout holds. */
export interface CheckoutContext {
  readonly entry: CatalogEntry;
  readonly design: CheckoutDesign;
  readonly sizeId: string | null;
  readonly quantity: number;
  /** Who the order is for, as typed. */
  readonly contact: OrderContactInput;
  /** Where the order goes, as typed. */
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
  /** The order the shop confirmed, until the customer starts a new design. */
  readonly placedOrder: PlacedOrder | null;
  readonly lastExport: OrderDocument | null;
  readonly now: () => Date;
  readonly newIdempotencyKey: () => string;
}

/** Events a checkout accepts: the review's fields and buttons, and the session's hand-overs. */
export type CheckoutEvent =
  | { type: 'review.size'; sizeId: string }
  | { type: 'review.quantity'; quantity: number }
  | { type: 'checkout.contact'; contact: OrderContactInput }
  | { type: 'checkout.address'; address: ShippingAddressInput }
  | { type: 'order.export' }
  /** Places the order (or retries it: the same order is sent again). Images are taken the first time only. */
  | { type: 'order.submit'; previewImages?: readonly PreviewImageInput[] }
  /**
   * The session: this is the design under review (sent each time the review opens), and the
   * entry it is made under when the shop published new rules since.
   */
  | { type: 'checkout.design'; design: CheckoutDesign; entry?: CatalogEntry }
  /** The session: a new design after an order; who and where stay. */
  | { type: 'checkout.restart' };

/** What a checkout tells the session: words for the live region, an exported order, a placed one. */
export type CheckoutReport =
  | { type: 'checkout.said'; announcement: string }
  | { type: 'checkout.exported'; order: OrderDocument }
  | { type: 'checkout.placed'; order: PlacedOrder };

/** What a checkout starts from. */
export interface CheckoutInput {
  readonly entry: CatalogEntry;
  readonly design: CheckoutDesign;
  readonly now: () => Date;
  readonly newIdempotencyKey: () => string;
}

/** Every problem that stops this checkout's order (see {@link checkoutProblems}). */
export function problemsOf(context: CheckoutContext): OrderBlocker[] {
  return checkoutProblems({ ...context, summary: context.design.summary });
}

function sameDesign(a: CheckoutDesign, b: CheckoutDesign): boolean {
  return a.remixOf === b.remixOf && JSON.stringify(a.document) === JSON.stringify(b.document);
}

function sizeOf(context: CheckoutContext) {
  return context.entry.product.sizes.find((size) => size.id === context.sizeId);
}

/** The order's body from what the customer chose and typed. */
function newBody(context: CheckoutContext, previewImages: readonly PreviewImageInput[]): OrderSubmission['body'] {
  const { design, contact } = context;
  // canPlaceOrder checked the address and the size: they are sent as the shop stores them.
  const address = checkShippingAddress(context.address, context.entry.product.shipsTo ?? []);
  return {
    design: design.document,
    size: { id: sizeOf(context)!.id },
    quantity: context.quantity,
    contact: { name: contact.name.trim(), email: contact.email.trim() },
    shippingAddress: address.ok ? address.address : context.address,
    clientPrice: orderTotal(design.summary.price, context.quantity),
    previewImages: [...previewImages],
    ...(design.remixOf ? { remixOf: design.remixOf } : {}),
  };
}

function newSubmission(context: CheckoutContext, previewImages: readonly PreviewImageInput[]): OrderSubmission {
  return { idempotencyKey: context.newIdempotencyKey(), body: newBody(context, previewImages) };
}

/** The body the next attempt sends: the prepared one on a retry, else a new one. */
function bodyToSend(context: CheckoutContext, previewImages: readonly PreviewImageInput[]): OrderSubmission['body'] {
  return context.submission?.body ?? newBody(context, previewImages);
}

function said(announcement: string): CheckoutReport {
  return { type: 'checkout.said', announcement };
}

/**
 * The checkout of a configurator session (its child, spawned once so that what the customer
 * typed survives going back to the design): size, quantity, contact, address, export, and placing
 * the order through the `placeOrder` actor the views provide. The order sent is built once, with a
 * new idempotency key, and sent unchanged on every retry; a change of design, size, quantity or
 * contact makes the next attempt a new order. It reports to the session what to announce and
 * when an order was exported or placed.
 */
export const checkoutMachine = setup({
  types: {} as { context: CheckoutContext; events: CheckoutEvent; input: CheckoutInput },
  guards: {
    isKnownSize: ({ context, event }) => {
      assertEvent(event, 'review.size');
      return context.entry.product.sizes.some((size) => size.id === event.sizeId);
    },
    isValidQuantity: ({ event }) => {
      assertEvent(event, 'review.quantity');
      return Number.isInteger(event.quantity) && event.quantity >= 1 && event.quantity <= MAX_QUANTITY;
    },
    hasSize: ({ context }) => context.sizeId !== null,
    designCanBeMade: ({ context }) => designBlockers(context.design.summary).length === 0,
    canPlaceOrder: ({ context }) => problemsOf(context).length === 0,
    // The server's own schema: an order it would refuse for its shape is not sent.
    isSendableRequest: ({ context, event }) => {
      assertEvent(event, 'order.submit');
      return orderRequestRefusal(bodyToSend(context, event.previewImages ?? [])) === undefined;
    },
  },
  actions: {
    setDesign: assign(({ context, event }) => {
      assertEvent(event, 'checkout.design');
      const entry = event.entry ?? context.entry;
      if (sameDesign(context.design, event.design)) return { design: event.design, entry };
      return { design: event.design, entry, submission: null, lastExport: null };
    }),
    setSize: assign(({ event }) => {
      assertEvent(event, 'review.size');
      return { sizeId: event.sizeId, submission: null };
    }),
    saySize: sendParent(({ context }) => said(`Size ${sizeOf(context)!.label}`)),
    setQuantity: assign(({ event }) => {
      assertEvent(event, 'review.quantity');
      return { quantity: event.quantity, submission: null };
    }),
    sayQuantity: sendParent(({ context }) => {
      const { total, currency } = orderTotal(context.design.summary.price, context.quantity);
      return said(`Quantity ${context.quantity}, total ${formatMoney(total, currency)}`);
    }),
    setContact: assign(({ context, event }) => {
      assertEvent(event, 'checkout.contact');
      const { name, email } = event.contact;
      return name === context.contact.name && email === context.contact.email ? {} : { contact: { name, email }, submission: null };
    }),
    setAddress: assign(({ context, event }) => {
      assertEvent(event, 'checkout.address');
      const { line1, line2, city, postalCode, country } = event.address;
      const address = { line1, line2, city, postalCode, country };
      const unchanged = (Object.keys(address) as (keyof ShippingAddressInput)[]).every((key) => address[key] === context.address[key]);
      return unchanged ? {} : { address, submission: null };
    }),
    exportOrder: assign(({ context }) => ({
      lastExport: createOrderDocument(context.entry, context.design.document, sizeOf(context)!, context.quantity, context.now(), context.design.artworks),
    })),
    reportExport: sendParent(({ context }): CheckoutReport => ({ type: 'checkout.exported', order: context.lastExport! })),
    sayExported: sendParent(said('Order exported: the file is downloading.')),
    markAttempted: assign(({ context }) => ({ checkoutAttempted: true, checkoutFailures: context.checkoutFailures + 1 })),
    sayProblems: sendParent(({ context }) => {
      const problems = problemsOf(context);
      const count = problems.length === 1 ? 'one problem stops it' : `${problems.length} problems stop it`;
      return said(`The order was not placed: ${count}. ${problems.map((problem) => problem.message).join(' ')}`);
    }),
    prepareSubmission: assign(({ context, event }) => {
      assertEvent(event, 'order.submit');
      // A retry sends the very same order again, so the shop recognises it by its key.
      const submission = context.submission ?? newSubmission(context, event.previewImages ?? []);
      return { submission, checkoutAttempted: true, submitError: null };
    }),
    // Said before the submission is prepared: an order already prepared is a retry.
    saySending: sendParent(({ context }) => said(context.submission ? 'Placing your order again…' : 'Placing your order…')),
    recordPlaced: assign((_, { order }: { order: PlacedOrder }) => ({ placedOrder: order, submission: null, submitError: null })),
    reportPlaced: sendParent(({ context }): CheckoutReport => ({ type: 'checkout.placed', order: context.placedOrder! })),
    sayPlaced: sendParent(({ context }) => {
      const order = context.placedOrder!;
      return said(`Order ${order.orderNumber} sent to the shop: ${formatMoney(order.total, order.currency)}, made in ${order.leadTimeDays} days once the shop has confirmed it. The shop confirms it and asks for payment by email to ${order.email}.`);
    }),
    recordFailure: assign(({ context }, { error }: { error: unknown }) => {
      const submitError = error instanceof OrderSubmissionError
        ? { message: error.message, retryable: error.retryable }
        : { message: `The order could not be placed: ${error instanceof Error ? error.message : String(error)}.`, retryable: true };
      return { submitError, checkoutFailures: context.checkoutFailures + 1 };
    }),
    refuseRequest: assign(({ context, event }) => {
      assertEvent(event, 'order.submit');
      const message = orderRequestRefusal(bodyToSend(context, event.previewImages ?? [])) ?? 'The order cannot be sent.';
      return { checkoutAttempted: true, submitError: { message, retryable: false }, checkoutFailures: context.checkoutFailures + 1 };
    }),
    sayFailure: sendParent(({ context }) => said(`${context.submitError!.message}${context.submitError!.retryable ? ' You can try again.' : ''}`)),
    restart: assign({ placedOrder: null, submission: null, submitError: null, checkoutAttempted: false, quantity: 1, lastExport: null }),
  },
  actors: {
    /**
     * Sends an order to the shop. The views provide the HTTP client
     * (`checkoutMachine.provide({ actors: { placeOrder } })`); without one, ordering says so.
     */
    placeOrder: fromPromise<PlacedOrder, OrderSubmission>(() =>
      Promise.reject(new OrderSubmissionError('Ordering is not connected in this configurator: export the order file instead.', false))),
  },
}).createMachine({
  id: 'checkout',
  context: ({ input }) => ({
    entry: input.entry,
    design: input.design,
    sizeId: null,
    quantity: 1,
    contact: { name: '', email: '' },
    address: { line1: '', line2: '', city: '', postalCode: '', country: '' },
    checkoutAttempted: false,
    checkoutFailures: 0,
    submission: null,
    submitError: null,
    placedOrder: null,
    lastExport: null,
    now: input.now,
    newIdempotencyKey: input.newIdempotencyKey,
  }),
  initial: 'details',
  states: {
    details: {
      on: {
        'checkout.design': { actions: 'setDesign' },
        'review.size': { guard: 'isKnownSize', actions: ['setSize', 'saySize'] },
        'review.quantity': { guard: 'isValidQuantity', actions: ['setQuantity', 'sayQuantity'] },
        'checkout.contact': { actions: 'setContact' },
        'checkout.address': { actions: 'setAddress' },
        'order.export': { guard: and(['hasSize', 'designCanBeMade']), actions: ['exportOrder', 'reportExport', 'sayExported'] },
        'order.submit': [
          { guard: and(['canPlaceOrder', 'isSendableRequest']), target: 'submitting', actions: ['saySending', 'prepareSubmission'] },
          { guard: 'canPlaceOrder', actions: ['refuseRequest', 'sayFailure'] },
          { actions: ['markAttempted', 'sayProblems'] },
        ],
      },
    },
    // Nothing about the order may change while it is on its way.
    submitting: {
      tags: ['busy'],
      invoke: {
        id: 'placeOrder',
        src: 'placeOrder',
        input: ({ context }) => context.submission!,
        onDone: { target: 'placed', actions: [{ type: 'recordPlaced', params: ({ event }) => ({ order: event.output }) }, 'reportPlaced', 'sayPlaced'] },
        onError: { target: 'details', actions: [{ type: 'recordFailure', params: ({ event }) => ({ error: event.error }) }, 'sayFailure'] },
      },
    },
    placed: {
      on: { 'checkout.restart': { target: 'details', actions: 'restart' } },
    },
  },
});
