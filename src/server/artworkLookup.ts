import { isArtworkField, type ArtworkMeta, type CatalogEntry, type DesignDocument } from '../domain/index.ts';
import type { Repository } from './repository.ts';

/** The URL an artwork is served at. */
export function artworkUrl(id: string): string {
  return `/api/artworks/${encodeURIComponent(id)}`;
}

/**
 * What the shop knows of the artworks a design names (its artwork fields' values), from storage;
 * no query at all for a design without artwork, which is most orders.
 */
export async function artworksOf(repository: Repository, entry: CatalogEntry, design: Pick<DesignDocument, 'personalisation'>): Promise<ReadonlyMap<string, ArtworkMeta>> {
  const ids = (entry.ruleSet.personalisation ?? []).filter(isArtworkField).map((field) => design.personalisation[field.id]).filter((id): id is string => typeof id === 'string' && id.length > 0);
  if (ids.length === 0) return new Map();
  // Only what was found at upload: an order never reads the files themselves (up to 10 MB each).
  const stored = await repository.findArtworkMetas(ids);
  return new Map(stored.map((meta) => [meta.id, { ...meta, url: artworkUrl(meta.id) }]));
}
