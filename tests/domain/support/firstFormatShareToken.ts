// Share tokens as the app wrote them before they named options by id: each attribute's option
// *position* (in the product order of the version named), 6 bits a base64url character, then a
// mask of the attributes the customer chose, then `.p`. Links in the wild are in this form, so the
// tests make them exactly as the old code did; the app itself only reads them now.
import type { Assignment, AttributeId, Product } from '../../../src/domain/index.ts';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The token the first format gave a design of `product` (the product of `rulesVersion`). */
export function firstFormatShareToken(product: Pick<Product, 'attributes'>, rulesVersion: string, design: Assignment, chosenByCustomer?: readonly AttributeId[], personalisationLeftOut = false): string {
  let packed = '';
  for (const attribute of product.attributes) {
    const index = attribute.options.findIndex((option) => option.id === design[attribute.id]);
    if (index < 0) throw new Error(`design has no valid option for "${attribute.id}"`);
    packed += attribute.options.length <= 64 ? DIGITS[index] : DIGITS[index >> 6]! + DIGITS[index & 63]!;
  }
  if (chosenByCustomer === undefined) return `${rulesVersion}.${packed}`;
  const chosen = new Set(chosenByCustomer);
  let mask = '';
  for (let start = 0; start < product.attributes.length; start += 6) {
    let bits = 0;
    product.attributes.slice(start, start + 6).forEach((attribute, bit) => {
      if (chosen.has(attribute.id)) bits |= 1 << bit;
    });
    mask += DIGITS[bits];
  }
  return `${rulesVersion}.${packed}.${mask}${personalisationLeftOut ? '.p' : ''}`;
}
