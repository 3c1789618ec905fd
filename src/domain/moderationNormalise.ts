/**
 * The two forms of a text that moderation works on: the clean text that is stored and shown, and
 * the folded forms that words are matched against, in which look-alikes, leetspeak and spacing
 * tricks are undone. Plain string work, no dependencies.
 */

/** Zero-width and bidirectional control characters, soft hyphens and other invisible formatting. */
const INVISIBLE = /\p{Cf}/gu;
/** A zero-width joiner that does not join two emoji (those build one emoji, e.g. a family). */
const LONE_JOINER = /\u200D(?!\p{Extended_Pictographic})/gu;
const FORMAT_EXCEPT_JOINER = /(?!\u200D)\p{Cf}/gu;
const CONTROL = /\p{Cc}/gu;
/** Half of a surrogate pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const COMBINING_MARK = /\p{M}/gu;

/** Capitals of other scripts that look like Latin capitals (Greek Η is H, though η looks like n). */
const CAPITAL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'a', В: 'b', Е: 'e', Ѕ: 's', І: 'i', Ј: 'j', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', Ү: 'y',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
};

/**
 * Letters from other scripts that look like Latin ones (after lower-casing), from Unicode's
 * confusables list: Cyrillic, Greek, Armenian and small capitals. Only letters a reader would take
 * for the Latin letter are mapped, so a text in those scripts is not turned into English words.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', ү: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ɡ: 'g', ь: 'b', п: 'n', г: 'r', ш: 'w',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', ς: 'c', τ: 't', υ: 'u',
  χ: 'x', ω: 'w',
  // Armenian
  ս: 'u', օ: 'o', հ: 'h', ո: 'n', ց: 'g', ք: 'p',
  // Latin letters without a decomposition, and small capitals
  ı: 'i', ɩ: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ɑ: 'a', ß: 'ss', æ: 'ae', œ: 'oe',
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o',
  ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** Digits and symbols written for letters. `1` is read both as `i` and as `l`: each reading is a form. */
const LEET: readonly Readonly<Record<string, string>>[] = [
  { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's' },
  { 0: 'o', 1: 'l', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's' },
];
const LEET_CHARACTER = /[013457@$]/u;
const LETTER = /\p{L}/u;
const NOT_LETTER = /[^\p{L}]+/u;

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
 * The forms of a text that words are matched against, each a list of lower-case words. Folding:
 * NFKC, case folded, accents and invisible characters removed, look-alike letters mapped to Latin
 * ones (Cyrillic "о" → "o"), leetspeak undone inside words that hold a letter ("n1k3" → "nike";
 * "2024" stays a number). Then three splittings of every reading: words split at anything that is
 * not a letter ("air-jordan" → air, jordan), words with the punctuation inside them removed
 * ("n.i.k.e" → nike), and runs of single letters joined ("n i k e" → nike). A word must equal a
 * blocked word, so "Scunthorpe" or "Pumpkin" never match a shorter word inside them.
 *
 * @example matchingForms('N.1.K.E') // [["n","i","k","e"], ["nike"], ["nike"], …]
 */
export function matchingForms(text: string): string[][] {
  const folded = foldLetters(text);
  const forms: string[][] = [];
  const seen = new Set<string>();
  const add = (words: string[]) => {
    const key = words.join(' ');
    if (words.length > 0 && !seen.has(key)) {
      seen.add(key);
      forms.push(words);
    }
  };
  for (const leet of LEET) {
    const chunks = folded.split(/\s+/u).filter(Boolean).map((chunk) => (LETTER.test(chunk) ? undoLeet(chunk, leet) : chunk));
    const words = chunks.flatMap((chunk) => chunk.split(NOT_LETTER)).filter(Boolean);
    add(words);
    add(chunks.map((chunk) => chunk.replace(/[^\p{L}]/gu, '')).filter(Boolean));
    add(joinSingleLetters(words));
  }
  return forms;
}

/** Lower case, no accents, no invisible characters, look-alikes mapped; spacing and punctuation kept. */
function foldLetters(text: string): string {
  let capitalsMapped = '';
  for (const character of text.normalize('NFKC')) capitalsMapped += CAPITAL_LOOK_ALIKES[character] ?? character;
  const decomposed = capitalsMapped.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '').replace(INVISIBLE, '');
  let folded = '';
  for (const character of decomposed) folded += LOOK_ALIKES[character] ?? character;
  return folded.normalize('NFC');
}

function undoLeet(chunk: string, leet: Readonly<Record<string, string>>): string {
  if (!LEET_CHARACTER.test(chunk)) return chunk;
  let result = '';
  for (const character of chunk) result += leet[character] ?? character;
  return result;
}

/** "n i k e shop" → ["nike", "shop"]: a run of two or more one-letter words becomes one word. */
function joinSingleLetters(words: readonly string[]): string[] {
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
