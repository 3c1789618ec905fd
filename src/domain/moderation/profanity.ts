import { DataSet, englishDataset } from 'obscenity';

/** What a phrase of the moderation matcher stands for: a profane word (obscenity's own metadata) or a brand. */
export interface ModerationPhrase {
  readonly originalWord?: string;
  readonly brand?: string;
}

/**
 * Words the English dataset blocks by a shorter word inside them, although they are innocent
 * (its own whitelist already spares "Scunthorpe", "assassin", "Dickens" and the like).
 */
const INNOCENT_WORDS: readonly string[] = ['shiitake', 'cockpit', 'cockpits', 'penistone', 'niggard', 'niggardly', 'cocktail', 'hancock', 'peacock', 'woodcock', 'shuttlecock', 'sussex', 'essex', 'analysis', 'therapist', 'cumulus', 'titanic', 'grape', 'scrape', 'tit for tat'];

/**
 * The profane words, as phrases for the moderation matcher: obscenity's English dataset (from the
 * `cuss` project) with the innocent words above whitelisted. A new data set on each call, for the
 * caller to extend with brands.
 *
 * @example new RegExpMatcher({ ...profanityPhrases().build(), ...englishRecommendedTransformers }).hasMatch('sh1t') // true
 */
export function profanityPhrases(): DataSet<ModerationPhrase> {
  return new DataSet<ModerationPhrase>()
    .addAll(englishDataset)
    .addPhrase((phrase) => INNOCENT_WORDS.reduce((builder, word) => builder.addWhitelistedTerm(word), phrase));
}
