import * as v from 'valibot';
import { describeValue, emailAddressSchema, fieldsObject, withHint } from '../requests/index.ts';
import { MAX_PASSWORD_LENGTH } from './passwordPolicy.ts';
import { STAFF_ROLES, TOKEN_ROLES } from './roles.ts';
import { WEBHOOK_EVENTS } from './webhookEvents.ts';

/**
 * The bodies of the staff API's writes, as valibot schemas with messages that say what is wrong and
 * how to fix it. The staff pages check with them before sending; the server validates with them.
 */

const emailField = v.pipe(emailAddressSchema('send the address the account signs in with, like name@example.com'), v.toLowerCase());

const passwordField = v.pipe(
  v.string((issue) => withHint(`"password" must be a string, not ${describeValue(issue.input)}`, 'send the password as text')),
  v.maxLength(MAX_PASSWORD_LENGTH, withHint(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`, 'use a shorter passphrase')),
);

const rolesField = v.pipe(
  v.array(
    v.picklist(STAFF_ROLES, (issue) => withHint(`${describeValue(issue.input)} is not a staff role`, `use ${STAFF_ROLES.join(', ')}`)),
    (issue) => withHint(`"roles" must be a list, not ${describeValue(issue.input)}`, 'send e.g. {"roles":["designer"]}'),
  ),
  v.minLength(1, withHint('an account needs at least one role', `give it one of ${STAFF_ROLES.join(', ')}, or disable it instead`)),
);

/** `POST /api/staff/login`: `{ email, password }`. */
export const loginRequestSchema = fieldsObject({ email: emailField, password: passwordField }, 'refuse', {
  notAnObject: (input) => withHint(`the login must be a JSON object, not ${describeValue(input)}`, 'send {"email":"…","password":"…"}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "email" and "password"'),
});
/** A login once checked (email trimmed and lower-cased). */
export type LoginRequest = v.InferOutput<typeof loginRequestSchema>;

/** `POST /api/staff/accounts`: a new account with its roles and first password. */
export const newAccountRequestSchema = fieldsObject({ email: emailField, roles: rolesField, password: passwordField }, 'refuse', {
  notAnObject: (input) => withHint(`the account must be a JSON object, not ${describeValue(input)}`, 'send {"email":"…","roles":["designer"],"password":"…"}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "email", "roles" and "password"'),
});
/** A new account once checked; its password is checked against the policy by the server. */
export type NewAccountRequest = v.InferOutput<typeof newAccountRequestSchema>;

/** `PATCH /api/staff/accounts/:id`: new roles, or disabled or enabled again, or both. */
export const accountChangeRequestSchema = v.pipe(
  fieldsObject({
    roles: v.optional(rolesField),
    disabled: v.optional(v.boolean((issue) => withHint(`"disabled" must be true or false, not ${describeValue(issue.input)}`, 'send {"disabled":true} to disable the account'))),
  }, 'refuse', {
    notAnObject: (input) => withHint(`the change must be a JSON object, not ${describeValue(input)}`, 'send {"roles":[…]} or {"disabled":true}'),
    unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "roles" and "disabled"'),
  }),
  v.check((change) => change.roles !== undefined || change.disabled !== undefined, withHint('the change changes nothing', 'send "roles", "disabled" or both')),
);
/** An account change once checked. */
export type AccountChangeRequest = v.InferOutput<typeof accountChangeRequestSchema>;

/** The longest an API token may live. */
export const MAX_TOKEN_DAYS = 366;

/** `POST /api/staff/tokens`: a token for a machine, with one role and a lifetime in days. */
export const newTokenRequestSchema = fieldsObject({
  name: v.pipe(
    v.string((issue) => withHint(`"name" must be a string, not ${describeValue(issue.input)}`, 'name the system that will use it, e.g. "ERP"')),
    v.trim(),
    v.minLength(1, withHint('the token needs a name', 'name the system that will use it, e.g. "ERP"')),
    v.maxLength(80, withHint('the name is longer than 80 characters', 'name the system briefly, e.g. "ERP"')),
    v.regex(/^[^\p{Cc}]*$/u, withHint('the name holds a control character', 'use plain text')),
  ),
  role: v.picklist(TOKEN_ROLES, (issue) => withHint(`${describeValue(issue.input)} is not a role a token may carry`, `use ${TOKEN_ROLES.join(', ')}: a token never manages accounts`)),
  expiresInDays: v.pipe(
    v.number((issue) => withHint(`"expiresInDays" must be a number, not ${describeValue(issue.input)}`, 'send e.g. {"expiresInDays":90}')),
    v.integer(withHint('"expiresInDays" must be a whole number of days', 'send e.g. 90')),
    v.minValue(1, withHint('a token lives at least 1 day', 'send 1 to 366')),
    v.maxValue(MAX_TOKEN_DAYS, withHint(`a token lives at most ${MAX_TOKEN_DAYS} days`, 'create a new one before it expires')),
  ),
}, 'refuse', {
  notAnObject: (input) => withHint(`the token must be a JSON object, not ${describeValue(input)}`, 'send {"name":"ERP","role":"fulfilment","expiresInDays":90}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "name", "role" and "expiresInDays"'),
});
/** A new token once checked. */
export type NewTokenRequest = v.InferOutput<typeof newTokenRequestSchema>;

/**
 * Whether a webhook may be sent to this URL: HTTPS, or plain HTTP to this machine only (for a
 * receiver under test); no user name or password in it; at most 2000 characters.
 */
export function checkWebhookUrl(text: string): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string; readonly hint: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text.slice(0, 80)}" is not a URL`, hint: 'send the full address, e.g. https://erp.example/atelier/webhooks' };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, message: `webhooks go over HTTPS, not ${url.protocol.replace(':', '')}`, hint: 'use an https:// address (plain http only to localhost, for testing)' };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'the URL holds a user name or password', hint: 'leave them out: every delivery is signed with the endpoint\'s secret' };
  if (text.length > 2000) return { ok: false, message: 'the URL is longer than 2000 characters', hint: 'use a shorter address' };
  return { ok: true, url: url.href };
}

