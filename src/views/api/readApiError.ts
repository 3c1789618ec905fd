import { capitalise } from '../capitalise.ts';

/** An API error as the customer should read it: what is wrong and what to do. */
export interface ReadableApiError {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/**
 * Reads the server's error body (`{ "error": { code, message, hint } }`); anything else (a proxy's
 * HTML page, an empty body) becomes a message naming the HTTP status.
 */
export async function readApiError(response: Response): Promise<ReadableApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; hint?: unknown } };
    const { code, message, hint } = body.error ?? {};
    if (typeof message === 'string') return { code: typeof code === 'string' ? code : 'error', message, hint: typeof hint === 'string' ? hint : '' };
  } catch {
    // not JSON: fall through
  }
  return { code: `http_${response.status}`, message: `the server answered ${response.status} ${response.statusText}`.trim(), hint: 'try again in a moment' };
}

/** A sentence from a server error for the customer: "What is wrong. What to do." */
export function apiErrorSentence(error: ReadableApiError): string {
  const sentence = (text: string) => {
    const trimmed = text.trim().replace(/\.$/, '');
    return trimmed ? `${capitalise(trimmed)}.` : '';
  };
  return [sentence(error.message), sentence(error.hint)].filter(Boolean).join(' ');
}
