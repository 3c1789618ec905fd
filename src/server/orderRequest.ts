import { checkEmailAddress, MAX_QUANTITY, SHIPPING_ADDRESS_FIELDS, type Problem, type ShippingAddressInput } from '../domain/index.ts';
import { describeValue as describe, isObject } from './describeValue.ts';
import { checkDesignField, checkRemixOfField, type DesignField, type ReportProblem } from './designField.ts';
import { decodePngDataUrl, type PngImage } from './pngImage.ts';
import type { OrderContact } from './serverOrder.ts';
import type { ServerLimits } from './serverLimits.ts';

/** The size a customer asked for: by its EU number or by the product's size id. */
export type SizeRequest = { readonly eu: string } | { readonly id: string };

/** The price the browser showed, to compare with the server's; minor units (cents). */
export interface ClientPrice {
  readonly unitTotal: number;
  readonly total: number;
  readonly currency: string;
}

/** A preview image as sent, checked. */
export interface PreviewImageUpload {
  readonly view: string;
  readonly png: PngImage;
}

/**
 * The body of `POST /api/orders`, checked for shape. The design itself is checked afterwards by
 * the domain, against the rules version it names.
 */
export interface OrderRequest {
  /** The design as sent; `productId` and `rulesVersion` are known to be strings. */
  readonly design: DesignField;
  readonly size: SizeRequest;
  readonly quantity: number;
  readonly contact: OrderContact;
  /** Where the order goes, as sent: its shape is checked here, its content (country, postal code) against the product. */
  readonly shippingAddress: ShippingAddressInput;
  readonly clientPrice?: ClientPrice;
  readonly previewImages: readonly PreviewImageUpload[];
  /** The gallery candidate the design was started from (a remix), not yet known to exist. */
  readonly remixOf?: string;
}

/** Either the request, or every problem found (`imagesOnly` when only the images were refused). */
export type ParsedOrderRequest =
  | { readonly ok: true; readonly request: OrderRequest }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly imagesOnly: boolean };

const FIELDS = ['design', 'size', 'sizeId', 'quantity', 'contact', 'shippingAddress', 'clientPrice', 'previewImages', 'remixOf'];
// C0 and C1 controls and half surrogate pairs: nothing a parcel label or a database should hold.
const UNREADABLE = /[\p{Cc}\p{Cs}]/u;
const VIEW = /^[a-z][a-z0-9-]{0,31}$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Checks the shape of an order request body: types, required fields, contact, quantity and the
 * preview images (decoded and checked as PNG). Collects every problem, each with a path and a fix.
 *
 * @example
 * parseOrderRequest({ design, size: { eu: '42' }, quantity: 1, contact: { name: 'Ada', email: 'ada@example.com' } }, DEFAULT_LIMITS)
 */
export function parseOrderRequest(body: unknown, limits: ServerLimits): ParsedOrderRequest {
  const problems: Problem[] = [];
  const imageProblems: Problem[] = [];
  const report = (path: string, message: string, hint: string) => problems.push({ path, message, hint });
  if (!isObject(body)) {
    report('', `the order must be a JSON object, not ${describe(body)}`, 'send {"design":…,"size":{"eu":"42"},"quantity":1,"contact":{"name":…,"email":…}}');
    return { ok: false, problems, imagesOnly: false };
  }
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) report(key, `unknown field "${key}"`, `remove it; the fields are ${FIELDS.join(', ')}`);
  }

  const design = checkDesignField(body.design, limits, report);
  const remixOf = checkRemixOfField(body.remixOf, report);
  const size = parseSize(body, report);
  const quantity = body.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    report('quantity', `"quantity" must be a whole number from 1 to ${MAX_QUANTITY}, not ${describe(quantity)}`, `send a quantity from 1 to ${MAX_QUANTITY}; for more, place several orders`);
  }
  const contact = parseContact(body.contact, report);
  const shippingAddress = parseShippingAddress(body.shippingAddress, report);
  const clientPrice = parseClientPrice(body.clientPrice, report);
  const previewImages = parsePreviewImages(body.previewImages, limits, (path, message, hint) => imageProblems.push({ path, message, hint }));

  const all = [...problems, ...imageProblems];
  if (all.length > 0 || !size || !contact || !shippingAddress || !design) {
    return { ok: false, problems: all, imagesOnly: problems.length === 0 && imageProblems.length > 0 };
  }
  return {
    ok: true,
    request: {
      design,
      size,
      quantity: quantity as number,
      contact,
      shippingAddress,
      ...(clientPrice ? { clientPrice } : {}),
      previewImages,
      ...(remixOf ? { remixOf } : {}),
    },
  };
}

type Report = ReportProblem;

function parseSize(body: Record<string, unknown>, report: Report): SizeRequest | undefined {
  const { size, sizeId } = body;
  if (size !== undefined && sizeId !== undefined) {
    report('size', 'send either "size" or "sizeId", not both', 'keep one of them');
    return undefined;
  }
  if (sizeId !== undefined) {
    if (typeof sizeId === 'string' && sizeId.length > 0 && sizeId.length <= 64) return { id: sizeId };
    report('sizeId', `"sizeId" must be a size id such as "eu-42", not ${describe(sizeId)}`, 'send one of the product\'s size ids');
    return undefined;
  }
  if (isObject(size) && (typeof size.eu === 'string' || typeof size.eu === 'number') && String(size.eu).length <= 16) return { eu: String(size.eu) };
  report('size', size === undefined ? 'the order has no size' : `"size" must be {"eu": "42"}, not ${describe(size)}`, 'send "size": {"eu": "42"} or "sizeId": "eu-42"');
  return undefined;
}

