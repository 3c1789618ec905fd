import { randomUUID } from 'node:crypto';
import { artworksOf } from './artworkLookup.ts';
import { checkShippingAddress, createOrderDocument, findSize, formatMoney, mainSizeText, SHIPPING_ADDRESS_FIELDS, sizeSystemsOf, wordingOf, type OrderDocument, type Problem, type Product, type ShippingAddressInput } from '../domain/index.ts';
import { describeRefusal, type ClientPrice, type OrderRequest, type SizeRequest } from '../domain/requests/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import type { Catalog } from './catalog.ts';
import type { Clock } from './clock.ts';
import { decodePngDataUrl, type PngImage } from './pngImage.ts';
import type { Repository, StoredOrder } from './repository.ts';
import { requestHash } from './requestHash.ts';
import { revalidateDesign } from './revalidateDesign.ts';
import { unknownRemix } from './unknownRemix.ts';
import { toServerOrder, type OrderRecord, type ServerOrder } from './serverOrder.ts';
import type { ServerLimits } from './serverLimits.ts';

/** What placing an order needs. */
export interface OrderServices {
  readonly repository: Repository;
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly limits: ServerLimits;
}

/** The order stored now, the order a retry had already stored, or why the order was refused. */
export type SubmitOrderResult =
  | { readonly kind: 'created'; readonly order: ServerOrder }
  | { readonly kind: 'replayed'; readonly order: ServerOrder }
  | { readonly kind: 'refused'; readonly error: ApiError };

/** A preview image as sent, decoded and checked as PNG. */
interface PreviewImageUpload {
  readonly view: string;
  readonly png: PngImage;
}

/**
 * Places an order from a request checked for shape by the domain's `orderRequestSchema` (`body`
 * is the request as sent, whose hash tells a retry from a reuse of the key): the browser is never
 * trusted. The preview images are decoded and checked as PNG. The design is
 * revalidated under the rules version it names, price and lead time are recomputed, a price the
 * client sent must match, and the order and its images are stored in one transaction. A retry
 * with an idempotency key already used for the same body returns the stored order; the same key
 * with another body is refused. Nothing is written when the order is refused.
 */
export async function submitOrder(services: OrderServices, idempotencyKey: string, body: unknown, request: OrderRequest): Promise<SubmitOrderResult> {
  const hash = requestHash(body);
  const prepared = await prepareOrder(services, request);
  if (!prepared.ok) return refuseUnlessStored(services, idempotencyKey, body, prepared.error);
  const { record, images } = prepared;
  const outcome = await services.repository.placeOrder({ id: randomUUID(), idempotencyKey, requestHash: hash, record, images });
  // 'existing': the key was used before (a retry), or by a concurrent request that committed first.
  return outcome.kind === 'created' ? { kind: 'created', order: toServerOrder(outcome.order.seq, outcome.order.id, outcome.order.record) } : replay(outcome.order, hash);
}

/**
 * Refuses an order, unless its key names an order stored already: a retry of a stored order gets
 * that order back even if it would be refused today (say, the product was withdrawn since, or the
 * request's shape is checked more strictly), and a reused key is named as such.
 */
export async function refuseUnlessStored(services: OrderServices, idempotencyKey: string, body: unknown, error: ApiError): Promise<SubmitOrderResult> {
  const earlier = await services.repository.findOrderByIdempotencyKey(idempotencyKey);
  return earlier ? replay(earlier, requestHash(body)) : refuse(error);
}

/** The 422 of an order request whose shape the schema refused: `invalid_image` when only its preview images are wrong. */
export function invalidOrderRequest(problems: readonly Problem[]): ApiError {
  if (problems.every((problem) => problem.path.startsWith('previewImages'))) {
    return apiError(422, 'invalid_image', 'a preview image was refused', 'send PNG images captured from the canvas, each within the size limit', problems);
  }
  const { message, hint } = describeRefusal('order', problems);
  return apiError(422, 'invalid_request', message, hint, problems);
}

type PreparedOrder =
  | { readonly ok: true; readonly record: OrderRecord; readonly images: readonly Uint8Array[] }
  | { readonly ok: false; readonly error: ApiError };

/** Decodes the preview images, revalidates the design under its rules version and prices it: the order to store, or why not. */
async function prepareOrder({ catalog, clock, limits, repository }: OrderServices, request: OrderRequest): Promise<PreparedOrder> {
  const previewImages = decodePreviewImages(request.previewImages, limits.maxImageBytes);
  if (!previewImages.ok) return refused(invalidOrderRequest(previewImages.problems));
  const revalidated = await revalidateDesign(catalog, request.design, 'order', (entry, design) => artworksOf(repository, entry, design));
  if (!revalidated.ok) return refused(revalidated.error);
  const { version: { entry }, design, artworks } = revalidated;
  const productId = entry.product.id;
  if (request.remixOf !== undefined && !(await repository.hasCandidate(request.remixOf))) return refused(unknownRemix(request.remixOf));
  const size = findSize(entry.product, request.size);
  if (!size) {
    return refused(apiError(422, 'unknown_size', `"${productId}" does not come in size ${describeSize(entry.product, request.size)}`, `choose one of the sizes: ${sizeChoices(entry.product)}`));
  }
  // The same check as the checkout's, against the countries this product ships to.
  const address = checkShippingAddress(request.shippingAddress, entry.product.shipsTo ?? []);
  if (!address.ok) {
    const problems: Problem[] = SHIPPING_ADDRESS_FIELDS.flatMap((field) => {
      const message = address.problems[field];
      return message ? [{ path: `shippingAddress.${field}`, message, hint: 'correct the shipping address' }] : [];
    });
    return refused(apiError(422, 'invalid_address', `the shipping address cannot be used: ${problems.map((problem) => problem.message).join(' ')}`, 'correct each field listed in "problems"', problems));
  }
  const now = clock.now();
  const document = createOrderDocument(entry, design, size, request.quantity, now, artworks);
  if (request.clientPrice) {
    const mismatch = comparePrice(request.clientPrice, document.price, wordingOf(entry.product).unit);
    if (mismatch) return refused(mismatch);
  }
  return { ok: true, record: orderRecord(document, request, previewImages.images, address.address, now), images: previewImages.images.map((image) => image.png.bytes) };
}

