// The designs stored in the database that a rules change may refuse: recent orders and gallery
// candidates, read-only, for `npm run rules -- diff`. Reached like `npm run staff` reaches its
// accounts: PostgreSQL directly, an embedded data directory through the admin API of the server
// that holds it, or else opened here.
import type { CatalogEntry } from '../domain/index.ts';
import { reachDataDirectory } from './adminClient.ts';
import { openDatabase, type DatabaseConfig } from './openDatabase.ts';
import type { Repository } from './repository.ts';
import { formatOrderNumber } from './serverOrder.ts';
import type { SqlClient } from './sqlClient.ts';
import { createSqlRepository } from './sqlRepository.ts';

/** An order's design, with what identifies it and what it was worth. */
export interface StoredOrderDesign {
  readonly id: string;
  /** `ATL-000123`. */
  readonly orderNumber: string;
  readonly createdAt: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly choices: Readonly<Record<string, string>>;
  /** The stored price's total, in minor units of `currency` (as the order was charged). */
  readonly total: number;
  readonly currency: string;
}

/** A gallery candidate's design. */
export interface StoredCandidateDesign {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly choices: Readonly<Record<string, string>>;
}

/** What {@link readStoredDesigns} returns (and `GET /admin/orders/designs` answers). */
export interface StoredDesigns {
  readonly orders: readonly StoredOrderDesign[];
  readonly candidates: readonly StoredCandidateDesign[];
}

/** Which designs to read: orders placed at or after `since`; every candidate; of one product when named. */
export interface StoredDesignsQuery {
  readonly since: Date;
  readonly productId?: string;
}

/** The part of the repository this reads. */
export type StoredDesignsRepository = Pick<Repository, 'listOrdersSince' | 'listCandidates' | 'findCatalogEntry'>;

const PAGE = 500;

/** Reads the orders since `since` and every gallery candidate (of one product when named), oldest orders first. */
export async function readStoredDesigns(repository: StoredDesignsRepository, query: StoredDesignsQuery, now: Date = new Date()): Promise<StoredDesigns> {
  const orders: StoredOrderDesign[] = [];
  for (let page = await repository.listOrdersSince(query.since, PAGE); ; page = await repository.listOrdersSince(query.since, PAGE, page.next)) {
    for (const { id, seq, record } of page.orders) {
      if (query.productId !== undefined && record.product.id !== query.productId) continue;
      orders.push({
        id, orderNumber: formatOrderNumber(seq), createdAt: record.createdAt, productId: record.product.id, rulesVersion: record.rulesVersion,
        choices: record.design.choices, total: record.price.total, currency: record.price.currency,
      });
    }
    if (!page.next || page.orders.length === 0) break;
  }
  const candidates: StoredCandidateDesign[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await repository.listCandidates({ productId: query.productId, sort: 'newest', limit: PAGE, offset, now });
    for (const candidate of page) {
      candidates.push({ id: candidate.id, title: candidate.title, createdAt: candidate.createdAt, productId: candidate.productId, rulesVersion: candidate.rulesVersion, choices: candidate.design.choices });
    }
    if (page.length < PAGE) break;
  }
  return { orders, candidates };
}

/** The database as `rules diff` reads it, and how it was reached. */
export interface ReachedStoredDesigns {
  /** `server`: through the admin API of the server (process `pid`) holding the data directory. */
  readonly via: { readonly kind: 'server'; readonly pid: number } | { readonly kind: 'direct' } | { readonly kind: 'postgres' };
  designs(query: StoredDesignsQuery): Promise<StoredDesigns>;
  /** A published rules version, or undefined when it was never published in this database. */
  catalogEntry(productId: string, rulesVersion: string): Promise<CatalogEntry | undefined>;
  /** Lets go of what was opened here (the data directory's lock); nothing for a running server. */
  close(): Promise<void>;
}

/**
 * Reaches the database the environment names for reading designs and published versions. An
 * absent or empty data directory is refused, never created. Nothing is written (no migration).
 */
export async function reachStoredDesigns(config: DatabaseConfig): Promise<ReachedStoredDesigns> {
  if (config.kind === 'postgres') return overClient(await openDatabase(config), { kind: 'postgres' });
  const access = await reachDataDirectory(config.dataDir, { create: false });
  if (access.kind === 'direct') return overClient(access.client, { kind: 'direct' });
  const get = async <T>(path: string): Promise<T | undefined> => {
    const response = await access.request(path);
    if (response.status === 404 && path.startsWith('/admin/catalog/')) return undefined;
    if (!response.ok) {
      const body = await response.json().catch(() => undefined) as { error?: { message?: string; hint?: string } } | undefined;
      throw new Error(`the Atelier server on ${config.dataDir} refused ${path.split('?')[0]}: ${body?.error?.message ?? response.statusText}${body?.error?.hint ? `. Fix: ${body.error.hint}` : ''}`);
    }
    return await response.json() as T;
  };
  return {
    via: { kind: 'server', pid: access.holder.pid },
    designs: async (query) => (await get<StoredDesigns>(`/admin/orders/designs?${designsSearch(query)}`))!,
    catalogEntry: async (productId, rulesVersion) => (await get<{ entry: CatalogEntry }>(`/admin/catalog/${encodeURIComponent(productId)}/${encodeURIComponent(rulesVersion)}`))?.entry,
    close: async () => {},
  };
}

/** The query string of `GET /admin/orders/designs`. */
export function designsSearch(query: StoredDesignsQuery): string {
  const search = new URLSearchParams({ since: query.since.toISOString() });
  if (query.productId !== undefined) search.set('product', query.productId);
  return search.toString();
}

function overClient(client: SqlClient, via: ReachedStoredDesigns['via']): ReachedStoredDesigns {
  const repository = createSqlRepository(client);
  return {
    via,
    designs: (query) => readStoredDesigns(repository, query),
    catalogEntry: (productId, rulesVersion) => repository.findCatalogEntry(productId, rulesVersion),
    close: () => client.close(),
  };
}
