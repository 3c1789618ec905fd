// What the repository stores for the shop's side: staff accounts and their sessions, API tokens,
// webhook endpoints with the outbox of events and their deliveries, and the audit log. The methods
// that store them are part of the `Repository` (repository.ts); these are their records.
import type { ApiToken, AuditActor, AuditEntry, StaffAccount, StaffRole, TokenRole, WebhookDelivery, WebhookEndpointListing, WebhookEvent } from '../domain/index.ts';

// The shapes the staff API answers with are the domain's (the browser reads them too).
export type { ApiToken, AuditActor, AuditEntry, StaffAccount, WebhookDelivery, WebhookEndpointListing };

/** A staff account with what checks its password. */
export interface StoredStaffAccount extends StaffAccount {
  /** The argon2id PHC string. */
  readonly passwordHash: string;
}

/** A new staff account to store. */
export interface NewStaffAccount {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly StaffRole[];
  readonly passwordHash: string;
  readonly createdAt: Date;
}

/** What changes in an account: any of these; a change of password or disabling ends its sessions. */
export interface StaffAccountChange {
  readonly roles?: readonly StaffRole[];
  readonly disabled?: boolean;
  readonly passwordHash?: string;
  readonly now: Date;
}

/** A new signed-in session. Only the SHA-256 of its id is stored: a copy of the database signs no one in. */
export interface NewStaffSession {
  /** base64url SHA-256 of the session id the cookie holds. */
  readonly idHash: string;
  readonly accountId: string;
  readonly createdAt: Date;
  /** The client's address (or its /64), for the account's list of sessions. */
  readonly client: string;
}

/** When sessions end: after `idleSeconds` without a request, and `absoluteSeconds` after login at the latest. */
export interface SessionLifetime {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

/** A session found by its id's hash, with its account (enabled: a disabled account has no sessions). */
export interface StaffSession {
  readonly idHash: string;
  readonly account: StaffAccount;
  readonly createdAt: string;
  readonly lastSeenAt: string;
}

/** A new API token: only the SHA-256 of the secret is stored; the secret is shown once. */
export interface NewApiToken {
  /** `tok_` and 22 random base64url characters: what the list and the audit log name. */
  readonly id: string;
  readonly name: string;
  readonly role: TokenRole;
  /** base64url SHA-256 of the whole token string. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** The account that created it. */
  readonly createdBy: string;
}

/** A webhook endpoint as stored: as listed, and the secret shown to the admin once, when it is created. */
export interface WebhookEndpoint extends WebhookEndpointListing {
  /** `whsec_` and the base64 of 32 random bytes (the Standard Webhooks form). */
  readonly secret: string;
}

/** A new webhook endpoint. */
export interface NewWebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description: string;
  readonly secret: string;
  readonly createdAt: Date;
}

/** A delivery taken by a worker: with where to send it and the event's data. */
export interface DueDelivery extends WebhookDelivery {
  readonly url: string;
  readonly secret: string;
  /** The event's data as written with the event (for `order.placed`: `{ orderId }`). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly eventCreatedAt: string;
}

/** What one attempt led to. `nextAttemptAt` null: delivered, or given up. */
export interface DeliveryAttempt {
  readonly seq: number;
  readonly at: Date;
  readonly delivered: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly nextAttemptAt: Date | null;
}

/** One line to append to the audit log (what `AuditEntry` is, before the log numbers it). */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'> & { readonly at: Date };
