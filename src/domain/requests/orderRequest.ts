import * as v from 'valibot';
import { MAX_QUANTITY } from '../checkout/index.ts';
import { contactSchema } from './contact.ts';
import { designFieldSchema, remixOfSchema } from './designField.ts';
import { describeValue, fieldsObject, isObject, withHint } from './requestProblem.ts';
import type { RequestLimits } from './requestLimits.ts';
import { shippingAddressSchema } from './shippingAddress.ts';

/** A preview's view name: lower case letters, digits and dashes. */
const VIEW = /^[a-z][a-z0-9-]{0,31}$/;
const CURRENCY = /^[A-Z]{3}$/;
const SIZE_HINT = 'send "size": {"id": "eu-42"} (one of the product\'s size ids), or its code in the product\'s first size system, "size": {"eu": "42"}';
const PRICE_HINT = 'send the price shown to the customer, e.g. {"unitTotal":13400,"total":13400,"currency":"EUR"}, or leave it out';
const IMAGE_HINT = 'send {"view":"side","dataUrl":"data:image/png;base64,…"}';

const quantityMessage = (issue: v.BaseIssue<unknown>) => withHint(`"quantity" must be a whole number from 1 to ${MAX_QUANTITY}, not ${describeValue(issue.input)}`, `send a quantity from 1 to ${MAX_QUANTITY}; for more, place several orders`);
const sizeMessage = (issue: v.BaseIssue<unknown>) => withHint(`"size" must be {"id": "eu-42"} or {"eu": "42"}, not ${describeValue(issue.input)}`, SIZE_HINT);
const sizeIdMessage = (issue: v.BaseIssue<unknown>) => withHint(`"sizeId" must be a size id such as "eu-42", not ${describeValue(issue.input)}`, 'send one of the product\'s size ids');
const amount = (field: string) => {
  const message = (issue: v.BaseIssue<unknown>) => withHint(`"${field}" must be a whole number of cents, not ${describeValue(issue.input)}`, PRICE_HINT);
  return v.pipe(v.number(message), v.safeInteger(message), v.minValue(0, message));
};

const sizeCodeMessage = (issue: v.BaseIssue<unknown>) => withHint(`"eu" must be a size code such as "42" or "M", not ${describeValue(issue.input)}`, SIZE_HINT);
const sizeIdInSizeMessage = (issue: v.BaseIssue<unknown>) => withHint(`"id" must be a size id such as "eu-42", not ${describeValue(issue.input)}`, SIZE_HINT);

/**
 * `{id}`: one of the product's size ids (what the checkout sends). `{eu}`: the size's code in the
 * product's first size system, kept for clients written when every product had EU sizes (for a
 * product whose first system is letter sizes, `{"eu": "M"}` is its size M).
 */
const sizeSchema = v.pipe(
  fieldsObject({
    id: v.optional(v.pipe(v.string(sizeIdInSizeMessage), v.minLength(1, sizeIdInSizeMessage), v.maxLength(64, sizeIdInSizeMessage))),
    eu: v.optional(v.pipe(
      v.union([v.string(), v.number()], sizeCodeMessage),
      v.transform(String),
      v.maxLength(16, sizeCodeMessage),
    )),
  }, 'drop', { notAnObject: (input) => sizeMessage({ input } as v.BaseIssue<unknown>) }),
  v.check((size) => (size.id === undefined) !== (size.eu === undefined), (issue) => sizeMessage(issue)),
);

const previewImageSchema = fieldsObject({
  view: v.optional(v.pipe(
    v.string((issue) => viewMessage(issue.input)),
    v.regex(VIEW, (issue) => viewMessage(issue.input)),
  ), 'preview'),
  dataUrl: v.string((issue) => withHint(`"dataUrl" must be a PNG data URL, not ${describeValue(issue.input)}`, IMAGE_HINT)),
}, 'drop', { notAnObject: (input) => withHint(`each preview image must be {"view", "dataUrl"}, not ${describeValue(input)}`, IMAGE_HINT) });

function viewMessage(input: unknown): string {
  return withHint(`"view" must be a short lower-case name such as "side", not ${describeValue(input)}`, 'name the view in lower case letters, digits and dashes');
}

/** The fields an order request may have. */
export const ORDER_REQUEST_FIELDS = ['design', 'size', 'sizeId', 'quantity', 'contact', 'shippingAddress', 'clientPrice', 'previewImages', 'remixOf'] as const;

