/** The pricing room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { LeadTimeEstimate } from './estimateLeadTime.ts';
export { activeAlerts, estimateLeadTime } from './estimateLeadTime.ts';
export type { PriceBreakdown, PriceLine } from './priceDesign.ts';
export { formatMoney, priceDesign } from './priceDesign.ts';
export type { OrderTotal } from './orderTotal.ts';
export { orderTotal } from './orderTotal.ts';
