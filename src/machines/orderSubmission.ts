import { checkEmailAddress, type DesignDocument, type ShippingAddressInput } from '../domain/index.ts';

/** Who the order is for, as typed in the checkout. */
export interface OrderContactInput {
  readonly name: string;
  readonly email: string;
}

/** A picture of the design captured from the preview, sent with the order. */
export interface PreviewImageInput {
  /** Which view it shows, e.g. `side`. */
  readonly view: string;
  /** `data:image/png;base64,…` */
  readonly dataUrl: string;
}

/**
 * One order as the configurator sends it to the server (`POST /api/orders`). The same
 * `idempotencyKey` is sent again on a retry, so a retry after a lost answer never orders twice.
 */
export interface OrderSubmission {
  readonly idempotencyKey: string;
  readonly body: {
    readonly design: DesignDocument;
    readonly size: { readonly eu: string };
    readonly quantity: number;
    readonly contact: OrderContactInput;
    /** Where the order goes, checked by `checkShippingAddress` here and again by the server. */
    readonly shippingAddress: ShippingAddressInput;
    /** The price the customer saw, in minor units; the server refuses the order when its own differs. */
    readonly clientPrice: { readonly unitTotal: number; readonly total: number; readonly currency: string };
    readonly previewImages: readonly PreviewImageInput[];
    /** The gallery design this one was remixed from, if any. */
    readonly remixOf?: string;
  };
}

/** What the confirmation shows of an order the server stored. */
export interface PlacedOrder {
  /** The id in the order's URL (`/api/orders/<id>`). */
  readonly id: string;
  /** What the customer quotes, e.g. `ATL-000042`. */
  readonly orderNumber: string;
  /** Minor units. */
  readonly total: number;
  readonly currency: string;
  readonly leadTimeDays: number;
  readonly email: string;
}

/**
 * Why an order was not placed, in words for the customer. `retryable` is true when sending the
 * same order again may work (the server could not be reached, or failed), false when the server
 * refused the order itself (the design or price no longer holds).
 */
export class OrderSubmissionError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'OrderSubmissionError';
  }
}

/** What is wrong with a contact, per field, in words for the customer; empty when it is fine. */
export function contactProblems(contact: OrderContactInput): { name?: string; email?: string } {
  const problems: { name?: string; email?: string } = {};
  const name = contact.name.trim();
  if (name.length === 0) problems.name = 'Enter the name to address the parcel to.';
  else if (name.length > 200) problems.name = `Shorten the name to 200 characters (it has ${name.length}).`;
  const email = contact.email.trim();
  const emailCheck = checkEmailAddress(email);
  if (email.length === 0) problems.email = 'Enter your email address: the order confirmation goes there.';
  else if (!emailCheck.ok) problems.email = `"${email}" is not an email address: ${emailCheck.reason}. It should look like name@example.com.`;
  return problems;
}
