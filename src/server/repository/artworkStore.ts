// Uploaded artworks in SQL, under their content id: the file as kept and what inspecting it found
// (table `artworks`, migration 003).
import type { Repository, StoredArtwork } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';

/** The part of the {@link Repository} that stores artworks. */
export type ArtworkStore = Pick<Repository, 'saveArtwork' | 'findArtworks' | 'findArtworkMetas'>;

/** The artworks' statements over a client (PGlite or PostgreSQL). */
export function createArtworkStore(client: SqlClient): ArtworkStore {
  return {
    async saveArtwork(artwork, createdAt) {
      await client.query(
        'INSERT INTO artworks (id, format, bytes, meta, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
        [artwork.meta.id, artwork.meta.format, artwork.bytes, JSON.stringify(artwork.meta), createdAt.toISOString()],
      );
    },

    async findArtworks(ids) {
      if (ids.length === 0) return [];
      const rows = await client.query<{ meta: StoredArtwork['meta'] | string; bytes: Uint8Array }>('SELECT meta, bytes FROM artworks WHERE id = ANY($1)', [[...ids]]);
      return rows.map((row) => ({ meta: typeof row.meta === 'string' ? JSON.parse(row.meta) as StoredArtwork['meta'] : row.meta, bytes: new Uint8Array(row.bytes) }));
    },

    async findArtworkMetas(ids) {
      if (ids.length === 0) return [];
      const rows = await client.query<{ meta: StoredArtwork['meta'] | string }>('SELECT meta FROM artworks WHERE id = ANY($1)', [[...ids]]);
      return rows.map((row) => (typeof row.meta === 'string' ? JSON.parse(row.meta) as StoredArtwork['meta'] : row.meta));
    },
  };
}
