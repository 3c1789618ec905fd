import type { ApiToken, Problem, SourceFile, StaffAccount, StaffRole, TokenRole, WebhookDelivery, WebhookEndpointListing, WebhookEvent } from '../../domain/index.ts';
import {
  StaffRequestError,
  type AuditPage, type CreatedApiToken, type CreatedWebhookEndpoint, type ProductRules, type StaffCredentials,
  type StaffDesign, type StaffOrder, type StaffSignIn, type StaffSignOutEverywhere,
} from '../../machines/index.ts';
import { apiErrorSentence, readApiError, type ReadableApiError } from './readApiError.ts';
import { checkedAccountChange, checkedLogin, checkedNewAccount, checkedNewToken, checkedNewWebhook, checkedPublicationNote } from './staffRequestChecks.ts';

// The staff API (`/api/staff/…`) over HTTP: one function per endpoint. The session cookie goes
// with every request (same origin); every write carries the session's CSRF token. Bodies are
// checked with the server's schemas before they are sent (staffRequestChecks.ts). Every failure
// is a StaffRequestError with the server's code and a sentence for the staff member.

/** What a signed-in page's requests need: the session's CSRF token, and who to tell when the session is gone. */
export interface StaffConnection {
  /** Sent as `X-CSRF-Token` with every write. */
  readonly csrfToken: string;
  /** Called when the server says the session has ended (401 `not_signed_in`), before the error is thrown. */
  readonly onSignedOut?: () => void;
}

/** Where fulfilment downloads every order (the session's cookie is enough, no token). */
export const ORDER_EXPORT_URLS = {
  ndjson: '/api/orders/export?format=ndjson',
  csv: '/api/orders/export?format=csv',
} as const;

/** The refusals that are about one field of the form, which the server names by code alone. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = { email_taken: 'email', weak_password: 'password', last_admin: 'roles' };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The answer's JSON (undefined for 204), or a StaffRequestError in words. Exported for the other staff clients (reviewClient.ts). */
export async function staffRequest<Answer>(method: Method, url: string, options: { connection?: StaffConnection; body?: unknown } = {}): Promise<Answer> {
  const { connection, body } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && connection) headers['X-CSRF-Token'] = connection.csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new StaffRequestError('The shop could not be reached: check your connection and try again.', 'unreachable');
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (error.code === 'not_signed_in') connection?.onSignedOut?.();
    throw new StaffRequestError(refusalSentence(error, response), error.code, fieldProblems(error));
  }
  if (response.status === 204) return undefined as Answer;
  return (await response.json()) as Answer;
}

