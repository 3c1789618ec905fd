import { resolve } from 'node:path';
import { openDataDirectory } from './openDataDirectory.ts';
import { createPostgresClient } from './postgresClient.ts';
import type { SqlClient } from './sqlClient.ts';

/** Which database the server uses. */
export type DatabaseConfig =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * The database chosen by the environment: a PostgreSQL server when `DATABASE_URL` is set,
 * otherwise the embedded PGlite with its files in `ATELIER_DATA_DIR` (default `./data`).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL must start with postgres:// (it is "${url.slice(0, 12)}…"); unset it to use the embedded database in ./data`);
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite', dataDir: resolve(cwd, env.ATELIER_DATA_DIR?.trim() || 'data') };
}

/**
 * Opens the database; for a server, checks that it answers. A data directory is opened for this
 * process alone, and refused when it is foreign or damaged ({@link openDataDirectory}).
 */
export async function openDatabase(config: DatabaseConfig): Promise<SqlClient> {
  if (config.kind === 'pglite') return openDataDirectory(config.dataDir);
  const client = createPostgresClient({ url: config.url });
  try {
    await client.query('SELECT 1');
  } catch (error) {
    await client.close().catch(() => {});
    throw new Error(`cannot reach the PostgreSQL server of DATABASE_URL (${redact(config.url)}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return client;
}

/** Describes the database for a log line, without its password. */
export function describeDatabase(config: DatabaseConfig): string {
  return config.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : `PostgreSQL at ${redact(config.url)}`;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
