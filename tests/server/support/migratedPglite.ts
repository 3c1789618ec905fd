// A PGlite whose schema is already up to date, copied from a template migrated once per set of
// migrations: applying the 15+ migrations took about as long as opening the database, in every
// test that started an app. The template's name carries a digest of the migration files, so an
// edited or added migration builds a new one at once; the caller still runs `applyMigrations`, which
// then finds nothing to apply (the same path a restarted server takes).
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPgliteDataDir } from '../../../scripts/support/testDatabases.ts';
import { applyMigrations, readMigrations } from '../../../src/server/migrate.ts';
import { createPgliteClient } from '../../../src/server/pgliteClient.ts';
import type { SqlClient } from '../../../src/server/sqlClient.ts';

const PREFIX = 'atelier-pglite-migrated-';
/**
 * Templates of other migration sets older than this are removed when a new one is built: a day,
 * so that a suite still running in another checkout never loses its template mid-copy.
 */
const STALE_MS = 24 * 3_600_000;

function templateDir(): string {
  const digest = createHash('sha256');
  digest.update(readFileSync('node_modules/@electric-sql/pglite/package.json'));
  for (const migration of readMigrations()) digest.update(`${migration.version}\0${migration.name}\0${migration.sql}\0`);
  return join(tmpdir(), `${PREFIX}${digest.digest('hex').slice(0, 16)}`);
}

/** A new folder holding a PGlite cluster with every migration applied. Remove it when done. */
export async function freshMigratedPgliteDataDir(): Promise<string> {
  const template = templateDir();
  if (!existsSync(join(template, 'READY'))) await buildTemplate(template);
  const dir = mkdtempSync(join(tmpdir(), 'atelier-pglite-'));
  cpSync(template, dir, { recursive: true });
  rmSync(join(dir, 'READY'));
  return dir;
}

/** A PGlite client on a fresh copy of the migrated template, and a function that closes it and removes its files. */
export async function openMigratedTestPglite(): Promise<{ client: SqlClient; dispose: () => Promise<void> }> {
  const dataDir = await freshMigratedPgliteDataDir();
  const client = await createPgliteClient({ dataDir });
  return {
    client,
    dispose: async () => {
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function buildTemplate(template: string): Promise<void> {
  // Built beside the template and renamed into place, so parallel test files never see half a template.
  const building = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fresh = await freshPgliteDataDir();
  renameSync(fresh, building);
  const client = await createPgliteClient({ dataDir: building });
  try {
    await applyMigrations(client);
  } finally {
    await client.close();
  }
  writeFileSync(join(building, 'READY'), '');
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another test file finished first
    return;
  }
  removeStaleTemplates(template);
}

/** Templates of earlier migration sets (a migration edited since), once nothing can be copying them. */
function removeStaleTemplates(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(PREFIX) || path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another test file meanwhile
    }
  }
}
