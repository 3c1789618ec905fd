import type { OrderContact, ServerOrder } from './serverOrder.ts';

/** A customer's contact as anyone holding the order's URL sees it: enough to recognise, not to use. */
export interface MaskedContact {
  readonly masked: true;
  /** The name's first letter and a dot: `A.` */
  readonly name: string;
  /** The first letter of the mailbox and of the domain, and the top-level domain: `a•••@e•••.com` */
  readonly email: string;
}

/** An order as `GET /api/orders/:id` shows it without the fulfilment token. */
export interface PublicServerOrder extends Omit<ServerOrder, 'contact'> {
  readonly contact: MaskedContact;
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

/** The public view of an order: everything but the contact, which is masked. */
export function publicOrderView(order: ServerOrder): PublicServerOrder {
  return { ...order, contact: maskContact(order.contact) };
}
