// API tokens in SQL (table `api_tokens`, migration 009): only the SHA-256 of each token is stored,
// a token is found by it when neither revoked nor expired, and its last use is recorded on the way.
import type { TokenRole } from '../../domain/index.ts';
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import type { ApiToken } from '../staffRecords.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that stores API tokens. */
export type ApiTokenStore = Pick<Repository, 'createApiToken' | 'findApiToken' | 'listApiTokens' | 'revokeApiToken'>;

/** A token's last use is written at most this often: a machine polling every second would otherwise write a row every second. */
const TOUCH_AFTER_SECONDS = 60;

/** The columns of a token `t` and its creator `a`, as {@link TokenRow}; `last_used_at` is the caller's. */
const TOKEN_COLUMNS = `t.id, t.name, t.role, ${isoText('t.created_at')} AS created_at, ${isoText('t.expires_at')} AS expires_at,
  ${isoText('t.revoked_at')} AS revoked_at, a.email AS created_by`;

interface TokenRow {
  id: string;
  name: string;
  role: TokenRole;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by: string | null;
}

/** The API tokens' statements over a client (PGlite or PostgreSQL). */
export function createApiTokenStore(client: SqlClient): ApiTokenStore {
  return {
    async createApiToken(token) {
      await client.query(
        `INSERT INTO api_tokens (id, name, role, token_hash, created_at, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5::text::timestamptz, $6::text::timestamptz, $7)`,
        [token.id, token.name, token.role, token.tokenHash, token.createdAt.toISOString(), token.expiresAt.toISOString(), token.createdBy],
      );
    },

    async findApiToken(tokenHash, now) {
      // One statement, as for sessions: found, and its last use moved when it was written over a
      // minute ago. The final SELECT sees the row as it was before the statement, hence the coalesce.
      const rows = await client.query<TokenRow>(
        `WITH found AS (
           SELECT id FROM api_tokens
           WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2::text::timestamptz
         ), touched AS (
           UPDATE api_tokens t SET last_used_at = $2::text::timestamptz
           FROM found
           WHERE t.id = found.id AND (t.last_used_at IS NULL OR t.last_used_at <= $2::text::timestamptz - make_interval(secs => $3))
           RETURNING t.id, t.last_used_at
         )
         SELECT ${TOKEN_COLUMNS}, ${isoText('coalesce(touched.last_used_at, t.last_used_at)')} AS last_used_at
         FROM found
         JOIN api_tokens t ON t.id = found.id
         LEFT JOIN touched ON touched.id = t.id
         LEFT JOIN staff_accounts a ON a.id = t.created_by`,
        [tokenHash, now.toISOString(), TOUCH_AFTER_SECONDS],
      );
      return rows[0] ? toToken(rows[0]) : undefined;
    },

    async listApiTokens() {
      const rows = await client.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS}, ${isoText('t.last_used_at')} AS last_used_at
         FROM api_tokens t LEFT JOIN staff_accounts a ON a.id = t.created_by
         ORDER BY t.created_at DESC, t.id DESC`,
      );
      return rows.map(toToken);
    },

    async revokeApiToken(id, now) {
      const rows = await client.query(
        'UPDATE api_tokens SET revoked_at = $2::text::timestamptz WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, now.toISOString()],
      );
      return rows.length > 0;
    },
  };
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    createdBy: row.created_by,
  };
}
