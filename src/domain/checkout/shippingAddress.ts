import { countryName } from '../product/index.ts';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

/** Where an order is sent, as typed in the checkout (or sent to the server). */
export interface ShippingAddressInput {
  /** Street and number. */
  readonly line1: string;
  /** Flat, floor, building, company (optional). */
  readonly line2: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2 code, e.g. `DE`. */
  readonly country: string;
}

/** The address fields, in the order a customer fills them in (and the order problems are listed in). */
export const SHIPPING_ADDRESS_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'country'] as const;

/** One field of a shipping address. */
export type ShippingAddressField = (typeof SHIPPING_ADDRESS_FIELDS)[number];

/** What is wrong with an address, by field, in words for the customer; empty when it ships. */
export type ShippingAddressProblems = Partial<Record<ShippingAddressField, string>>;

const MAX_LINE = 100;

/**
 * The countries of a list with their names, sorted by name: what the country field offers.
 *
 * @example shippingCountries(['GB', 'DE']) // [{ code: 'DE', name: 'Germany' }, { code: 'GB', name: 'United Kingdom' }]
 */
export function shippingCountries(codes: readonly string[]): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: countryName(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * Checks a shipping address the way the carrier would: a street, a city, a country the product
 * ships to, and a postal code in that country's format (the formats of the maintained
 * `postcode-validator` package; countries without postal codes take none). Used by the checkout
 * machine as the customer types and by the server, which checks again before it stores an order.
 * Returns the address as it is stored (trimmed, the postal code in capitals) or the problems.
 *
 * @example
 * checkShippingAddress({ line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' }, ['FR']).ok // true
 * checkShippingAddress({ …, postalCode: '7500', country: 'FR' }, ['FR']).problems.postalCode
 * // '"7500" is not a postal code in France: it should look like 75008.'
 */
export function checkShippingAddress(address: ShippingAddressInput, shipsTo: readonly string[]):
  { readonly ok: true; readonly address: ShippingAddressInput } | { readonly ok: false; readonly problems: ShippingAddressProblems } {
  const clean: ShippingAddressInput = {
    line1: address.line1.trim().replace(/\s+/g, ' '),
    line2: address.line2.trim().replace(/\s+/g, ' '),
    city: address.city.trim().replace(/\s+/g, ' '),
    postalCode: address.postalCode.trim().replace(/\s+/g, ' ').toUpperCase(),
    country: address.country.trim().toUpperCase(),
  };
  const problems: ShippingAddressProblems = {};
  if (clean.line1.length === 0) problems.line1 = 'Enter the street and house number the parcel goes to.';
  else if (clean.line1.length > MAX_LINE) problems.line1 = `Shorten the street to ${MAX_LINE} characters (it has ${clean.line1.length}).`;
  if (clean.line2.length > MAX_LINE) problems.line2 = `Shorten the second address line to ${MAX_LINE} characters (it has ${clean.line2.length}).`;
  if (clean.city.length === 0) problems.city = 'Enter the town or city.';
  else if (clean.city.length > MAX_LINE) problems.city = `Shorten the town or city to ${MAX_LINE} characters (it has ${clean.city.length}).`;
  const name = countryName(clean.country);
  if (clean.country.length === 0) problems.country = 'Choose the country the parcel goes to.';
  else if (name === null || !shipsTo.includes(clean.country)) {
    problems.country = `We do not ship to ${name ?? `"${clean.country}"`} yet: choose one of ${shippingCountries(shipsTo).map((country) => country.name).join(', ')}.`;
  } else if (postcodeValidatorExistsForCountry(clean.country)) {
    const example = POSTAL_CODE_EXAMPLES[clean.country];
    const shape = example ? `: it should look like ${example}` : '';
    if (clean.postalCode.length === 0) problems.postalCode = `Enter the postal code${shape ? ` (in ${name}, like ${example})` : ''}.`;
    else if (!postcodeValidator(clean.postalCode, clean.country)) problems.postalCode = `"${clean.postalCode}" is not a postal code in ${name}${shape}.`;
  }
  return Object.keys(problems).length === 0 ? { ok: true, address: clean } : { ok: false, problems };
}

/** A real-looking postal code per country, for messages only (the formats themselves come from `postcode-validator`). */
const POSTAL_CODE_EXAMPLES: Readonly<Record<string, string>> = {
  AT: '1010', BE: '1000', BG: '1000', CH: '8001', CY: '1010', CZ: '110 00', DE: '10115', DK: '1050', EE: '10111', ES: '28013', FI: '00100',
  FR: '75008', GB: 'SW1A 1AA', GR: '105 57', HR: '10000', HU: '1051', IE: 'D02 X285', IS: '101', IT: '00184', LI: '9490', LT: 'LT-01100',
  LU: 'L-1111', LV: 'LV-1050', MT: 'VLT 1117', NL: '1012 JS', NO: '0150', PL: '00-001', PT: '1100-148', RO: '010011', SE: '111 52',
  SI: '1000', SK: '811 01', US: '10001',
};
