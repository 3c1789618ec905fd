import type { CatalogEntry } from '../domain/index.ts';
import type { OrderRecord } from './serverOrder.ts';

/** An order as stored, with what identifies it. */
export interface StoredOrder {
  /** Position in the order sequence; the order number is derived from it. */
  readonly seq: number;
  /** Unguessable id used in URLs. */
  readonly id: string;
  readonly idempotencyKey: string;
  /** SHA-256 of the request body that created it, to tell a retry from a reused key. */
  readonly requestHash: string;
  readonly record: OrderRecord;
}

/** A new order to store, fully validated and priced. */
export interface NewOrder {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly record: OrderRecord;
  /** The PNG bytes of `record.previewImages`, in the same order. */
  readonly images: readonly Uint8Array[];
}

/**
 * What storing an order led to: stored now, or an order already stored under that idempotency
 * key (by an earlier or a concurrent request), which the caller compares with its request.
 */
export type PlaceOrderOutcome =
  | { readonly kind: 'created'; readonly order: StoredOrder }
  | { readonly kind: 'existing'; readonly order: StoredOrder };

/** A stored preview image. */
export interface StoredImage {
  readonly contentType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Where an export page starts: after this order (exports are ordered by creation time, then number). */
export interface ExportCursor {
  readonly createdAt: string;
  readonly seq: number;
}

/**
 * Everything the server stores, behind one interface. `sqlRepository.ts` implements it once in SQL
 * over PGlite or a PostgreSQL server; `tests/server/repository.shared.ts` checks both.
 */
export interface Repository {
  /** Records a published product and rules version; does nothing when it is already recorded. */
  publishCatalogEntry(entry: CatalogEntry, publishedAt: Date): Promise<void>;
  /** A published rules version of a product, or undefined when it was never published here. */
  findCatalogEntry(productId: string, rulesVersion: string): Promise<CatalogEntry | undefined>;
  /** The rules versions published for a product, oldest first. */
  listRulesVersions(productId: string): Promise<{ rulesVersion: string; publishedAt: string }[]>;
  /** The order stored under an idempotency key, if any. */
  findOrderByIdempotencyKey(idempotencyKey: string): Promise<StoredOrder | undefined>;
  /**
   * Stores an order and its images atomically (one transaction). When the idempotency key is
   * taken, stores nothing and returns the order stored under it. Resolves after the commit, so
   * the caller may acknowledge the order then.
   */
  placeOrder(order: NewOrder): Promise<PlaceOrderOutcome>;
  /** An order by its URL id. */
  findOrder(id: string): Promise<StoredOrder | undefined>;
  /** The n-th preview image (from 1) of an order. */
  findOrderImage(id: string, position: number): Promise<StoredImage | undefined>;
  /** Orders created at or after `since`, oldest first, at most `limit`, starting after `cursor`. */
  listOrdersSince(since: Date, limit: number, cursor?: ExportCursor): Promise<{ orders: StoredOrder[]; next?: ExportCursor }>;
  /** How many orders are stored. */
  countOrders(): Promise<number>;
}
