import type { OrderDocument, ShippingAddressInput, StoredOrderSize } from '../domain/index.ts';

/** The schema id of orders stored and served by the server; see `public/schemas/server-order.schema.json`. */
export const SERVER_ORDER_SCHEMA = 'atelier.server-order/1';

/** Who placed an order. */
export interface OrderContact {
  readonly name: string;
  readonly email: string;
}

/** A preview image of an order as stored: the PNG bytes live apart, in the `order_images` table. */
export interface PreviewImageInfo {
  /** Which view of the product it shows, e.g. `side`, `top`. */
  readonly view: string;
  readonly contentType: 'image/png';
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  /** SHA-256 of the PNG, hex. */
  readonly sha256: string;
}

/** A preview image as the API shows it: with the URL it is served at. */
export interface PreviewImageLink extends PreviewImageInfo {
  /** `/api/orders/<id>/images/<n>`, n counting from 1. */
  readonly url: string;
}

/**
 * What the server stores for an order: the domain's order document (recomputed, never taken from
 * the browser) without its file-export `schema` and `status`, plus what only the server knows.
 * The order number and image URLs are derived when it is read (see {@link toServerOrder}).
 */
export interface OrderRecord extends Omit<OrderDocument, 'schema' | 'status' | 'size'> {
  readonly status: OrderStatus;
  /**
   * The size as the order document wrote it; orders placed before products named their own size
   * systems have only `eu`, `us` and `uk` (read them with `orderSizeCodes`).
   */
  readonly size: StoredOrderSize;
  readonly updatedAt: string;
  readonly contact: OrderContact;
  /**
   * Where the order goes, checked against the product's countries and postal code formats. Stored
   * apart from the document (`orders.shipping_address`, migration 007); orders placed before
   * addresses were taken have none.
   */
  readonly shippingAddress?: ShippingAddressInput;
  readonly previewImages: readonly PreviewImageInfo[];
  /** The id of the gallery candidate the design was started from (a remix), when the client named one. */
  readonly remixOf?: string;
}

/** Where an order is in fulfilment. Only `received` exists so far. */
export type OrderStatus = 'received';

/** A zone's print file as the API links it. */
export interface PrintFileLink {
  readonly zone: string;
  /** `/api/orders/<id>/print/<zone>.png` */
  readonly url: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly dpi: number;
}

/**
 * An order as the API returns it and fulfilment exports it. Published as JSON Schema at
 * `/api/schemas/order.json` (`public/schemas/server-order.schema.json`).
 *
 * @example
 * { schema: 'atelier.server-order/1', id: '3f0c…-…', orderNumber: 'ATL-000123', status: 'received',
 *   createdAt: '2026-11-25T12:00:00.000Z', product: { id: 'sneaker', … }, … }
 */
export interface ServerOrder extends Omit<OrderRecord, 'previewImages'> {
  readonly schema: typeof SERVER_ORDER_SCHEMA;
  /** Unguessable id (a random UUID) used in URLs, so that order numbers cannot be enumerated to read contacts. */
  readonly id: string;
  /** The number customers and the factory quote, sequential: `ATL-000123`. */
  readonly orderNumber: string;
  readonly previewImages: readonly PreviewImageLink[];
  /** One print file per zone holding personal text. */
  readonly printFiles: readonly PrintFileLink[];
}

/**
 * The order number of the n-th order stored: `ATL-` and at least six digits.
 *
 * @example formatOrderNumber(123) // "ATL-000123"
 */
export function formatOrderNumber(seq: number): string {
  return `ATL-${String(seq).padStart(6, '0')}`;
}

/** The URL an order's n-th preview image (from 1) is served at. */
export function previewImageUrl(orderId: string, position: number): string {
  return `/api/orders/${encodeURIComponent(orderId)}/images/${position}`;
}

/** Builds the API form of a stored order. Deterministic, so a replayed request gets the same bytes. */
export function toServerOrder(seq: number, id: string, record: OrderRecord): ServerOrder {
  return {
    schema: SERVER_ORDER_SCHEMA,
    id,
    orderNumber: formatOrderNumber(seq),
    ...record,
    previewImages: record.previewImages.map((image, index) => ({ ...image, url: previewImageUrl(id, index + 1) })),
    printFiles: [...new Map([...(record.print ?? []), ...(record.printArtwork ?? [])].map((placement) => [placement.zone, placement])).values()].map((placement) => ({
      zone: placement.zone,
      url: `/api/orders/${encodeURIComponent(id)}/print/${encodeURIComponent(placement.zone)}.png`,
      widthPx: placement.pixels.width,
      heightPx: placement.pixels.height,
      dpi: placement.dpi,
    })),
  };
}
