import type { Assignment, AttributeId, OptionId, Product } from '../product/index.ts';
import type { Rule, RuleSet } from '../rules/index.ts';
import { compileRules } from './compileRules.ts';
import type { ConfigurationSpace } from './configurationSpace.ts';
import type { Choice } from './explainUnavailable.ts';

/** One side of a diff: a product and its rules, optionally already compiled (a catalog entry fits). */
export interface RulesDiffSide {
  readonly product: Product;
  readonly ruleSet: RuleSet;
  /** The compiled rules, when the caller has them; compiled here otherwise. */
  readonly space?: ConfigurationSpace;
}

/** What changed for one attribute's options. Options are listed in product order. */
export interface AttributeOptionsDiff {
  readonly attribute: AttributeId;
  /** New in the product file. */
  readonly added: readonly OptionId[];
  /** Gone from the product file (designs naming them cannot be made as they are). */
  readonly removed: readonly OptionId[];
  /** In both files, in no valid design before and in some valid design after. */
  readonly gained: readonly OptionId[];
  /** In both files, in some valid design before and in none after: customers can no longer pick them. */
  readonly lost: readonly OptionId[];
}

/** A rule as the diff names it. */
export interface RuleSummary {
  readonly id: string;
  readonly kind: Rule['kind'];
  readonly message: string;
}

/** What a change of product and rules does, as plain data (counts are exact). */
export interface RulesDiff {
  readonly designs: { readonly before: bigint; readonly after: bigint };
  /** Attributes only in the new product, and only in the old one. */
  readonly attributesAdded: readonly AttributeId[];
  readonly attributesRemoved: readonly AttributeId[];
  /** Attributes in both whose options changed (in the product file or in validity); others are left out. */
  readonly options: readonly AttributeOptionsDiff[];
  /** Rules by id: new, gone, and the same id with a different meaning (positions and formatting ignored). */
  readonly rules: { readonly added: readonly RuleSummary[]; readonly removed: readonly RuleSummary[]; readonly changed: readonly RuleSummary[] };
}

/**
 * Compares two versions of a product's rules: the exact number of valid designs before and after,
 * per attribute the options added, removed, gained and lost, and the rules added, removed and
 * changed. Rules are compared by their loaded meaning, so reformatting or moving a rule in its
 * file is no change.
 *
 * @example
 * const diff = diffRules({ product, ruleSet: before }, { product, ruleSet: after });
 * diff.designs; // { before: 1296n, after: 1080n }
 */
export function diffRules(before: RulesDiffSide, after: RulesDiffSide): RulesDiff {
  const oldSpace = before.space ?? compileRules(before.product, before.ruleSet);
  const newSpace = after.space ?? compileRules(after.product, after.ruleSet);
  const oldDomains = oldSpace.domains({});
  const newDomains = newSpace.domains({});
  const oldAttributes = new Map(before.product.attributes.map((attribute) => [attribute.id, attribute]));
  const newIds = new Set(after.product.attributes.map((attribute) => attribute.id));
  const options: AttributeOptionsDiff[] = [];
  for (const attribute of after.product.attributes) {
    const old = oldAttributes.get(attribute.id);
    if (!old) continue;
    const oldOptions = new Set(old.options.map((option) => option.id));
    const newOptions = new Set(attribute.options.map((option) => option.id));
    const validBefore = new Set(oldDomains.get(attribute.id) ?? []);
    const validAfter = new Set(newDomains.get(attribute.id) ?? []);
    const kept = attribute.options.map((option) => option.id).filter((id) => oldOptions.has(id));
    const diff: AttributeOptionsDiff = {
      attribute: attribute.id,
      added: attribute.options.map((option) => option.id).filter((id) => !oldOptions.has(id)),
      removed: old.options.map((option) => option.id).filter((id) => !newOptions.has(id)),
      gained: kept.filter((id) => !validBefore.has(id) && validAfter.has(id)),
      lost: kept.filter((id) => validBefore.has(id) && !validAfter.has(id)),
    };
    if (diff.added.length + diff.removed.length + diff.gained.length + diff.lost.length > 0) options.push(diff);
  }
  return {
    designs: { before: oldSpace.count({}), after: newSpace.count({}) },
    attributesAdded: after.product.attributes.filter((attribute) => !oldAttributes.has(attribute.id)).map((attribute) => attribute.id),
    attributesRemoved: before.product.attributes.filter((attribute) => !newIds.has(attribute.id)).map((attribute) => attribute.id),
    options,
    rules: diffRuleLists(before.ruleSet.rules, after.ruleSet.rules),
  };
}

