import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlValue } from './sqlClient.ts';

/** PostgreSQL's type id of bytea. */
const BYTEA = 17;

/** Where an embedded database keeps its files. */
export interface PgliteClientOptions {
  /** A folder for the data files (created if missing); leave it out for a database in memory. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL's buffer pool inside the WebAssembly heap (default {@link PGLITE_SHARED_BUFFERS}). */
  readonly sharedBuffers?: string;
}

/** An embedded database: a {@link SqlClient} that can also copy its files. */
export interface PgliteClient extends SqlClient {
  readonly kind: 'pglite';
  /**
   * The data directory as an uncompressed tar (PGlite's `dumpDataDir`), taken after a checkpoint
   * and between two statements, so that it opens like the files of a stopped server (at worst
   * like those of a crashed one, which PostgreSQL recovers from its write-ahead log).
   */
  dumpDataDir(): Promise<Uint8Array>;
}

/**
 * The embedded database's buffer pool: 16 MB instead of PostgreSQL's 128 MB. The pool lives in
 * PGlite's WebAssembly memory, which never shrinks, so every page of a large pool that images and
 * artworks once passed through stays resident for the life of the process. The data files are
 * read through the operating system, whose page cache keeps the hot pages anyway.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

/**
 * Opens an embedded PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly, running in this
 * process). Everything it needs ships in the npm package; nothing is downloaded at run time.
 *
 * Durability: on disk, PGlite writes through Node's `fs.writeSync` as PostgreSQL writes its
 * write-ahead log, and PostgreSQL writes the log at every commit (`synchronous_commit = on`, set
 * here explicitly), so a statement has reached the operating system by the time its promise
 * resolves: an acknowledged commit survives `kill -9` of this process. (PGlite cannot `fsync`, so a
 * power cut of the whole machine may still lose the last commits; use a PostgreSQL server there.)
 *
 * @example
 * const client = await createPgliteClient({ dataDir: './data' });
 * await client.query('select 1 as one'); // [{ one: 1 }]
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<PgliteClient> {
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    relaxedDurability: false,
    // PGlite's own bytea conversion goes byte by byte through strings in JavaScript: seconds of a
    // blocked event loop for a 3 MB artwork or print file. A typed array left as it is goes to the
    // database as a binary parameter, byte for byte; results come back as hex, which Node's codec
    // reads natively.
    serializers: { [BYTEA]: (value: Uint8Array) => value as unknown as string },
    parsers: { [BYTEA]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) },
    // Passed at start rather than written to postgresql.conf (PGlite's `postgresqlconf` replaces the file).
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`],
  });
  await db.exec('SET synchronous_commit = on');
  return {
    kind: 'pglite',
    ...executorOf(db),
    transaction: (fn) => db.transaction((tx) => fn(executorOf(tx))),
    close: () => db.close(),
    async dumpDataDir() {
      await db.exec('CHECKPOINT');
      return new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
    },
  };
}

function executorOf(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlValue[] = []) {
      const result = await db.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async execScript(sql: string) {
      await db.exec(sql);
    },
  };
}
