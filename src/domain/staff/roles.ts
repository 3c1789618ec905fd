/**
 * The shop's staff roles and what each may open. One account may hold several roles. Every staff
 * endpoint checks the role on the server; the pages use the same table only to show what is open.
 */

/** The roles of staff accounts, in the order pages list them. */
export const STAFF_ROLES = ['admin', 'merchandiser', 'designer', 'fulfilment'] as const;

/** A staff role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What each role is for, in a sentence: shown on the staff home and in the CLI's help. */
export const ROLE_DESCRIPTIONS: Readonly<Record<StaffRole, string>> = {
  admin: 'manages staff accounts, API tokens and webhooks, and reads the audit log',
  merchandiser: 'authors the option rules and products',
  designer: 'reviews what customers design, curates the gallery, promotes designs to the catalogue',
  fulfilment: 'reads orders with the customers\' contact details and exports them',
};

/** The roles an API token may carry: machines read orders, rules or designs; they never manage accounts. */
export const TOKEN_ROLES = ['fulfilment', 'merchandiser', 'designer'] as const satisfies readonly StaffRole[];

/** A role an API token may carry. */
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Whether a text names a staff role. */
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Whether a text names a role an API token may carry. */
export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}

/** One page of the staff area: where it is, what it is called, and who may open it. */
export interface StaffPage {
  readonly id: 'accounts' | 'tokens' | 'webhooks' | 'audit' | 'rules' | 'designs' | 'insight' | 'review' | 'orders';
  /** The page's path under the site, e.g. `/staff/accounts`. */
  readonly path: string;
  readonly title: string;
  /** One line on what the page is for. */
  readonly summary: string;
  readonly role: StaffRole;
}

/** Every staff page and the one role that opens it. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { id: 'accounts', path: '/staff/accounts', title: 'Staff accounts', summary: 'Add staff, change their roles, disable an account.', role: 'admin' },
  { id: 'tokens', path: '/staff/tokens', title: 'API tokens', summary: 'Tokens for the shop\'s order system and print houses: create, revoke.', role: 'admin' },
  { id: 'webhooks', path: '/staff/webhooks', title: 'Webhooks', summary: 'Endpoints told of new orders, their deliveries, redelivery.', role: 'admin' },
  { id: 'audit', path: '/staff/audit', title: 'Audit log', summary: 'Every staff action: who, when, what, from where.', role: 'admin' },
  { id: 'rules', path: '/staff/rules', title: 'Rules', summary: 'The products and their published rules versions.', role: 'merchandiser' },
  { id: 'designs', path: '/staff/designs', title: 'Customer designs', summary: 'What customers submit to the gallery, with its votes and orders.', role: 'designer' },
  { id: 'insight', path: '/staff/insight', title: 'What customers design', summary: 'The most wanted designs, gallery or not, near-identical designs grouped, and each option\'s take rate.', role: 'designer' },
  { id: 'review', path: '/staff/review', title: 'Review', summary: 'Designs to consider for the catalogue: approve or reject with a reason, hide from the gallery.', role: 'designer' },
  { id: 'orders', path: '/staff/orders', title: 'Orders', summary: 'Recent orders with contact details and shipping addresses.', role: 'fulfilment' },
];

/**
 * The pages an account with these roles may open, in the table's order.
 *
 * @example pagesFor(['designer']).map((page) => page.id) // ['designs', 'insight', 'review']
 */
export function pagesFor(roles: readonly StaffRole[]): StaffPage[] {
  return STAFF_PAGES.filter((page) => roles.includes(page.role));
}

/**
 * Roles as stored and shown: each once, in the order of {@link STAFF_ROLES}.
 *
 * @example normaliseRoles(['designer', 'admin', 'designer']) // ['admin', 'designer']
 */
export function normaliseRoles(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}
