// A damaged or foreign data directory is refused before a file is written; an absent or empty one
// gets a new database; an Atelier database is opened. The real PGlite, on real folders.
import { cpSync, mkdirSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { EMBEDDED_POSTGRES_VERSION } from '../../src/server/inspectDataDirectory.ts';
import { DataDirectoryRefusal, openDataDirectory } from '../../src/server/openDataDirectory.ts';
import { folderSnapshot } from '../../scripts/support/folderSnapshot.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-datadir-'));
  made.push(dir);
  return dir;
}

let source: string;
beforeAll(async () => {
  source = await freshPgliteDataDir();
  const client = await openDataDirectory(source);
  await client.execScript("CREATE TABLE marker (note text); INSERT INTO marker VALUES ('kept')");
  await client.close();
}, 60_000);
afterAll(() => rmSync(source, { recursive: true, force: true }));

/** A database with a row in it, in a folder of its own. */
async function database(): Promise<string> {
  const dir = scratch();
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Opens `dir`, expecting a refusal; returns its message, after checking that nothing in the folder changed. */
async function refusal(dir: string): Promise<string> {
  const before = folderSnapshot(dir);
  const error = await openDataDirectory(dir).then(
    async (client) => {
      await client.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error, `${dir} was opened`).toBeInstanceOf(DataDirectoryRefusal);
  expect(folderSnapshot(dir)).toEqual(before);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  expect(message).toContain(dir);
  return message;
}

describe('when the data directory is absent or empty', () => {
  it('creates a new database in an absent folder', async () => {
    const dir = join(scratch(), 'data');
    const client = await openDataDirectory(dir);
    expect(await client.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await client.close();
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toBe(EMBEDDED_POSTGRES_VERSION);
  }, 60_000);

  it('creates a new database in an empty folder', async () => {
    const dir = scratch();
    const client = await openDataDirectory(dir);
    await client.close();
    expect(readdirSync(dir)).toContain('PG_VERSION');
  }, 60_000);
});

describe('when the data directory holds an Atelier database', () => {
  it('opens it with its data, and leaves no lock behind when closed', async () => {
    const dir = await database();
    const client = await openDataDirectory(dir);
    expect(await client.query('SELECT note FROM marker')).toEqual([{ note: 'kept' }]);
    expect(readdirSync(dir)).toContain('atelier.lock');
    await client.close();
    expect(readdirSync(dir)).not.toContain('atelier.lock');
  });
});

describe('when the data directory is not a database', () => {
  it('refuses a folder of other files, naming some of them', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'holiday.jpg'), 'not a database');
    mkdirSync(join(dir, 'notes'));
    const message = await refusal(dir);
    expect(message).toMatch(/not empty and holds no Atelier database/);
    expect(message).toContain('holiday.jpg');
    expect(message).toMatch(/ATELIER_DATA_DIR/);
  });

  it('refuses a file where the folder should be', async () => {
    const file = join(scratch(), 'data');
    writeFileSync(file, 'orders.csv');
    const message = await refusal(file);
    expect(message).toMatch(/is a file of 10 bytes, not a folder/);
  });
});

describe('when the database in the data directory is damaged', () => {
  it('refuses a database without PG_VERSION instead of starting a new one over it', async () => {
    const dir = await database();
    unlinkSync(join(dir, 'PG_VERSION'));
    const message = await refusal(dir);
    expect(message).toMatch(/damaged database: PG_VERSION is missing/);
    expect(message).toMatch(/npm run restore/);
  });

  it('refuses a cut pg_control', async () => {
    const dir = await database();
    truncateSync(join(dir, 'global', 'pg_control'), 100);
    expect(await refusal(dir)).toMatch(/global\/pg_control is cut: 100 of its 8192 bytes/);
  });

  it('refuses a pg_wal emptied of its write-ahead log', async () => {
    const dir = await database();
    for (const name of readdirSync(join(dir, 'pg_wal'))) if (/^[0-9A-F]{24}$/.test(name)) unlinkSync(join(dir, 'pg_wal', name));
    expect(await refusal(dir)).toMatch(/pg_wal\/ holds no write-ahead log/);
  });

  it('refuses a write-ahead log segment cut to nothing', async () => {
    const dir = await database();
    const segment = readdirSync(join(dir, 'pg_wal')).find((name) => /^[0-9A-F]{24}$/.test(name))!;
    truncateSync(join(dir, 'pg_wal', segment), 0);
    expect(await refusal(dir)).toContain(`pg_wal/${segment} is cut (0 bytes)`);
  });

  it('refuses files of another PostgreSQL version', async () => {
    const dir = await database();
    writeFileSync(join(dir, 'PG_VERSION'), '16\n');
    expect(await refusal(dir)).toMatch(/written by PostgreSQL 16, and the embedded database is PostgreSQL 18/);
  });

  it('turns damage it cannot see beforehand into one line, not a WASM abort', async () => {
    const dir = await database();
    writeFileSync(join(dir, 'global', 'pg_control'), Buffer.alloc(8192)); // the right size, but nothing in it
    const message = await refusal(dir);
    expect(message).toMatch(/^The data directory .* holds a database that cannot be opened: the embedded PostgreSQL stopped while reading its files/);
    expect(message).not.toMatch(/Aborted|RuntimeError/);
  });
});

describe('when the server is started on a directory it refuses', () => {
  it('exits with the one-line cause, and the folder is as it was', async () => {
    const dir = await database();
    unlinkSync(join(dir, 'PG_VERSION'));
    const before = folderSnapshot(dir);
    const error = await startServerProcess({ ATELIER_DATA_DIR: dir }, 60_000).then(
      async (server) => {
        await server.stop('SIGKILL');
        return undefined;
      },
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(/exited \(exit 1\) before it was ready/);
    expect(error?.message).toContain(`The data directory ${dir} holds a damaged database: PG_VERSION is missing`);
    expect(error?.message).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(folderSnapshot(dir)).toEqual(before);
  }, 60_000);
});
