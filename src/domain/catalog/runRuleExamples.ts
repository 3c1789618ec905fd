import { findAmong, findBlockingRules, resolveDesign, type ConfigurationSpace } from '../engine/index.ts';
import { estimateLeadTime, formatMoney, priceDesign } from '../pricing/index.ts';
import type { Assignment } from '../product/index.ts';
import type { ExampleExpectation, RuleExample, RuleSet } from '../rules/index.ts';

/** What running one example found. */
export interface ExampleOutcome {
  readonly example: RuleExample;
  readonly passed: boolean;
  /** What the example expects, in words: `refused by rule "logo-contrast"`. */
  readonly expected: string;
  /** What the engine found, in words: `valid (it can be completed to a valid design)`. */
  readonly actual: string;
}

/**
 * Runs a rules file's examples against its compiled rules (`space`) and the rules' prices and lead
 * times: each example's design is judged by the engine (valid: some valid design keeps the
 * choices; invalid: none does, and the named rule is among the rules the engine cites), and
 * priced and timed as the engine completes it (`resolveDesign`: defaults, then the first valid
 * option), as a customer who made only those choices would see it.
 *
 * @example
 * runRuleExamples(compileRules(product, ruleSet), ruleSet, examples).filter((outcome) => !outcome.passed)
 */
export function runRuleExamples(space: ConfigurationSpace, ruleSet: RuleSet, examples: readonly RuleExample[]): ExampleOutcome[] {
  return examples.map((example) => {
    const expected = describeExpectation(space, example.expect);
    const { passed, actual } = judge(space, ruleSet, example);
    return { example, passed, expected, actual };
  });
}

function judge(space: ConfigurationSpace, ruleSet: RuleSet, example: RuleExample): { passed: boolean; actual: string } {
  const design = example.design;
  const expect = example.expect;
  if (!space.isConsistent(design)) {
    const reasons = refusingRules(space, design, expect.kind === 'invalid' ? expect.ruleId : undefined);
    const cited = reasons.map((ruleId) => `"${ruleId}" (${messageOf(space, ruleId)})`).join(', ');
    const passed = expect.kind === 'invalid' && reasons.includes(expect.ruleId);
    return { passed, actual: cited ? `the choices conflict: refused by ${cited}` : 'the choices conflict: no valid design has them' };
  }
  switch (expect.kind) {
    case 'valid':
      return { passed: true, actual: 'valid' };
    case 'invalid':
      return { passed: false, actual: 'the choices can be completed to a valid design, so no rule refuses them' };
    case 'price': {
      const price = priceDesign(space.product, ruleSet, resolveDesign(space, ruleSet, design).assignment);
      const money = (amount: number) => formatMoney(amount, price.currency);
      const lines = [`base ${money(price.base)}`, ...price.surcharges.map((line) => `${line.label} (${line.ruleId}) ${money(line.amount)}`)];
      return { passed: price.unitTotal === expect.amount, actual: `the completed design costs ${money(price.unitTotal)}: ${lines.join(' + ')}` };
    }
    case 'leadTime': {
      const lead = estimateLeadTime(space.product, ruleSet, resolveDesign(space, ruleSet, design).assignment);
      const extras = lead.extras.map((extra) => `${extra.ruleId} +${extra.days}`);
      const why = `base ${lead.baseDays}${extras.length > 0 ? `, the longest extra of ${extras.join(', ')}` : ', no extra'}`;
      return { passed: lead.totalDays === expect.days, actual: `the completed design takes ${plural(lead.totalDays, 'day')} (${why})` };
    }
  }
}

/**
 * The rules the engine cites for refusing the choices: a minimal set of rules that refuse them
 * together. When the choices break several rules independently, and `wanted` is not in the first
 * set, the engine is asked again without that set's rules, so a rule refusing the choices on its
 * own account is still found.
 */
function refusingRules(space: ConfigurationSpace, design: Assignment, wanted: string | undefined): string[] {
  const found: string[] = [];
  let remaining = space.constraints.map((constraint) => constraint.ruleId);
  let conflict = findBlockingRules(space, design);
  while (conflict.length > 0) {
    found.push(...conflict);
    if (wanted === undefined || conflict.includes(wanted)) break;
    remaining = remaining.filter((ruleId) => !conflict.includes(ruleId));
    if (!remaining.includes(wanted) || space.isConsistentUnder(remaining, design)) break;
    conflict = findAmong(space, remaining, design);
  }
  return found;
}

function describeExpectation(space: ConfigurationSpace, expect: ExampleExpectation): string {
  switch (expect.kind) {
    case 'valid':
      return 'a valid design';
    case 'invalid':
      return `the choices to be refused by rule "${expect.ruleId}"`;
    case 'price':
      return `a price of ${formatMoney(expect.amount, space.product.currency)}`;
    case 'leadTime':
      return `a lead time of ${plural(expect.days, 'day')}`;
  }
}

function messageOf(space: ConfigurationSpace, ruleId: string): string {
  return space.constraints.find((constraint) => constraint.ruleId === ruleId)?.message ?? ruleId;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
