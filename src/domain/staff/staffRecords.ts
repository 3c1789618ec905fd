import type { StaffRole, TokenRole } from './roles.ts';
import type { WebhookEvent } from './webhookEvents.ts';

// The staff API's records as it answers them: written once here, for the server that answers them
// and the staff pages that read them (as `GalleryCandidateResponse` is for the gallery).

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

/** An API token as the admin page lists it: never its secret. */
export interface ApiToken {
  /** `tok_` and 22 random base64url characters: what the list and the audit log name. */
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

/** Whether a token is accepted: `active`, or why not. */
export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/**
 * A token's status at `now`: revoked wins over expired, since revoking is what someone did.
 *
 * @example apiTokenStatus({ revokedAt: null, expiresAt: '2020-01-01T00:00:00Z' }, new Date()) // 'expired'
 */
export function apiTokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date): ApiTokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** A webhook endpoint as the API lists it: its secret is shown once, when it is created. */
export interface WebhookEndpointListing {
  /** `whk_` and 22 random base64url characters. */
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** One event to one endpoint, and how its attempts went. */
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

/** Who did something the audit log records. */
export type AuditActor =
  | { readonly kind: 'staff'; readonly accountId: string; readonly email: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly name: string }
  /** `npm run staff` on the server's machine. */
  | { readonly kind: 'cli' }
  /** A failed login: the email tried, nobody signed in. */
  | { readonly kind: 'anonymous' };

/** One line of the audit log. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
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
