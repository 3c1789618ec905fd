import type { DesignSummary } from '../design/index.ts';
import type { Product } from '../product/index.ts';
import { FONT_FAMILIES } from '../personalisation/index.ts';

/** One personal text or artwork that will be made with the design, as the review lists it. */
export interface PersonalisedItem {
  readonly fieldId: string;
  /** "Front text", "Front artwork". */
  readonly label: string;
  /** What is made: `"Summer Crew" in Inter, Black`, or `PNG artwork, 120 × 80 mm`. */
  readonly description: string;
  /** What it adds to the price of one, in minor units (its surcharge lines summed). */
  readonly amount: number;
}

/**
 * The personal texts and artworks that will be made with a design: the offered fields that hold
 * something without a problem (a refused one is not made, and blocks the order instead), each
 * with what it adds to the price. So the review shows everything that is made, not only the parts.
 *
 * @example personalisedItems(product, summary) // [{ fieldId: 'frontText', label: 'Front text', description: '"Summer Crew" in Inter, Black', amount: 500 }]
 */
export function personalisedItems(product: Product, summary: Pick<DesignSummary, 'personalisation' | 'artwork' | 'price'>): PersonalisedItem[] {
  const amountOf = (fieldId: string) => summary.price.surcharges
    .filter((line) => line.ruleId === `personalisation:${fieldId}` || line.ruleId.startsWith(`personalisation:${fieldId}:`))
    .reduce((sum, line) => sum + line.amount, 0);
  const items: PersonalisedItem[] = [];
  for (const status of summary.personalisation) {
    if (!status.offered || !status.check || status.check.text.length === 0 || status.check.problems.length > 0) continue;
    const colour = product.colours?.find((candidate) => candidate.id === status.colour)?.label ?? status.colour;
    const font = FONT_FAMILIES[status.font]?.label ?? status.font;
    items.push({ fieldId: status.field.id, label: status.field.label, description: `"${status.check.text}" in ${font}, ${colour}`, amount: amountOf(status.field.id) });
  }
  for (const status of summary.artwork) {
    if (!status.offered || !status.artwork || !status.box || status.problems.length > 0) continue;
    const size = `${Math.round(status.box.widthMm)} × ${Math.round(status.box.heightMm)} mm`;
    items.push({ fieldId: status.field.id, label: status.field.label, description: `${status.artwork.format.toUpperCase()} artwork, ${size}`, amount: amountOf(status.field.id) });
  }
  return items;
}
