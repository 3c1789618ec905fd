// The rules studio's drafts in SQL (table `studio_drafts`, migration 013): one per product and
// staff account, saved with optimistic concurrency (a save names the revision it read).
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { isoText } from './isoText.ts';
import { jsonbTables, type TableTexts } from './tableTexts.ts';

/** A merchandiser's unpublished edit of a product's two files and its CSV tables, as stored. */
export interface StudioDraft {
  readonly productId: string;
  readonly accountId: string;
  /** The published rules version the draft started from. */
  readonly basedOn: string;
  readonly productText: string;
  readonly rulesText: string;
  /** The CSV tables the rules file names, text by name as written (empty: none). */
  readonly tables: TableTexts;
  /** 1 for the first save, one more for each save after. */
  readonly revision: number;
  /** When it was saved last (ISO 8601). */
  readonly updatedAt: string;
}

/** A save: the new texts, and the revision the saver last read (0: it knows of no draft). */
export interface StudioDraftSave {
  readonly productId: string;
  readonly accountId: string;
  readonly basedOn: string;
  readonly productText: string;
  readonly rulesText: string;
  /** Absent: none. */
  readonly tables?: TableTexts;
  readonly readRevision: number;
  readonly at: Date;
}

/** A save's outcome: saved as the next revision, or refused because the stored draft is not the one read (`current`: it, or none). */
export type StudioDraftSaveOutcome =
  | { readonly saved: true; readonly draft: StudioDraft }
  | { readonly saved: false; readonly current: StudioDraft | undefined };

/** Someone's draft of a product, as another merchandiser is told of it. */
export interface StudioDraftListing {
  readonly accountId: string;
  readonly email: string;
  readonly basedOn: string;
  readonly updatedAt: string;
}

/** The part of the {@link Repository} that keeps the studio's drafts. */
export type StudioDraftStore = Pick<Repository, 'findStudioDraft' | 'saveStudioDraft' | 'deleteStudioDraft' | 'listStudioDrafts'>;

interface DraftRow {
  product_id: string;
  account_id: string;
  based_on_version: string;
  product_text: string;
  rules_text: string;
  tables: TableTexts | string;
  revision: number;
  updated_at: string;
}

const COLUMNS = `product_id, account_id, based_on_version, product_text, rules_text, tables, revision, ${isoText('updated_at')} AS updated_at`;

const toDraft = (row: DraftRow): StudioDraft => ({
  productId: row.product_id, accountId: row.account_id, basedOn: row.based_on_version,
  productText: row.product_text, rulesText: row.rules_text, tables: jsonbTables(row.tables), revision: Number(row.revision), updatedAt: row.updated_at,
});

/** The drafts' statements over a client (PGlite or PostgreSQL). */
export function createStudioDraftStore(client: SqlClient): StudioDraftStore {
  const find = async (productId: string, accountId: string) => {
    const [row] = await client.query<DraftRow>(`SELECT ${COLUMNS} FROM studio_drafts WHERE product_id = $1 AND account_id = $2`, [productId, accountId]);
    return row ? toDraft(row) : undefined;
  };
  return {
    findStudioDraft: find,

    async saveStudioDraft(save) {
      const values = [save.productId, save.accountId, save.basedOn, save.productText, save.rulesText, save.readRevision, save.at.toISOString(), JSON.stringify(save.tables ?? {})];
      // One statement either way, so two tabs saving at once cannot both win: the revision read
      // is the condition of the write (ON CONFLICT DO NOTHING for the first save, rather than a
      // caught unique violation, which would abort a surrounding transaction).
      const rows = save.readRevision === 0
        ? await client.query<DraftRow>(
          `INSERT INTO studio_drafts (product_id, account_id, based_on_version, product_text, rules_text, tables, revision, updated_at)
           SELECT $1, $2, $3, $4, $5, $8::text::jsonb, $6::integer + 1, $7::text::timestamptz
           ON CONFLICT (product_id, account_id) DO NOTHING
           RETURNING ${COLUMNS}`, values)
        : await client.query<DraftRow>(
          `UPDATE studio_drafts SET based_on_version = $3, product_text = $4, rules_text = $5, tables = $8::text::jsonb, revision = revision + 1, updated_at = $7::text::timestamptz
           WHERE product_id = $1 AND account_id = $2 AND revision = $6::integer
           RETURNING ${COLUMNS}`, values);
      if (rows[0]) return { saved: true, draft: toDraft(rows[0]) };
      return { saved: false, current: await find(save.productId, save.accountId) };
    },

    async deleteStudioDraft(productId, accountId) {
      const rows = await client.query('DELETE FROM studio_drafts WHERE product_id = $1 AND account_id = $2 RETURNING revision', [productId, accountId]);
      return rows.length > 0;
    },

    async listStudioDrafts(productId) {
      const rows = await client.query<{ account_id: string; email: string; based_on_version: string; updated_at: string }>(
        `SELECT d.account_id, a.email, d.based_on_version, ${isoText('d.updated_at')} AS updated_at
         FROM studio_drafts d JOIN staff_accounts a ON a.id = d.account_id
         WHERE d.product_id = $1
         ORDER BY d.updated_at DESC, a.email`,
        [productId],
      );
      return rows.map((row) => ({ accountId: row.account_id, email: row.email, basedOn: row.based_on_version, updatedAt: row.updated_at }));
    },
  };
}
