/**
 * Latin spellings of Cyrillic and Greek letters, as a reader sounds them out (a simplified
 * BGN/PCGN for Cyrillic, ISO 843 for Greek). This is not the look-alike folding — `resolveConfusables`
 * reads a Cyrillic "Д" as an "a" because of its shape — but the reading of a word written in
 * another script: "Адидас" → "adidas", "Пума" → "puma", "Найк" → "nayk".
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  // Russian, Ukrainian, Belarusian, Serbian and Macedonian letters
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ђ: 'dj', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', ѕ: 'dz', и: 'i',
  і: 'i', ї: 'yi', й: 'y', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', ћ: 'c', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dz', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
  // Greek
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const NON_LATIN_LETTER = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const COMBINING_MARK = /\p{M}/gu;

/**
 * The text with every Cyrillic and Greek letter spelt in Latin letters, case folded to lower case
 * for those letters; everything else is left as it is. Accented Greek vowels lose their accent.
 *
 * @example transliterate('Адидас') // "adidas"
 * @example transliterate('Найк 90') // "nayk 90"
 */
export function transliterate(text: string): string {
  if (!NON_LATIN_LETTER.test(text)) return text;
  let result = '';
  for (const character of text) {
    if (!NON_LATIN_LETTER.test(character)) {
      result += character;
      continue;
    }
    const lower = character.toLowerCase();
    result += TRANSLITERATION[lower] ?? TRANSLITERATION[lower.normalize('NFD').replace(COMBINING_MARK, '')] ?? character;
  }
  return result;
}
