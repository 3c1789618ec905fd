// One process per data directory: the lock file, and two real server processes on one directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/serverProcess.ts';
import { acquireDataDirectoryLock, liveLockHolder, LOCK_FILE_NAME, processStartOf, type LockHolder } from '../../src/server/dataDirectoryLock.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Another live process, to stand for a server holding a lock. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

function lockOf(child: ChildProcess, dir: string, changes: Partial<LockHolder> = {}): LockHolder {
  return {
    pid: child.pid!,
    hostname: hostname(),
    processStart: processStartOf(child.pid!),
    bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    startedAt: new Date().toISOString(),
    dataDir: dir,
    ...changes,
  };
}

function writeLock(dir: string, holder: LockHolder): void {
  writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify(holder));
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((done) => child.once('exit', done));
}

describe('the lock file', () => {
  it('is created readable by its owner only, names this process, and goes when released', async () => {
    const dir = scratch();
    const attempt = await acquireDataDirectoryLock(dir);
    if (attempt.kind !== 'acquired') throw new Error('not acquired');
    const path = join(dir, LOCK_FILE_NAME);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, dataDir: dir, processStart: processStartOf(process.pid) });
    attempt.lock.publish({ adminUrl: 'http://127.0.0.1:1', adminToken: 'secret' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, adminUrl: 'http://127.0.0.1:1', adminToken: 'secret' });
    attempt.lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('is not taken from a live holder', async () => {
    const dir = scratch();
    const holder = lockOf(otherProcess(), dir);
    writeLock(dir, holder);
    const attempt = await acquireDataDirectoryLock(dir);
    expect(attempt).toEqual({ kind: 'held', holder });
    expect(liveLockHolder(dir)).toEqual(holder);
  });

  it('is taken over at once when its holder was killed', async () => {
    const dir = scratch();
    const child = otherProcess();
    const holder = lockOf(child, dir);
    writeLock(dir, holder);
    child.kill('SIGKILL');
    await exited(child);
    expect(liveLockHolder(dir)).toBeUndefined();
    const attempt = await acquireDataDirectoryLock(dir);
    expect(attempt).toMatchObject({ kind: 'acquired', tookOverFrom: holder });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('is taken over when its pid now belongs to a process that started at another time', async () => {
    const dir = scratch();
    writeLock(dir, lockOf(otherProcess(), dir, { processStart: '1' }));
    expect((await acquireDataDirectoryLock(dir)).kind).toBe('acquired');
  });

  it('is taken over when it was written before the machine last started', async () => {
    const dir = scratch();
    writeLock(dir, lockOf(otherProcess(), dir, { bootId: 'another-boot' }));
    expect((await acquireDataDirectoryLock(dir)).kind).toBe('acquired');
  });

  it('is taken over when it names this very process from an earlier life (a restarted container)', async () => {
    const dir = scratch();
    writeLock(dir, { ...lockOf(otherProcess(), dir), pid: process.pid, processStart: processStartOf(process.pid) });
    expect((await acquireDataDirectoryLock(dir)).kind).toBe('acquired');
  });

  it('is taken over when it was left half written long ago', async () => {
    const dir = scratch();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE_NAME), old, old);
    expect((await acquireDataDirectoryLock(dir)).kind).toBe('acquired');
  });

  it('is left alone on release when another process has taken it since', async () => {
    const dir = scratch();
    const attempt = await acquireDataDirectoryLock(dir);
    if (attempt.kind !== 'acquired') throw new Error('not acquired');
    const other = lockOf(otherProcess(), dir);
    writeLock(dir, other);
    attempt.lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual(other);
  });
});

describe('when two servers start on one data directory', () => {
  it('refuses the second, naming the directory and the first; after the first is killed, a new one starts at once', async () => {
    const dir = await freshPgliteDataDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ATELIER_DATA_DIR: dir, ATELIER_FULFILMENT_TOKEN: 'lock-test-token' };
    const first = await startServerProcess(env, 90_000);
    cleanups.push(() => first.stop('SIGKILL'));
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    const second = await startServerProcess(env, 90_000).then(
      async (server: ServerProcess) => {
        await server.stop('SIGKILL');
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(second).toMatch(/exited \(exit 1\) before it was ready/);
    expect(second).toContain(`The data directory ${dir} is in use by another Atelier server (process ${first.child.pid}, running since `);
    expect(second).toContain(`serving ${first.url}/`);
    expect(second).not.toMatch(/Atelier is running at/);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    await first.stop('SIGKILL');
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true); // a killed server cannot clean up
    const third = await startServerProcess(env, 90_000);
    cleanups.push(() => third.stop('SIGKILL'));
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: third.child.pid });
    expect(await third.stop('SIGTERM')).toBe('exit 0');
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 180_000);
});
