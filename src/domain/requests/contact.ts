import * as v from 'valibot';
import { checkEmailAddress } from '../checkout/index.ts';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';

/** The longest name on a parcel. */
export const MAX_CONTACT_NAME_LENGTH = 200;
// C0 and C1 controls and half surrogate pairs: nothing a parcel label or a database should hold.
const UNREADABLE = /[\p{Cc}\p{Cs}]/u;

/** Whether a name (trimmed) can go on a parcel, and if not, why. */
export type ContactNameCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' | 'unreadable'; readonly length: number };

/**
 * The one rule for the name an order is addressed to: 1 to 200 characters once trimmed, no control
 * characters or broken text (half a surrogate pair). The checkout and the server use it alike.
 *
 * @example checkContactName('Ada Lovelace') // { ok: true }
 */
export function checkContactName(name: string): ContactNameCheck {
  if (name.length === 0) return { ok: false, reason: 'empty', length: 0 };
  if (name.length > MAX_CONTACT_NAME_LENGTH) return { ok: false, reason: 'too-long', length: name.length };
  if (UNREADABLE.test(name)) return { ok: false, reason: 'unreadable', length: name.length };
  return { ok: true };
}

/**
 * An `email` field: a string, trimmed, that the domain's `checkEmailAddress` accepts (which caps its
 * length too); `hint` says what to send. The order's contact and the staff's sign-in use it alike.
 */
export function emailAddressSchema(hint: string) {
  return v.pipe(
    v.string((issue) => withHint(`"email" must be a string, not ${describeValue(issue.input)}`, hint)),
    v.trim(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const check = checkEmailAddress(dataset.value);
      if (!check.ok) addIssue({ message: withHint(`this is not an email address: ${check.reason}`, 'send an address like name@example.com') });
    }),
  );
}

const NAME_HINT = 'send the name to address the parcel to';

/**
 * Who an order is for: `{ name, email }`, both trimmed; the name by {@link checkContactName}, the
 * email by the domain's `checkEmailAddress` (which caps its length too). Other fields are refused.
 */
export const contactSchema = fieldsObject({
  name: v.pipe(
    v.string((issue) => withHint(`"name" must be a string, not ${describeValue(issue.input)}`, NAME_HINT)),
    v.trim(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const check = checkContactName(dataset.value);
      if (check.ok) return;
      addIssue({
        message: check.reason === 'unreadable'
          ? withHint('the name holds a control character or broken text (half a surrogate pair)', 'send the name as plain text, without control characters')
          : withHint(`the name must have 1 to ${MAX_CONTACT_NAME_LENGTH} characters, not ${check.length}`, NAME_HINT),
      });
    }),
  ),
  email: emailAddressSchema('send an address like name@example.com'),
}, 'refuse', {
  notAnObject: (input) => withHint(`"contact" must be {"name", "email"}, not ${describeValue(input)}`, 'send the customer\'s name and email address'),
});

/** Who an order is for, checked and trimmed. */
export type OrderContact = v.InferOutput<typeof contactSchema>;
