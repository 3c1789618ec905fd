// The catalog in SQL: each recorded product and rules version, kept so that an order naming an
// older version can be revalidated under it, with where each version stands: draft, published
// (current), superseded (accepted for a grace period) or retired (table `catalog_entries`, 001, 010
// and 011), and the history of publications and rollbacks (`rules_publications`, 011).
import { upgradeStoredProduct, type CatalogEntry } from '../../domain/index.ts';
import type { Repository, RulesPublication, RulesVersionStatus } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that records published rules versions. */
export type CatalogStore = Pick<Repository, 'publishCatalogEntry' | 'findCatalogEntry' | 'listRulesVersions' | 'makeCurrentRulesVersion' | 'listRulesPublications' | 'listCurrentRulesVersions' | 'findRulesVersionStatus' | 'retireRulesVersion'>;

interface StatusRow {
  state: RulesVersionStatus['state'];
  accept_until: string | null;
  retired_at: string | null;
}

const STATUS_COLUMNS = `state, ${isoText('accept_until')} AS accept_until, ${isoText('retired_at')} AS retired_at`;

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
      const rows = await client.query<StatusRow & { rules_version: string; published_at: string; published_by: string | null; publish_message: string | null }>(
        `SELECT rules_version, ${isoText('published_at')} AS published_at, ${STATUS_COLUMNS}, published_by, publish_message FROM catalog_entries
         WHERE product_id = $1 ORDER BY published_at, rules_version`,
        [productId],
      );
      return rows.map((row) => ({ rulesVersion: row.rules_version, publishedAt: row.published_at, ...toStatus(row), publishedBy: row.published_by, message: row.publish_message }));
    },

    async makeCurrentRulesVersion(productId, rulesVersion, now, graceSeconds, publication) {
      return client.transaction(async (tx) => {
        const at = now.toISOString();
        // Every version of the product locked, so two publishers of one product take turns: each
        // statement after the lock sees the other's commit (the one-published index would otherwise
        // refuse the second). Locked in key order: two publishers locking the rows in the order a
        // scan happens to meet them can each hold a row the other waits for (a deadlock).
        const before = (await tx.query<{ rules_version: string; state: RulesVersionStatus['state'] }>(
          'SELECT rules_version, state FROM catalog_entries WHERE product_id = $1 ORDER BY rules_version FOR UPDATE',
          [productId],
        )).filter((row) => row.rules_version === rulesVersion);
        if (before.length === 0) throw new Error(`[Atelier] rules version "${rulesVersion}" of "${productId}" was never recorded: publishCatalogEntry first`);
        const superseded = await tx.query<{ rules_version: string }>(
          `UPDATE catalog_entries SET state = 'superseded', retired_at = NULL,
             accept_until = $3::text::timestamptz + make_interval(secs => $4)
           WHERE product_id = $1 AND rules_version <> $2 AND state = 'published'
           RETURNING rules_version`,
          [productId, rulesVersion, at, graceSeconds],
        );
        await tx.query(
          `UPDATE catalog_entries SET state = 'published', accept_until = NULL, retired_at = NULL
           WHERE product_id = $1 AND rules_version = $2`,
          [productId, rulesVersion],
        );
        // Current already (another start on the same files): nothing happened worth a line of history.
        if (publication && before[0]!.state !== 'published') {
          await tx.query(
            'UPDATE catalog_entries SET published_by = $3, publish_message = $4 WHERE product_id = $1 AND rules_version = $2',
            [productId, rulesVersion, publication.actor, publication.message],
          );
          await tx.query(
            `INSERT INTO rules_publications (product_id, rules_version, action, actor, message, at)
             VALUES ($1, $2, $3, $4, $5, $6::text::timestamptz)`,
            [productId, rulesVersion, publication.action ?? 'published', publication.actor, publication.message, at],
          );
        }
        return superseded.map((row) => row.rules_version);
      });
    },

    async listRulesPublications(productId) {
      const rows = await client.query<{ seq: string | number; rules_version: string; action: RulesPublication['action']; actor: string; message: string; at: string }>(
        `SELECT seq, rules_version, action, actor, message, ${isoText('at')} AS at FROM rules_publications
         WHERE product_id = $1 ORDER BY seq DESC`,
        [productId],
      );
      return rows.map((row) => ({ seq: Number(row.seq), productId, rulesVersion: row.rules_version, action: row.action, actor: row.actor, message: row.message, at: row.at }));
    },

    async listCurrentRulesVersions() {
      const rows = await client.query<{ product_id: string; rules_version: string }>(
        "SELECT product_id, rules_version FROM catalog_entries WHERE state = 'published' ORDER BY product_id",
      );
      return new Map(rows.map((row) => [row.product_id, row.rules_version]));
    },

    async findRulesVersionStatus(productId, rulesVersion) {
      const rows = await client.query<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM catalog_entries WHERE product_id = $1 AND rules_version = $2`, [productId, rulesVersion]);
      return rows[0] ? toStatus(rows[0]) : undefined;
    },

    async retireRulesVersion(productId, rulesVersion, now) {
      const rows = await client.query<{ state: RulesVersionStatus['state'] }>('SELECT state FROM catalog_entries WHERE product_id = $1 AND rules_version = $2', [productId, rulesVersion]);
      const state = rows[0]?.state;
      if (state === undefined) return 'unknown';
      if (state === 'published') return 'current';
      if (state === 'draft') return 'draft';
      if (state === 'retired') return 'already-retired';
      const retired = await client.query(
        `UPDATE catalog_entries SET state = 'retired', accept_until = NULL, retired_at = $3::text::timestamptz
         WHERE product_id = $1 AND rules_version = $2 AND state = 'superseded' RETURNING rules_version`,
        [productId, rulesVersion, now.toISOString()],
      );
      return retired.length > 0 ? 'retired' : 'already-retired';
    },
  };
}

function toStatus(row: StatusRow): RulesVersionStatus {
  return { state: row.state, acceptUntil: row.accept_until, retiredAt: row.retired_at };
}
