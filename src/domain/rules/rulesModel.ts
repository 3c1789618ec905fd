import type { AttributeId, OptionId } from '../product/index.ts';
import type { Condition } from '../product/index.ts';
import type { PersonalisationField } from '../personalisation/index.ts';
import type { SourceLocation } from '../shared/index.ts';

/**
 * The rules model: what merchandisers write in `rules/<product>.rules.yaml`, after loading.
 * See the README's "Rules format" section for the file syntax.
 */

interface RuleBase {
  readonly id: string;
  /** Shown to customers: why something is unavailable, what a surcharge is for. */
  readonly message: string;
  readonly source?: SourceLocation;
}

/** "If `when` holds then `then` must hold." (hard) */
export interface RequiresRule extends RuleBase {
  readonly kind: 'requires';
  readonly when: Condition;
  readonly then: Condition;
}

/** "`when` never together with `excludes`." (hard) */
export interface ExcludesRule extends RuleBase {
  readonly kind: 'excludes';
  readonly when: Condition;
  readonly excludes: Condition;
}

/** Only (or never) these combinations of options over a few attributes. (hard) */
export interface CombinationsRule extends RuleBase {
  readonly kind: 'allowed-combinations' | 'forbidden-combinations';
  readonly attributes: readonly AttributeId[];
  readonly rows: readonly (readonly OptionId[])[];
}

/**
 * `different`: the listed attributes (two or more) take pairwise different options; `same`: they
 * all take the same option. Options are compared by id, so over attributes with different option
 * lists, `different` only refuses the ids they share and `same` only allows those. With `when`, only
 * while the condition holds. (hard)
 */
export interface MatchRule extends RuleBase {
  readonly kind: 'different' | 'same';
  readonly attributes: readonly AttributeId[];
  readonly when?: Condition;
}

/** Preferred options when the customer has not chosen, applied only when still valid. (soft) */
export interface DefaultRule extends RuleBase {
  readonly kind: 'default';
  readonly when?: Condition;
  readonly set: Readonly<Record<AttributeId, OptionId>>;
}

/** A surcharge (minor units) added when `when` holds. (derived) */
export interface PriceRule extends RuleBase {
  readonly kind: 'price';
  readonly when: Condition;
  readonly amount: number;
}

/** Extra production days when `when` holds. (derived) */
export interface LeadTimeRule extends RuleBase {
  readonly kind: 'lead-time';
  readonly when: Condition;
  readonly days: number;
}

/** A non-blocking message shown while `when` holds. (soft) */
export interface AlertRule extends RuleBase {
  readonly kind: 'alert';
  readonly when: Condition;
}

/**
 * Options offered only while a condition on the session's facts holds (region, date, stock).
 * A fact that is not known counts as satisfied: unknown never makes an option unavailable. (hard)
 */
export interface AvailabilityRule extends RuleBase {
  readonly kind: 'availability';
  readonly options: Readonly<Record<AttributeId, readonly OptionId[]>>;
  /** Over facts, written `context.<fact>`; absent means always. */
  readonly when?: Condition;
  /** First and last day offered, `YYYY-MM-DD`, inclusive. */
  readonly from?: string;
  readonly until?: string;
}

/** Options to suggest (ranked first, marked recommended) while `when` holds; never removes one. (soft) */
export interface RecommendationRule extends RuleBase {
  readonly kind: 'recommendation';
  readonly when?: Condition;
  readonly prefer: Readonly<Record<AttributeId, readonly OptionId[]>>;
}

/** The rules that decide validity regardless of the session. */
export type HardRule = RequiresRule | ExcludesRule | CombinationsRule | MatchRule;

/** Every rule kind of the format. */
export type Rule = HardRule | AvailabilityRule | DefaultRule | RecommendationRule | PriceRule | LeadTimeRule | AlertRule;

/** A product's rules, loaded and checked against the product. */
export interface RuleSet {
  readonly productId: string;
  readonly rules: readonly Rule[];
  /** Free inputs of the product (personal text), from the file's `personalisation:`; absent means none. */
  readonly personalisation?: readonly PersonalisationField[];
}

/** The rules that decide validity, in file order. */
export function hardRules(ruleSet: RuleSet): HardRule[] {
  return ruleSet.rules.filter(
    (rule): rule is HardRule =>
      rule.kind === 'requires' || rule.kind === 'excludes' || rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations'
      || rule.kind === 'different' || rule.kind === 'same',
  );
}
