import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { LOCK_FILE_NAME } from './dataDirectoryLock.ts';

const BLOCK = 512;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A backup file from a data directory's tar (PGlite's `dumpDataDir`): the same tar, gzipped,
 * without the lock file, which names the running process and holds its admin token (a restored
 * copy must not look locked by the server it was taken from).
 */
export async function backupArchive(tar: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await gzipAsync(withoutLockFile(tar)));
}

/** Whether bytes look like a backup file (gzip) before we hand them to PGlite. */
export async function readBackupArchive(bytes: Uint8Array): Promise<{ ok: true; tar: Uint8Array } | { ok: false; problem: string }> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { ok: false, problem: 'it is not a gzip file (an Atelier backup is a .tar.gz made by npm run backup)' };
  let tar: Uint8Array;
  try {
    tar = new Uint8Array(await gunzipAsync(bytes));
  } catch (error) {
    return { ok: false, problem: `it cannot be unpacked (${(error as Error).message}): the file is cut or damaged` };
  }
  const names = tarEntries(tar).map((entry) => entry.name.replace(/^\.?\/+/, ''));
  if (!names.includes('PG_VERSION') || !names.includes('global/pg_control')) return { ok: false, problem: 'it holds no database (PG_VERSION and global/pg_control are not in it)' };
  return { ok: true, tar };
}

function withoutLockFile(tar: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let end = 0;
  for (const entry of tarEntries(tar)) {
    end = entry.end;
    const name = entry.name.replace(/^\.?\/+/, '');
    if (name === LOCK_FILE_NAME || name.startsWith(`${LOCK_FILE_NAME}.`)) continue;
    kept.push(tar.subarray(entry.start, entry.end));
  }
  kept.push(tar.subarray(end)); // the two zero blocks that end the archive
  return Buffer.concat(kept);
}

interface TarEntry {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The entries of a ustar archive: name and byte range of header and data. */
function tarEntries(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    entries.push({ name: prefix ? `${prefix}/${name}` : name, start: offset, end });
    offset = end;
  }
  return entries;
}

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const zero = bytes.indexOf(0);
  return Buffer.from(zero >= 0 ? bytes.subarray(0, zero) : bytes).toString('utf8');
}
