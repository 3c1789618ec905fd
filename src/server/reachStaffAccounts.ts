import { reachDataDirectory } from './adminClient.ts';
import { systemClock } from './clock.ts';
import { applyMigrations } from './migrate.ts';
import { openDatabase, type DatabaseConfig } from './openDatabase.ts';
import { operatorStaffAccounts, operatorStaffAccountsOverAdminApi, type OperatorStaffAccounts } from './operatorStaffAccounts.ts';
import type { SqlClient } from './sqlClient.ts';
import { createSqlRepository } from './sqlRepository.ts';
import { createPasswordHasher } from './staff/index.ts';

/** The operator's staff accounts, how they were reached, and how to let go of the database. */
export interface ReachedStaffAccounts {
  readonly accounts: OperatorStaffAccounts;
  /**
   * `server`: a running server (process `pid`) holds the data directory and acts through its admin
   * API; `direct`: the data directory was opened here; `postgres`: the PostgreSQL server of DATABASE_URL.
   */
  readonly via: { readonly kind: 'server'; readonly pid: number } | { readonly kind: 'direct' } | { readonly kind: 'postgres' };
  /** Closes what was opened here (the data directory's lock is released); nothing for a running server. */
  close(): Promise<void>;
}

/**
 * Reaches the staff accounts of the database the environment names: PostgreSQL directly (servers
 * may run on it at the same time: every action is its own statement); an embedded data directory
 * through the admin API of the server that holds it, or else opened here, which the caller must
 * `close()`. The schema is brought up to date first when the database is opened here, so the
 * first admin can be added before the server ever ran.
 *
 * @param options.create whether an absent or empty data directory gets a new database (adding the
 *   first account) or is refused (listing or changing accounts: a mistyped ATELIER_DATA_DIR
 *   should not leave a new database behind).
 * @example
 * const reached = await reachStaffAccounts(databaseConfigFromEnv(process.env, process.cwd()), { create: false });
 * try { console.log(await reached.accounts.list()); } finally { await reached.close(); }
 */
export async function reachStaffAccounts(config: DatabaseConfig, options: { readonly create: boolean }): Promise<ReachedStaffAccounts> {
  if (config.kind === 'postgres') return openHere(await openDatabase(config), { kind: 'postgres' });
  const access = await reachDataDirectory(config.dataDir, { create: options.create });
  if (access.kind === 'server') {
    return { accounts: operatorStaffAccountsOverAdminApi((path, init) => access.request(path, init)), via: { kind: 'server', pid: access.holder.pid }, close: async () => {} };
  }
  return openHere(access.client, { kind: 'direct' });
}

async function openHere(client: SqlClient, via: ReachedStaffAccounts['via']): Promise<ReachedStaffAccounts> {
  try {
    await applyMigrations(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  const services = { repository: createSqlRepository(client), clock: systemClock, passwords: createPasswordHasher() };
  return { accounts: operatorStaffAccounts(services), via, close: () => client.close() };
}
