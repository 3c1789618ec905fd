import * as v from 'valibot';
import {
  accountChangeRequestSchema, checkNewPassword, loginRequestSchema, newAccountRequestSchema, newTokenRequestSchema, newWebhookRequestSchema, publicationNoteSchema,
  type AccountChangeRequest, type LoginRequest, type NewAccountRequest, type NewTokenRequest, type NewWebhookRequest, type Problem, type PublicationNote,
} from '../../domain/index.ts';
import { customerRefusal, requestProblems } from '../../domain/requests/index.ts';
import { StaffRequestError } from '../../machines/index.ts';

// The staff API's request bodies checked in the browser with the server's own schemas (and the
// password policy), so a staff member sees what is wrong at once, field by field, and nothing
// the server would refuse for its shape is sent. Each check returns the body as the schema
// cleans it (emails trimmed and lower-cased) or throws a StaffRequestError `invalid_request`.

/** The body to send, or the refusal with each field's problem. */
function checked<Schema extends v.GenericSchema>(schema: Schema, body: unknown, lead: string, more: readonly Problem[] = []): v.InferOutput<Schema> {
  const result = v.safeParse(schema, body);
  const found = result.success ? [] : requestProblems(result.issues);
  // The schema's problem of a field comes first; the policy's only for a field the schema accepted.
  const problems = [...found, ...more.filter((extra) => !found.some((problem) => problem.path === extra.path))];
  if (result.success && problems.length === 0) return result.output;
  throw new StaffRequestError(customerRefusal(lead, problems), 'invalid_request', problems);
}

/** A sign-in as `POST /api/staff/login` takes it; an empty password is refused here. */
export function checkedLogin(credentials: { email: string; password: string }): LoginRequest {
  const more = credentials.password === '' ? [{ path: 'password', message: 'the password is empty', hint: 'type the password of your account' }] : [];
  return checked(loginRequestSchema, credentials, 'You were not signed in', more);
}

/** A new account as `POST /api/staff/accounts` takes it, its first password held to the password policy. */
export function checkedNewAccount(account: { email: string; roles: readonly string[]; password: string }): NewAccountRequest {
  const policy = checkNewPassword(account.password, account.email.trim());
  const more = policy.ok ? [] : [{ path: 'password', message: policy.message, hint: policy.hint }];
  return checked(newAccountRequestSchema, { ...account, roles: [...account.roles] }, 'The account was not added', more);
}

/** A change of an account's roles or state as `PATCH /api/staff/accounts/:id` takes it. */
export function checkedAccountChange(change: { roles?: readonly string[]; disabled?: boolean }): AccountChangeRequest {
  return checked(accountChangeRequestSchema, { ...change, ...(change.roles ? { roles: [...change.roles] } : {}) }, 'The account was not changed');
}

/** A new API token as `POST /api/staff/tokens` takes it. */
export function checkedNewToken(token: { name: string; role: string; expiresInDays: number }): NewTokenRequest {
  return checked(newTokenRequestSchema, token, 'The token was not created');
}

/** A new webhook endpoint as `POST /api/staff/webhooks` takes it. */
export function checkedNewWebhook(endpoint: { url: string; events: readonly string[]; description: string }): NewWebhookRequest {
  return checked(newWebhookRequestSchema, { ...endpoint, events: [...endpoint.events] }, 'The endpoint was not added');
}

/** Why a rules version is made current, as the publish and rollback routes take it; an empty message is refused here. */
export function checkedPublicationNote(note: { message: string; rulesVersion?: string }): PublicationNote {
  return checked(publicationNoteSchema, note, 'The rules version was not made current');
}
