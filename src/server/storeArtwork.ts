import { createHash } from 'node:crypto';
import { inspectArtwork } from '../domain/artwork/index.ts';
import type { ArtworkMeta } from '../domain/index.ts';
import { apiError, type ApiError } from './apiError.ts';
import { artworkUrl } from './artworkLookup.ts';
import type { Clock } from './clock.ts';
import type { Repository } from './repository.ts';

/** What storing an upload led to: the artwork (with what the customer should know), or why not. */
export type StoreArtworkResult =
  | { readonly ok: true; readonly artwork: ArtworkMeta; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: ApiError };

/**
 * Inspects an uploaded artwork with the same domain checks the browser ran (format by content,
 * size, dimensions before decoding, colours; SVG sanitised) and stores it under the content hash
 * of what is kept: the sanitised SVG, or the image as sent. The same file uploaded twice is
 * stored once. Nothing is written when the file is refused.
 */
export async function storeArtwork(repository: Repository, clock: Clock, bytes: Uint8Array, fileName: string | undefined): Promise<StoreArtworkResult> {
  const inspection = inspectArtwork(bytes, fileName);
  if (!inspection.ok) return { ok: false, error: apiError(422, 'invalid_artwork', lowerFirst(inspection.message.replace(/\.$/, '')), 'choose another file, or export this one again') };
  const kept = inspection.sanitisedSvg === undefined ? bytes : new TextEncoder().encode(inspection.sanitisedSvg);
  const id = createHash('sha256').update(kept).digest('hex').slice(0, 24);
  const meta = { id, format: inspection.format, widthPx: Math.max(1, Math.round(inspection.widthPx)), heightPx: Math.max(1, Math.round(inspection.heightPx)), vector: inspection.vector, colours: inspection.colours, palette: [...inspection.palette] };
  await repository.saveArtwork({ meta, bytes: kept }, clock.now());
  return { ok: true, artwork: { ...meta, url: artworkUrl(id) }, warnings: inspection.warnings };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
