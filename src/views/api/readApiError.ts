import type { Problem } from '../../domain/index.ts';
import { capitalise } from '../capitalise.ts';

/** An API error as the customer should read it: what is wrong and what to do. */
export interface ReadableApiError {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  /** Each field at fault (`path`, `message`, `hint`), when the server lists them; else empty. */
  readonly problems: readonly Problem[];
}

/**
 * Reads the server's error body (`{ "error": { code, message, hint, problems? } }`); anything else
 * (a proxy's HTML page, an empty body) becomes a message naming the HTTP status.
 */
export async function readApiError(response: Response): Promise<ReadableApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; hint?: unknown; problems?: unknown } };
    const { code, message, hint, problems } = body.error ?? {};
    if (typeof message === 'string') return { code: typeof code === 'string' ? code : 'error', message, hint: typeof hint === 'string' ? hint : '', problems: readProblems(problems) };
  } catch {
    // not JSON: fall through
  }
  return { code: `http_${response.status}`, message: `the server answered ${response.status} ${response.statusText}`.trim(), hint: 'try again in a moment', problems: [] };
}

/** The well-formed entries of an error's `problems`; anything else is left out. */
function readProblems(value: unknown): Problem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: { path?: unknown; message?: unknown; hint?: unknown } | null) =>
    typeof item?.path === 'string' && typeof item.message === 'string' ? [{ path: item.path, message: item.message, hint: typeof item.hint === 'string' ? item.hint : '' }] : []);
}

/** A sentence from a server error for the customer: "What is wrong. What to do." */
export function apiErrorSentence(error: Pick<ReadableApiError, 'message' | 'hint'>): string {
  const sentence = (text: string) => {
    const trimmed = text.trim().replace(/\.$/, '');
    return trimmed ? `${capitalise(trimmed)}.` : '';
  };
  return [sentence(error.message), sentence(error.hint)].filter(Boolean).join(' ');
}
