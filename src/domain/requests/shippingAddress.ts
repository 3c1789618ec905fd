import * as v from 'valibot';
import type { ShippingAddressField } from '../checkout/index.ts';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';

const ADDRESS_EXAMPLE = '{"line1":"1 Rue de Rivoli","line2":"","city":"Paris","postalCode":"75001","country":"FR"}';
const MAX_ADDRESS_FIELD_LENGTH = 200;
const UNREADABLE = /[\p{Cc}\p{Cs}]/u;

/** One line of an address: readable text of at most 200 characters. The value is never quoted: an address is personal data, and errors reach logs. */
function addressText(key: ShippingAddressField) {
  return v.pipe(
    v.string((issue) => withHint(`"${key}" must be a string, not ${issue.input === undefined ? 'missing' : typeof issue.input}`, `send ${key} as text, e.g. ${ADDRESS_EXAMPLE}`)),
    v.maxLength(MAX_ADDRESS_FIELD_LENGTH, withHint(`"${key}" is longer than ${MAX_ADDRESS_FIELD_LENGTH} characters`, `send ${key} as text, e.g. ${ADDRESS_EXAMPLE}`)),
    v.check((text) => !UNREADABLE.test(text), withHint(`"${key}" holds a control character or broken text`, 'send the address as plain text, without control characters')),
  );
}

/**
 * The shape of a shipping address as a request sends it: five strings (`line2` may be left out),
 * readable text. What they say (a country the product ships to, a postal code of its format) is
 * the domain's `checkShippingAddress` to judge, against the product.
 */
export const shippingAddressSchema = fieldsObject({
  line1: addressText('line1'),
  line2: v.optional(addressText('line2'), ''),
  city: addressText('city'),
  postalCode: addressText('postalCode'),
  country: addressText('country'),
} satisfies Record<ShippingAddressField, v.GenericSchema<unknown, string>>, 'refuse', {
  notAnObject: (input) => withHint(
    input === undefined ? 'the order has no shipping address' : `"shippingAddress" must be an object, not ${describeValue(input)}`,
    `send where the parcel goes, e.g. "shippingAddress": ${ADDRESS_EXAMPLE}`,
  ),
});