/**
 * The body of `POST /api/orders`, checked for shape: the design's product and rules version, a size
 * (`size: {id}`, `size: {eu}` or `sizeId`), the quantity (1 to the domain's `MAX_QUANTITY`), the contact, the
 * shipping address, the price the customer saw (optional) and up to `limits.maxImages` preview
 * images (their bytes are the server's to decode). Unknown fields are refused. The checkout sends
 * nothing this refuses; the server refuses with the same messages.
 *
 * @example v.safeParse(orderRequestSchema(DEFAULT_REQUEST_LIMITS), body).success
 */
export function orderRequestSchema(limits: RequestLimits) {
  return v.pipe(
    fieldsObject({
      design: designFieldSchema(limits),
      size: v.optional(sizeSchema),
      sizeId: v.optional(v.pipe(v.string(sizeIdMessage), v.minLength(1, sizeIdMessage), v.maxLength(64, sizeIdMessage))),
      quantity: v.pipe(v.number(quantityMessage), v.integer(quantityMessage), v.minValue(1, quantityMessage), v.maxValue(MAX_QUANTITY, quantityMessage)),
      contact: contactSchema,
      shippingAddress: shippingAddressSchema,
      clientPrice: v.optional(fieldsObject({
        unitTotal: amount('unitTotal'),
        total: amount('total'),
        currency: v.pipe(
          v.string((issue) => withHint(`"currency" must be a currency code such as "EUR", not ${describeValue(issue.input)}`, PRICE_HINT)),
          v.regex(CURRENCY, (issue) => withHint(`"currency" must be a currency code such as "EUR", not ${describeValue(issue.input)}`, PRICE_HINT)),
        ),
      }, 'drop', { notAnObject: (input) => withHint(`"clientPrice" must be {"unitTotal", "total", "currency"} with amounts in cents, not ${describeValue(input)}`, PRICE_HINT) })),
      previewImages: v.optional(v.pipe(
        v.array(previewImageSchema, (issue) => withHint(`"previewImages" must be a list, not ${describeValue(issue.input)}`, `${IMAGE_HINT} in a list, or leave it out`)),
        v.maxLength(limits.maxImages, (issue) => withHint(`${(issue.input as unknown[]).length} preview images are more than the ${limits.maxImages} allowed`, `send at most ${limits.maxImages}`)),
      ), []),
      remixOf: remixOfSchema,
    } satisfies Record<(typeof ORDER_REQUEST_FIELDS)[number], v.GenericSchema>, 'refuse', {
      notAnObject: (input) => withHint(`the order must be a JSON object, not ${describeValue(input)}`, 'send {"design":…,"size":{"id":"eu-42"},"quantity":1,"contact":{"name":…,"email":…},"shippingAddress":{…}}'),
    }),
    // One size, by its id or by its code in the product's first size system.
    v.rawCheck(({ dataset, addIssue }) => {
      const body = isObject(dataset.value) ? dataset.value : undefined;
      if (!body) return;
      const path = (key: string): [v.ObjectPathItem] => [{ type: 'object', origin: 'value', input: body, key, value: body[key] }];
      if (body.size !== undefined && body.sizeId !== undefined) addIssue({ path: path('size'), message: withHint('send either "size" or "sizeId", not both', 'keep one of them') });
      else if (body.size === undefined && body.sizeId === undefined) addIssue({ path: path('size'), message: withHint('the order has no size', SIZE_HINT) });
    }),
    v.transform(({ size, sizeId, remixOf, clientPrice, ...rest }) => ({
      ...rest,
      /** The size asked for: by the product's size id, or by its code in the product's first size system. */
      size: (sizeId !== undefined ? { id: sizeId } : size!.id !== undefined ? { id: size!.id } : { eu: size!.eu! }) as SizeRequest,
      ...(clientPrice ? { clientPrice } : {}),
      ...(remixOf ? { remixOf } : {}),
    })),
  );
}

/**
 * The size a customer asked for: by the product's size id, or (`eu`, for clients written when
 * every product had EU sizes) by its code in the product's first size system.
 */
export type SizeRequest = { readonly eu: string } | { readonly id: string };

/** The body of `POST /api/orders` once its shape is checked; the design is checked afterwards by the domain, under the rules version it names. */
export type OrderRequest = v.InferOutput<ReturnType<typeof orderRequestSchema>>;
/** The body of `POST /api/orders` as the checkout sends it. */
export type OrderRequestBody = v.InferInput<ReturnType<typeof orderRequestSchema>>;
/** The price the browser showed, in minor units (cents), to compare with the server's. */
export type ClientPrice = NonNullable<OrderRequest['clientPrice']>;
