import type { ApiToken, AuditEntry, ShippingAddressInput, StaffAccount, StaffPage, StoredOrderSize, WebhookEndpointListing } from '../domain/index.ts';
import type { GalleryCandidateResponse } from '../domain/requests/index.ts';

// The staff API's answers around its records (the records themselves are the domain's:
// `StaffAccount`, `ApiToken`, `WebhookEndpointListing`, `WebhookDelivery`, `AuditEntry`), as the
// staff machines and pages read them. `src/views/api/staffClient.ts` implements them, as the
// gallery's client implements `GalleryCandidate`.

/** A signed-in staff session: who, the token every write must carry, and the pages they may open. */
export interface StaffSession {
  readonly account: StaffAccount;
  /** Sent as `X-CSRF-Token` with every write made with the session cookie. */
  readonly csrfToken: string;
  /** The pages the account's roles open, in the table's order (`pagesFor(account.roles)`). */
  readonly pages: readonly StaffPage[];
}

/** What the login form sends. */
export interface StaffCredentials {
  readonly email: string;
  readonly password: string;
}

/** A token just created, with its secret (`atl_…`): the only time the secret is shown. */
export interface CreatedApiToken {
  readonly token: ApiToken;
  readonly secret: string;
}

/** An endpoint just added, with its signing secret (`whsec_…`): the only time the secret is shown. */
export interface CreatedWebhookEndpoint {
  readonly endpoint: WebhookEndpointListing;
  readonly secret: string;
}

/** A page of the audit log, newest first. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  /** Where the next (older) page starts; null on the oldest. */
  readonly nextBefore: number | null;
}

/** A product and the rules versions it has published. */
export interface ProductRules {
  readonly id: string;
  readonly name: string;
  readonly rulesVersions: readonly ProductRulesVersion[];
}

/**
 * One recorded rules version of a product and where it stands: `draft` (never published; orders
 * cannot name it), `published` (current), `superseded` (orders under it accepted until
 * `acceptUntil`) or `retired` (refused since `retiredAt`), with who made it current last and why.
 */
export interface ProductRulesVersion {
  readonly rulesVersion: string;
  readonly publishedAt: string;
  readonly current: boolean;
  readonly state: 'draft' | 'published' | 'superseded' | 'retired';
  readonly acceptUntil: string | null;
  readonly retiredAt: string | null;
  /** A staff account's email, `cli` (the operator's command) or `files` (the server's first start); null for a draft. */
  readonly publishedBy: string | null;
  /** The message given when it was made current last; null for a draft. */
  readonly message: string | null;
}

/** A customer's gallery design as the designers review it: with its flagged votes and submitters. */
export type StaffDesign = Pick<GalleryCandidateResponse, 'id' | 'productId' | 'title' | 'thumbnailUrl' | 'upVotes' | 'downVotes' | 'flaggedVotes' | 'score' | 'orders' | 'remixes' | 'submitters' | 'createdAt'>;

/** An order as fulfilment reads it: with the customer's contact and shipping address. */
export interface StaffOrder {
  /** The order's URL id. */
  readonly id: string;
  /** `ATL-000123` */
  readonly orderNumber: string;
  readonly createdAt: string;
  readonly status: string;
  readonly product: { readonly id: string; readonly name: string };
  /** Read its codes with the domain's `orderSizeCodes`. */
  readonly size: StoredOrderSize;
  readonly quantity: number;
  readonly price: { readonly total: number; readonly currency: string };
  readonly contact: { readonly name: string; readonly email: string };
  /** Orders placed before addresses were taken have none. */
  readonly shippingAddress?: ShippingAddressInput;
}
