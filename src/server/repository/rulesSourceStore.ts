// The files of each rules version in SQL (table `rules_sources`, migration 012): the product and
// rules files as merchandisers wrote them, and the CSV tables the rules file names (migration 014),
// for the rules studio to open.
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import { jsonbTables, type TableTexts } from './tableTexts.ts';

/** The files a product's rules version was made from: the two YAML files with their names in the project, and its CSV tables. */
export interface RulesSources {
  readonly productId: string;
  readonly rulesVersion: string;
  readonly product: { readonly file: string; readonly text: string };
  readonly rules: { readonly file: string; readonly text: string };
  /** The CSV tables the rules file names (`rows: { csv: <name> }`), text by name as written; absent or empty: none. */
  readonly tables?: TableTexts;
}

/** The part of the {@link Repository} that keeps the files of rules versions. */
export type RulesSourceStore = Pick<Repository, 'recordRulesSources' | 'findRulesSources'>;

interface RulesSourcesRow {
  product_file: string;
  product_text: string;
  rules_file: string;
  rules_text: string;
  tables: TableTexts | string;
}

/** The rules sources' statements over a client (PGlite or PostgreSQL). */
export function createRulesSourceStore(client: SqlClient): RulesSourceStore {
  return {
    async recordRulesSources(sources) {
      // Files that differ only in comments or layout make the same version: the last ones recorded are kept.
      await client.query(
        `INSERT INTO rules_sources (product_id, rules_version, product_file, product_text, rules_file, rules_text, tables)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)
         ON CONFLICT (product_id, rules_version) DO UPDATE
           SET product_file = EXCLUDED.product_file, product_text = EXCLUDED.product_text, rules_file = EXCLUDED.rules_file, rules_text = EXCLUDED.rules_text, tables = EXCLUDED.tables`,
        [sources.productId, sources.rulesVersion, sources.product.file, sources.product.text, sources.rules.file, sources.rules.text, JSON.stringify(sources.tables ?? {})],
      );
    },

    async findRulesSources(productId, rulesVersion) {
      const [row] = await client.query<RulesSourcesRow>(
        'SELECT product_file, product_text, rules_file, rules_text, tables FROM rules_sources WHERE product_id = $1 AND rules_version = $2',
        [productId, rulesVersion],
      );
      return row ? { productId, rulesVersion, product: { file: row.product_file, text: row.product_text }, rules: { file: row.rules_file, text: row.rules_text }, tables: jsonbTables(row.tables) } : undefined;
    },
  };
}
