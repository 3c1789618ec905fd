import { apiError, type ApiError } from './apiError.ts';

/** A parsed JSON body, or why it could not be read. */
export type JsonBody = { readonly ok: true; readonly value: unknown; readonly text: string } | { readonly ok: false; readonly error: ApiError };

/** What to tell a client whose body is empty or too large: what the body should hold. */
export interface BodyHints {
  /** E.g. "send the order as a JSON object". */
  readonly empty: string;
  /** How to make the body smaller. */
  readonly tooLarge: string;
}

/** The hints for an order (the default). */
export const ORDER_BODY_HINTS: BodyHints = {
  empty: 'send the order as a JSON object',
  tooLarge: 'smaller preview images (each at most 2 MiB), or fewer of them',
};

/**
 * How deep objects and lists may nest in a request body. No Atelier request nests more than about
 * ten levels; the limit keeps every walk over a body (the request hash, the checks) far from the
 * stack's end, and keeps JSON.parse from spending seconds on millions of brackets.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads a request body as JSON, refusing it before parsing when it is not JSON (415), larger than
 * `maxBytes` (413: by its Content-Length when it declares one, and by counting the bytes as they
 * stream in, since a chunked body declares nothing), not UTF-8, nested deeper than
 * {@link MAX_JSON_DEPTH} or not well-formed JSON (400). What the texts may hold is each field's
 * business: a contact refuses control characters, a gallery title cleans them.
 * Under Node, pass the request's `IncomingMessage` as `nodeBody`: reading it directly skips the
 * conversion to a web stream, which costs more than the rest of reading.
 */
export async function readJsonBody(request: Request, maxBytes: number, nodeBody?: AsyncIterable<Uint8Array>, hints: BodyHints = ORDER_BODY_HINTS): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  // The media types Hono's validator reads as JSON: `application/json` and `application/<x>+json`.
  if (!/^application\/([\w.-]+\+)?json$/.test((type.split(';')[0] ?? '').trim().toLowerCase())) {
    return refuse(apiError(415, 'unsupported_media_type', `the body must be JSON, but its Content-Type is "${type || 'missing'}"`, 'send the header "Content-Type: application/json"'));
  }
  const tooLarge = (size: string) => refuse(apiError(413, 'body_too_large', `the body is ${size}`, `send at most ${maxBytes} bytes: ${hints.tooLarge}`));
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(`${declared} bytes, more than the ${maxBytes} allowed`);
  const body = nodeBody ?? (request.body as AsyncIterable<Uint8Array> | null);
  if (!body) return refuse(apiError(400, 'malformed_json', 'the body is empty', hints.empty));

  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    // Leaving the loop early cancels the stream: the rest of the body is never read.
    if (received > maxBytes) return tooLarge(`larger than the ${maxBytes} bytes allowed`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return refuse(apiError(400, 'malformed_json', 'the body is not valid UTF-8 text', 'encode the JSON as UTF-8'));
  }
  if (text.trim() === '') return refuse(apiError(400, 'malformed_json', 'the body is empty', hints.empty));
  if (exceedsDepth(text, MAX_JSON_DEPTH)) {
    return refuse(apiError(400, 'malformed_json', `the body nests objects and lists more than ${MAX_JSON_DEPTH} levels deep, the nesting limit`, 'send the fields as documented: no Atelier request nests more than about ten levels'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    return refuse(apiError(400, 'malformed_json', `the body is not valid JSON: ${reason}`, 'send well-formed JSON (check quotes, commas and brackets near the position given)'));
  }
  return { ok: true, value, text };
}

/**
 * Whether JSON text nests deeper than `limit`, found without parsing: brackets inside strings are
 * skipped a whole string at a time, so a body of long base64 images costs a few `indexOf` calls.
 */
function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      index = closingQuote(text, index);
      if (index < 0) return false; // an unterminated string: JSON.parse says where
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The index of the quote that ends the string opened at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

function refuse(error: ApiError): JsonBody {
  return { ok: false, error };
}
