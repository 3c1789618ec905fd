import type { CatalogEntry } from '../../domain/index.ts';
import type { CatalogCheckInput, CatalogCheckOutput } from '../../machines/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';

/** One product of the shop, as `GET /api/catalog` lists it. */
export interface CatalogProduct {
  readonly id: string;
  readonly name: string;
  readonly rulesVersion: string;
}

/** Why the catalog could not be read, in words for the customer. */
export interface CatalogFailure {
  /** `unreachable`: no answer (offline, server down); `unknown-product`: 404 for the product; `error`: any other refusal. */
  readonly kind: 'unreachable' | 'unknown-product' | 'error';
  /** What happened and what to do, as sentences. */
  readonly message: string;
}

/** A catalog answer, or why there is none. */
export type CatalogResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: CatalogFailure };

const UNREACHABLE: CatalogFailure = { kind: 'unreachable', message: 'The shop could not be reached. Check your connection, then try again.' };

/** GET a catalog path; no answer, an error status or a body that is not JSON become a failure. */
async function read<T>(path: string, init: RequestInit = {}): Promise<CatalogResult<T> | { ok: true; notModified: true }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, failure: UNREACHABLE };
  }
  if (response.status === 304) return { ok: true, notModified: true };
  if (!response.ok) {
    const error = await readApiError(response);
    return { ok: false, failure: { kind: error.code === 'unknown_product' ? 'unknown-product' : 'error', message: apiErrorSentence(error) } };
  }
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, failure: { kind: 'error', message: 'The shop answered with something that is not its catalog. Try again in a moment.' } };
  }
}

/**
 * The shop's products with the rules version of each (`GET /api/catalog`).
 *
 * @example const list = await readCatalogList(); if (list.ok) show(list.value);
 */
export async function readCatalogList(signal?: AbortSignal): Promise<CatalogResult<readonly CatalogProduct[]>> {
  const answer = await read<{ products: CatalogProduct[] }>('/api/catalog', signal ? { signal } : {});
  if (!answer.ok || 'notModified' in answer) return answer.ok ? { ok: false, failure: UNREACHABLE } : answer;
  return { ok: true, value: answer.value.products };
}

/** A product under the rules the shop serves now, compiled decision diagram included (`GET /api/catalog/<product>`). */
export async function readCatalogEntry(productId: string, signal?: AbortSignal): Promise<CatalogResult<CatalogEntry>> {
  const answer = await read<CatalogEntry>(`/api/catalog/${encodeURIComponent(productId)}`, signal ? { signal } : {});
  if (!answer.ok || 'notModified' in answer) return answer.ok ? { ok: false, failure: UNREACHABLE } : answer;
  return { ok: true, value: answer.value };
}

/**
 * Whether the shop published newer rules than the session holds: asks with
 * `If-None-Match: "<rulesVersion>"`, so an unchanged catalog costs a 304 and no body. The newer
 * entry, or null. A failure rejects (the session's check fails quietly and asks again later).
 */
export async function checkCatalog({ productId, rulesVersion }: CatalogCheckInput, signal?: AbortSignal): Promise<CatalogCheckOutput> {
  const answer = await read<CatalogEntry>(`/api/catalog/${encodeURIComponent(productId)}`, {
    headers: { 'If-None-Match': `"${rulesVersion}"` },
    // Our own If-None-Match, not the browser's cache: the 304 must reach us as it is.
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (!answer.ok) throw new Error(answer.failure.message);
  if ('notModified' in answer || answer.value.rulesVersion === rulesVersion) return null;
  return { entry: answer.value };
}
