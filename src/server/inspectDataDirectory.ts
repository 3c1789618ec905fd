import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE_NAME } from './dataDirectoryLock.ts';

/** The PostgreSQL major version of the embedded database (PGlite), as its `PG_VERSION` file says. */
export const EMBEDDED_POSTGRES_VERSION = '18';

/** `global/pg_control` is always this long (PostgreSQL's PG_CONTROL_FILE_SIZE). */
const PG_CONTROL_BYTES = 8192;

/** Files and folders every PostgreSQL data directory has: finding some of them means "a database, perhaps damaged". */
const POSTGRES_MARKERS = ['PG_VERSION', 'global', 'base', 'pg_wal', 'pg_xact', 'postgresql.conf', 'pg_hba.conf', 'postmaster.pid'];

/** Entries that do not make a folder "not empty": our own lock file, and the folder a fresh ext4 volume comes with. */
const IGNORED_ENTRIES = new Set([LOCK_FILE_NAME, 'lost+found']);

/** What `ATELIER_DATA_DIR` points at. */
export type DataDirectoryState =
  /** Nothing there: the server creates the folder and a new database. */
  | { readonly kind: 'absent' }
  /** An empty folder: the server creates a new database in it. */
  | { readonly kind: 'empty' }
  /** A database of the embedded PostgreSQL, complete as far as its files show: the server opens it. */
  | { readonly kind: 'database' }
  /** A file, not a folder. */
  | { readonly kind: 'not-a-directory'; readonly what: string }
  /** A folder of other files: never written into. */
  | { readonly kind: 'foreign'; readonly entries: readonly string[]; readonly count: number }
  /** A PostgreSQL data directory with a part missing or cut, or of another version. */
  | { readonly kind: 'damaged'; readonly problem: string }
  /** The folder cannot be read (permissions). */
  | { readonly kind: 'unreadable'; readonly problem: string };

/**
 * Looks at a data directory without changing anything in it, so the server can refuse a damaged
 * or foreign folder before it writes a single file there (PGlite itself would run `initdb` over a
 * folder that lacks `PG_VERSION`, and write among someone else's files).
 *
 * @example
 * inspectDataDirectory('./data'); // { kind: 'absent' } on a fresh clone
 */
export function inspectDataDirectory(dir: string): DataDirectoryState {
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    if (code === 'ENOTDIR') return { kind: 'not-a-directory', what: 'a path through a file' };
    return { kind: 'unreadable', problem: (error as Error).message };
  }
  if (!stats.isDirectory()) return { kind: 'not-a-directory', what: stats.isFile() ? `a file of ${stats.size} bytes` : 'not a folder' };
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((name) => !IGNORED_ENTRIES.has(name)).sort();
  } catch (error) {
    return { kind: 'unreadable', problem: (error as Error).message };
  }
  if (entries.length === 0) return { kind: 'empty' };
  if (!entries.some((name) => POSTGRES_MARKERS.includes(name))) return { kind: 'foreign', entries: entries.slice(0, 5), count: entries.length };
  const problem = databaseProblem(dir);
  return problem === undefined ? { kind: 'database' } : { kind: 'damaged', problem };
}

/** The first thing missing or wrong in a PostgreSQL data directory, in words; undefined when it looks whole. */
function databaseProblem(dir: string): string | undefined {
  const versionFile = join(dir, 'PG_VERSION');
  if (!isFile(versionFile)) return 'PG_VERSION is missing (it names the PostgreSQL version that wrote the files)';
  const version = readFileSync(versionFile, 'utf8').trim();
  if (!/^\d+$/.test(version)) return `PG_VERSION holds ${JSON.stringify(version.slice(0, 20))} instead of a PostgreSQL version number`;
  if (version !== EMBEDDED_POSTGRES_VERSION) return `the files were written by PostgreSQL ${version}, and the embedded database is PostgreSQL ${EMBEDDED_POSTGRES_VERSION}`;
  for (const folder of ['global', 'base', 'pg_wal', 'pg_xact']) {
    if (!isDirectory(join(dir, folder))) return `the folder ${folder}/ is missing`;
  }
  const control = join(dir, 'global', 'pg_control');
  if (!isFile(control)) return 'global/pg_control is missing (it records where the database is consistent)';
  const controlBytes = statSync(control).size;
  if (controlBytes !== PG_CONTROL_BYTES) return `global/pg_control is cut: ${controlBytes} of its ${PG_CONTROL_BYTES} bytes are there`;
  const segments = readdirSync(join(dir, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name));
  if (segments.length === 0) return 'pg_wal/ holds no write-ahead log (the last committed changes live there)';
  const cut = segments.find((name) => {
    const bytes = statSync(join(dir, 'pg_wal', name)).size;
    return bytes === 0 || (bytes & (bytes - 1)) !== 0; // a segment is a power of two bytes long (16 MiB by default)
  });
  if (cut !== undefined) return `the write-ahead log segment pg_wal/${cut} is cut (${statSync(join(dir, 'pg_wal', cut)).size} bytes)`;
  return undefined;
}

/**
 * Why the server will not open this folder, in words an operator can act on; undefined when it
 * may (absent, empty or a database).
 */
export function dataDirectoryRefusal(dir: string, state: DataDirectoryState): string | undefined {
  const elsewhere = 'or set ATELIER_DATA_DIR to another folder (an empty or new one starts a new database)';
  const restore = `restore the last backup into a new folder (ATELIER_DATA_DIR=<new folder> npm run restore -- <backup file>) and start there, ${elsewhere}; keep this folder as it is for investigation`;
  switch (state.kind) {
    case 'absent':
    case 'empty':
    case 'database':
      return undefined;
    case 'not-a-directory':
      return `The data directory ${dir} is ${state.what}, not a folder: Atelier keeps its database in a folder. Move the file away, ${elsewhere}.`;
    case 'foreign': {
      const shown = state.entries.join(', ') + (state.count > state.entries.length ? `, … (${state.count} entries)` : '');
      return `The data directory ${dir} is not empty and holds no Atelier database (it has ${shown}): Atelier will not write its files among them. Set ATELIER_DATA_DIR to an empty or new folder, or to the folder of an Atelier database.`;
    }
    case 'damaged':
      return `The data directory ${dir} holds a damaged database: ${state.problem}. Atelier will neither open it nor start a new one over it: ${restore}.`;
    case 'unreadable':
      return `The data directory ${dir} cannot be read (${state.problem}): give the user running Atelier access to it, ${elsewhere}.`;
    default:
      throw new Error(`[Atelier] unknown data directory state ${JSON.stringify(state satisfies never)}`);
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
