import { parseRawPattern, type ParsedPattern } from 'obscenity';
import { transliterate } from './transliterate.ts';

/**
 * How many times a letter may repeat before the matcher collapses the run (`collapseDuplicatesTransformer`):
 * once, except the letters English doubles in the listed words ("book", "all", "ass", "egg"),
 * as obscenity's English preset does. A brand's pattern is collapsed the same way, so "Reeebok"
 * and "Guccci" meet "reebok" and "guci".
 */
export const REPEAT_LIMITS: ReadonlyMap<string, number> = new Map([['b', 2], ['e', 2], ['o', 2], ['l', 2], ['s', 2], ['g', 2]]);

/**
 * Letters a brand may be written with instead of its own, because they look or sound the same:
 * a capital I, a small l, a 1, a bar all read as one stroke (obscenity's transformers turn "1" and
 * "!" into an i and "|" or a Greek Ι into an l); i and y sound alike ("Nyke"); s may be written z
 * ("Adidaz", "Vanz") and c may be written k ("Konverse"). Not k for c: "nice" is not "nike".
 */
const STAND_INS: Readonly<Record<string, readonly string[]>> = { i: ['l', 'y'], l: ['i'], y: ['i'], s: ['z'], c: ['k'] };
/** Shorter names ("ysl", "dior" keeps them) have too many ordinary neighbours for stand-ins. */
const STAND_IN_MIN_LETTERS = 4;
const COMBINING_MARK = /\p{M}/gu;

/**
 * The obscenity patterns that match a brand name as a whole word, however it is spaced or spelt:
 * spaces allowed between any two letters ("Ni ke", "new balance", "newbalance"), a plural s,
 * one stand-in letter from the list above anywhere ("Adidaz", "Nyke"), or every i written l and
 * every l written i ("IuIuIemon"). One stand-in, not every combination: "calvin klein" has 9
 * patterns instead of 72, which keeps the matcher small and quick. The name may be
 * written in any script: "Найк" becomes the patterns of "nayk" and "naik".
 *
 * Deliberately no general edit distance: one changed letter turns "crocs" into "cross", "chanel"
 * into "chapel", "hermes" into "heroes", "umbro" into "umbra", "salomon" into "salmon" and "asics"
 * into "basics", all ordinary words.
 *
 * @example brandPatterns('Vans').length // 2: "v a n s" and "v a n z", each with optional spaces
 */
export function brandPatterns(name: string): ParsedPattern[] {
  const letters = [...transliterate(name).normalize('NFD').replace(COMBINING_MARK, '').toLowerCase().replace(/[^a-z]/gu, '')];
  if (letters.length === 0) return [];
  const plural = /[sz]$/u.test(letters.join('')) ? '' : '[s]';
  const patterns = new Set<string>();
  for (const spelling of letters.length >= STAND_IN_MIN_LETTERS ? spellings(letters) : [letters]) {
    patterns.add(`|${collapseRuns(spelling).join('[ ]')}${plural}|`);
  }
  return [...patterns].map((pattern) => parseRawPattern(pattern));
}

/** The name, the name with one stand-in letter, and the name with every i and l swapped. */
function spellings(letters: readonly string[]): (readonly string[])[] {
  const oneStandIn = letters.flatMap((letter, index) => (STAND_INS[letter] ?? []).map((standIn) => letters.map((other, at) => (at === index ? standIn : other))));
  const swapped = letters.map((letter) => (letter === 'i' ? 'l' : letter === 'l' ? 'i' : letter));
  return [letters, ...oneStandIn, swapped];
}

/** "g u c c i" → "g u c i": runs cut to the matcher's {@link REPEAT_LIMITS}. */
function collapseRuns(letters: readonly string[]): string[] {
  const kept: string[] = [];
  let run = 0;
  letters.forEach((letter, index) => {
    run = index > 0 && letters[index - 1] === letter ? run + 1 : 1;
    if (run <= (REPEAT_LIMITS.get(letter) ?? 1)) kept.push(letter);
  });
  return kept;
}
