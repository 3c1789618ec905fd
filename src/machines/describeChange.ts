import { attributeById, attributeDisplayName, formatMoney, optionById, type ConfigurationSpace, type DesignSummary } from '../domain/index.ts';

/**
 * The sentence announced after a change: what changed, which other values the rules changed as
 * a consequence, and the new price. Screen-reader users hear what sighted users see.
 */
export function describeChange(space: ConfigurationSpace, label: string, before: DesignSummary, after: DesignSummary): string {
  const product = space.product;
  const consequences: string[] = [];
  for (const [attributeId, value] of after.resolved.values) {
    const previous = before.resolved.values.get(attributeId);
    if (value.provenance === 'customer' || previous?.option === value.option) continue;
    const attribute = attributeById(product, attributeId);
    consequences.push(`${attributeDisplayName(product, attribute)} is now ${optionById(attribute, value.option).label}`);
  }
  const shown = consequences.slice(0, 4);
  const more = consequences.length > shown.length ? ` and ${consequences.length - shown.length} more` : '';
  const also = shown.length > 0 ? ` ${shown.join('; ')}${more}.` : '';
  return `${label}.${also} Price ${formatMoney(after.price.unitTotal, after.price.currency)}.`;
}
