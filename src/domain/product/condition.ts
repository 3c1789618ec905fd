import { assertNever } from '../shared/index.ts';
import type { AttributeId, OptionId } from './productModel.ts';

/** A condition over a design's values. */
export type Condition =
  /**
   * The attribute takes one of `options`. Written `{ tag: dark }`, `options` are the attribute's
   * options carrying one of `tags` when the rules were loaded, and `tags` keeps what was written.
   */
  | { readonly kind: 'in'; readonly attribute: AttributeId; readonly options: readonly OptionId[]; readonly tags?: readonly string[] }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

/** Reads the option of an attribute; `undefined` when it has none yet. */
export type ValueOf = (attribute: AttributeId) => OptionId | undefined;

/**
 * Evaluates a condition. An attribute without a value satisfies no `in` test, so a condition over
 * an incomplete design is judged on what is known (callers that need "could still hold" use the
 * compiled rules instead).
 */
export function evaluateCondition(condition: Condition, valueOf: ValueOf): boolean {
  switch (condition.kind) {
    case 'in': {
      const value = valueOf(condition.attribute);
      return value !== undefined && condition.options.includes(value);
    }
    case 'all':
      return condition.of.every((part) => evaluateCondition(part, valueOf));
    case 'any':
      return condition.of.some((part) => evaluateCondition(part, valueOf));
    case 'not':
      return !evaluateCondition(condition.of, valueOf);
    default:
      return assertNever(condition);
  }
}

/** The attributes a condition reads, in first-mention order. */
export function conditionAttributes(condition: Condition, into: AttributeId[] = []): AttributeId[] {
  switch (condition.kind) {
    case 'in':
      if (!into.includes(condition.attribute)) into.push(condition.attribute);
      return into;
    case 'all':
    case 'any':
      for (const part of condition.of) conditionAttributes(part, into);
      return into;
    case 'not':
      return conditionAttributes(condition.of, into);
    default:
      return assertNever(condition);
  }
}