function parseContact(contact: unknown, report: Report): OrderContact | undefined {
  if (!isObject(contact)) {
    report('contact', `"contact" must be {"name", "email"}, not ${describe(contact)}`, 'send the customer\'s name and email address');
    return undefined;
  }
  const name = typeof contact.name === 'string' ? contact.name.trim() : '';
  const email = typeof contact.email === 'string' ? contact.email.trim() : '';
  let valid = true;
  if (name.length === 0 || name.length > 200) {
    report('contact.name', typeof contact.name === 'string' ? `the name must have 1 to 200 characters, not ${name.length}` : `"name" must be a string, not ${describe(contact.name)}`, 'send the name to address the parcel to');
    valid = false;
  } else if (UNREADABLE.test(name)) {
    report('contact.name', 'the name holds a control character or broken text (half a surrogate pair)', 'send the name as plain text, without control characters');
    valid = false;
  }
  const emailCheck = checkEmailAddress(email);
  if (!emailCheck.ok) {
    report('contact.email', typeof contact.email === 'string' ? `this is not an email address: ${emailCheck.reason}` : `"email" must be a string, not ${describe(contact.email)}`, 'send an address like name@example.com');
    valid = false;
  }
  for (const key of Object.keys(contact)) {
    if (key !== 'name' && key !== 'email') report(`contact.${key}`, `unknown field "${key}"`, 'send only "name" and "email"');
  }
  return valid ? { name, email } : undefined;
}

const ADDRESS_EXAMPLE = '{"line1":"1 Rue de Rivoli","line2":"","city":"Paris","postalCode":"75001","country":"FR"}';

/** The shape of a shipping address: five strings (line2 may be left out), readable text. What they say is the domain's to check. */
function parseShippingAddress(address: unknown, report: Report): ShippingAddressInput | undefined {
  if (!isObject(address)) {
    report('shippingAddress', address === undefined ? 'the order has no shipping address' : `"shippingAddress" must be an object, not ${describe(address)}`, `send where the parcel goes, e.g. "shippingAddress": ${ADDRESS_EXAMPLE}`);
    return undefined;
  }
  let valid = true;
  const read: Record<string, string> = {};
  for (const key of SHIPPING_ADDRESS_FIELDS) {
    const value = address[key] ?? (key === 'line2' ? '' : undefined);
    if (typeof value !== 'string' || value.length > 200) {
      // The value itself is never echoed: an address is personal data, and errors reach logs.
      report(`shippingAddress.${key}`, typeof value === 'string' ? `"${key}" is longer than 200 characters` : `"${key}" must be a string, not ${value === undefined ? 'missing' : typeof value}`, `send ${key} as text, e.g. ${ADDRESS_EXAMPLE}`);
      valid = false;
    } else if (UNREADABLE.test(value)) {
      report(`shippingAddress.${key}`, `"${key}" holds a control character or broken text`, 'send the address as plain text, without control characters');
      valid = false;
    } else read[key] = value;
  }
  for (const key of Object.keys(address)) {
    if (!(SHIPPING_ADDRESS_FIELDS as readonly string[]).includes(key)) report(`shippingAddress.${key}`, `unknown field "${key}"`, `send only ${SHIPPING_ADDRESS_FIELDS.join(', ')}`);
  }
  return valid ? (read as unknown as ShippingAddressInput) : undefined;
}

function parseClientPrice(price: unknown, report: Report): ClientPrice | undefined {
  if (price === undefined) return undefined;
  const money = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (!isObject(price) || !money(price.unitTotal) || !money(price.total) || typeof price.currency !== 'string' || !CURRENCY.test(price.currency)) {
    report('clientPrice', `"clientPrice" must be {"unitTotal", "total", "currency"} with amounts in cents, not ${describe(price)}`, 'send the price shown to the customer, e.g. {"unitTotal":13400,"total":13400,"currency":"EUR"}, or leave it out');
    return undefined;
  }
  return { unitTotal: price.unitTotal as number, total: price.total as number, currency: price.currency };
}

function parsePreviewImages(images: unknown, limits: ServerLimits, report: Report): PreviewImageUpload[] {
  if (images === undefined) return [];
  if (!Array.isArray(images)) {
    report('previewImages', `"previewImages" must be a list, not ${describe(images)}`, 'send [{"view":"side","dataUrl":"data:image/png;base64,…"}], or leave it out');
    return [];
  }
  if (images.length > limits.maxImages) {
    report('previewImages', `${images.length} preview images are more than the ${limits.maxImages} allowed`, `send at most ${limits.maxImages}`);
    return [];
  }
  const uploads: PreviewImageUpload[] = [];
  images.forEach((image: unknown, index) => {
    const path = `previewImages[${index}]`;
    if (!isObject(image) || typeof image.dataUrl !== 'string') {
      report(path, `each preview image must be {"view", "dataUrl"}, not ${describe(image)}`, 'send {"view":"side","dataUrl":"data:image/png;base64,…"}');
      return;
    }
    const view = image.view ?? 'preview';
    if (typeof view !== 'string' || !VIEW.test(view)) {
      report(`${path}.view`, `"view" must be a short lower-case name such as "side", not ${describe(view)}`, 'name the view in lower case letters, digits and dashes');
      return;
    }
    const png = decodePngDataUrl(image.dataUrl, limits.maxImageBytes);
    if ('message' in png) report(`${path}.dataUrl`, png.message, png.hint);
    else uploads.push({ view, png });
  });
  return uploads;
}
