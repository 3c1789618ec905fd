// Staff accounts and their signed-in sessions in SQL (tables `staff_accounts`, `staff_sessions`,
// migration 009). A session is found by the hash of its id, checked for both of its lifetimes and
// its account in the same statement that touches or deletes it: a request pays one round trip.
import { normaliseRoles, type StaffRole } from '../../domain/index.ts';
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import type { StaffAccount, StoredStaffAccount } from '../staffRecords.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that stores staff accounts and their sessions. */
export type StaffStore = Pick<
  Repository,
  | 'createStaffAccount' | 'findStaffAccountByEmail' | 'findStaffAccount' | 'listStaffAccounts' | 'countEnabledStaffWithRole'
  | 'updateStaffAccount' | 'recordStaffLogin' | 'createStaffSession' | 'findStaffSession' | 'deleteStaffSession' | 'deleteStaffSessionsOf'
>;

/** A session's last-seen time is written at most this often: a request per second would otherwise write a row per second. */
const TOUCH_AFTER_SECONDS = 60;
/** How many session look-ups (per process) between two deletions of every session past its absolute lifetime. */
const PRUNE_EVERY = 1000;

/** The columns of an account, `a` in the statement, as {@link AccountRow}. */
const ACCOUNT_COLUMNS = `a.id, a.email, a.password_hash, array_to_json(a.roles)::text AS roles, a.disabled_at IS NOT NULL AS disabled,
  ${isoText('a.created_at')} AS created_at, ${isoText('a.updated_at')} AS updated_at, ${isoText('a.last_login_at')} AS last_login_at`;

