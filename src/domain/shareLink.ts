import type { Assignment } from './configurationSpace.ts';
import type { Product } from './productModel.ts';

/**
 * The design in a URL, compactly: `<rulesVersion>.<choices>` where `<choices>` packs each
 * attribute's option index (in product order) into base64url, 6 bits a character for options
 * counts up to 64 (two characters otherwise). The sneaker's 24 attributes take 24 characters.
 *
 * @example encodeShareToken(product, version, design) // "90e16a0817393de2.AAAAAAAAAAAAAAAAAAAAAAAA"
 */
export function encodeShareToken(product: Product, rulesVersion: string, design: Assignment): string {
  let packed = '';
  for (const attribute of product.attributes) {
    const index = attribute.options.findIndex((option) => option.id === design[attribute.id]);
    if (index < 0) throw new Error(`[Atelier] design has no valid option for "${attribute.id}"`);
    packed += attribute.options.length <= 64 ? DIGITS[index] : DIGITS[index >> 6]! + DIGITS[index & 63]!;
  }
  return `${rulesVersion}.${packed}`;
}

/** What a share token says, before it is checked against the rules. */
export interface DecodedShareToken {
  readonly rulesVersion: string;
  readonly design: Assignment;
}

/**
 * Reads a share token against the product of the rules version it names. Returns a message when
 * the token is malformed or does not fit the product (a truncated link, another product).
 */
export function decodeShareToken(product: Product, token: string): DecodedShareToken | { error: string } {
  const match = /^([0-9a-f]{16})\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return { error: 'this share link is not complete: it should end with a version and a code, like …/?design=90e16a0817393de2.AAAA' };
  const [, rulesVersion, packed] = match as unknown as [string, string, string];
  const design: Record<string, string> = {};
  let position = 0;
  for (const attribute of product.attributes) {
    const width = attribute.options.length <= 64 ? 1 : 2;
    const digits = packed.slice(position, position + width);
    position += width;
    if (digits.length < width) return { error: `this share link is too short for the ${product.name}; copy the whole link again` };
    const index = width === 1 ? DIGITS.indexOf(digits) : DIGITS.indexOf(digits[0]!) * 64 + DIGITS.indexOf(digits[1]!);
    const option = attribute.options[index];
    if (!option) return { error: `this share link names an option the ${product.name} does not have; it may be for another product` };
    design[attribute.id] = option.id;
  }
  if (position !== packed.length) return { error: `this share link is too long for the ${product.name}; it may be for another product` };
  return { rulesVersion, design };
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
