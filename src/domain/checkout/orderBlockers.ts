import type { PartId } from '../product/index.ts';
import type { ShippingAddressField } from './shippingAddress.ts';
import type { DesignSummary } from '../design/index.ts';

/** Where a problem that blocks an order can be fixed: the control the customer is taken to. */
export type OrderBlockerTarget =
  /** A personal text or artwork, in the section of the part it is placed on. */
  | { readonly kind: 'personalisation'; readonly fieldId: string; readonly partId: PartId }
  | { readonly kind: 'size' }
  | { readonly kind: 'contact'; readonly field: 'name' | 'email' }
  | { readonly kind: 'address'; readonly field: ShippingAddressField };

/** One problem that stops an order, in words for the customer, and where to fix it. */
export interface OrderBlocker {
  readonly target: OrderBlockerTarget;
  /** What is wrong and what to do, naming the field ("Front text: …"). */
  readonly message: string;
}

/**
 * What in a design stops it being ordered: each offered personal text or artwork with a problem
 * (too wide, an emoji, a blocked word, too low a resolution), one entry per problem, in the
 * order of the product's fields. Size, contact and address are the checkout's to add.
 *
 * @example designBlockers(summary) // [{ target: { kind: 'personalisation', fieldId: 'heelText', partId: 'heelTab' }, message: 'Heel tab text: …' }]
 */
export function designBlockers(summary: Pick<DesignSummary, 'personalisation' | 'artwork'>): OrderBlocker[] {
  const blockers: OrderBlocker[] = [];
  for (const status of summary.personalisation) {
    if (!status.offered) continue;
    for (const problem of status.check?.problems ?? []) {
      blockers.push({ target: { kind: 'personalisation', fieldId: status.field.id, partId: status.field.placement }, message: `${status.field.label}: ${problem.message}` });
    }
  }
  for (const status of summary.artwork) {
    if (!status.offered) continue;
    for (const problem of status.problems) {
      blockers.push({ target: { kind: 'personalisation', fieldId: status.field.id, partId: status.field.placement }, message: `${status.field.label}: ${problem}` });
    }
  }
  return blockers;
}
