/** The rules room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { CatalogEntry, SourceFile } from './catalogEntry.ts';
export { loadCatalogEntry, rulesVersionOf } from './catalogEntry.ts';
export type { HardConstraint } from './hardConstraints.ts';
export { hardConstraints } from './hardConstraints.ts';
export type { LintFinding, LintOptions } from './lintRules.ts';
export { lintRules } from './lintRules.ts';
export { loadRules } from './loadRules.ts';
export type { AlertRule, AvailabilityRule, DefaultRule, LeadTimeRule, PriceRule, RecommendationRule, Rule, RuleSet } from './rulesModel.ts';
