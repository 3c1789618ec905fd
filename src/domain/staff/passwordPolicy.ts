/**
 * What a staff password must be. Long rather than complicated (NIST SP 800-63B): at least 12
 * characters, at most 256 (hashing a megabyte would be a way to tie up the server), not the
 * account's email, and not one of the passwords every list of leaked passwords starts with.
 */

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password accepted, in UTF-16 code units. */
export const MAX_PASSWORD_LENGTH = 256;

// The first entries of every leaked-password list that are 12 characters or more.
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', 'qwertyuiopas', 'qwertyuiop123', 'password1234', 'password12345',
  'passwordpassword', 'iloveyou1234', 'abc123abc123', 'aaaaaaaaaaaa', '111111111111', '000000000000', 'letmeinletmein',
  'administrator', 'admin1234567', 'changeme1234', 'welcome12345', 'qwerty123456', '1q2w3e4r5t6y', 'zaq12wsxcde3',
]);

/** Why a password is refused, or `ok`. */
export type PasswordCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string; readonly hint: string };

const HINT = 'use a passphrase of four or more unrelated words, or a password manager\'s generated password';

/**
 * Checks a new password for an account.
 *
 * @example checkNewPassword('correct horse battery staple', 'ada@example.com') // { ok: true }
 */
export function checkNewPassword(password: string, email: string): PasswordCheck {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, message: `the password has ${length} characters; it needs at least ${MIN_PASSWORD_LENGTH}`, hint: HINT };
  if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, message: `the password is longer than ${MAX_PASSWORD_LENGTH} characters`, hint: 'use a shorter passphrase' };
  if (/[\p{Cc}\p{Cs}]/u.test(password)) return { ok: false, message: 'the password holds a control character or broken text', hint: 'use letters, digits, spaces and punctuation' };
  const folded = password.toLowerCase();
  if (folded === email.toLowerCase() || folded === email.toLowerCase().split('@')[0]) return { ok: false, message: 'the password is the account\'s email address', hint: HINT };
  if (COMMON.has(folded) || new Set(folded).size <= 2) return { ok: false, message: 'the password is one of the first any attacker tries', hint: HINT };
  return { ok: true };
}
