import type { Explanation } from '../engine/index.ts';
import type { Product } from '../product/index.ts';
import type { RuleSet } from '../rules/index.ts';
import { ruleSentence } from './ruleSentence.ts';

/** One rule that decides an option is unavailable, as the studio's try-it pane names it. */
export interface DecidingRule {
  /** The rule's id as written in the rules file (or the loader's id for a palette constraint). */
  readonly ruleId: string;
  /** The line of the rules file the rule starts on, when it was written there. */
  readonly line?: number;
  /** The rule in plain language; the constraint's message for one the product file implies. */
  readonly sentence: string;
  /** True for a constraint the product file implies (a material's palette), not a written rule. */
  readonly implicit: boolean;
}

/**
 * The rules that make an option unavailable — the engine's explanation (the minimal set of rules
 * that, with the blocking choices, exclude it: what the customer's conflict dialog cites) — each
 * with its id, line and sentence, so a merchandiser trying a draft sees which rule to change.
 *
 * @example
 * decidingRules(product, ruleSet, status.explanation) // [{ ruleId: 'patent-toe-on-leather', line: 41, sentence: 'If the toe cap material is Patent leather, …', implicit: false }]
 */
export function decidingRules(product: Product, ruleSet: RuleSet, explanation: Explanation): DecidingRule[] {
  return explanation.rules.map((constraint) => {
    const rule = ruleSet.rules.find((candidate) => candidate.id === constraint.ruleId);
    if (!rule || constraint.implicit) return { ruleId: constraint.ruleId, sentence: constraint.message, implicit: true };
    return { ruleId: rule.id, sentence: ruleSentence(rule, product), implicit: false, ...(rule.source ? { line: rule.source.line } : {}) };
  });
}

/**
 * {@link decidingRules} as one sentence for an option's accessible description (read after the
 * customer's reason): `Decided by rule patent-toe-on-leather (line 41): If the toe cap …`, or
 * `Decided by the product file (palette:toeCap:patent), not a rule.` for a material's palette.
 * An option no rule excludes on its own (none cited) says so rather than staying silent.
 */
export function decidingRulesText(product: Product, ruleSet: RuleSet, explanation: Explanation): string {
  const rules = decidingRules(product, ruleSet, explanation);
  if (rules.length === 0) return 'No rule is cited: the product file leaves this option out.';
  const named = rules.map((rule) => rule.implicit
    // The constraint's message is the customer's reason already: say only where it comes from.
    ? `the product file (${rule.ruleId}), not a rule.`
    : `rule ${rule.ruleId}${rule.line !== undefined ? ` (line ${rule.line})` : ''}: ${rule.sentence}`);
  return `Decided by ${named.join(' And by ')}`;
}
