import type { ArtworkMeta } from '../domain/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import { artworkUrl } from './artworkLookup.ts';
import type { Clock } from './clock.ts';
import { busyError } from './busyError.ts';
import type { JobPool } from './jobs/index.ts';
import type { Repository } from './repository.ts';

/** What storing an artwork needs. */
export interface ArtworkServices {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly jobs: JobPool;
}

/** What storing an upload led to: the artwork (with what the customer should know), or why not. */
export type StoreArtworkResult =
  | { readonly ok: true; readonly artwork: ArtworkMeta; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: ApiError; readonly retryAfterSeconds?: number };

/**
 * Inspects an uploaded artwork with the same domain checks the browser ran (format by content,
 * size, dimensions before decoding, colours; SVG sanitised) on a thread of the job pool, within its
 * time and pixel budgets, and stores it under the content hash of what is kept: the sanitised SVG,
 * or the image as sent. The same file uploaded twice is stored once. Nothing is written when the
 * file is refused, nor when the pool is too busy to read it (`retryAfterSeconds` then says when to
 * try again).
 */
export async function storeArtwork({ repository, clock, jobs }: ArtworkServices, bytes: Uint8Array<ArrayBuffer>, fileName: string | undefined): Promise<StoreArtworkResult> {
  const outcome = await jobs.inspectArtwork(bytes, fileName);
  const shownName = [...(fileName?.split(/[\\/]/).at(-1) ?? '')].filter((character) => character >= ' ' && character !== '"').join('').slice(0, 60);
  const subject = shownName ? `"${shownName}"` : 'the artwork';
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'busy':
        return { ok: false, error: busyError(outcome.retryAfterSeconds), retryAfterSeconds: outcome.retryAfterSeconds };
      case 'timeout':
        return { ok: false, error: apiError(422, 'artwork_too_complex', `${subject} took longer than ${seconds(outcome.budgetMs)} to read, the most the shop allows`, 'export it smaller or simpler (fewer pixels or fewer shapes), or as a PNG') };
      case 'memory':
        return { ok: false, error: apiError(422, 'artwork_too_complex', `${subject} needs more memory to read than the shop allows`, 'export it smaller or simpler (fewer pixels or fewer shapes), or as a PNG') };
      case 'pixels':
        throw new Error(`storeArtwork: the pixel budget of an upload is checked by inspectArtwork, not before it (${JSON.stringify(outcome)})`);
      default:
        throw new Error(`storeArtwork: unknown outcome ${JSON.stringify(outcome satisfies never)}`);
    }
  }
  const inspection = outcome.value;
  if (!inspection.ok) return { ok: false, error: apiError(422, 'invalid_artwork', lowerFirst(inspection.message.replace(/\.$/, '')), 'choose another file, or export this one again') };
  const kept = inspection.sanitisedSvg === undefined ? bytes : new TextEncoder().encode(inspection.sanitisedSvg);
  // WebCrypto hashes on libuv's thread pool: 10 MB would hold the event loop for tens of ms.
  const id = Buffer.from(await crypto.subtle.digest('SHA-256', kept)).toString('hex').slice(0, 24);
  const meta = { id, format: inspection.format, widthPx: Math.max(1, Math.round(inspection.widthPx)), heightPx: Math.max(1, Math.round(inspection.heightPx)), vector: inspection.vector, colours: inspection.colours, palette: [...inspection.palette] };
  await repository.saveArtwork({ meta, bytes: kept }, clock.now());
  return { ok: true, artwork: { ...meta, url: artworkUrl(id) }, warnings: inspection.warnings };
}

/** "1 s", "1.5 s", "20 s". */
function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
