import type { PriceBreakdown } from './priceDesign.ts';

/** What an order of several of one design costs, in minor units. */
export interface OrderTotal {
  readonly unitTotal: number;
  readonly total: number;
  readonly currency: string;
}

/**
 * The total of an order: the design's unit price (base, surcharges, personal text and artwork,
 * as `priceDesign` adds them up) times the quantity. The review, the order sent to the shop, the
 * order document and the announcement of a new quantity all use this one sum.
 *
 * @example orderTotal({ unitTotal: 13400, currency: 'EUR' }, 2) // { unitTotal: 13400, total: 26800, currency: 'EUR' }
 */
export function orderTotal(price: Pick<PriceBreakdown, 'unitTotal' | 'currency'>, quantity: number): OrderTotal {
  return { unitTotal: price.unitTotal, total: price.unitTotal * quantity, currency: price.currency };
}
