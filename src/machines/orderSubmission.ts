import * as v from 'valibot';
import { checkEmailAddress, type DesignDocument, type ShippingAddressInput } from '../domain/index.ts';
import { checkContactName, customerRefusal, DEFAULT_REQUEST_LIMITS, MAX_CONTACT_NAME_LENGTH, orderRequestSchema, requestProblems } from '../domain/requests/index.ts';

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
    /** The product's size id (`eu-42`, `letter-m`). */
    readonly size: { readonly id: string };
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

/**
 * What is wrong with a contact, per field, in words for the customer; empty when it is fine. The
 * rules are the server's: the domain's `checkContactName` and `checkEmailAddress`.
 */
export function contactProblems(contact: OrderContactInput): { name?: string; email?: string } {
  const problems: { name?: string; email?: string } = {};
  const name = contact.name.trim();
  const nameCheck = checkContactName(name);
  if (!nameCheck.ok) {
    problems.name = nameCheck.reason === 'empty'
      ? 'Enter the name to address the parcel to.'
      : nameCheck.reason === 'too-long'
        ? `Shorten the name to ${MAX_CONTACT_NAME_LENGTH} characters (it has ${nameCheck.length}).`
        : 'Type the name again: it holds a control character or broken text.';
  }
  const email = contact.email.trim();
  const emailCheck = checkEmailAddress(email);
  if (email.length === 0) problems.email = 'Enter your email address: the order confirmation goes there.';
  else if (!emailCheck.ok) problems.email = `"${email}" is not an email address: ${emailCheck.reason}. It should look like name@example.com.`;
  return problems;
}

const orderRequest = orderRequestSchema(DEFAULT_REQUEST_LIMITS);

/**
 * Why the server would refuse an order's body for its shape, in its own words, or undefined: the
 * body is checked by the same schema the server validates with (`orderRequestSchema`), so such
 * an order is not sent.
 *
 * @example orderRequestRefusal(submission.body) // undefined, or 'The order cannot be sent: the order has 1 problem: …'
 */
export function orderRequestRefusal(body: OrderSubmission['body']): string | undefined {
  const result = v.safeParse(orderRequest, body);
  if (result.success) return undefined;
  return customerRefusal('The order cannot be sent', requestProblems(result.issues));
}