function diffRuleLists(before: readonly Rule[], after: readonly Rule[]): RulesDiff['rules'] {
  const oldById = new Map(before.map((rule) => [rule.id, rule]));
  const newIds = new Set(after.map((rule) => rule.id));
  return {
    added: after.filter((rule) => !oldById.has(rule.id)).map(summary),
    removed: before.filter((rule) => !newIds.has(rule.id)).map(summary),
    changed: after.filter((rule) => oldById.has(rule.id) && normalisedRule(oldById.get(rule.id)!) !== normalisedRule(rule)).map(summary),
  };
}

function summary(rule: Rule): RuleSummary {
  return { id: rule.id, kind: rule.kind, message: rule.message };
}

/** A rule's meaning as text: keys sorted, file positions (`source`) left out, as the rules version hash does. */
function normalisedRule(rule: Rule): string {
  return JSON.stringify(rule, (key, value: unknown) => {
    if (key === 'source') return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** A hard rule that refuses a design, with its customer-facing message. */
export interface RefusingRule {
  readonly ruleId: string;
  readonly message: string;
}

/**
 * What a version of the rules does to a stored design (an order's or a gallery design's choices):
 * - `unchanged`: valid as it is;
 * - `changed`: valid, but the product has attributes the design does not name, which would be completed;
 * - `refused`: not valid as it is, because it names options or attributes the product no longer has
 *   (`removedChoices`) or breaks hard rules (`rules`: a minimal set, by the engine; empty when not asked for).
 */
export type DesignVerdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly newAttributes: readonly AttributeId[] }
  | { readonly kind: 'refused'; readonly removedChoices: readonly Choice[]; readonly rules: readonly RefusingRule[] };

/**
 * Judges a stored design's choices under a compiled version of the rules. With `explain: false`
 * the refusing rules are not looked for (cheaper when only counting).
 *
 * @example
 * judgeDesign(space, { 'vamp.material': 'leather', 'midsole.material': 'gum' })
 * // { kind: 'refused', removedChoices: [], rules: [{ ruleId: 'no-leather-gum', message: '…' }] }
 */
export function judgeDesign(space: ConfigurationSpace, choices: Readonly<Record<string, string>>, options: { readonly explain?: boolean } = {}): DesignVerdict {
  const known: Record<AttributeId, OptionId> = {};
  const removedChoices: Choice[] = [];
  for (const [attribute, option] of Object.entries(choices)) {
    const definition = space.product.attributes.find((candidate) => candidate.id === attribute);
    if (definition?.options.some((candidate) => candidate.id === option)) known[attribute] = option;
    else removedChoices.push({ attribute, option });
  }
  const consistent = space.isConsistent(known);
  if (removedChoices.length > 0 || !consistent) {
    return { kind: 'refused', removedChoices, rules: consistent || options.explain === false ? [] : refusingRules(space, known) };
  }
  const newAttributes = space.product.attributes.map((attribute) => attribute.id).filter((id) => !(id in choices));
  return newAttributes.length > 0 ? { kind: 'changed', newAttributes } : { kind: 'unchanged' };
}

function refusingRules(space: ConfigurationSpace, design: Assignment): RefusingRule[] {
  const messages = new Map(space.constraints.map((constraint) => [constraint.ruleId, constraint.message]));
  return space.conflictingRules(design).map((ruleId) => ({ ruleId, message: messages.get(ruleId) ?? '' }));
}
