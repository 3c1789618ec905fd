import type { VersionOptions } from '../../domain/index.ts';
import { apiErrorSentence, readApiError } from './readApiError.ts';

/**
 * The option ids of a product under an earlier rules version
 * (`GET /api/catalog/<product>/versions/<version>/options`), which a share link of the first
 * format counts positions in. A failure is a value, the reason as sentences: the page then opens a
 * fresh design and says why.
 */
export async function readVersionOptions(productId: string, rulesVersion: string): Promise<VersionOptions | { error: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/catalog/${encodeURIComponent(productId)}/versions/${encodeURIComponent(rulesVersion)}/options`, { credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { error: 'The shop could not be reached to read this link: check your connection and reload the page.' };
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (error.code === 'unknown_rules_version') return { error: 'This link was made with options this shop does not know: it may be damaged, or from another shop.' };
    return { error: apiErrorSentence(error) };
  }
  return (await response.json()) as VersionOptions;
}
