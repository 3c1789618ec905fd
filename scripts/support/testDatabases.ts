// Real databases for the server's tests and the fault scripts: a PGlite copied from a template
// (initdb takes ~15 s, a copy well under one), and a throw-away schema on the PostgreSQL server of
// ATELIER_TEST_DATABASE_URL. Kept under scripts/ so the scripts never import from tests/.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteClient } from '../../src/server/pgliteClient.ts';
import { createPostgresClient } from '../../src/server/postgresClient.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';

const PGLITE_VERSION = (JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string }).version;
const TEMPLATE = join(tmpdir(), `atelier-pglite-template-${PGLITE_VERSION}`);

/** A new folder holding a freshly initialised, empty PGlite cluster. Remove it when done. */
export async function freshPgliteDataDir(): Promise<string> {
  if (!existsSync(join(TEMPLATE, 'READY'))) {
    // Built beside the template and renamed into place, so parallel test files never see half a template.
    const building = `${TEMPLATE}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const db = await PGlite.create({ dataDir: building });
    await db.close();
    writeFileSync(join(building, 'READY'), '');
    try {
      renameSync(building, TEMPLATE);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file finished first
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'atelier-pglite-'));
  cpSync(TEMPLATE, dir, { recursive: true });
  rmSync(join(dir, 'READY'));
  return dir;
}

/** A PGlite client on a fresh copy of the template, and a function that closes it and removes its files. */
export async function openTestPglite(): Promise<{ client: SqlClient; dispose: () => Promise<void> }> {
  const dataDir = await freshPgliteDataDir();
  const client = await createPgliteClient({ dataDir });
  return {
    client,
    dispose: async () => {
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A client on a new, empty schema of the PostgreSQL server at `url` (the schema is the search path
 * of every connection), and a function that drops the schema and disconnects.
 */
export async function openTestPostgres(url: string): Promise<{ client: SqlClient; dispose: () => Promise<void> }> {
  const schema = `atelier_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = createPostgresClient({ url, maxConnections: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const separator = url.includes('?') ? '&' : '?';
  const client = createPostgresClient({ url: `${url}${separator}search_path=${schema}` });
  return {
    client,
    dispose: async () => {
      await client.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
