/** The moderation room of the domain: see CONTEXT.md. Import from this file outside the room. */
export { BRAND_SPELLINGS, PROTECTED_BRANDS } from './brands.ts';
export { findLink } from './links.ts';
export type { BlockedWord } from './matcher.ts';
export { findBlockedWord } from './matcher.ts';
export type { ModerationOptions, ModerationReason, ModerationResult } from './moderateText.ts';
export { moderateText } from './moderateText.ts';
export { cleanText, matchingReadings } from './normalise.ts';
export type { PersonalDataFinding, PersonalDataKind } from './personalData.ts';
export { findPersonalData } from './personalData.ts';
