/** The kinds of personal data public text may not hold. */
export type PersonalDataKind = 'email' | 'phone';

/** Personal data found in a text: its kind and the text that matched. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  readonly match: string;
}

const AT = String.raw`(?:@|\s*[([{]\s*at\s*[)\]}]\s*|\s+at\s+)`;
const DOT = String.raw`(?:\.|\s*[([{]\s*(?:dot|\.)\s*[)\]}]\s*|\s+dot\s+)`;
/** name@example.com, and the spelt-out "name (at) example (dot) com". */
const EMAIL = new RegExp(String.raw`[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}`, 'iu');
/** Seven or more digits, allowing the spaces, dots, dashes, slashes and brackets phone numbers are written with. */
const PHONE = /\+?\(?\d(?:[\s./()-]{0,2}\d){6,}/gu;
/** "2024-2025", "1999/2000": a span of years, not a phone number. */
const YEAR_SPAN = /^(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d$/u;
/**
 * Finds the first email address or phone number (7+ digits) in a text that `cleanText` has
 * cleaned, spelt-out forms ("ada (at) example (dot) com", "ada at example[.]com") included. Public
 * text must hold none: strangers read the gallery. Web addresses are `findLink`'s.
 *
 * @example findPersonalData('Call 0612 345 678') // { kind: 'phone', match: '0612 345 678' }
 */
export function findPersonalData(text: string): PersonalDataFinding | undefined {
  const email = EMAIL.exec(text);
  if (email) return { kind: 'email', match: email[0] };
  const phone = [...text.matchAll(PHONE)].find((match) => !YEAR_SPAN.test(match[0]));
  if (phone) return { kind: 'phone', match: phone[0] };
  return undefined;
}
