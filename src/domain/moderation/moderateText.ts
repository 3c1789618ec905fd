import { PROTECTED_BRANDS } from './brands.ts';
import { findLink } from './links.ts';
import { findBlockedWord } from './matcher.ts';
import { cleanText } from './normalise.ts';
import { findPersonalData, type PersonalDataKind } from './personalData.ts';

/** Why a text was refused. */
export type ModerationReason = 'profanity' | 'brand' | 'personal-data' | 'link';

/**
 * The verdict on a public text: accepted, with the clean text to store and show, or refused, with
 * a message for the customer saying what is wrong and how to fix it, and a shorter hint.
 */
export type ModerationResult =
  | { readonly ok: true; readonly normalised: string }
  | { readonly ok: false; readonly reason: ModerationReason; readonly message: string; readonly hint: string };

/** What a shop may change about moderation. */
export interface ModerationOptions {
  /** The protected brand names (default {@link PROTECTED_BRANDS}); extend it, e.g. `[...PROTECTED_BRANDS, 'acme']`. */
  readonly brands?: readonly string[];
  /** What the text is, plural and capitalised, for messages (default "Titles"). */
  readonly subject?: string;
  /** What the customer writes instead, for messages (default "another title"), e.g. "other words". */
  readonly instead?: string;
}

/**
 * Moderates a text customers publish (a gallery title). The text is first cleaned (`cleanText`:
 * NFKC, invisible and bidirectional control characters removed, spacing collapsed). Then, in the
 * clean text: personal data (email addresses, phone numbers of 7 or more digits), then web
 * addresses, plain or disguised (`findLink`: "evil.example", "hxxp://…", "evil[.]com",
 * "www . evil . com"); then profanity and protected brand names, by one matcher
 * (`findBlockedWord`: look-alike letters, leetspeak, accents, repeated letters, spacing,
 * Cyrillic and Greek spellings and sound-alike brand spellings undone). So "N 1 K Е" (a Cyrillic
 * Е), "NlKE", "Ni ke", "Адидас" and "Adidaz" are refused as the brand, while "Scunthorpe",
 * "Classic", "Nice kicks" and "Pumpkin spice" pass.
 *
 * @example
 * moderateText('Midnight runner') // { ok: true, normalised: 'Midnight runner' }
 * moderateText('My n1ke kicks')   // { ok: false, reason: 'brand', message: 'Titles cannot name other brands ("nike"): choose a name of your own.', … }
 */
export function moderateText(text: string, options: ModerationOptions = {}): ModerationResult {
  const subject = options.subject ?? 'Titles';
  const normalised = cleanText(text);

  const personal = findPersonalData(normalised);
  if (personal) return refuse('personal-data', `${subject} cannot contain ${PERSONAL_DATA[personal.kind]}: the gallery is public, so keep contact details out of it.`, `remove "${personal.match}"`);

  const link = findLink(normalised);
  if (link) return refuse('link', `${subject} cannot contain a web address: the gallery shows no links, so a title cannot send people elsewhere.`, `remove "${link}"`);

  const blocked = findBlockedWord(normalised, options.brands ?? PROTECTED_BRANDS);
  if (blocked?.kind === 'profanity') return refuse('profanity', `${subject} cannot contain offensive words: choose ${options.instead ?? 'another title'}.`, 'reword it without the offensive word');
  if (blocked?.kind === 'brand') return refuse('brand', `${subject} cannot name other brands ("${blocked.brand}"): choose a name of your own.`, `remove "${blocked.brand}"`);

  return { ok: true, normalised };
}

const PERSONAL_DATA: Readonly<Record<PersonalDataKind, string>> = {
  email: 'an email address',
  phone: 'a phone number',
};

function refuse(reason: ModerationReason, message: string, hint: string): ModerationResult {
  return { ok: false, reason, message, hint };
}
