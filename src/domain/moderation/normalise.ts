/**
 * The two kinds of text moderation works on: the clean text that is stored and shown, and the
 * readings of it that the matcher (`moderationMatcher`) searches. Letters are not folded here:
 * look-alikes, accents, leetspeak, case and repeated letters are undone by the matcher's
 * `obscenity` transformers. A reading only decides where words begin and end, and spells
 * Cyrillic and Greek words in Latin letters.
 */
import { transliterate } from './transliterate.ts';

/** A zero-width joiner that does not join two emoji (those build one emoji, e.g. a family). */
const LONE_JOINER = /\u200D(?!\p{Extended_Pictographic})/gu;
const FORMAT_EXCEPT_JOINER = /(?!\u200D)\p{Cf}/gu;
const CONTROL = /\p{Cc}/gu;
/** Half of a surrogate pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What separates words in a reading: anything but letters, digits and the symbols written for
 * letters (`@` a, `$` s, `|` and `!` i). Brackets and slashes separate, though obscenity's leetspeak
 * table reads them as "c" and "l": "(Nike)" must stay the word "nike".
 */
const SEPARATORS = /[^\p{L}\p{M}\p{N}@$|!]+/gu;
/** "!" and "|" at the edge of a word are punctuation ("Nike!"); inside one they stand for an i ("N!KE"). */
const EDGE_PUNCTUATION = /^[!|]+|[!|]+$/gu;

/**
 * The text as it is stored and shown: Unicode NFKC (full-width and styled letters become plain
 * ones), invisible formatting and bidirectional controls removed (a zero-width joiner inside an
 * emoji is kept), control characters and runs of white space turned into one space, a lone
 * surrogate (half an emoji) replaced by U+FFFD, trimmed.
 *
 * @example cleanText('  Ｎｉｇｈｔ\u200B  run\u202E ') // "Night run"
 */
export function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFKC')
    .replace(LONE_JOINER, '')
    .replace(FORMAT_EXCEPT_JOINER, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The readings of a clean text that the matcher searches, each a line of words separated by
 * single spaces: the words as written (split at punctuation, so "Louis-Vuitton" is "Louis Vuitton"
 * and "(Nike)!" is "Nike"); the same with Cyrillic and Greek letters spelt in Latin ("Адидас" →
 * "adidas"), when there are any; and each of those with runs of one-character words joined
 * ("f u c k" → "fuck", "n.i.k.e" → "nike"). Brand patterns allow spaces between letters
 * themselves ("Ni ke"); the joined reading lets the profanity list catch spaced-out words too.
 *
 * @example matchingReadings('N.1.K.E (Адидас)') // ["N 1 K E Адидас", "N 1 K E adidas", "N1KE Адидас", "N1KE adidas"]
 */
export function matchingReadings(text: string): string[] {
  // Case is left to the matcher: a capital can tell which letter a look-alike stands for.
  const words = text
    .split(SEPARATORS)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean);
  const asWritten = words.join(' ');
  const spelt = transliterate(asWritten);
  const readings = new Set([asWritten, spelt]);
  for (const reading of [asWritten, spelt]) readings.add(joinSingleCharacters(reading.split(' ')).join(' '));
  return [...readings].filter(Boolean);
}

/** "n i k e shop" → ["nike", "shop"]: a run of two or more one-character words becomes one word. */
function joinSingleCharacters(words: readonly string[]): string[] {
  const joined: string[] = [];
  let run = '';
  const flush = () => {
    if (run) joined.push(run);
    run = '';
  };
  for (const word of words) {
    if ([...word].length === 1) run += word;
    else {
      flush();
      joined.push(word);
    }
  }
  flush();
  return joined;
}
