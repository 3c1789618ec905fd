import { evaluateCondition } from '../product/index.ts';
import type { Assignment } from '../product/index.ts';
import type { Product } from '../product/index.ts';
import type { AlertRule, LeadTimeRule, RuleSet } from '../rules/index.ts';

/** Production time of a design. */
export interface LeadTimeEstimate {
  readonly baseDays: number;
  /** Lead-time rules whose condition holds. */
  readonly extras: readonly { readonly ruleId: string; readonly message: string; readonly days: number }[];
  readonly totalDays: number;
}

/**
 * Estimates production days: the product's base plus the largest extra of the lead-time rules
 * that apply. Extras do not add up because made-to-order parts are produced in parallel.
 */
export function estimateLeadTime(product: Product, ruleSet: RuleSet, design: Assignment): LeadTimeEstimate {
  const extras = ruleSet.rules
    .filter((rule): rule is LeadTimeRule => rule.kind === 'lead-time')
    .filter((rule) => evaluateCondition(rule.when, (attribute) => design[attribute]))
    .map((rule) => ({ ruleId: rule.id, message: rule.message, days: rule.days }));
  const extraDays = extras.reduce((max, extra) => Math.max(max, extra.days), 0);
  return { baseDays: product.baseLeadTimeDays, extras, totalDays: product.baseLeadTimeDays + extraDays };
}

/** The alert rules whose condition holds for a design: non-blocking advice. */
export function activeAlerts(ruleSet: RuleSet, design: Assignment): { readonly ruleId: string; readonly message: string }[] {
  return ruleSet.rules
    .filter((rule): rule is AlertRule => rule.kind === 'alert')
    .filter((rule) => evaluateCondition(rule.when, (attribute) => design[attribute]))
    .map((rule) => ({ ruleId: rule.id, message: rule.message }));
}
