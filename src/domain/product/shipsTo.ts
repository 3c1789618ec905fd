/**
 * Where a product ships: a product.yaml's `shipsTo` names countries by ISO 3166-1 alpha-2 code,
 * and these are the defaults and names the product loader and the checkout share.
 */

/** The countries a product ships to when its product.yaml names none: the EU, the EEA, Switzerland, the UK and the US. */
export const DEFAULT_SHIPS_TO: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT',
  'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'US',
];

let regionNames: Intl.DisplayNames | undefined;

/**
 * A country's name in English from its ISO 3166-1 alpha-2 code (`Intl.DisplayNames`, so the
 * browser and the server agree without a list of our own); null for a code that is no country.
 *
 * @example countryName('GB') // "United Kingdom"; countryName('XX') // null
 */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  try {
    return regionNames.of(code) ?? null;
  } catch {
    return null;
  }
}
