import { reachDataDirectory } from './adminClient.ts';
import { systemClock } from './clock.ts';
import { applyMigrations } from './migrate.ts';
import { openDatabase, type DatabaseConfig } from './openDatabase.ts';
import { operatorRulesVersions, operatorRulesVersionsOverAdminApi, type OperatorRulesVersions } from './operatorRulesVersions.ts';
import type { SqlClient } from './sqlClient.ts';
import { createSqlRepository } from './sqlRepository.ts';

/** The operator's rules versions, how they were reached, and how to let go of the database. */
export interface ReachedRulesVersions {
  readonly versions: OperatorRulesVersions;
  /** As for staff accounts: a running server (`pid`) that holds the data directory, the folder opened here, or PostgreSQL. */
  readonly via: { readonly kind: 'server'; readonly pid: number } | { readonly kind: 'direct' } | { readonly kind: 'postgres' };
  /** Closes what was opened here (the data directory's lock is released); nothing for a running server. */
  close(): Promise<void>;
}

/**
 * Reaches the published rules versions of the database the environment names, as
 * `npm run staff` reaches accounts: PostgreSQL directly; an embedded data directory through the
 * admin API of the server that holds it, or else opened here (never created: a folder without a
 * database is refused, so a mistyped ATELIER_DATA_DIR leaves nothing behind).
 *
 * @example
 * const reached = await reachRulesVersions(databaseConfigFromEnv(process.env, process.cwd()));
 * try { console.log(await reached.versions.list('sneaker')); } finally { await reached.close(); }
 */
export async function reachRulesVersions(config: DatabaseConfig, here: RulesVersionsHere = { rootDir: process.cwd() }): Promise<ReachedRulesVersions> {
  if (config.kind === 'postgres') return openHere(await openDatabase(config), { kind: 'postgres' }, here);
  const access = await reachDataDirectory(config.dataDir, { create: false });
  if (access.kind === 'server') {
    return { versions: operatorRulesVersionsOverAdminApi((path, init) => access.request(path, init)), via: { kind: 'server', pid: access.holder.pid }, close: async () => {} };
  }
  return openHere(access.client, { kind: 'direct' }, here);
}

/** What publishing acts with when the database is opened here (a running server uses its own). */
export interface RulesVersionsHere {
  /** Where the published product's print zones and fonts are read: the project the files are in. */
  readonly rootDir: string;
  /** How long orders under a replaced version stay accepted (default 24 hours, as the server's). */
  readonly graceSeconds?: number;
}

async function openHere(client: SqlClient, via: ReachedRulesVersions['via'], here: RulesVersionsHere): Promise<ReachedRulesVersions> {
  try {
    // A database older than migration 011 has no drafts or publication history yet.
    await applyMigrations(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  return { versions: operatorRulesVersions({ repository: createSqlRepository(client), clock: systemClock, ...here }), via, close: () => client.close() };
}
