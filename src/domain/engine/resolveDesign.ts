import { evaluateCondition } from '../product/index.ts';
import type { Assignment, ConfigurationSpace } from './index.ts';
import type { AttributeId, OptionId } from '../product/index.ts';
import type { DefaultRule, RecommendationRule, RuleSet } from '../rules/index.ts';

/**
 * Who set a value: the customer, a suggestion (the colourway the customer started from, or a
 * default rule), or the engine (forced, or the first valid option).
 */
export type Provenance = 'customer' | 'default' | 'engine';

/** One attribute's value in a resolved design. */
export interface ResolvedValue {
  readonly option: OptionId;
  readonly provenance: Provenance;
  /** The default rule that set it, when provenance is `default` and no colourway suggested it. */
  readonly ruleId?: string;
}

/** A complete, valid design: every attribute has a value and a provenance. */
export interface ResolvedDesign {
  readonly values: ReadonlyMap<AttributeId, ResolvedValue>;
  /** The same values as a plain assignment. */
  readonly assignment: Assignment;
}

/**
 * Completes the customer's choices into a valid design. Attributes are filled in product order:
 * an attribute with one valid option left is forced by the engine; otherwise the default applies
 * if it is still valid; otherwise the engine takes the first valid recommended option, or else the
 * first valid option. Because every option
 * offered is part of some valid design (the diagram is backtrack-free), this never fails.
 *
 * When several default rules set the same attribute, the last one in the file whose condition
 * holds wins, so write general defaults first and specific ones after. A default's condition is
 * judged on the values already filled in (earlier attributes and customer choices).
 *
 * `suggested` values (a colourway the customer started from) come before the rules' defaults:
 * like defaults, each applies only while it is still valid, so the customer can change anything
 * and the engine adjusts the rest.
 *
 * Throws when the choices themselves conflict: callers keep choices consistent.
 */
export function resolveDesign(space: ConfigurationSpace, ruleSet: RuleSet, choices: Assignment, suggested: Assignment = {}): ResolvedDesign {
  const values = resolveValues(space, ruleSet, choices, suggested);
  const assignment: Record<AttributeId, OptionId> = {};
  for (const attribute of space.product.attributes) assignment[attribute.id] = values.get(attribute.id)!.option;
  return { values, assignment };
}

/**
 * The values {@link resolveDesign} gives, attribute by attribute in product order; with `wanted`,
 * it stops once those attributes have theirs (a value depends only on the values before it).
 */
export function resolveValues(space: ConfigurationSpace, ruleSet: RuleSet, choices: Assignment, suggested: Assignment = {}, wanted?: ReadonlySet<AttributeId>): Map<AttributeId, ResolvedValue> {
  if (!space.isConsistent(choices)) {
    throw new Error(`[Atelier] cannot resolve conflicting choices ${JSON.stringify(choices)}; resolve the conflict first (explainUnavailable gives a repair)`);
  }
  const defaults = ruleSet.rules.filter((rule): rule is DefaultRule => rule.kind === 'default');
  const recommendations = ruleSet.rules.filter((rule): rule is RecommendationRule => rule.kind === 'recommendation');
  const fixed: Record<AttributeId, OptionId> = { ...choices };
  const values = new Map<AttributeId, ResolvedValue>();
  // The same domains as space.domains(fixed) after each value, without a full sweep per attribute.
  const narrowing = space.narrow(choices);
  let missing = wanted ? [...wanted].filter((id) => choices[id] === undefined).length : Infinity;
  for (const attribute of space.product.attributes) {
    if (missing === 0) break;
    const chosen = choices[attribute.id];
    if (chosen !== undefined) {
      values.set(attribute.id, { option: chosen, provenance: 'customer' });
      continue;
    }
    const domain = narrowing.options(attribute.id);
    const preferred = preferredDefault(defaults, attribute.id, fixed);
    const suggestion = suggested[attribute.id];
    let value: ResolvedValue;
    if (domain.length > 1 && suggestion !== undefined && domain.includes(suggestion)) {
      value = { option: suggestion, provenance: 'default' };
    } else if (domain.length > 1 && preferred && domain.includes(preferred.option)) {
      value = { option: preferred.option, provenance: 'default', ruleId: preferred.ruleId };
    } else {
      const recommended = domain.find((option) => recommendingRule(recommendations, attribute.id, option, fixed) !== undefined);
      value = { option: recommended ?? domain[0]!, provenance: 'engine' };
    }
    values.set(attribute.id, value);
    fixed[attribute.id] = value.option;
    if (wanted?.has(attribute.id)) missing--;
    if (missing > 0) narrowing.fix(attribute.id, value.option);
  }
  return values;
}

/**
 * The default the engine would apply to an attribute: the last default rule in the file that sets
 * it and whose condition holds on the values already fixed (whether still valid is the caller's check).
 */
export function preferredDefault(defaults: readonly DefaultRule[], attributeId: AttributeId, fixed: Assignment): { option: OptionId; ruleId: string } | undefined {
  let preferred: { option: OptionId; ruleId: string } | undefined;
  for (const rule of defaults) {
    const option = rule.set[attributeId];
    if (option === undefined) continue;
    if (rule.when && !evaluateCondition(rule.when, (id) => fixed[id])) continue;
    preferred = { option, ruleId: rule.id };
  }
  return preferred;
}

/**
 * The recommendation rule that suggests `option` of `attributeId` given the values known so far,
 * if any. Recommendations only rank options; availability is decided elsewhere.
 */
export function recommendingRule(recommendations: readonly RecommendationRule[], attributeId: AttributeId, option: OptionId, known: Assignment): RecommendationRule | undefined {
  return recommendations.find((rule) => rule.prefer[attributeId]?.includes(option) && (!rule.when || evaluateCondition(rule.when, (id) => known[id])));
}
