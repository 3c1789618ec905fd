import type { Condition } from '../../product/index.ts';
import type { Rule, RuleSet } from '../../rules/index.ts';
import type { ConfigurationSpace } from '../configurationSpace.ts';
import { isRetiredRule } from '../retiredConstraints.ts';
import { conditionCanHold, rulesRefuting } from './conditionCanHold.ts';
import { describeRules, severityOf, type LintFinding, type LintLocator } from './lintFinding.ts';

/** What a rule of each kind does when its condition holds, for the message. */
const EFFECT: Partial<Record<Rule['kind'], string>> = {
  price: 'its surcharge is never charged',
  'lead-time': 'its extra days are never added',
  alert: 'its message is never shown',
  default: 'its defaults are never applied',
  recommendation: 'its options are never recommended',
};

/**
 * Rules whose `when:` can never hold in a valid design: **rule-never-applies** for prices, lead
 * times and alerts, **condition-never-holds** for the rest (a hard rule's condition is judged
 * against the *other* hard rules: one that forbids its own condition is a prohibition, not dead;
 * and as if retired options were still offered, so rules about them are never reported).
 * Availability conditions read session facts, not the design, and are not checked. Each finding
 * names a minimal set of rules that make the condition impossible (QuickXplain).
 */
export function ruleConditionFindings(space: ConfigurationSpace, ruleSet: RuleSet, locator: LintLocator, strict: boolean): LintFinding[] {
  const findings: LintFinding[] = [];
  const allRuleIds = space.constraints.map((constraint) => constraint.ruleId);
  for (const rule of ruleSet.rules) {
    const when = conditionOf(rule);
    if (!when) continue;
    const others = allRuleIds.filter((ruleId) => ruleId !== rule.id && !isRetiredRule(ruleId));
    // Cheap first: a condition that holds with every rule holds with fewer.
    if (conditionCanHold(space, when) || (others.length < allRuleIds.length && conditionCanHold(space, when, others))) continue;
    const refuting = rulesRefuting(space, when, others) ?? [];
    const derived = rule.kind === 'price' || rule.kind === 'lead-time' || rule.kind === 'alert';
    const code = derived ? 'rule-never-applies' : 'condition-never-holds';
    const because = refuting.length === 0 ? 'it contradicts itself' : `${describeRules(space, refuting)} ${refuting.length === 1 ? 'rules' : 'together rule'} it out`;
    const effect = EFFECT[rule.kind] ?? 'the rule never decides anything';
    findings.push({
      severity: severityOf(code, strict),
      code,
      message: `the condition of ${rule.kind} rule "${rule.id}" can never hold in a valid design (${because}), so ${effect}${derived ? `: the rule can never apply` : ''}`,
      hint: refuting.length === 0
        ? `rewrite the "when:" of "${rule.id}" so some design can meet it (an attribute cannot take two options at once), or delete the rule`
        : `rewrite the "when:" of "${rule.id}" to name options a design can have, relax ${describeRules(space, refuting).replaceAll(', ', ' or ')}, or delete "${rule.id}"`,
      ruleIds: [rule.id, ...refuting],
      ...locator.inRule(rule.id, ['when']),
    });
  }
  return findings;
}

/** The design condition of a rule (`when:`), if it has one; availability rules read facts instead. */
function conditionOf(rule: Rule): Condition | undefined {
  if (rule.kind === 'availability') return undefined;
  return 'when' in rule ? rule.when : undefined;
}
