import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlClient } from './sqlClient.ts';

/** A schema change: `NNN_what_it_does.sql` in `src/server/migrations/`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The folder holding the migrations that ship with the server. */
export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/**
 * Reads the migrations of a folder, in version order. Throws on a badly named file or two files
 * with one version (a bug in the repository, not an input problem).
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`[Atelier] migration file "${file}" must be named NNN_snake_case.sql, e.g. 002_add_candidates.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migration.version === migrations[index - 1]!.version) {
      throw new Error(`[Atelier] two migrations have version ${migration.version}: give each file its own number`);
    }
  });
  return migrations;
}

/**
 * Brings the database schema up to date: applies, in order, each migration not yet recorded in
 * `schema_migrations`, all in one transaction, so a failure leaves the schema as it was. An
 * advisory lock keeps two servers starting together from applying the same migration twice.
 * Returns the versions applied now.
 */
export async function applyMigrations(client: SqlClient, migrations: readonly Migration[] = readMigrations()): Promise<number[]> {
  return client.transaction(async (tx) => {
    // Any fixed number works: it only has to be the same for every Atelier server.
    await tx.query('SELECT pg_advisory_xact_lock(4173001)');
    await tx.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...migrations.map((migration) => migration.version));
    const unknown = [...done].filter((version) => version > newest);
    if (unknown.length > 0) {
      throw new Error(`[Atelier] the database has schema version ${Math.max(...unknown)}, newer than this server knows (${newest}): run the newer Atelier, or point it at another database`);
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.execScript(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