/** The server's words, with how long to wait when it asks to (429 with Retry-After). */
function refusalSentence(error: ReadableApiError, response: Response): string {
  const sentence = apiErrorSentence(error);
  const wait = Number(response.headers.get('Retry-After'));
  if (error.code !== 'rate_limited' || !Number.isFinite(wait) || wait <= 0) return sentence;
  const minutes = Math.ceil(wait / 60);
  return `${sentence} You can try again in ${wait < 60 ? `${wait} seconds` : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`}.`;
}

/** The fields at fault: as the server lists them, or the one its code is about. */
function fieldProblems(error: ReadableApiError): readonly Problem[] {
  if (error.problems.length > 0) return error.problems;
  const path = FIELD_OF_CODE[error.code];
  return path ? [{ path, message: error.message, hint: error.hint }] : [];
}

const id = (value: string) => encodeURIComponent(value);

// ---------------------------------------------------------------- session

/** `GET /api/staff/session`: the signed-in account and its CSRF token; 401 `not_signed_in` without a session. */
export function readSession(): Promise<StaffSignIn> {
  return staffRequest('GET', '/api/staff/session');
}

/** `POST /api/staff/login`: signs in (the answer sets the session cookie). The email is checked before it is sent. */
export function logIn(credentials: StaffCredentials): Promise<StaffSignIn> {
  return staffRequest('POST', '/api/staff/login', { body: checkedLogin(credentials) });
}

/** `POST /api/staff/logout`: ends this session. */
export function logOut(connection: StaffConnection): Promise<void> {
  return staffRequest('POST', '/api/staff/logout', { connection });
}

/** `POST /api/staff/logout-everywhere`: ends every session of the account, this one included. */
export function logOutEverywhere(connection: StaffConnection): Promise<StaffSignOutEverywhere> {
  return staffRequest('POST', '/api/staff/logout-everywhere', { connection });
}

// ---------------------------------------------------------------- accounts (admin)

/** `GET /api/staff/accounts`: every staff account. */
export async function listAccounts(connection: StaffConnection): Promise<readonly StaffAccount[]> {
  return (await staffRequest<{ accounts: StaffAccount[] }>('GET', '/api/staff/accounts', { connection })).accounts;
}

/** `POST /api/staff/accounts`: a new account with its roles and first password (checked against the password policy first). */
export async function createAccount(connection: StaffConnection, account: { email: string; roles: readonly StaffRole[]; password: string }): Promise<StaffAccount> {
  return (await staffRequest<{ account: StaffAccount }>('POST', '/api/staff/accounts', { connection, body: checkedNewAccount(account) })).account;
}

/** `PATCH /api/staff/accounts/:id`: new roles, or disabled or enabled again. */
export async function changeAccount(connection: StaffConnection, accountId: string, change: { roles?: readonly StaffRole[]; disabled?: boolean }): Promise<StaffAccount> {
  return (await staffRequest<{ account: StaffAccount }>('PATCH', `/api/staff/accounts/${id(accountId)}`, { connection, body: checkedAccountChange(change) })).account;
}

// ---------------------------------------------------------------- API tokens (admin)

/** `GET /api/staff/tokens`: every API token, revoked and expired ones included. */
export async function listTokens(connection: StaffConnection): Promise<readonly ApiToken[]> {
  return (await staffRequest<{ tokens: ApiToken[] }>('GET', '/api/staff/tokens', { connection })).tokens;
}

/** `POST /api/staff/tokens`: a new token; its secret is in this answer and nowhere else. */
export function createToken(connection: StaffConnection, token: { name: string; role: TokenRole; expiresInDays: number }): Promise<CreatedApiToken> {
  return staffRequest('POST', '/api/staff/tokens', { connection, body: checkedNewToken(token) });
}

/** `DELETE /api/staff/tokens/:id`: revokes a token at once. */
export async function revokeToken(connection: StaffConnection, tokenId: string): Promise<ApiToken> {
  return (await staffRequest<{ token: ApiToken }>('DELETE', `/api/staff/tokens/${id(tokenId)}`, { connection })).token;
}

// ---------------------------------------------------------------- webhooks (admin)

/** `GET /api/staff/webhooks`: every endpoint (without its secret). */
export async function listWebhooks(connection: StaffConnection): Promise<readonly WebhookEndpointListing[]> {
  return (await staffRequest<{ endpoints: WebhookEndpointListing[] }>('GET', '/api/staff/webhooks', { connection })).endpoints;
}

/** `POST /api/staff/webhooks`: a new endpoint; its signing secret is in this answer and nowhere else. */
export function createWebhook(connection: StaffConnection, endpoint: { url: string; events: readonly WebhookEvent[]; description: string }): Promise<CreatedWebhookEndpoint> {
  return staffRequest('POST', '/api/staff/webhooks', { connection, body: checkedNewWebhook(endpoint) });
}

/** `DELETE /api/staff/webhooks/:id`: disables an endpoint; nothing more is sent to it. */
export async function disableWebhook(connection: StaffConnection, endpointId: string): Promise<WebhookEndpointListing> {
  return (await staffRequest<{ endpoint: WebhookEndpointListing }>('DELETE', `/api/staff/webhooks/${id(endpointId)}`, { connection })).endpoint;
}

/** `GET /api/staff/webhooks/:id/deliveries`: the endpoint's deliveries, newest first. */
export async function listDeliveries(connection: StaffConnection, endpointId: string): Promise<readonly WebhookDelivery[]> {
  return (await staffRequest<{ deliveries: WebhookDelivery[] }>('GET', `/api/staff/webhooks/${id(endpointId)}/deliveries`, { connection })).deliveries;
}

/** `POST /api/staff/webhooks/deliveries/:seq/redeliver`: sends a delivery again, now. */
export async function redeliver(connection: StaffConnection, seq: number): Promise<number> {
  return (await staffRequest<{ redelivered: number }>('POST', `/api/staff/webhooks/deliveries/${seq}/redeliver`, { connection })).redelivered;
}

// ---------------------------------------------------------------- audit log (admin)

/** `GET /api/staff/audit`: 50 entries, newest first, from before the entry `before` (null: the newest). */
export function readAuditLog(connection: StaffConnection, before: number | null): Promise<AuditPage> {
  return staffRequest('GET', `/api/staff/audit${before === null ? '' : `?before=${before}`}`, { connection });
}

// ---------------------------------------------------------------- merchandiser, designer, fulfilment

/** `GET /api/staff/rules`: every product with its published rules versions. */
export async function listProductRules(connection: StaffConnection): Promise<readonly ProductRules[]> {
  return (await staffRequest<{ products: ProductRules[] }>('GET', '/api/staff/rules', { connection })).products;
}

/** `POST /api/staff/rules/:productId/versions/:rulesVersion/retire`: orders under that version are refused from now on. */
export async function retireRulesVersion(connection: StaffConnection, productId: string, rulesVersion: string): Promise<void> {
  await staffRequest<{ retired: string }>('POST', `/api/staff/rules/${id(productId)}/versions/${id(rulesVersion)}/retire`, { connection });
}

/** `POST /api/staff/rules/:productId/versions/:rulesVersion/publish`: a draft becomes the current version. */
export async function publishRulesDraft(connection: StaffConnection, productId: string, rulesVersion: string, message: string): Promise<void> {
  await staffRequest('POST', `/api/staff/rules/${id(productId)}/versions/${id(rulesVersion)}/publish`, { connection, body: checkedPublicationNote({ message }) });
}

/** `POST /api/staff/rules/:productId/rollback`: an earlier published version becomes the current one again. */
export async function rollBackRules(connection: StaffConnection, productId: string, rulesVersion: string, message: string): Promise<void> {
  await staffRequest('POST', `/api/staff/rules/${id(productId)}/rollback`, { connection, body: checkedPublicationNote({ message, rulesVersion }) });
}

/** The files of a product's current rules version, as the rules studio opens them. */
export interface RulesSources {
  readonly rulesVersion: string;
  readonly product: SourceFile;
  readonly rules: SourceFile;
  /** The CSV tables the rules file names (`rows: { csv: <name> }`), text by name as written; absent or empty: none. */
  readonly tables?: Readonly<Record<string, string>>;
}

/** `GET /api/staff/rules/:productId/sources`: the product and rules files of the product's current version. */
export function readRulesSources(connection: StaffConnection, productId: string): Promise<RulesSources> {
  return staffRequest('GET', `/api/staff/rules/${id(productId)}/sources`, { connection });
}

/** How the designers' list of customer designs is ordered. */
export type StaffDesignSort = 'top' | 'newest' | 'most-ordered' | 'trending';

/** `GET /api/staff/designs`: customers' gallery designs with flagged votes and submitters. */
export async function listDesigns(connection: StaffConnection, sort: StaffDesignSort): Promise<readonly StaffDesign[]> {
  return (await staffRequest<{ candidates: StaffDesign[] }>('GET', `/api/staff/designs?sort=${sort}`, { connection })).candidates;
}

/** `GET /api/staff/orders`: the 50 newest orders with contact and shipping address. */
export async function listOrders(connection: StaffConnection): Promise<readonly StaffOrder[]> {
  return (await staffRequest<{ orders: StaffOrder[] }>('GET', '/api/staff/orders', { connection })).orders;
}

// ---------------------------------------------------------------- studio: impact of a draft

/** A stored order or gallery design the draft would refuse, and why. */
export interface RefusedDesignExample {
  readonly id: string;
  /** Order number (`ATL-000123`) or gallery title. */
  readonly name: string;
  readonly createdAt: string;
  /** Orders: the total charged, in minor units of `currency`. */
  readonly total?: number;
  readonly currency?: string;
  readonly rules: readonly { readonly ruleId: string; readonly message: string }[];
  /** Choices of options or attributes the draft's product no longer has. */
  readonly removedChoices: readonly { readonly attribute: string; readonly option: string }[];
}

/** What the draft does to one kind of stored design. */
export interface DesignsImpact {
  readonly checked: number;
  readonly refused: number;
  /** Of the refused, how many the published version refuses already. */
  readonly refusedBefore: number;
  /** Valid, but a new choice would be completed for them. */
  readonly changed: number;
  /** Up to 5. */
  readonly examples: readonly RefusedDesignExample[];
}

/** A rule as the comparison names it. */
export interface ComparedRule {
  readonly id: string;
  readonly kind: string;
  readonly message: string;
}

/** `POST /api/staff/studio/:productId/impact`'s answer: the draft against the published version. */
export interface StudioImpact {
  readonly from: { readonly rulesVersion: string };
  readonly to: { readonly rulesVersion: string };
  /** Decimal text: counts may exceed 2^53. */
  readonly designs: { readonly before: string; readonly after: string };
  readonly attributesAdded: readonly string[];
  readonly attributesRemoved: readonly string[];
  readonly options: readonly { readonly attribute: string; readonly added: readonly string[]; readonly removed: readonly string[]; readonly gained: readonly string[]; readonly lost: readonly string[] }[];
  readonly rules: { readonly added: readonly ComparedRule[]; readonly removed: readonly ComparedRule[]; readonly changed: readonly ComparedRule[] };
  /** Attribute names by id, option labels by attribute and option id (of both versions). */
  readonly names: { readonly attributes: Readonly<Record<string, string>>; readonly options: Readonly<Record<string, Readonly<Record<string, string>>>> };
  readonly impact: {
    readonly days: number;
    readonly since: string;
    readonly orders: DesignsImpact & { readonly refusedValue: readonly { readonly currency: string; readonly total: number }[] };
    readonly candidates: DesignsImpact;
  };
  readonly millis: number;
}

/** `POST /api/staff/studio/:productId/impact`: what the draft's two files would change if published, with the stored orders of the last `days` days (90 by default) it would refuse. */
export function compareWithPublished(connection: StaffConnection, productId: string, draft: { product: string; rules: string; tables?: Readonly<Record<string, string>>; days?: number }): Promise<StudioImpact> {
  return staffRequest('POST', `/api/staff/studio/${id(productId)}/impact`, { connection, body: draft });
}

// ---------------------------------------------------------------- designer: what customers design

import type { InsightCluster, InsightDesign, InsightOptions } from '../../domain/staff/index.ts';

export type { InsightCluster, InsightDesign, InsightOptions };

/** The three insight answers for one product and period, asked for together. */
export async function readDesignInsight(connection: StaffConnection, productId: string, days: number): Promise<{ popular: readonly InsightDesign[]; clusters: readonly InsightCluster[]; clustered: number; options: InsightOptions }> {
  const base = `/api/staff/insight/${encodeURIComponent(productId)}`;
  const [popular, clusters, options] = await Promise.all([
    staffRequest<{ designs: InsightDesign[] }>('GET', `${base}/popular?days=${days}&limit=50`, { connection }),
    staffRequest<{ clusters: InsightCluster[]; designsClustered: number }>('GET', `${base}/clusters?days=${days}`, { connection }),
    staffRequest<InsightOptions>('GET', `${base}/options?days=${days}`, { connection }),
  ]);
  return { popular: popular.designs, clusters: clusters.clusters, clustered: clusters.designsClustered, options };
}
