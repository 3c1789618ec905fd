import type { HardConstraint } from './hardConstraints.ts';
import type { Product } from '../product/index.ts';

/**
 * One generated rule per attribute with retired options (`retired: true` in product.yaml): they
 * stay in the product, so rules, old designs and orders can still name them, but no valid design
 * takes them, so they are never offered. Implicit, like the palettes: lint never calls them redundant.
 */
/** Whether a constraint is one of {@link retiredConstraints}. */
export function isRetiredRule(ruleId: string): boolean {
  return ruleId.startsWith(RETIRED_PREFIX);
}

const RETIRED_PREFIX = 'retired:';

export function retiredConstraints(product: Product): HardConstraint[] {
  return product.attributes.flatMap((attribute): HardConstraint[] => {
    const retired = attribute.options.filter((option) => option.retired).map((option) => option.id);
    if (retired.length === 0) return [];
    const labels = attribute.options.filter((option) => option.retired).map((option) => option.label);
    return [{
      ruleId: `${RETIRED_PREFIX}${attribute.id}`,
      message: `${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} no longer offered.`,
      attributes: [attribute.id],
      implicit: true,
      accepts: ([value]) => !retired.includes(value!),
    }];
  });
}
