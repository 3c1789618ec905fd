import type { Condition } from '../product/index.ts';
import type { AttributeId, OptionId } from '../product/index.ts';
import type { AvailabilityRule, RuleSet } from '../rules/index.ts';
import { assertNever } from '../shared/index.ts';

/**
 * What is known about the session outside the design: where the customer is, today's date, stock.
 * Availability rules read these as `context.<fact>`. Anything not given is unknown.
 *
 * @example { region: 'EU', date: '2026-11-25' }
 */
export type SessionFacts = Readonly<Record<string, string>>;

/** An option withdrawn for this session by an availability rule. */
export interface WithdrawnOption {
  readonly ruleId: string;
  readonly message: string;
  readonly attribute: AttributeId;
  readonly option: OptionId;
}

/**
 * The options the availability rules withdraw, given the facts. An option is withdrawn only when
 * its rule's condition is known to be false (or the date is known to be outside its window):
 * unknown counts as available.
 */
export function withdrawnOptions(ruleSet: RuleSet, facts: SessionFacts): WithdrawnOption[] {
  const withdrawn: WithdrawnOption[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.kind !== 'availability' || isOffered(rule, facts)) continue;
    for (const [attribute, options] of Object.entries(rule.options)) {
      for (const option of options) withdrawn.push({ ruleId: rule.id, message: rule.message, attribute, option });
    }
  }
  return withdrawn;
}

function isOffered(rule: AvailabilityRule, facts: SessionFacts): boolean {
  const date = facts.date;
  if (date !== undefined && ((rule.from !== undefined && date < rule.from) || (rule.until !== undefined && date > rule.until))) return false;
  return rule.when === undefined || evaluateFacts(rule.when, facts) !== false;
}

/** Three-valued evaluation: true, false, or undefined when an unknown fact decides it. */
function evaluateFacts(condition: Condition, facts: SessionFacts): boolean | undefined {
  switch (condition.kind) {
    case 'in': {
      const value = facts[condition.attribute.replace(/^context\./, '')];
      return value === undefined ? undefined : condition.options.includes(value);
    }
    case 'all': {
      const results = condition.of.map((part) => evaluateFacts(part, facts));
      return results.includes(false) ? false : results.includes(undefined) ? undefined : true;
    }
    case 'any': {
      const results = condition.of.map((part) => evaluateFacts(part, facts));
      return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
    }
    case 'not': {
      const result = evaluateFacts(condition.of, facts);
      return result === undefined ? undefined : !result;
    }
    default:
      return assertNever(condition);
  }
}
