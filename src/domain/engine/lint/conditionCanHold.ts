import { assertNever } from '../../shared/index.ts';
import type { Assignment, AttributeId, Condition, OptionId } from '../../product/index.ts';
import { conditionAttributes } from '../../product/index.ts';
import type { ConfigurationSpace } from '../configurationSpace.ts';
import { quickXplain } from '../quickXplain.ts';

/**
 * A condition's truth over a partial design: `undefined` while the values it reads could still
 * make it either (three-valued, so a search can stop as soon as the answer is known).
 */
export function truthOf(condition: Condition, fixed: Assignment): boolean | undefined {
  switch (condition.kind) {
    case 'in': {
      const value = fixed[condition.attribute];
      return value === undefined ? undefined : condition.options.includes(value);
    }
    case 'all':
    case 'any': {
      // `all` is decided by a false part, `any` by a true one; otherwise unknown parts leave it open.
      const deciding = condition.kind === 'any';
      let open = false;
      for (const part of condition.of) {
        const truth = truthOf(part, fixed);
        if (truth === deciding) return deciding;
        if (truth === undefined) open = true;
      }
      return open ? undefined : !deciding;
    }
    case 'not': {
      const truth = truthOf(condition.of, fixed);
      return truth === undefined ? undefined : !truth;
    }
    default:
      return assertNever(condition);
  }
}

/**
 * Whether some valid design makes `condition` true: under every hard rule, or with `under`, only
 * the named ones. Exact: a search over the attributes the condition reads, cut off as soon as the
 * condition is decided or the values so far have no valid design.
 */
export function conditionCanHold(space: ConfigurationSpace, condition: Condition, under?: readonly string[]): boolean {
  const isConsistent = (fixed: Assignment) => (under ? space.isConsistentUnder(under, fixed) : space.isConsistent(fixed));
  const attributes = conditionAttributes(condition);
  const optionsOf = (attribute: AttributeId): readonly OptionId[] => space.product.attributes.find((candidate) => candidate.id === attribute)?.options.map((option) => option.id) ?? [];
  const search = (fixed: Assignment): boolean => {
    const truth = truthOf(condition, fixed);
    if (truth !== undefined) return truth;
    const open = attributes.find((attribute) => fixed[attribute] === undefined);
    if (open === undefined) return false;
    return optionsOf(open).some((option) => {
      const next = { ...fixed, [open]: option };
      return isConsistent(next) && search(next);
    });
  };
  return isConsistent({}) && search({});
}

/**
 * A minimal set of `among` (rule ids) under which `condition` can never hold (QuickXplain):
 * dropping any one lets it hold again. Empty when it cannot hold even with no rule (it contradicts
 * itself); `undefined` when it can hold under all of them.
 */
export function rulesRefuting(space: ConfigurationSpace, condition: Condition, among: readonly string[]): string[] | undefined {
  return quickXplain([], among, (ruleIds) => conditionCanHold(space, condition, ruleIds));
}
