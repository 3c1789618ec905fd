// What the repository stores for the shop's side: staff accounts and their sessions, API tokens,
// webhook endpoints with the outbox of events and their deliveries, and the audit log. The methods
// that store them are part of the `Repository` (repository.ts); these are their records.
import type { StaffRole, TokenRole, WebhookEvent } from '../domain/index.ts';

/** A staff account as the API shows it: never its password hash. */
export interface StaffAccount {
  /** `acc_` and 22 random base64url characters. */
  readonly id: string;
  /** Lower-cased, trimmed: the account's sign-in name, unique. */
  readonly email: string;
  /** Each once, in the order of STAFF_ROLES. */
  readonly roles: readonly StaffRole[];
  readonly disabled: boolean;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastLoginAt: string | null;
}

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

/** An API token as the admin page lists it. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: TokenRole;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  /** The email of the account that created it (null when that account is gone). */
  readonly createdBy: string | null;
}

/** A webhook endpoint as stored. The secret is shown to the admin once, when it is created. */
export interface WebhookEndpoint {
  /** `whk_` and 22 random base64url characters. */
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description: string;
  /** `whsec_` and the base64 of 32 random bytes (the Standard Webhooks form). */
  readonly secret: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
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

/**
 * One event to one endpoint: written in the same transaction as what caused it (the order), for
 * every enabled endpoint subscribed to it then; delivered by the webhook worker.
 */
export interface WebhookDelivery {
  /** The delivery's number. */
  readonly seq: number;
  /** The event's id (`evt_…`): the `webhook-id` header, the same on every attempt, so receivers can drop repeats. */
  readonly eventId: string;
  readonly eventType: WebhookEvent;
  /** What the event is about, e.g. the order's URL id: events of one subject are delivered in order. */
  readonly subject: string;
  readonly endpointId: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  /** When it is tried next (pending only). */
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  /** The receiver's HTTP status of the last attempt, or null when it could not be reached. */
  readonly lastStatusCode: number | null;
  /** Why the last attempt failed, in one line (never the receiver's body). */
  readonly lastError: string | null;
  readonly createdAt: string;
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

/** Who did something the audit log records. */
export type AuditActor =
  | { readonly kind: 'staff'; readonly accountId: string; readonly email: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly name: string }
  /** `npm run staff` on the server's machine. */
  | { readonly kind: 'cli' }
  /** A failed login: the email tried, nobody signed in. */
  | { readonly kind: 'anonymous' };

/** One line to append to the audit log. */
export interface NewAuditEntry {
  readonly at: Date;
  readonly actor: AuditActor;
  /** e.g. `login`, `login.failed`, `account.created`, `account.roles_changed`, `token.created`. */
  readonly action: string;
  /** What it was done to, e.g. an account's or a token's id; null when nothing in particular. */
  readonly target: string | null;
  /** What else says what happened (new roles, a token's name); never a password, token or secret. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The client's address, or `cli`. */
  readonly client: string;
}

/** One line of the audit log as stored. */
export interface AuditEntry extends Omit<NewAuditEntry, 'at'> {
  readonly seq: number;
  readonly at: string;
}
