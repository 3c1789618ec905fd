import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'atelier.lock';

/** Who holds a data directory: the content of its lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** The holder's start time in clock ticks since boot (Linux `/proc/<pid>/stat` field 22), so a reused pid is not mistaken for it; null elsewhere. */
  readonly processStart: string | null;
  /** The machine's boot id (Linux), null elsewhere: ticks since boot mean nothing after a reboot. */
  readonly bootId: string | null;
  /** When the holder took the lock (ISO 8601). */
  readonly startedAt: string;
  readonly dataDir: string;
  /** The holder's local admin API (`http://127.0.0.1:<port>`) and its bearer token, once it listens. */
  readonly adminUrl?: string;
  readonly adminToken?: string;
  /** The public address it serves, once it listens. */
  readonly publicUrl?: string;
}

/** A lock this process holds, for as long as it runs. */
export interface DataDirectoryLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Records the admin API's address and token, or the public address, in the lock file. */
  publish(addresses: Partial<Pick<LockHolder, 'adminUrl' | 'adminToken' | 'publicUrl'>>): void;
  /** Removes the lock file if it is still ours. Synchronous, so it also runs in an `exit` handler. */
  release(): void;
}

/** The outcome of {@link acquireDataDirectoryLock}. */
export type LockAttempt =
  | { readonly kind: 'acquired'; readonly lock: DataDirectoryLock; readonly tookOverFrom?: LockHolder }
  | { readonly kind: 'held'; readonly holder: LockHolder };

/** A lock file that is still being written is given this long before it counts as left over. */
const UNREADABLE_GRACE_MS = 5_000;

/**
 * Takes the exclusive lock of a data directory (which must exist): creates `atelier.lock` with
 * `O_EXCL` (mode 0600), holding this process's pid, host, start time and, once published, the
 * admin API's address and token. A lock whose holder is dead (no such pid, or a pid now used by a
 * process that started at another time, or a lock from before the last boot) is taken over at
 * once, as PostgreSQL does with `postmaster.pid`; a live holder's lock is returned, never broken.
 *
 * @example
 * const attempt = await acquireDataDirectoryLock('/srv/atelier/data');
 * if (attempt.kind === 'held') throw new Error(lockHeldMessage('/srv/atelier/data', attempt.holder));
 */
export async function acquireDataDirectoryLock(dataDir: string): Promise<LockAttempt> {
  const path = join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStartOf(process.pid),
    bootId: currentBootId(),
    startedAt: new Date().toISOString(),
    dataDir,
  };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusive(path, holder)) return { kind: 'acquired', lock: heldLock(path, holder), ...(tookOverFrom ? { tookOverFrom } : {}) };
    const existing = readLockFile(path);
    if (existing === 'missing') continue; // released between our attempt and our look: try again
    if (existing === 'unreadable') {
      if (ageMs(path) < UNREADABLE_GRACE_MS) {
        await new Promise((done) => setTimeout(done, 50)); // being written by a process starting right now
        continue;
      }
    } else if (holderIsAlive(existing)) {
      return { kind: 'held', holder: existing };
    } else {
      tookOverFrom = existing;
    }
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`could not take the lock ${path}: it keeps changing under us; is another Atelier starting on ${dataDir} again and again?`);
}

/** The live holder of a data directory's lock, or undefined when nobody holds it (no file, or a dead holder's). */
export function liveLockHolder(dataDir: string): LockHolder | undefined {
  const existing = readLockFile(join(dataDir, LOCK_FILE_NAME));
  return typeof existing === 'object' && holderIsAlive(existing) ? existing : undefined;
}

/** The message of a refused start: which directory, which process holds it, and what to do. */
export function lockHeldMessage(dataDir: string, holder: LockHolder): string {
  const where = holder.hostname === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on the machine ${holder.hostname}`;
  const serving = holder.publicUrl ? `, serving ${holder.publicUrl}` : '';
  return `The data directory ${dataDir} is in use by another Atelier server (${where}, running since ${holder.startedAt}${serving}). `
    + 'One process owns an embedded data directory: stop that server first, or set ATELIER_DATA_DIR to another folder. '
    + 'To run several servers on one database, use PostgreSQL (DATABASE_URL=postgres://…).';
}

/** Whether the process a lock names is still running (on another host we cannot tell, so we assume it is). */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  if (holder.bootId !== null && currentBootId() !== null && holder.bootId !== currentBootId()) return false;
  if (holder.pid === process.pid) return false; // our pid, from an earlier life (e.g. pid 1 in a restarted container)
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the pid exists but belongs to another user; compare start times below.
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function heldLock(path: string, initial: LockHolder): DataDirectoryLock {
  let holder = initial;
  let released = false;
  return {
    path,
    get holder() {
      return holder;
    },
    publish(addresses) {
      holder = { ...holder, ...addresses };
      // Written beside and renamed over, so a reader never sees half a file.
      const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeLockFile(temporary, holder, 'w');
      renameSync(temporary, path);
    },
    release() {
      if (released) return;
      released = true;
      const current = readLockFile(path);
      if (typeof current === 'object' && current.pid === holder.pid && current.startedAt === holder.startedAt) {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      }
    },
  };
}

function createExclusive(path: string, holder: LockHolder): boolean {
  try {
    writeLockFile(path, holder, 'wx');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function writeLockFile(path: string, holder: LockHolder, flags: 'w' | 'wx'): void {
  const fd = openSync(path, flags, 0o600);
  try {
    writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readLockFile(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.hostname === 'string' ? holder : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** A process's start time in clock ticks since boot (Linux), or null where `/proc` is not there. */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command, is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[22 - 3] ?? null;
  } catch {
    return null;
  }
}

function currentBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}
