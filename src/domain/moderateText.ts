import { PROTECTED_BRANDS } from './moderationBrands.ts';
import { cleanText, matchingForms } from './moderationNormalise.ts';
import { findPersonalData, type PersonalDataKind } from './moderationPersonalData.ts';
import { containsProfanity } from './moderationProfanity.ts';

/** Why a text was refused. */
export type ModerationReason = 'profanity' | 'brand' | 'personal-data';

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
}

/**
 * Moderates a text customers publish (a gallery title). The text is first cleaned (`cleanText`:
 * NFKC, invisible and bidirectional control characters removed, spacing collapsed); personal data
 * (email addresses, phone numbers of 7 or more digits, web addresses) is looked for in the clean
 * text; profanity and protected brand names are looked for, as whole words, in every folded form
 * (`matchingForms`: case, accents, look-alike letters, leetspeak, spacing and punctuation between
 * letters undone). So "N 1 K Е" (a Cyrillic Е), "n.i.k.e" and "ｎｉｋｅ" are all refused as the brand, while
 * "Scunthorpe", "Classic", "Assistant" and "Pumpkin spice" pass.
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

  const forms = matchingForms(normalised);
  if (containsProfanity(normalised) || forms.some((words) => containsProfanity(words.join(' ')))) {
    return refuse('profanity', `${subject} cannot contain offensive words: choose another title.`, 'reword it without the offensive word');
  }

  const brand = findBrand(forms, options.brands ?? PROTECTED_BRANDS);
  if (brand) return refuse('brand', `${subject} cannot name other brands ("${brand}"): choose a name of your own.`, `remove "${brand}"`);

  return { ok: true, normalised };
}

const PERSONAL_DATA: Readonly<Record<PersonalDataKind, string>> = {
  email: 'an email address',
  phone: 'a phone number',
  url: 'a web address',
};

function refuse(reason: ModerationReason, message: string, hint: string): ModerationResult {
  return { ok: false, reason, message, hint };
}

/** The first brand named in any form, as a whole word or words, spaced or run together, or plural. */
function findBrand(forms: readonly (readonly string[])[], brands: readonly string[]): string | undefined {
  const texts = forms.map((words) => ` ${words.join(' ')} `);
  for (const { brand, spellings } of brandSpellings(brands)) {
    if (texts.some((text) => spellings.some((spelling) => text.includes(` ${spelling} `)))) return brand;
  }
  return undefined;
}

const spellingsByList = new WeakMap<readonly string[], { brand: string; spellings: string[] }[]>();

/** Every brand's folded spellings: "new balance", "newbalance" and the plurals; computed once per list. */
function brandSpellings(brands: readonly string[]): { brand: string; spellings: string[] }[] {
  let list = spellingsByList.get(brands);
  if (!list) {
    list = brands.flatMap((brand) => {
      const words = matchingForms(brand)[0] ?? [];
      if (words.length === 0) return [];
      const spellings = new Set([words.join(' '), words.join('')]);
      for (const spelling of [...spellings]) if (!spelling.endsWith('s')) spellings.add(`${spelling}s`);
      return [{ brand, spellings: [...spellings] }];
    });
    spellingsByList.set(brands, list);
  }
  return list;
}