/** `POST /api/staff/webhooks`: an endpoint, the events it receives, and a note on what it is. */
export const newWebhookRequestSchema = fieldsObject({
  url: v.pipe(
    v.string((issue) => withHint(`"url" must be a string, not ${describeValue(issue.input)}`, 'send e.g. "https://erp.example/atelier/webhooks"')),
    v.trim(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const check = checkWebhookUrl(dataset.value);
      if (check.ok) return check.url;
      addIssue({ message: withHint(check.message, check.hint) });
      return NEVER;
    }),
  ),
  events: v.pipe(
    v.array(
      v.picklist(WEBHOOK_EVENTS, (issue) => withHint(`${describeValue(issue.input)} is not an event`, `use ${WEBHOOK_EVENTS.join(', ')}`)),
      (issue) => withHint(`"events" must be a list, not ${describeValue(issue.input)}`, 'send e.g. {"events":["order.placed"]}'),
    ),
    v.minLength(1, withHint('the endpoint subscribes to no event', `send e.g. {"events":["${WEBHOOK_EVENTS[0]}"]}`)),
  ),
  description: v.optional(v.pipe(
    v.string((issue) => withHint(`"description" must be a string, not ${describeValue(issue.input)}`, 'say what receives the events, e.g. "ERP"')),
    v.trim(),
    v.maxLength(200, withHint('the description is longer than 200 characters', 'say briefly what receives the events')),
  ), ''),
}, 'refuse', {
  notAnObject: (input) => withHint(`the webhook must be a JSON object, not ${describeValue(input)}`, 'send {"url":"https://…","events":["order.placed"]}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "url", "events" and "description"; the secret is made by the server'),
});
/** A new webhook endpoint once checked. */
export type NewWebhookRequest = v.InferOutput<typeof newWebhookRequestSchema>;
