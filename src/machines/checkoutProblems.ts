import { checkShippingAddress, designBlockers, SHIPPING_ADDRESS_FIELDS, type CatalogEntry, type DesignSummary, type OrderBlocker, type ShippingAddressInput } from '../domain/index.ts';
import { contactProblems, type OrderContactInput } from './orderSubmission.ts';

/** What the checkout needs to know to say what stops an order. */
export interface CheckoutState {
  readonly entry: CatalogEntry;
  readonly summary: Pick<DesignSummary, 'personalisation' | 'artwork'>;
  readonly sizeId: string | null;
  readonly contact: OrderContactInput;
  readonly address: ShippingAddressInput;
}

/**
 * Every problem that stops the order, in the order of the page: the design's own (a personal
 * text or artwork that cannot be made), then the size, the contact and the shipping address. An
 * empty list means the order can be placed. The review lists them, each with a link to its field.
 *
 * @example checkoutProblems(context).map((problem) => problem.message)
 * // ['Front text: "🎉" is an emoji and cannot be printed…', 'Choose your size.', 'Enter the name…']
 */
export function checkoutProblems(state: CheckoutState): OrderBlocker[] {
  const problems: OrderBlocker[] = [...designBlockers(state.summary)];
  if (state.sizeId === null) problems.push({ target: { kind: 'size' }, message: 'Choose your size.' });
  const contact = contactProblems(state.contact);
  if (contact.name) problems.push({ target: { kind: 'contact', field: 'name' }, message: contact.name });
  if (contact.email) problems.push({ target: { kind: 'contact', field: 'email' }, message: contact.email });
  const address = checkShippingAddress(state.address, state.entry.product.shipsTo ?? []);
  if (!address.ok) {
    for (const field of SHIPPING_ADDRESS_FIELDS) {
      const message = address.problems[field];
      if (message) problems.push({ target: { kind: 'address', field }, message });
    }
  }
  return problems;
}
