import { attributeDisplayName, type AttributeId, type Condition, type OptionId, type Product } from '../product/index.ts';
import type { Rule, RuleSet } from '../rules/index.ts';
import { assertNever } from '../shared/index.ts';
import type { Diagnostic, DiagnosticCode } from './checkDraft.ts';
import { ruleSentence } from './ruleSentence.ts';

/** An option (or, for `different`/`same`, a whole attribute) a rule touches, as a chip shows it. */
export interface RuleChip {
  readonly attribute: AttributeId;
  /** Absent for a chip that stands for the whole attribute. */
  readonly option?: OptionId;
  /** "Vamp material: Knit", or "Quarter colour" for a whole attribute. */
  readonly label: string;
  /** Present when the rule names the option through a tag of the product file (`{ tag: pale }`), not by its id. */
  readonly byTag?: true;
}

/** What the checks say of one rule, for its card. */
export interface RuleStanding {
  readonly code: DiagnosticCode;
  readonly severity: Diagnostic['severity'];
  /** A short word for a badge: "kills options", "redundant", "never applies"… */
  readonly badge: string;
  readonly message: string;
}

/** A rule as a card beside the editor. */
export interface RuleCard {
  readonly id: string;
  readonly kind: Rule['kind'];
  /** What a customer reads when the rule applies, as written. */
  readonly message: string;
  readonly sentence: string;
  readonly chips: readonly RuleChip[];
  /** Empty when the checks found nothing about the rule. */
  readonly standing: readonly RuleStanding[];
  /** Where the rule is written (1-based), to move the editor there. */
  readonly line?: number;
}

const BADGES: Readonly<Record<DiagnosticCode, string>> = {
  load: 'does not load',
  'no-valid-design': 'conflict',
  'preset-invalid': 'breaks a preset',
  'dead-option': 'kills an option',
  'default-overridden': 'overridden',
  'condition-never-holds': 'never holds',
  'rule-never-applies': 'never applies',
  'duplicate-code': 'duplicate code',
  'unused-colour': 'unused colour',
  'unused-material': 'unused material',
  'redundant-rule': 'redundant',
};

/**
 * Every rule of a loaded draft as a card: its sentence, its kind, the options it touches as
 * chips (each once, in the order the rule names them), and what the diagnostics say of it — the
 * options it kills, that it is redundant, that its condition never holds.
 */
export function ruleCards(product: Product, ruleSet: RuleSet, diagnostics: readonly Diagnostic[]): RuleCard[] {
  return ruleSet.rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    message: rule.message,
    sentence: ruleSentence(rule, product),
    chips: ruleChips(rule, product),
    standing: diagnostics.filter((diagnostic) => diagnostic.ruleIds.includes(rule.id)).map((diagnostic) => ({
      code: diagnostic.code,
      severity: diagnostic.severity,
      badge: BADGES[diagnostic.code],
      message: diagnostic.message,
    })),
    ...(rule.source ? { line: rule.source.line } : {}),
  }));
}

/** The options a rule names (or the attributes it compares), each once. */
export function ruleChips(rule: Rule, product: Product): RuleChip[] {
  const chips = new Chips(product);
  switch (rule.kind) {
    case 'requires':
      chips.condition(rule.when).condition(rule.then);
      break;
    case 'excludes':
      chips.condition(rule.when).condition(rule.excludes);
      break;
    case 'allowed-combinations':
    case 'forbidden-combinations': {
      // Tables run to 200k rows: each column's options are told apart by a set before a chip is made.
      const seen = rule.attributes.map(() => new Set<OptionId>());
      for (const row of rule.rows) {
        row.forEach((option, index) => {
          if (seen[index]!.has(option)) return;
          seen[index]!.add(option);
          chips.add(rule.attributes[index]!, option);
        });
      }
      break;
    }
    case 'different':
    case 'same':
      for (const attribute of rule.attributes) chips.add(attribute);
      if (rule.when) chips.condition(rule.when);
      break;
    case 'default':
      if (rule.when) chips.condition(rule.when);
      for (const [attribute, option] of Object.entries(rule.set)) chips.add(attribute, option);
      break;
    case 'recommendation':
      if (rule.when) chips.condition(rule.when);
      for (const [attribute, options] of Object.entries(rule.prefer)) for (const option of options) chips.add(attribute, option);
      break;
    case 'availability':
      for (const [attribute, options] of Object.entries(rule.options)) for (const option of options) chips.add(attribute, option);
      break;
    case 'price':
    case 'lead-time':
    case 'alert':
      chips.condition(rule.when);
      break;
    default:
      return assertNever(rule);
  }
  return chips.list;
}

class Chips {
  readonly list: RuleChip[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly product: Product) {}

  add(attributeId: AttributeId, option?: OptionId, byTag = false): this {
    const key = `${attributeId}\u0000${option ?? ''}`;
    // Session facts (`context.region`) are not options of the product.
    const attribute = this.product.attributes.find((candidate) => candidate.id === attributeId);
    if (this.seen.has(key) || !attribute) return this;
    this.seen.add(key);
    const name = attributeDisplayName(this.product, attribute);
    const label = option === undefined ? name : `${name}: ${attribute.options.find((candidate) => candidate.id === option)?.label ?? option}`;
    this.list.push({ attribute: attributeId, ...(option !== undefined ? { option } : {}), label, ...(byTag ? { byTag } : {}) });
    return this;
  }

  condition(condition: Condition): this {
    switch (condition.kind) {
      case 'in':
        for (const option of condition.options) this.add(condition.attribute, option, condition.tags !== undefined);
        return this;
      case 'all':
      case 'any':
        for (const part of condition.of) this.condition(part);
        return this;
      case 'not':
        return this.condition(condition.of);
      default:
        return assertNever(condition);
    }
  }
}
