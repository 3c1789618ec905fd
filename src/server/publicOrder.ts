import type { ShippingAddressInput } from '../domain/index.ts';
import type { OrderContact, ServerOrder } from './serverOrder.ts';

/** A customer's contact as anyone holding the order's URL sees it: enough to recognise, not to use. */
export interface MaskedContact {
  readonly masked: true;
  /** The name's first letter and a dot: `A.` */
  readonly name: string;
  /** The first letter of the mailbox and of the domain, and the top-level domain: `a•••@e•••.com` */
  readonly email: string;
}

/** A shipping address as anyone holding the order's URL sees it: the country, and no more than a first letter of the rest. */
export interface MaskedShippingAddress {
  readonly masked: true;
  /** `1•••` */
  readonly line1: string;
  /** `A•••`, or empty when there was none. */
  readonly line2: string;
  /** `P•••` */
  readonly city: string;
  /** `7•••` */
  readonly postalCode: string;
  /** The ISO code, in full: `FR`. */
  readonly country: string;
}

/** An order as `GET /api/orders/:id` shows it without the fulfilment token. */
export interface PublicServerOrder extends Omit<ServerOrder, 'contact' | 'shippingAddress'> {
  readonly contact: MaskedContact;
  readonly shippingAddress?: MaskedShippingAddress;
}

const HIDDEN = '•••';

/**
 * Masks a contact: the order's URL is its only key and travels in links, histories and shared
 * screens, so it shows no one's name or address. The customer can still tell it is theirs.
 *
 * @example maskContact({ name: 'Ada Lovelace', email: 'ada.lovelace@example.com' })
 * // { masked: true, name: 'A.', email: 'a•••@e•••.com' }
 */
export function maskContact(contact: OrderContact): MaskedContact {
  const first = (text: string) => Array.from(text.trim())[0] ?? '';
  const at = contact.email.lastIndexOf('@');
  const domain = contact.email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return {
    masked: true,
    name: `${first(contact.name).toUpperCase()}.`,
    email: `${first(contact.email.slice(0, Math.max(0, at)))}${HIDDEN}@${first(domain)}${HIDDEN}${dot >= 0 ? domain.slice(dot) : ''}`,
  };
}

/**
 * Masks a shipping address like a contact: the first character of each line and the country, so
 * the customer recognises the order without the link revealing where anyone lives.
 *
 * @example maskShippingAddress({ line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' })
 * // { masked: true, line1: '1•••', line2: '', city: 'P•••', postalCode: '7•••', country: 'FR' }
 */
export function maskShippingAddress(address: ShippingAddressInput): MaskedShippingAddress {
  const hide = (text: string) => (text.trim() === '' ? '' : `${Array.from(text.trim())[0]}${HIDDEN}`);
  return { masked: true, line1: hide(address.line1), line2: hide(address.line2), city: hide(address.city), postalCode: hide(address.postalCode), country: address.country };
}

/** The public view of an order: everything but the contact and the shipping address, which are masked. */
export function publicOrderView(order: ServerOrder): PublicServerOrder {
  const { shippingAddress, ...rest } = order;
  return { ...rest, contact: maskContact(order.contact), ...(shippingAddress ? { shippingAddress: maskShippingAddress(shippingAddress) } : {}) };
}
