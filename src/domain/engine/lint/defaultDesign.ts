import type { AttributeId, OptionId } from '../../product/index.ts';
import type { DefaultRule, RuleSet } from '../../rules/index.ts';
import type { ConfigurationSpace } from '../configurationSpace.ts';
import { explainBlocking, findAmong, toAssignment, type Choice } from '../explainUnavailable.ts';
import { quickXplain } from '../quickXplain.ts';
import { preferredDefault, resolveValues } from '../resolveDesign.ts';
import { describeRules, describeValues, severityOf, type LintFinding, type LintLocator } from './lintFinding.ts';

/** A default the completion of a design could not keep. */
interface Overridden {
  readonly attribute: AttributeId;
  readonly preferred: { readonly option: OptionId; readonly ruleId: string };
  /** What the engine completes the attribute to instead. */
  readonly completed: OptionId;
  /** A minimal set of the values before it that, with {@link ruleIds}, exclude the default. */
  readonly blocking: readonly Choice[];
  readonly ruleIds: readonly string[];
}

/**
 * **default-overridden**: the product's default design is not valid as written, or a preset's
 * unlisted attributes do not take the defaults its description promises. Each design is completed
 * as customers get it (attribute by attribute, defaults where still valid); each default that a
 * hard rule refuses is reported with what the engine completes it to, the earlier values that
 * exclude it and a minimal set of rules that do (QuickXplain).
 */
export function defaultDesignFindings(space: ConfigurationSpace, ruleSet: RuleSet, locator: LintLocator, strict: boolean): LintFinding[] {
  const defaults = ruleSet.rules.filter((rule): rule is DefaultRule => rule.kind === 'default');
  if (defaults.length === 0 || !space.isConsistent({})) return [];
  const severity = severityOf('default-overridden', strict);
  const findings = overriddenDefaults(space, ruleSet, defaults, {}).map((overridden): LintFinding => {
    const { attribute, preferred, completed } = overridden;
    const { rules, withValues, ruleIds } = described(space, overridden);
    return {
      severity, code: 'default-overridden', attribute, option: preferred.option, ruleIds: [preferred.ruleId, ...ruleIds],
      message: `the default design is not valid as written: "${attribute}" defaults to "${preferred.option}" (rule "${preferred.ruleId}"), but ${rules} ${ruleIds.length > 1 ? 'do' : 'does'} not allow it${withValues}, so the engine completes it to "${completed}"`,
      hint: `set "${attribute}: ${completed}" in "${preferred.ruleId}" (or another option allowed${withValues})${overridden.blocking.length > 0 ? `, change the default of ${overridden.blocking.map((choice) => `"${choice.attribute}"`).join(' or ')}` : ''}, or relax ${rules}`,
      ...locator.inRule(preferred.ruleId, ['set', attribute]),
    };
  });
  space.product.presets.forEach((preset, index) => {
    if (!space.isConsistent(preset.choices)) return; // preset-invalid says why
    for (const overridden of overriddenDefaults(space, ruleSet, defaults, preset.choices)) {
      const { attribute, preferred, completed } = overridden;
      const { rules, withValues, ruleIds } = described(space, overridden);
      findings.push({
        severity, code: 'default-overridden', attribute, option: preferred.option, ruleIds: [preferred.ruleId, ...ruleIds],
        message: `preset "${preset.id}" does not list "${attribute}", so it should take the default "${preferred.option}" (rule "${preferred.ruleId}"), but ${rules} ${ruleIds.length > 1 ? 'do' : 'does'} not allow it${withValues}, so the engine completes it to "${completed}"`,
        hint: `list "${attribute}: ${completed}" (or another option allowed${withValues}) in the preset's choices, or relax ${rules}`,
        ...locator.inProduct(['presets', index, 'choices']),
      });
    }
  });
  return findings;
}

/** The defaults that completing `choices` does not keep, in product order. */
function overriddenDefaults(space: ConfigurationSpace, ruleSet: RuleSet, defaults: readonly DefaultRule[], choices: Readonly<Record<AttributeId, OptionId>>): Overridden[] {
  const values = resolveValues(space, ruleSet, choices);
  const overridden: Overridden[] = [];
  const earlier: Choice[] = [];
  const fixed: Record<AttributeId, OptionId> = {};
  for (const attribute of space.product.attributes) {
    const completed = values.get(attribute.id)!.option;
    const preferred = choices[attribute.id] === undefined ? preferredDefault(defaults, attribute.id, fixed) : undefined;
    if (preferred && preferred.option !== completed) {
      const explanation = explainBlocking(space, earlier, { attribute: attribute.id, option: preferred.option });
      overridden.push({ attribute: attribute.id, preferred, completed, blocking: explanation?.blockingChoices ?? [], ruleIds: explanation?.rules.map((rule) => rule.ruleId) ?? [] });
    }
    earlier.push({ attribute: attribute.id, option: completed });
    fixed[attribute.id] = completed;
  }
  return overridden;
}

function described(space: ConfigurationSpace, overridden: Overridden): { rules: string; withValues: string; ruleIds: readonly string[] } {
  return {
    rules: describeRules(space, overridden.ruleIds) || 'the hard rules',
    withValues: overridden.blocking.length > 0 ? ` with ${describeValues(overridden.blocking)}` : '',
    ruleIds: overridden.ruleIds,
  };
}

/**
 * **preset-invalid** (always an error: the catalog refuses it): a colourway whose choices no valid
 * design has, with a minimal set of its choices and of the rules that conflict.
 */
export function presetFindings(space: ConfigurationSpace, locator: LintLocator): LintFinding[] {
  if (!space.isConsistent({})) return [];
  const findings: LintFinding[] = [];
  space.product.presets.forEach((preset, index) => {
    if (space.isConsistent(preset.choices)) return;
    const choices = Object.entries(preset.choices).map(([attribute, option]) => ({ attribute, option }));
    const blocking = quickXplain([], choices, (items) => space.isConsistent(toAssignment(items))) ?? choices;
    const ruleIds = findAmong(space, space.constraints.map((constraint) => constraint.ruleId), toAssignment(blocking));
    const rules = describeRules(space, ruleIds);
    findings.push({
      severity: 'error',
      code: 'preset-invalid',
      message: `preset "${preset.id}" is not a valid design: ${rules} ${ruleIds.length > 1 ? 'do' : 'does'} not allow ${describeValues(blocking)} together`,
      hint: `change one of ${blocking.map((choice) => `"${choice.attribute}"`).join(', ')} in the preset, or relax ${rules}`,
      ruleIds,
      ...locator.inProduct(blocking.length > 0 ? ['presets', index, 'choices', blocking[0]!.attribute] : ['presets', index, 'choices']),
    });
  });
  return findings;
}
