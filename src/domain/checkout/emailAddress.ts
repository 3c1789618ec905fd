/** Whether a text is an email address Atelier accepts, and if not, why, in words for the customer. */
export type EmailCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The longest address mail servers carry (RFC 5321: a 254-character path). */
export const MAX_EMAIL_LENGTH = 254;

const MAX_LOCAL_LENGTH = 64;
const MAX_LABEL_LENGTH = 63;
/** The characters of an unquoted local part (RFC 5322 `atext`), dots between them. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A domain label: letters (any script: an IDN as typed), digits and inner hyphens. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain: letters, or an IDN top-level domain in punycode (`xn--…`). */
const TOP_LEVEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;
// C0 and C1 controls, DEL, and half a surrogate pair (in /u mode a lone surrogate is its own code point).
const UNREADABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * Checks an email address as a shop can use it: `local@domain`, the local part unquoted
 * (letters, digits and `!#$%&'*+/=?^_\`{|}~-`, dots between them, so `+` tags work), the domain a
 * host name of at least two labels (letters of any script or punycode, digits, inner hyphens),
 * no IP literals, no quoted local parts, no control characters, at most 254 characters. The one
 * home of the rule: the configurator's form and the server use it alike. Trim before checking.
 *
 * @example checkEmailAddress('ada+shoes@mail.example.com') // { ok: true }
 * @example checkEmailAddress('a@[127.0.0.1]') // { ok: false, reason: 'the part after "@" must be a domain name such as example.com, not an IP address' }
 */
export function checkEmailAddress(text: string): EmailCheck {
  const refuse = (reason: string): EmailCheck => ({ ok: false, reason });
  if (text.length === 0) return refuse('it is empty');
  if (UNREADABLE.test(text)) return refuse('it holds a control character or broken text');
  if (/\s/u.test(text)) return refuse('it holds a space');
  if (text.length > MAX_EMAIL_LENGTH) return refuse(`it has ${text.length} characters, more than the ${MAX_EMAIL_LENGTH} an address may have`);
  const at = text.lastIndexOf('@');
  if (at < 0) return refuse('it has no "@"');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length === 0) return refuse('there is nothing before the "@"');
  if (local.includes('@')) return refuse('it has more than one "@"');
  if (local.length > MAX_LOCAL_LENGTH) return refuse(`the part before "@" has ${local.length} characters, more than ${MAX_LOCAL_LENGTH}`);
  if (!LOCAL_PART.test(local)) return refuse('the part before "@" may hold only letters, digits, dots (not two in a row, nor first or last) and !#$%&\'*+/=?^_`{|}~-');
  if (domain.length === 0) return refuse('there is nothing after the "@"');
  if (domain.startsWith('[') || /^[0-9.]+$/.test(domain)) return refuse('the part after "@" must be a domain name such as example.com, not an IP address');
  const labels = domain.split('.');
  if (labels.length < 2) return refuse(`"${domain}" has no dot: the part after "@" must be a domain name such as example.com`);
  for (const label of labels) {
    if (label.length === 0) return refuse(`"${domain}" has an empty part between dots`);
    if (label.length > MAX_LABEL_LENGTH) return refuse(`a part of "${domain}" has more than ${MAX_LABEL_LENGTH} characters`);
    if (!LABEL.test(label)) return refuse(`"${label}" in "${domain}" may hold only letters, digits and hyphens, and may not start or end with a hyphen`);
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1]!)) return refuse(`"${labels[labels.length - 1]}" is not a top-level domain such as com or de`);
  return { ok: true };
}
