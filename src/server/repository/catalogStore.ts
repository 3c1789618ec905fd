// The catalog in SQL: each published product and rules version, kept so that an order naming an
// older version can be revalidated under it (table `catalog_entries`).
import { upgradeStoredProduct, type CatalogEntry } from '../../domain/index.ts';
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that records published rules versions. */
export type CatalogStore = Pick<Repository, 'publishCatalogEntry' | 'findCatalogEntry' | 'listRulesVersions'>;

/** The catalog's statements over a client (PGlite or PostgreSQL). */
export function createCatalogStore(client: SqlClient): CatalogStore {
  return {
    async publishCatalogEntry(entry, publishedAt) {
      await client.query(
        `INSERT INTO catalog_entries (product_id, rules_version, entry, published_at)
         VALUES ($1, $2, $3::text::json, $4::text::timestamptz)
         ON CONFLICT (product_id, rules_version) DO NOTHING`,
        [entry.product.id, entry.rulesVersion, JSON.stringify(entry), publishedAt.toISOString()],
      );
    },

    async findCatalogEntry(productId, rulesVersion) {
      const rows = await client.query<{ entry: string }>(
        'SELECT entry::text AS entry FROM catalog_entries WHERE product_id = $1 AND rules_version = $2',
        [productId, rulesVersion],
      );
      if (!rows[0]) return undefined;
      const entry = JSON.parse(rows[0].entry) as CatalogEntry;
      // Entries published before size systems were data have sizes with eu, us and uk fields.
      return { ...entry, product: upgradeStoredProduct(entry.product) };
    },

    async listRulesVersions(productId) {
      const rows = await client.query<{ rules_version: string; published_at: string }>(
        `SELECT rules_version, ${isoText('published_at')} AS published_at FROM catalog_entries
         WHERE product_id = $1 ORDER BY published_at, rules_version`,
        [productId],
      );
      return rows.map((row) => ({ rulesVersion: row.rules_version, publishedAt: row.published_at }));
    },
  };
}
