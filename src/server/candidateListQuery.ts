import { apiError, type ApiError } from './apiError.ts';
import type { CandidateSort } from './repository.ts';

/** What `GET /api/candidates` asks for. */
export interface CandidateListQuery {
  readonly productId?: string;
  readonly sort: CandidateSort;
  readonly limit: number;
  /** How many designs of the list to skip: where this page starts. */
  readonly offset: number;
}

const SORTS: readonly CandidateSort[] = ['top', 'most-ordered', 'trending', 'newest'];
/** The default and largest page. */
export const DEFAULT_CANDIDATE_LIMIT = 24;
export const MAX_CANDIDATE_LIMIT = 100;
/** The farthest a visitor can page into a list (deeper pages are the moderators' tools). */
export const MAX_CANDIDATE_OFFSET = 10_000;

/**
 * Checks the query of `GET /api/candidates`: `product` (a product the shop sells; all when left
 * out), `sort` (top, most-ordered, trending or newest; default top), `limit` (1–100; default 24)
 * and `offset` (0–10,000; default 0: the designs to skip, for the next page).
 *
 * @example parseCandidateListQuery({ product: 'sneaker', sort: 'newest' }, ['sneaker']) // { ok: true, query: { productId: 'sneaker', sort: 'newest', limit: 24, offset: 0 } }
 */
export function parseCandidateListQuery(params: Readonly<Record<string, string | undefined>>, products: readonly string[]): { ok: true; query: CandidateListQuery } | { ok: false; error: ApiError } {
  const sort = params.sort ?? 'top';
  if (!SORTS.includes(sort as CandidateSort)) {
    return { ok: false, error: apiError(400, 'invalid_query', `unknown sort "${sort.slice(0, 40)}"`, `use sort=${SORTS.join(', sort=')}`) };
  }
  const limitText = params.limit ?? String(DEFAULT_CANDIDATE_LIMIT);
  const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_CANDIDATE_LIMIT)) {
    return { ok: false, error: apiError(400, 'invalid_query', `"limit" must be a whole number from 1 to ${MAX_CANDIDATE_LIMIT}, not "${limitText.slice(0, 20)}"`, `use e.g. limit=${DEFAULT_CANDIDATE_LIMIT}`) };
  }
  const offsetText = params.offset ?? '0';
  const offset = /^\d{1,5}$/.test(offsetText) ? Number(offsetText) : NaN;
  if (!(offset >= 0 && offset <= MAX_CANDIDATE_OFFSET)) {
    return { ok: false, error: apiError(400, 'invalid_query', `"offset" must be a whole number from 0 to ${MAX_CANDIDATE_OFFSET}, not "${offsetText.slice(0, 20)}"`, 'use the "nextOffset" of the previous page, or leave it out for the first page') };
  }
  const productId = params.product;
  if (productId !== undefined && !products.includes(productId)) {
    return { ok: false, error: apiError(400, 'invalid_query', `there is no product "${productId.slice(0, 40)}"`, `use product=${products.join(', product=')}, or leave it out for every product`) };
  }
  return { ok: true, query: { ...(productId !== undefined ? { productId } : {}), sort: sort as CandidateSort, limit, offset } };
}