/** The preview images decoded and checked as PNG (`pngImage.ts`), or the problem of each one refused. */
function decodePreviewImages(images: OrderRequest['previewImages'], maxImageBytes: number):
  { readonly ok: true; readonly images: readonly PreviewImageUpload[] } | { readonly ok: false; readonly problems: readonly Problem[] } {
  const uploads: PreviewImageUpload[] = [];
  const problems: Problem[] = [];
  images.forEach(({ view, dataUrl }, index) => {
    const png = decodePngDataUrl(dataUrl, maxImageBytes);
    if ('message' in png) problems.push({ path: `previewImages[${index}].dataUrl`, message: png.message, hint: png.hint });
    else uploads.push({ view, png });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, images: uploads };
}

function refused(error: ApiError): PreparedOrder {
  return { ok: false, error };
}

function replay(stored: StoredOrder, hash: string): SubmitOrderResult {
  if (stored.requestHash !== hash) {
    return refuse(apiError(422, 'idempotency_key_reused', `this Idempotency-Key was already used for another order (${toServerOrder(stored.seq, stored.id, stored.record).orderNumber}) with a different body`, 'send a new Idempotency-Key for a new order; reuse a key only to retry exactly the same request'));
  }
  return { kind: 'replayed', order: toServerOrder(stored.seq, stored.id, stored.record) };
}

function refuse(error: ApiError): SubmitOrderResult {
  return { kind: 'refused', error };
}

function orderRecord(document: OrderDocument, request: OrderRequest, previewImages: readonly PreviewImageUpload[], shippingAddress: ShippingAddressInput, now: Date): OrderRecord {
  const { schema: _schema, status: _status, ...rest } = document;
  return {
    status: 'received',
    ...rest,
    updatedAt: now.toISOString(),
    contact: request.contact,
    ...(request.remixOf ? { remixOf: request.remixOf } : {}),
    previewImages: previewImages.map(({ view, png }) => ({ view, contentType: 'image/png', bytes: png.bytes.length, width: png.width, height: png.height, sha256: png.sha256 })),
    // Last, as it is when read back (it is stored in a column of its own), so a replay has the same bytes.
    shippingAddress,
  };
}

/** The size asked for in the product's words: "EU 55" (`{eu}` is a code in its first system), or the id asked for. */
function describeSize(product: Product, size: SizeRequest): string {
  const main = sizeSystemsOf(product)[0];
  return 'eu' in size ? `${main ? `${main.label} ` : ''}${size.eu}` : `"${size.id}"`;
}

/** The product's sizes in its own words, with their ids: "EU 36 (eu-36), EU 37 (eu-37), …", "Size XS (letter-xs), …". */
function sizeChoices(product: Product): string {
  const systems = sizeSystemsOf(product);
  return product.sizes.map((size) => `${mainSizeText(systems, size)} (${size.id})`).join(', ');
}

/** Names every difference between the price the client showed and the recomputed one. */
function comparePrice(client: ClientPrice, server: OrderDocument['price'], unit: string): ApiError | undefined {
  const problems: Problem[] = [];
  const money = (amount: number) => formatMoney(amount, server.currency);
  if (client.currency !== server.currency) {
    problems.push({ path: 'clientPrice.currency', message: `the currency is ${server.currency}, not ${client.currency}`, hint: `show prices in ${server.currency}` });
  } else {
    if (client.unitTotal !== server.unitTotal) problems.push({ path: 'clientPrice.unitTotal', message: `the price of one ${unit} is ${money(server.unitTotal)}, not ${money(client.unitTotal)}`, hint: `show ${money(server.unitTotal)}` });
    if (client.total !== server.total) problems.push({ path: 'clientPrice.total', message: `the total is ${money(server.total)}, not ${money(client.total)}`, hint: `show ${money(server.total)}` });
  }
  if (problems.length === 0) return undefined;
  const breakdown = [`base ${money(server.base)}`, ...server.surcharges.map((line) => `${line.label} ${money(line.amount)}`)].join(', ');
  return apiError(422, 'price_mismatch', `the price sent differs from the price under the rules: ${problems.map((p) => p.message).join('; ')} (${breakdown})`, 'show the customer the current price and ask them to confirm it, then submit again with that price', problems);
}