interface AccountRow {
  id: string;
  email: string;
  password_hash: string;
  /** JSON text: arrays come back alike from both drivers that way. */
  roles: string;
  disabled: boolean;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/** The staff accounts' and sessions' statements over a client (PGlite or PostgreSQL). */
export function createStaffStore(client: SqlClient): StaffStore {
  let lookups = 0;
  return {
    async createStaffAccount(account) {
      // ON CONFLICT rather than catching the unique violation: a failed statement would abort a surrounding transaction.
      const rows = await client.query<AccountRow>(
        `INSERT INTO staff_accounts AS a (id, email, password_hash, roles, created_at, updated_at)
         VALUES ($1, $2, $3, $4::text[], $5::text::timestamptz, $5::text::timestamptz)
         ON CONFLICT (email) DO NOTHING
         RETURNING ${ACCOUNT_COLUMNS}`,
        [account.id, normaliseEmail(account.email), account.passwordHash, normaliseRoles(account.roles), account.createdAt.toISOString()],
      );
      return rows[0] ? { kind: 'created', account: toAccount(rows[0]) } : { kind: 'email_taken' };
    },

    async findStaffAccountByEmail(email) {
      const rows = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts a WHERE a.email = $1`, [normaliseEmail(email)]);
      return rows[0] ? toStoredAccount(rows[0]) : undefined;
    },

    async findStaffAccount(id) {
      const rows = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts a WHERE a.id = $1`, [id]);
      return rows[0] ? toStoredAccount(rows[0]) : undefined;
    },

    async listStaffAccounts() {
      const rows = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts a ORDER BY a.created_at, a.id`);
      return rows.map(toAccount);
    },

    async countEnabledStaffWithRole(role) {
      const rows = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_accounts WHERE disabled_at IS NULL AND $1 = ANY (roles)', [role]);
      return Number(rows[0]?.n ?? 0);
    },

    updateStaffAccount: (id, change) => client.transaction(async (tx) => {
      const now = change.now.toISOString();
      // A null parameter keeps the column; disabling keeps the first time it was disabled.
      const rows = await tx.query<AccountRow>(
        `UPDATE staff_accounts a SET
           roles = coalesce($2::text[], a.roles),
           password_hash = coalesce($3::text, a.password_hash),
           disabled_at = CASE WHEN $4::boolean IS NULL THEN a.disabled_at WHEN $4::boolean THEN coalesce(a.disabled_at, $5::text::timestamptz) ELSE NULL END,
           updated_at = $5::text::timestamptz
         WHERE a.id = $1
         RETURNING ${ACCOUNT_COLUMNS}`,
        [id, change.roles ? normaliseRoles(change.roles) : null, change.passwordHash ?? null, change.disabled ?? null, now],
      );
      if (!rows[0]) return undefined;
      // In the same transaction: once the change is visible, no session of the old password or of
      // the disabled account is.
      if (change.passwordHash !== undefined || change.disabled === true) {
        await tx.query('DELETE FROM staff_sessions WHERE account_id = $1', [id]);
      }
      return toAccount(rows[0]);
    }),

    async recordStaffLogin(id, at) {
      await client.query('UPDATE staff_accounts SET last_login_at = $2::text::timestamptz WHERE id = $1', [id, at.toISOString()]);
    },

    async createStaffSession(session) {
      await client.query(
        `INSERT INTO staff_sessions (id_hash, account_id, created_at, last_seen_at, client)
         VALUES ($1, $2, $3::text::timestamptz, $3::text::timestamptz, $4)`,
        [session.idHash, session.accountId, session.createdAt.toISOString(), session.client],
      );
    },

    async findStaffSession(idHash, now, lifetime) {
      const at = now.toISOString();
      // One statement: the session judged alive or not (both lifetimes, and its account enabled),
      // deleted when it is not, its last-seen time moved when it is and was last written over a
      // minute ago. The final SELECT sees the rows as they were before the statement, hence the
      // coalesce with what the UPDATE returned. A concurrent look-up re-checks the UPDATE's WHERE
      // on the row it waited for, so only one of them writes.
      const rows = await client.query<AccountRow & { id_hash: string; session_created_at: string; last_seen_at: string }>(
        `WITH found AS (
           SELECT s.id_hash,
             s.last_seen_at > $2::text::timestamptz - make_interval(secs => $3)
               AND s.created_at > $2::text::timestamptz - make_interval(secs => $4)
               AND a.disabled_at IS NULL AS alive
           FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
           WHERE s.id_hash = $1
         ), dead AS (
           DELETE FROM staff_sessions s USING found WHERE s.id_hash = found.id_hash AND NOT found.alive
         ), touched AS (
           UPDATE staff_sessions s SET last_seen_at = $2::text::timestamptz
           FROM found
           WHERE s.id_hash = found.id_hash AND found.alive AND s.last_seen_at <= $2::text::timestamptz - make_interval(secs => $5)
           RETURNING s.id_hash, s.last_seen_at
         )
         SELECT ${ACCOUNT_COLUMNS}, s.id_hash, ${isoText('s.created_at')} AS session_created_at,
           ${isoText('coalesce(touched.last_seen_at, s.last_seen_at)')} AS last_seen_at
         FROM found
         JOIN staff_sessions s ON s.id_hash = found.id_hash
         JOIN staff_accounts a ON a.id = s.account_id
         LEFT JOIN touched ON touched.id_hash = s.id_hash
         WHERE found.alive`,
        [idHash, at, lifetime.idleSeconds, lifetime.absoluteSeconds, TOUCH_AFTER_SECONDS],
      );
      // A session nobody presents again is never looked up, so never deleted above: every
      // PRUNE_EVERY look-ups, every session past either lifetime is deleted.
      if (++lookups % PRUNE_EVERY === 0) {
        await client.query(
          `DELETE FROM staff_sessions
           WHERE last_seen_at <= $1::text::timestamptz - make_interval(secs => $2) OR created_at <= $1::text::timestamptz - make_interval(secs => $3)`,
          [at, lifetime.idleSeconds, lifetime.absoluteSeconds],
        );
      }
      const row = rows[0];
      return row ? { idHash: row.id_hash, account: toAccount(row), createdAt: row.session_created_at, lastSeenAt: row.last_seen_at } : undefined;
    },

    async deleteStaffSession(idHash) {
      await client.query('DELETE FROM staff_sessions WHERE id_hash = $1', [idHash]);
    },

    async deleteStaffSessionsOf(accountId) {
      const rows = await client.query<{ n: number }>(
        'WITH ended AS (DELETE FROM staff_sessions WHERE account_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM ended',
        [accountId],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** Emails are stored lower-cased and trimmed, so that `Ada@Shop.example` cannot be a second account. */
function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    // Kept in STAFF_ROLES order on the way in; filtered again so a hand-edited row reads the same.
    roles: normaliseRoles(JSON.parse(row.roles) as StaffRole[]),
    disabled: row.disabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

function toStoredAccount(row: AccountRow): StoredStaffAccount {
  return { ...toAccount(row), passwordHash: row.password_hash };
}
