/**
 * Web addresses in public text. The gallery never shows a link: a title that names an address
 * sends strangers elsewhere (to a shop, a scam, or a copy of someone's details), however the
 * address is disguised.
 */

/** The separators written for a dot, besides "." itself: "[.]", "(.)", "{.}", "[dot]", "(dot)", an ideographic "。". */
const DEFANGED_DOT = String.raw`\s*(?:[[({]\s*(?:\.|。|dot)\s*[\])}]|。)\s*`;
/** A dot with spaces around it, or the word "dot": only an address when a known ending follows. */
const LOOSE_DOT = String.raw`(?:\s*\.\s*|\s+dot\s+)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const TOP_LEVEL_DOMAINS = 'com|net|org|io|co|uk|de|fr|nl|es|it|eu|us|ca|au|ch|be|at|se|no|dk|fi|pl|ru|cn|jp|in|br|info|biz|shop|store|online|site|app|dev|me|tv|gg|ly|xyz|link|page|example';

/**
 * A scheme, plain or defanged: "http://", "hxxps://", "hxxp[:]//", "ftp://".
 * Everything up to the next space is the address.
 */
const SCHEME = String.raw`\b(?:h[tx]{2}ps?|fxp|ftp)\s*(?:\[:\]|\(:\)|:)\s*\/\/\S*`;
/** "www." however the dot is written, and what follows. */
const WWW = String.raw`\bwww(?:${DEFANGED_DOT}|${LOOSE_DOT})\S+`;
/** Labels joined by a dot with no space, ending in a label of two letters or more: "evil.example", "shop.co.uk". */
const DOTTED = String.raw`(?<![\p{L}\p{N}.-])[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}](?:\.${LABEL})*\.\p{L}[\p{L}\p{N}-]*\p{L}(?![\p{L}\p{N}])`;
/** Labels joined by a defanged dot, whatever the ending: "evil[.]com", "evil (dot) example". */
const DEFANGED = String.raw`${LABEL}(?:${DEFANGED_DOT}${LABEL})+`;
/** Labels joined by a spaced dot or the word "dot", ending in a known top-level domain: "evil . com", "evil dot com". */
const SPACED = String.raw`\b${LABEL}(?:${LOOSE_DOT}${LABEL})*${LOOSE_DOT}(?:${TOP_LEVEL_DOMAINS})\b`;

const LINK = new RegExp(`${SCHEME}|${WWW}|${DEFANGED}|${DOTTED}|${SPACED}`, 'iu');

/**
 * The first web address in a clean text (`cleanText`, so a full-width "．" is already a dot):
 * a scheme ("https://", defanged "hxxp[:]//"), "www.", labels joined by a dot with no space and
 * ending in letters ("evil.example", any ending), labels joined by a defanged dot ("evil[.]com",
 * "evil(dot)com"), or by a spaced dot or the word "dot" before a common ending ("evil . com",
 * "evil dot com"). Initials and numbers ("U.S.A.", "No.5", "2.0") and dots followed by a space
 * ("Vol. 2", "St. Louis") are not addresses.
 *
 * @example findLink('hxxp://evil.example/x') // "hxxp://evil.example/x"
 * @example findLink('Polka dot dress') // undefined
 */
export function findLink(text: string): string | undefined {
  return LINK.exec(text)?.[0].trim();
}
