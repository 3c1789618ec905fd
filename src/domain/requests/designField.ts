import * as v from 'valibot';
import { describeValue, fieldsObject, isObject, withHint } from './requestProblem.ts';
import type { RequestLimits } from './requestLimits.ts';

/** The ids the server hands out for orders and candidates: a random UUID (`crypto.randomUUID()`). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const text = (field: string, hint: string) => v.string((issue) => withHint(`"${field}" must be a string, not ${describeValue(issue.input)}`, hint));

/**
 * The `design` of a request (orders, gallery submissions) as sent: an object naming its product
 * and rules version, with no more personalisation than the limits allow. Its other fields are
 * kept: what the design chooses is the domain's `validateDesignDocument` to check, under the rules
 * version it names, once the server has found that version.
 */
export function designFieldSchema(limits: RequestLimits) {
  return v.pipe(
    fieldsObject({
      productId: text('productId', 'send the product id, e.g. "sneaker"'),
      rulesVersion: text('rulesVersion', 'send the rules version the design was made under'),
    }, 'keep', {
      notAnObject: (input) => withHint(`"design" must be a design document (an object), not ${describeValue(input)}`, 'send the design document the configurator exported'),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      const personalisation = isObject(dataset.value) ? dataset.value.personalisation : undefined;
      if (!isObject(personalisation)) return;
      const entries = Object.entries(personalisation);
      const at = (...keys: string[]) => keys.map((key) => ({ type: 'object' as const, origin: 'value' as const, input: personalisation, key, value: undefined })) as [v.ObjectPathItem, ...v.ObjectPathItem[]];
      if (entries.length > limits.maxPersonalisationFields) {
        addIssue({ path: at('personalisation'), message: withHint(`${entries.length} personalisation fields are more than the ${limits.maxPersonalisationFields} allowed`, 'send only the fields the product offers') });
      }
      for (const [field, value] of entries) {
        if (typeof value === 'string' && value.length > limits.maxPersonalisationLength) {
          addIssue({ path: at('personalisation', field), message: withHint(`the text is ${value.length} characters, more than ${limits.maxPersonalisationLength}`, 'shorten it') });
        }
      }
    }),
  );
}

/** The `design` of a request once its shape is checked. */
export type DesignField = v.InferOutput<ReturnType<typeof designFieldSchema>>;

/**
 * The optional `remixOf` of a request (orders, gallery submissions): the id of the gallery
 * candidate the design was started from; `null` counts as left out. Whether the candidate exists
 * is the server's to check.
 */
export const remixOfSchema = v.nullish(v.pipe(
  v.string((issue) => remixOfMessage(issue.input)),
  v.regex(UUID, (issue) => remixOfMessage(issue.input)),
));

function remixOfMessage(input: unknown): string {
  return withHint(`"remixOf" must be the id of a gallery candidate (a UUID), not ${describeValue(input)}`, 'send the "id" of the candidate the design was started from, or leave "remixOf" out');
}
