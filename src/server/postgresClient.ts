import postgres from 'postgres';
import type { SqlClient, SqlExecutor, SqlValue } from './sqlClient.ts';

/** How to reach a PostgreSQL server. */
export interface PostgresClientOptions {
  /** `postgres://user:password@host:port/database` */
  readonly url: string;
  /** Largest number of connections in the pool (default 10). */
  readonly maxConnections?: number;
}

/**
 * Connects to a PostgreSQL server through a connection pool (the `postgres` driver). Statements
 * are prepared once per connection. Connects lazily; the first query fails if the server cannot
 * be reached.
 *
 * @example
 * const client = createPostgresClient({ url: process.env.DATABASE_URL! });
 */
export function createPostgresClient(options: PostgresClientOptions): SqlClient {
  const sql = postgres(options.url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
  });
  return {
    kind: 'postgres',
    ...executorOf(sql),
    transaction: async <T>(fn: (tx: SqlExecutor) => Promise<T>) => (await sql.begin((tx) => fn(executorOf(tx)))) as T,
    close: () => sql.end({ timeout: 5 }),
  };
}

function executorOf(sql: postgres.Sql | postgres.TransactionSql): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      const rows = await sql.unsafe(text, params.map(toParameter), { prepare: true });
      return rows.map((row) => ({ ...row }) as Row);
    },
    async execScript(text: string) {
      await sql.unsafe(text);
    },
  };
}

/** The driver wants Buffers for `bytea` and mutable arrays. */
function toParameter(value: SqlValue): postgres.ParameterOrJSON<never> {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength) as never;
  if (Array.isArray(value)) return [...(value as unknown[])] as never;
  return value as never;
}
