/** The checkout room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { EmailCheck } from './emailAddress.ts';
export { MAX_EMAIL_LENGTH, checkEmailAddress } from './emailAddress.ts';
export type { OrderBlocker, OrderBlockerTarget } from './orderBlockers.ts';
export { designBlockers } from './orderBlockers.ts';
export type { BillOfMaterialsLine, OrderDocument, OrderSize, SpecificationLine, StoredOrderSize } from './orderDocument.ts';
export { MAX_QUANTITY, ORDER_SCHEMA, createOrderDocument, orderSize, orderSizeCodes } from './orderDocument.ts';
export type { ShippingAddressField, ShippingAddressInput, ShippingAddressProblems } from './shippingAddress.ts';
export { SHIPPING_ADDRESS_FIELDS, checkShippingAddress, shippingCountries } from './shippingAddress.ts';
export type { PersonalisedItem } from './personalisedItems.ts';
export { personalisedItems } from './personalisedItems.ts';
