import { liveLockHolder, type LockHolder } from './dataDirectoryLock.ts';
import { DataDirectoryRefusal, openDataDirectory, type DataDirectoryClient } from './openDataDirectory.ts';

/** How a command reaches the database of a data directory. */
export type DataDirectoryAccess =
  /** A server holds the directory: talk to it through its admin API. */
  | { readonly kind: 'server'; readonly holder: LockHolder; request(path: string, init?: RequestInit): Promise<Response> }
  /** No server runs: the command opened the directory itself, and holds its lock until `client.close()`. */
  | { readonly kind: 'direct'; readonly client: DataDirectoryClient };

/** How long to wait for a starting server to publish its admin address. */
const STARTING_SERVER_WAIT_MS = 60_000;

/**
 * The one way for a command (backup, and later staff accounts, rules publishing, seeding) to reach
 * an embedded database: through the running server's local admin API when a server holds the
 * directory (address and token from its lock file), otherwise by opening the directory itself,
 * so that two processes never write the same files.
 *
 * @example
 * const access = await reachDataDirectory('./data', { create: false });
 * if (access.kind === 'server') await access.request('/admin/status');
 * else try { … access.client … } finally { await access.client.close(); }
 */
export async function reachDataDirectory(dir: string, options: { readonly create?: boolean } = {}): Promise<DataDirectoryAccess> {
  for (let attempt = 0; ; attempt++) {
    const holder = liveLockHolder(dir);
    if (holder) return { kind: 'server', holder: await published(dir, holder), request: (path, init) => adminRequest(dir, path, init) };
    try {
      return { kind: 'direct', client: await openDataDirectory(dir, options) };
    } catch (error) {
      // A server may have started between our look and our open: look once more.
      if (attempt > 0 || !(error instanceof DataDirectoryRefusal) || liveLockHolder(dir) === undefined) throw error;
    }
  }
}

/** A request to the admin API of the server that holds `dir`, with its token. */
async function adminRequest(dir: string, path: string, init: RequestInit = {}): Promise<Response> {
  const holder = liveLockHolder(dir);
  if (!holder?.adminUrl || !holder.adminToken) throw new Error(`the Atelier server on ${dir} stopped: run the command again`);
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${holder.adminToken}`);
  try {
    return await fetch(`${holder.adminUrl}${path}`, { ...init, headers });
  } catch (error) {
    throw new Error(`cannot reach the admin API of the Atelier server on ${dir} (process ${holder.pid}, ${holder.adminUrl}): ${(error as Error).message}`);
  }
}

/** The holder once it has published its admin address (a server that is still starting has not yet). */
async function published(dir: string, holder: LockHolder): Promise<LockHolder> {
  const deadline = Date.now() + STARTING_SERVER_WAIT_MS;
  let current: LockHolder | undefined = holder;
  while (current && !current.adminUrl) {
    if (Date.now() > deadline) throw new Error(`the Atelier server on ${dir} (process ${holder.pid}) has not opened its admin API after ${STARTING_SERVER_WAIT_MS / 1000} s: is it stuck while starting?`);
    await new Promise((done) => setTimeout(done, 200));
    current = liveLockHolder(dir);
  }
  if (!current) throw new Error(`the Atelier server on ${dir} (process ${holder.pid}) stopped while starting: run the command again`);
  return current;
}
