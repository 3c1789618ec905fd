import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

/**
 * Words the English dataset blocks by a shorter word inside them, although they are innocent
 * (its own whitelist already spares "Scunthorpe", "assassin", "Dickens" and the like).
 */
const INNOCENT_WORDS: readonly string[] = ['shiitake', 'cockpit', 'cockpits', 'penistone', 'niggard', 'niggardly', 'cocktail', 'hancock', 'peacock', 'woodcock', 'shuttlecock', 'sussex', 'essex', 'analysis', 'therapist', 'cumulus', 'titanic', 'grape', 'scrape', 'tit for tat'];

let matcher: RegExpMatcher | undefined;

/**
 * Whether a text holds profanity, by obscenity's English dataset and recommended transformers
 * (which undo leetspeak, look-alikes and repeated letters themselves). Pass it every form from
 * `matchingForms` joined by spaces as well as the clean text, so that spacing tricks are caught.
 *
 * @example containsProfanity('sh1t') // true
 * @example containsProfanity('Scunthorpe') // false
 */
export function containsProfanity(text: string): boolean {
  matcher ??= new RegExpMatcher({
    ...new DataSet<{ originalWord?: string }>()
      .addAll(englishDataset)
      .addPhrase((phrase) => INNOCENT_WORDS.reduce((builder, word) => builder.addWhitelistedTerm(word), phrase))
      .build(),
    ...englishRecommendedTransformers,
  });
  return matcher.hasMatch(text);
}
