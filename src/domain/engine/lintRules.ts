import type { ConfigurationSpace } from './configurationSpace.ts';
import { findAmong, findBlockingRules } from './explainUnavailable.ts';
import { ruleConditionFindings } from './lint/ruleConditions.ts';
import { defaultDesignFindings, presetFindings } from './lint/defaultDesign.ts';
import { productFileFindings } from './lint/productFile.ts';
import { LintLocator, describeRules, severityOf, type LintFinding, type LintOptions } from './lint/lintFinding.ts';

export type { LintCode, LintFinding, LintOptions, LintSource } from './lint/lintFinding.ts';
export { findingAsProblem } from './lint/lintFinding.ts';

/**
 * Finds mistakes in a product's rules before customers do. Always errors:
 * - **no-valid-design**: the hard rules allow nothing; names a minimal set of conflicting rules;
 * - **preset-invalid**: a colourway no valid design has, with its conflicting choices and rules.
 * Warnings, and errors with `strict` (publishing), each with the rules involved (minimal) and a fix:
 * - **dead-option**: an option in no valid design (unless `retired: true`), with the rules that exclude it;
 * - **default-overridden**: a default the hard rules refuse, so the default design is not as written;
 * - **condition-never-holds** / **rule-never-applies**: a `when:` no valid design meets (for
 *   prices, lead times and alerts: the rule never applies);
 * - **duplicate-code**, **unused-colour**, **unused-material**: product file mistakes.
 * Always warnings: **redundant-rule**, a rule implied by the others (removing it changes nothing).
 * Rules, defaults and personal text are checked only when `ruleSet` is given; findings point at
 * their node when `sources` are given. Unknown attributes and options are already refused, with
 * positions, when the files are loaded.
 */
export function lintRules(space: ConfigurationSpace, options: LintOptions = {}): LintFinding[] {
  const strict = options.strict === true;
  const locator = new LintLocator(options);
  const findings: LintFinding[] = [];
  const ruleIds = space.constraints.map((constraint) => constraint.ruleId);

  if (!space.isConsistent({})) {
    const conflict = findAmong(space, ruleIds, {});
    findings.push({
      severity: 'error',
      code: 'no-valid-design',
      message: `no design satisfies all the hard rules: ${conflict.join(', ')} cannot all hold together`,
      hint: `relax or remove one of ${conflict.join(', ')}: dropping any one of them resolves this conflict`,
      ruleIds: conflict,
      ...locator.firstRule(conflict),
    });
    return [...findings, ...productFileFindings(space.product, options.ruleSet, locator, strict)];
  }

  findings.push(...presetFindings(space, locator));
  const domains = space.domains({});
  for (const attribute of space.product.attributes) {
    const domain = domains.get(attribute.id)!;
    for (const option of attribute.options) {
      if (option.retired || domain.includes(option.id)) continue;
      const blocking = findBlockingRules(space, { [attribute.id]: option.id });
      const explicit = blocking.filter((ruleId) => !space.constraints.find((constraint) => constraint.ruleId === ruleId)?.implicit);
      findings.push({
        severity: severityOf('dead-option', strict),
        code: 'dead-option',
        message: `option "${option.id}" of "${attribute.id}" is in no valid design${blocking.length ? `: excluded by ${describeRules(space, blocking)}` : ''}`,
        hint: `relax ${explicit.length ? explicit.map((id) => `"${id}"`).join(' or ') : 'the rules that exclude it'}, remove "${option.id}" from "${attribute.id}", or mark it "retired: true" in the product file if it is kept only for old orders`,
        ruleIds: blocking,
        attribute: attribute.id,
        option: option.id,
        ...locator.firstRule(explicit),
      });
    }
  }

  const neverHolds = new Set<string>();
  if (options.ruleSet) {
    findings.push(...defaultDesignFindings(space, options.ruleSet, locator, strict));
    for (const finding of ruleConditionFindings(space, options.ruleSet, locator, strict)) {
      neverHolds.add(finding.ruleIds[0]!);
      findings.push(finding);
    }
  }
  findings.push(...productFileFindings(space.product, options.ruleSet, locator, strict));

  const recompileWithout = options.recompileWithout;
  if (recompileWithout && ruleIds.length <= (options.maxRedundancyChecks ?? 200)) {
    const total = space.count({});
    for (const constraint of space.constraints) {
      // A rule whose condition never holds is reported as such, not as redundant.
      if (constraint.implicit || neverHolds.has(constraint.ruleId)) continue;
      // The designs without a rule include those with it; equal counts mean equal sets.
      if (recompileWithout(constraint.ruleId).count({}) !== total) continue;
      findings.push({
        severity: severityOf('redundant-rule', strict),
        code: 'redundant-rule',
        message: `rule "${constraint.ruleId}" never decides anything: the other rules already imply it`,
        hint: `delete "${constraint.ruleId}", or check whether another rule is stricter than intended`,
        ruleIds: [constraint.ruleId],
        ...locator.firstRule([constraint.ruleId]),
      });
    }
  }
  return findings;
}
