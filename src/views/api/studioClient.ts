import * as v from 'valibot';
import { publishStudioDraftSchema, type PublishStudioDraftRequest } from '../../domain/staff/index.ts';
import { customerRefusal, requestProblems } from '../../domain/requests/index.ts';
import { StaffRequestError } from '../../machines/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';
import type { StaffConnection } from './staffClient.ts';

// The rules studio's drafts over HTTP (`/api/staff/studio/:productId…`). Like staffClient.ts, every
// write carries the session's CSRF token and every refusal becomes a StaffRequestError in words;
// the two refusals the studio acts on (a second tab saved: 409 `draft_changed`; the product was
// published since the draft began: 409 `rules_version_moved`) are answers, with what the server sent.

/** A draft as the server keeps it: the version it started from, its revision, its two files' text and its CSV tables. */
export interface StudioDraft {
  readonly basedOn: string;
  readonly revision: number;
  readonly product: string;
  readonly rules: string;
  /** Text by name as the rules file writes it (`{}`: none). */
  readonly tables: Readonly<Record<string, string>>;
  /** When it was saved last (ISO 8601). */
  readonly updatedAt: string;
}

/** A product's two files' text: one side of a three-way difference. */
export interface StudioTexts {
  readonly product: string;
  readonly rules: string;
}

/** Another person's draft of the product, as the studio lists it to continue from. */
export interface OtherDraft {
  /** Its id in {@link openOthersDraft}. */
  readonly id: string;
  readonly email: string;
  readonly updatedAt: string;
  readonly basedOn: string;
  /** The names of the colourways it adds to the product as published now. */
  readonly colourwaysAdded: readonly string[];
}

/** `GET /api/staff/studio/:productId`: what the studio opens. */
export interface StudioOpening {
  readonly published: { readonly rulesVersion: string; readonly product: { readonly file: string; readonly text: string }; readonly rules: { readonly file: string; readonly text: string }; readonly tables: Readonly<Record<string, string>> };
  readonly myDraft: StudioDraft | null;
  readonly othersEditing: readonly OtherDraft[];
}

/** A save: stored as the next revision, or refused because another tab saved (or discarded) since. */
export type DraftSaveAnswer =
  | { readonly kind: 'saved'; readonly draft: StudioDraft }
  | { readonly kind: 'changed'; readonly stored: StudioDraft | null };

/** A publish: done, or refused because the product was published again since the draft began. */
export type DraftPublishAnswer =
  /** `already`: the draft makes the current version (it differs only in comments or layout, kept from now on). */
  | { readonly kind: 'published'; readonly rulesVersion: string; readonly already: boolean }
  | { readonly kind: 'moved'; readonly basedOn: string; readonly current: string | null; readonly base: StudioTexts | null; readonly theirs: StudioTexts | null; readonly mine: StudioTexts & { readonly tables?: Readonly<Record<string, string>> } };

const path = (productId: string, rest = '') => `/api/staff/studio/${encodeURIComponent(productId)}${rest}`;

/** The response, or a StaffRequestError in words; a 409 with `code` is answered rather than thrown. */
async function studioRequest(method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, connection: StaffConnection, body?: unknown, options: { keepalive?: boolean; conflict?: string } = {}): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = connection.csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', keepalive: options.keepalive === true, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new StaffRequestError('The shop could not be reached: check your connection and try again.', 'unreachable');
  }
  if (response.status === 409 && options.conflict) {
    const json = (await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null;
    if (json?.error?.code === options.conflict) return { status: 409, json };
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (error.code === 'not_signed_in') connection.onSignedOut?.();
    throw new StaffRequestError(apiErrorSentence(error), error.code, error.problems);
  }
  return { status: response.status, json: await response.json() };
}

/** `GET /api/staff/studio/:productId`: the published files, my draft, and who else has one. */
export async function openStudio(connection: StaffConnection, productId: string): Promise<StudioOpening> {
  return (await studioRequest('GET', path(productId), connection)).json as StudioOpening;
}

/** `GET /api/staff/studio/:productId/drafts/:id`: another person's draft (`id` from `othersEditing`), to continue from. */
export async function openOthersDraft(connection: StaffConnection, productId: string, id: string): Promise<StudioDraft & { readonly email: string }> {
  return (await studioRequest('GET', path(productId, `/drafts/${encodeURIComponent(id)}`), connection)).json as StudioDraft & { readonly email: string };
}

/**
 * `PUT /api/staff/studio/:productId/draft`: saves the draft over `revision` (the one last read or
 * saved; 0 for none). `keepalive` lets the save finish while the page is being closed.
 */
export async function saveStudioDraft(connection: StaffConnection, productId: string, draft: { basedOn: string; revision: number; product: string; rules: string; tables?: Readonly<Record<string, string>> }, options: { keepalive?: boolean } = {}): Promise<DraftSaveAnswer> {
  const { status, json } = await studioRequest('PUT', path(productId, '/draft'), connection, draft, { ...options, conflict: 'draft_changed' });
  if (status === 409) return { kind: 'changed', stored: (json as { draft: StudioDraft | null }).draft };
  return { kind: 'saved', draft: (json as { draft: StudioDraft }).draft };
}

/** `DELETE /api/staff/studio/:productId/draft`: discards my draft. */
export async function discardStudioDraft(connection: StaffConnection, productId: string): Promise<void> {
  await studioRequest('DELETE', path(productId, '/draft'), connection);
}

/**
 * `POST /api/staff/studio/:productId/publish`: publishes my saved draft. The note is checked with
 * the server's schema first; strict-lint problems and failing examples are thrown (their
 * `problems` name file:line:column).
 */
export async function publishStudioDraft(connection: StaffConnection, productId: string, note: PublishStudioDraftRequest): Promise<DraftPublishAnswer> {
  const checked = v.safeParse(publishStudioDraftSchema, note);
  if (!checked.success) {
    const problems = requestProblems(checked.issues);
    throw new StaffRequestError(customerRefusal('The draft was not published', problems), 'invalid_request', problems);
  }
  const { status, json } = await studioRequest('POST', path(productId, '/publish'), connection, checked.output, { conflict: 'rules_version_moved' });
  if (status === 409) {
    const moved = json as Omit<Extract<DraftPublishAnswer, { kind: 'moved' }>, 'kind'>;
    return { kind: 'moved', basedOn: moved.basedOn, current: moved.current, base: moved.base, theirs: moved.theirs, mine: moved.mine };
  }
  const { rulesVersion, already } = json as { rulesVersion: string; already: boolean };
  return { kind: 'published', rulesVersion, already };
}
