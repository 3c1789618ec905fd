import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { readBackupArchive } from './backupArchive.ts';
import { acquireDataDirectoryLock, liveLockHolder, lockHeldMessage, LOCK_FILE_NAME } from './dataDirectoryLock.ts';
import { inspectDataDirectory } from './inspectDataDirectory.ts';
import { DataDirectoryRefusal } from './openDataDirectory.ts';

/** What a restore wrote. */
export interface RestoreResult {
  /** Orders in the restored database (0 when it has no orders table). */
  readonly orders: number;
}

/**
 * Restores a backup file (from `npm run backup`) into `dir`, which must be absent or empty: a
 * restore never replaces a database. Holds the directory's lock meanwhile, and refuses while a
 * server holds it. On failure the folder is emptied again. Throws {@link DataDirectoryRefusal}
 * with a one-line cause.
 */
export async function restoreDataDirectory(backup: Uint8Array, dir: string): Promise<RestoreResult> {
  const running = liveLockHolder(dir);
  if (running) throw new DataDirectoryRefusal(lockHeldMessage(dir, running));
  const state = inspectDataDirectory(dir);
  if (state.kind !== 'absent' && state.kind !== 'empty') {
    const found = state.kind === 'database' ? 'a database' : state.kind === 'foreign' ? `other files (${state.entries.join(', ')})` : state.kind === 'damaged' ? `a damaged database (${state.problem})` : state.kind === 'not-a-directory' ? state.what : state.problem;
    throw new DataDirectoryRefusal(`Restore writes only into an empty or new folder, and ${dir} holds ${found}: set ATELIER_DATA_DIR to a new folder (then point the server at it), or move this one away first.`);
  }
  const archive = await readBackupArchive(backup);
  if (!archive.ok) throw new DataDirectoryRefusal(`The file is not an Atelier backup: ${archive.problem}.`);
  mkdirSync(dir, { recursive: true });
  const attempt = await acquireDataDirectoryLock(dir);
  if (attempt.kind === 'held') throw new DataDirectoryRefusal(lockHeldMessage(dir, attempt.holder));
  try {
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(backup)]) });
    try {
      const [table] = (await db.query<{ present: boolean }>("SELECT to_regclass('orders') IS NOT NULL AS present")).rows;
      const orders = table?.present ? Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows[0]!.n) : 0;
      return { orders };
    } finally {
      await db.close();
    }
  } catch (error) {
    for (const entry of readdirSync(dir)) {
      if (entry !== LOCK_FILE_NAME) rmSync(join(dir, entry), { recursive: true, force: true });
    }
    throw new DataDirectoryRefusal(`The backup could not be restored into ${dir} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the folder was emptied again.`);
  } finally {
    attempt.lock.release();
  }
}
