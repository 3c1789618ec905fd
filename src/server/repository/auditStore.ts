// The audit log in SQL (table `audit_log`, migration 009): lines appended, listed newest first a
// page at a time. The table itself refuses UPDATE, DELETE and TRUNCATE (a trigger), so the log is
// never edited, whatever a statement of the application asks.
import type { Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';
import type { AuditActor, AuditEntry } from '../staffRecords.ts';
import { isoText } from './isoText.ts';

/** The part of the {@link Repository} that appends to and reads the audit log. */
export type AuditStore = Pick<Repository, 'appendAudit' | 'listAudit'>;

interface AuditRow {
  seq: string;
  at: string;
  actor: AuditActor | string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | string;
  client: string;
}

/** The audit log's statements over a client (PGlite or PostgreSQL). */
export function createAuditStore(client: SqlClient): AuditStore {
  return {
    async appendAudit(entry) {
      await client.query(
        'INSERT INTO audit_log (at, actor, action, target, details, client) VALUES ($1::text::timestamptz, $2::text::jsonb, $3, $4, $5::text::jsonb, $6)',
        [entry.at.toISOString(), JSON.stringify(entry.actor), entry.action, entry.target, JSON.stringify(entry.details), entry.client],
      );
    },

    async listAudit(limit, beforeSeq) {
      const rows = await client.query<AuditRow>(
        `SELECT seq::text AS seq, ${isoText('at')} AS at, actor, action, target, details, client
         FROM audit_log
         WHERE $2::bigint IS NULL OR seq < $2::bigint
         ORDER BY seq DESC
         LIMIT $1`,
        [limit, beforeSeq ?? null],
      );
      return rows.map((row): AuditEntry => ({
        seq: Number(row.seq),
        at: row.at,
        actor: parsed(row.actor),
        action: row.action,
        target: row.target,
        details: parsed(row.details),
        client: row.client,
      }));
    },
  };
}

/** jsonb comes back parsed from both drivers; text is read as JSON should a driver leave it so. */
function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? JSON.parse(value) as T : value;
}
