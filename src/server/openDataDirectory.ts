import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataDirectoryLock, liveLockHolder, lockHeldMessage, type DataDirectoryLock } from './dataDirectoryLock.ts';
import { dataDirectoryRefusal, inspectDataDirectory } from './inspectDataDirectory.ts';
import { createPgliteClient, type PgliteClient } from './pgliteClient.ts';

/** An embedded database opened by this process, which holds its data directory's lock until `close()`. */
export interface DataDirectoryClient extends PgliteClient {
  readonly dataDirectory: { readonly dir: string; readonly lock: DataDirectoryLock };
}

/**
 * Why a data directory was not opened, in one line an operator can act on (the directory is in
 * use, foreign or damaged). Nothing was written to the directory.
 */
export class DataDirectoryRefusal extends Error {
  override readonly name = 'DataDirectoryRefusal';
}

/**
 * Opens the embedded database in `dir` for this process alone. An absent or empty folder gets a
 * new database; a database is opened; anything else is refused before a file is written
 * ({@link inspectDataDirectory}). The folder's lock ({@link acquireDataDirectoryLock}) is held
 * until `close()` or the end of the process. Throws a {@link DataDirectoryRefusal} with a one-line
 * cause, also when PGlite itself fails on the files (it aborts with a bare WASM `Aborted()`).
 * With `create: false` an absent or empty folder is refused too (commands that read a database).
 *
 * @example
 * const client = await openDataDirectory('/srv/atelier/data');
 * try { … } finally { await client.close(); } // also releases the lock
 */
export async function openDataDirectory(dir: string, options: { readonly create?: boolean } = {}): Promise<DataDirectoryClient> {
  // A running server comes first: its folder may be mid-initialisation and look damaged.
  const running = liveLockHolder(dir);
  if (running) throw new DataDirectoryRefusal(lockHeldMessage(dir, running));
  const state = inspectDataDirectory(dir);
  const refusal = dataDirectoryRefusal(dir, state);
  if (refusal !== undefined) throw new DataDirectoryRefusal(refusal);
  if (options.create === false && (state.kind === 'absent' || state.kind === 'empty')) {
    throw new DataDirectoryRefusal(`The data directory ${dir} holds no database (it is ${state.kind === 'absent' ? 'not there' : 'empty'}): set ATELIER_DATA_DIR to the folder the server uses.`);
  }
  if (state.kind === 'absent') mkdirSync(dir, { recursive: true });
  const attempt = await acquireDataDirectoryLock(dir);
  if (attempt.kind === 'held') throw new DataDirectoryRefusal(lockHeldMessage(dir, attempt.holder));
  const { lock } = attempt;
  const releaseOnExit = () => lock.release();
  process.on('exit', releaseOnExit);
  const pidFile = join(dir, 'postmaster.pid');
  const hadPidFile = existsSync(pidFile);
  let client: PgliteClient;
  try {
    client = await createPgliteClient({ dataDir: dir });
  } catch (error) {
    // PGlite writes a postmaster.pid as it starts, and leaves it when it fails: take back what we added.
    if (!hadPidFile) rmSync(pidFile, { force: true });
    lock.release();
    process.off('exit', releaseOnExit);
    throw new DataDirectoryRefusal(openFailure(dir, error));
  }
  return {
    ...client,
    dataDirectory: { dir, lock },
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
        process.off('exit', releaseOnExit);
      }
    },
  };
}

/** PGlite's failure on files that passed inspection, as one line. */
function openFailure(dir: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // PGlite reports a PostgreSQL that stopped on its files as a bare WASM `Aborted()` or a generic
  // "failed to initialize"; neither says more than this sentence.
  const detail = /Aborted\(\)|failed to initiali[sz]e/.test(message) ? '' : ` (${message.split('\n')[0]})`;
  const cause = `the embedded PostgreSQL stopped while reading its files${detail}: a file it needs is damaged or was changed by another program`;
  return `The data directory ${dir} holds a database that cannot be opened: ${cause}. Restore the last backup into a new folder (ATELIER_DATA_DIR=<new folder> npm run restore -- <backup file>) and start there, or set ATELIER_DATA_DIR to another folder; keep this folder as it is for investigation.`;
}
