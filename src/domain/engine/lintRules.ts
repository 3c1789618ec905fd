import type { ConfigurationSpace } from './index.ts';
import { findAmong, findBlockingRules } from './index.ts';
import type { SourceLocation } from '../shared/index.ts';

/** One finding of the rules linter. */
export interface LintFinding {
  readonly severity: 'error' | 'warning';
  readonly code: 'no-valid-design' | 'dead-option' | 'redundant-rule';
  readonly message: string;
  readonly hint: string;
  /** The rules involved, by id. */
  readonly ruleIds: readonly string[];
  /** Where the (first) rule involved is written, when it came from a rules file. */
  readonly location?: SourceLocation;
  /** For dead options. */
  readonly attribute?: string;
  readonly option?: string;
}

/** How much work the linter may do. */
export interface LintOptions {
  /** Where each rule is written (rule id → location), to point findings at it. */
  readonly locations?: ReadonlyMap<string, SourceLocation>;
  /** Check each rule for redundancy (one recompilation per rule); `recompileWithout(ruleId)` must be given. */
  readonly recompileWithout?: (ruleId: string) => ConfigurationSpace;
  /** Skip redundancy checks when there are more rules than this. */
  readonly maxRedundancyChecks?: number;
}

/**
 * Finds mistakes in a product's rules before customers do:
 * - **no-valid-design** (error): the hard rules allow nothing; names a minimal set of conflicting rules;
 * - **dead-option** (warning): an option that is in no valid design, with the rules that exclude it;
 * - **redundant-rule** (warning): a rule implied by the others (removing it changes nothing).
 * Unknown attributes and options are already refused, with positions, when the rules file is loaded.
 */
export function lintRules(space: ConfigurationSpace, options: LintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const locate = (ruleIds: readonly string[]) => {
    for (const ruleId of ruleIds) {
      const location = options.locations?.get(ruleId);
      if (location) return { location };
    }
    return {};
  };
  const ruleIds = space.constraints.map((constraint) => constraint.ruleId);

  if (!space.isConsistent({})) {
    const conflict = findAmong(space, ruleIds, {});
    findings.push({
      severity: 'error',
      code: 'no-valid-design',
      message: `no design satisfies all the hard rules: ${conflict.join(', ')} cannot all hold together`,
      hint: `relax or remove one of ${conflict.join(', ')}: dropping any one of them resolves this conflict`,
      ruleIds: conflict,
      ...locate(conflict),
    });
    return findings;
  }

  const domains = space.domains({});
  for (const attribute of space.product.attributes) {
    const domain = domains.get(attribute.id)!;
    for (const option of attribute.options) {
      if (domain.includes(option.id)) continue;
      const blocking = findBlockingRules(space, { [attribute.id]: option.id });
      findings.push({
        severity: 'warning',
        code: 'dead-option',
        message: `option "${option.id}" of "${attribute.id}" is in no valid design${blocking.length ? `: excluded by ${blocking.join(', ')}` : ''}`,
        hint: `remove "${option.id}" from "${attribute.id}", or relax ${blocking.length ? blocking.join(' or ') : 'the rules that exclude it'}`,
        ruleIds: blocking,
        attribute: attribute.id,
        option: option.id,
        ...locate(blocking),
      });
    }
  }

  const recompileWithout = options.recompileWithout;
  if (recompileWithout && ruleIds.length <= (options.maxRedundancyChecks ?? 200)) {
    const total = space.count({});
    for (const constraint of space.constraints) {
      if (constraint.implicit) continue;
      // The designs without a rule include those with it; equal counts mean equal sets.
      if (recompileWithout(constraint.ruleId).count({}) !== total) continue;
      findings.push({
        severity: 'warning',
        code: 'redundant-rule',
        message: `rule "${constraint.ruleId}" never decides anything: the other rules already imply it`,
        hint: `delete "${constraint.ruleId}", or check whether another rule is stricter than intended`,
        ruleIds: [constraint.ruleId],
        ...locate([constraint.ruleId]),
      });
    }
  }
  return findings;
}
