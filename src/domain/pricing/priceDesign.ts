import { evaluateCondition } from '../product/index.ts';
import type { Assignment } from '../product/index.ts';
import type { Product } from '../product/index.ts';
import type { PriceRule, RuleSet } from '../rules/index.ts';

/** One line of a price breakdown. */
export interface PriceLine {
  readonly ruleId: string;
  readonly label: string;
  /** Minor units (cents); negative for a discount. */
  readonly amount: number;
}

/** The price of one item of a design, in minor units. */
export interface PriceBreakdown {
  readonly currency: string;
  readonly base: number;
  readonly surcharges: readonly PriceLine[];
  readonly unitTotal: number;
}

/**
 * Prices a complete design: the base price plus every price rule whose condition holds, plus
 * `extras` (the surcharges of personal text, see `personalisationPrices`).
 */
export function priceDesign(product: Product, ruleSet: RuleSet, design: Assignment, extras: readonly PriceLine[] = []): PriceBreakdown {
  const surcharges = [
    ...ruleSet.rules
      .filter((rule): rule is PriceRule => rule.kind === 'price')
      .filter((rule) => evaluateCondition(rule.when, (attribute) => design[attribute]))
      .map((rule) => ({ ruleId: rule.id, label: rule.message, amount: rule.amount })),
    ...extras,
  ];
  const unitTotal = surcharges.reduce((sum, line) => sum + line.amount, product.basePrice);
  return { currency: product.currency, base: product.basePrice, surcharges, unitTotal: Math.max(0, unitTotal) };
}

/** Formats minor units for display, e.g. `formatMoney(13400, 'EUR')` → "€134.00". */
export function formatMoney(amount: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
