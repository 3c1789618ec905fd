/** The rules room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { LoadRulesOptions, ReadTable } from './loadRules.ts';
export { loadRules, tableFileOf } from './loadRules.ts';
export type { TableCsvResult } from './tableCsv.ts';
export { readTableCsv } from './tableCsv.ts';
export type { AlertRule, AvailabilityRule, DefaultRule, LeadTimeRule, PriceRule, RecommendationRule, Rule, RuleSet } from './rulesModel.ts';
export { hardRules } from './rulesModel.ts';
export type { ExampleExpectation, RuleExample } from './ruleExamples.ts';
export { loadRuleExamples } from './ruleExamples.ts';
