/** The studio room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { Diagnostic, DiagnosticCode, DiagnosticEdit, Draft, DraftCheck } from './checkDraft.ts';
export { checkDraft } from './checkDraft.ts';
export type { DraftAnalysis } from './draftCheckCache.ts';
export { DraftCheckCache, REDUNDANCY_CHECK_MAX_ROWS } from './draftCheckCache.ts';
export { ruleSentence } from './ruleSentence.ts';
export type { RuleCard, RuleChip, RuleStanding } from './ruleCards.ts';
export { ruleCards, ruleChips } from './ruleCards.ts';
export type { DraftVocabulary } from './draftVocabulary.ts';
export { draftVocabulary } from './draftVocabulary.ts';
export { lineColumnOf, offsetOf, tokenAt } from './textRange.ts';
export type { DecidingRule } from './decidingRules.ts';
export { decidingRules, decidingRulesText } from './decidingRules.ts';
export type { DraftExampleOutcome } from './draftExamples.ts';
export { runDraftExamples } from './draftExamples.ts';
export type { NewExample } from './addExampleText.ts';
export { addExampleText } from './addExampleText.ts';
