import type { ConfigurationSpace } from '../configurationSpace.ts';
import type { RuleSet } from '../../rules/index.ts';
import { parseYamlSource, type DocumentPath, type Problem, type SourceLocation } from '../../shared/index.ts';

/** What a lint finding is about; see the README's merchandiser's guide for each. */
export type LintCode =
  | 'no-valid-design'
  | 'preset-invalid'
  | 'dead-option'
  | 'default-overridden'
  | 'condition-never-holds'
  | 'rule-never-applies'
  | 'duplicate-code'
  | 'unused-colour'
  | 'unused-material'
  | 'redundant-rule';

/** One finding of the rules linter. */
export interface LintFinding {
  readonly severity: 'error' | 'warning';
  readonly code: LintCode;
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly hint: string;
  /** The rules involved, by id: a minimal set when the finding is caused by rules. */
  readonly ruleIds: readonly string[];
  /** Where the offending node is written (the rule, the default, the condition, the colour). */
  readonly location?: SourceLocation;
  /** For findings about one option (dead, overridden, duplicate code, unused). */
  readonly attribute?: string;
  readonly option?: string;
}

/** A source file's name and text, so findings can point at the exact node. */
export interface LintSource {
  readonly file: string;
  readonly text: string;
}

/** How much work the linter may do, and what it reads besides the compiled space. */
export interface LintOptions {
  /** Where each rule is written (rule id → location), to point findings at it. */
  readonly locations?: ReadonlyMap<string, SourceLocation>;
  /** Check each rule for redundancy (one recompilation per rule); `recompileWithout(ruleId)` must be given. */
  readonly recompileWithout?: (ruleId: string) => ConfigurationSpace;
  /** Skip redundancy checks when there are more rules than this. */
  readonly maxRedundancyChecks?: number;
  /** The product's rules: defaults, conditions, prices, lead times, alerts and personal text colours are checked only with it. */
  readonly ruleSet?: RuleSet;
  /** The product and rules files, to locate findings at their nodes (and to see materials no part uses). */
  readonly sources?: { readonly product?: LintSource; readonly rules?: LintSource };
  /** Publishing: every finding that lets a mistake ship (all but redundant rules) is an error. */
  readonly strict?: boolean;
}

/** Findings that are errors whatever the mode: nothing could be published with them. */
const ALWAYS_ERRORS: ReadonlySet<LintCode> = new Set(['no-valid-design', 'preset-invalid']);
/** Findings that stay warnings under `strict`: a redundant rule changes nothing customers see. */
const NEVER_ERRORS: ReadonlySet<LintCode> = new Set(['redundant-rule']);

/** The severity of a finding in a mode. */
export function severityOf(code: LintCode, strict: boolean): 'error' | 'warning' {
  if (ALWAYS_ERRORS.has(code)) return 'error';
  return strict && !NEVER_ERRORS.has(code) ? 'error' : 'warning';
}

/** A finding as a {@link Problem} (path = its code), for callers that report problems, such as the catalog build. */
export function findingAsProblem(finding: LintFinding): Problem {
  return { path: finding.code, message: finding.message, hint: finding.hint, ...(finding.location ? { location: finding.location } : {}) };
}

/** Locates nodes of the product and rules files for the checks; every lookup is optional. */
export class LintLocator {
  private readonly product;
  private readonly rules;
  private readonly ruleIndex = new Map<string, number>();

  constructor(private readonly options: LintOptions) {
    this.product = options.sources?.product ? parseYamlSource(options.sources.product.file, options.sources.product.text) : undefined;
    this.rules = options.sources?.rules ? parseYamlSource(options.sources.rules.file, options.sources.rules.text) : undefined;
    const list = (this.rules?.data as { rules?: unknown } | undefined)?.rules;
    if (Array.isArray(list)) list.forEach((raw, index) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !this.ruleIndex.has(id)) this.ruleIndex.set(id, index);
    });
  }

  /** The product file as plain data, when it was given. */
  get productData(): Record<string, unknown> | undefined {
    const data = this.product?.data;
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  }

  /** A node of the product file. */
  inProduct(path: DocumentPath, atKey = false): { location?: SourceLocation } {
    return this.product ? { location: this.product.locate(path, atKey) } : {};
  }

  /** A node inside a rule (`['when']`, `['set', 'outsole.colour']`), else the rule itself. */
  inRule(ruleId: string, path: DocumentPath = []): { location?: SourceLocation } {
    const index = this.ruleIndex.get(ruleId);
    if (this.rules && index !== undefined) return { location: this.rules.locate(['rules', index, ...path]) };
    const location = this.options.locations?.get(ruleId) ?? this.options.ruleSet?.rules.find((rule) => rule.id === ruleId)?.source;
    return location ? { location } : {};
  }

  /** The first of the rules that is written in a file. */
  firstRule(ruleIds: readonly string[]): { location?: SourceLocation } {
    for (const ruleId of ruleIds) {
      const found = this.inRule(ruleId);
      if (found.location) return found;
    }
    return {};
  }
}

/**
 * Rules named for a merchandiser: `"gum-on-gum"`, and a generated rule by what it says
 * (`the palette rule "Patent leather comes in …"`).
 */
export function describeRules(space: ConfigurationSpace, ruleIds: readonly string[]): string {
  return ruleIds.map((ruleId) => {
    const constraint = space.constraints.find((candidate) => candidate.ruleId === ruleId);
    return constraint?.implicit ? `the product's own rule "${constraint.message.replace(/\.$/, '')}"` : `"${ruleId}"`;
  }).join(', ');
}

/** `a=x, b=y`. */
export function describeValues(values: readonly { readonly attribute: string; readonly option: string }[]): string {
  return values.map((value) => `${value.attribute}=${value.option}`).join(', ');
}
