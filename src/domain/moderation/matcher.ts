import {
  RegExpMatcher,
  collapseDuplicatesTransformer,
  englishRecommendedWhitelistMatcherTransformers,
  resolveConfusablesTransformer,
  resolveLeetSpeakTransformer,
  toAsciiLowerCaseTransformer,
  type DataSet,
} from 'obscenity';
import { REPEAT_LIMITS, brandPatterns } from './brandPatterns.ts';
import { BRAND_SPELLINGS } from './brands.ts';
import { matchingReadings } from './normalise.ts';
import { profanityPhrases, type ModerationPhrase } from './profanity.ts';

/** A word moderation refuses: a profane word, or a protected brand (named as in the brand list). */
export type BlockedWord = { readonly kind: 'profanity' } | { readonly kind: 'brand'; readonly brand: string };

/**
 * Ordinary words that a brand's fuzzy patterns would match: "channel" is read "chanel" once
 * repeated letters collapse; "kapa" (bark cloth) is "kappa"; "naik" is a word and a name, and the
 * Latin spelling of "Найк" ("Найк" itself stays blocked); and pairs of ordinary words that spell a
 * brand when the space is dropped (obscenity's own example of a whitelisted term is "pen is").
 * Whitelisted terms are compared with a reading in lower case, before any folding, and spare
 * only a match that lies wholly inside them. Found by running 275,000 English words and every
 * two-word split of each brand through the matcher.
 */
const INNOCENT_BRAND_LOOK_ALIKES: readonly string[] = [
  'channel', 'channels', 'kapa', 'kapas', 'naik', 'naiks', 'timber land', 'timber lands', 'lulu lemon', 'lulu lemons', 'con verse',
  'con verses', 'fend is',
];

interface CompiledMatcher {
  readonly matcher: RegExpMatcher;
  readonly phrases: DataSet<ModerationPhrase>;
}

const matchersByList = new WeakMap<readonly string[], CompiledMatcher>();

/**
 * The first profane word or protected brand in a clean text (`cleanText`), profanity first. One
 * obscenity `RegExpMatcher` holds both — the English profanity dataset and a fuzzy phrase per
 * brand (`brandPatterns`) — and folds letters for both the same way: look-alike characters
 * (`resolveConfusablesTransformer`: Cyrillic "е", Greek "Ρ", "ł", small capitals, accents), leetspeak
 * (`resolveLeetSpeakTransformer`), case, and runs of a repeated letter
 * (`collapseDuplicatesTransformer`). It searches every reading of the text (`matchingReadings`:
 * words split at punctuation, Cyrillic and Greek spelt in Latin, spaced-out letters joined).
 * The matcher is compiled once per brand list.
 *
 * @example findBlockedWord('Адидас', PROTECTED_BRANDS) // { kind: 'brand', brand: 'adidas' }
 * @example findBlockedWord('Nice kicks', PROTECTED_BRANDS) // undefined
 */
export function findBlockedWord(text: string, brands: readonly string[]): BlockedWord | undefined {
  const { matcher, phrases } = compiledMatcher(brands);
  let brand: string | undefined;
  for (const reading of matchingReadings(text)) {
    for (const match of matcher.getAllMatches(reading, true)) {
      const phrase = phrases.getPayloadWithPhraseMetadata(match).phraseMetadata;
      if (phrase?.brand === undefined) return { kind: 'profanity' };
      brand ??= phrase.brand;
    }
  }
  return brand === undefined ? undefined : { kind: 'brand', brand };
}

function compiledMatcher(brands: readonly string[]): CompiledMatcher {
  let compiled = matchersByList.get(brands);
  if (!compiled) {
    const phrases = profanityPhrases();
    for (const brand of brands) {
      const patterns = [brand, ...(BRAND_SPELLINGS[brand] ?? [])].flatMap(brandPatterns);
      if (patterns.length > 0) phrases.addPhrase((phrase) => patterns.reduce((builder, pattern) => builder.addPattern(pattern), phrase.setMetadata({ brand })));
    }
    phrases.addPhrase((phrase) => INNOCENT_BRAND_LOOK_ALIKES.reduce((builder, word) => builder.addWhitelistedTerm(word), phrase));
    const matcher = new RegExpMatcher({
      ...phrases.build(),
      blacklistMatcherTransformers: [
        resolveConfusablesTransformer(),
        resolveLeetSpeakTransformer(),
        toAsciiLowerCaseTransformer(),
        collapseDuplicatesTransformer({ defaultThreshold: 1, customThresholds: new Map(REPEAT_LIMITS) }),
      ],
      whitelistMatcherTransformers: englishRecommendedWhitelistMatcherTransformers,
    });
    compiled = { matcher, phrases };
    matchersByList.set(brands, compiled);
  }
  return compiled;
}
