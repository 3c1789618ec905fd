/**
 * The one seam between the server and a database. The SQL repository is written once against
 * this interface; `pgliteClient.ts` (embedded PostgreSQL in WebAssembly) and `postgresClient.ts`
 * (a PostgreSQL server) implement it.
 */

/** A value bound to a `$n` placeholder. Bind JSON as a string and cast it: `$1::text::jsonb`. */
export type SqlValue = string | number | boolean | null | Uint8Array | readonly string[] | readonly number[];

/** Something that runs statements: the client itself, or a transaction inside `transaction(fn)`. */
export interface SqlExecutor {
  /**
   * Runs one statement with `$1`, `$2`… placeholders and returns its rows. `bytea` comes back as
   * `Uint8Array`, `jsonb` parsed; cast `bigint` and `timestamptz` to text where the exact type matters,
   * since the two drivers return them differently.
   */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

/** A database connection (or pool) the repository stores through. */
export interface SqlClient extends SqlExecutor {
  /** Which implementation this is, for messages and benchmarks. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when `fn` resolves, rolled back when it throws. The
   * promise resolves only after the commit, so a caller may acknowledge the write then.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection; waits for running statements. */
  close(): Promise<void>;
}
