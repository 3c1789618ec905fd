import { reachDataDirectory } from './adminClient.ts';
import { backupArchive } from './backupArchive.ts';

/** A backup file's bytes, and how they were made. */
export interface Backup {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** `server`: by the running server (process `pid`), through its admin API; `direct`: no server ran, the directory was opened here. */
  readonly via: 'server' | 'direct';
  readonly pid?: number;
}

/**
 * Backs up the embedded database in `dir` (a gzipped tar of its files, without the lock file):
 * by the server that holds it, through its admin API, or, when none runs, by opening it here.
 *
 * @example
 * const { bytes } = await backupDataDirectory('./data');
 * writeFileSync('atelier.tar.gz', bytes);
 */
export async function backupDataDirectory(dir: string): Promise<Backup> {
  const access = await reachDataDirectory(dir, { create: false });
  if (access.kind === 'server') {
    const response = await access.request('/admin/backup');
    if (!response.ok) throw new Error(`the Atelier server on ${dir} (process ${access.holder.pid}) refused the backup: HTTP ${response.status} ${await response.text()}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), via: 'server', pid: access.holder.pid };
  }
  try {
    return { bytes: await backupArchive(await access.client.dumpDataDir()), via: 'direct' };
  } finally {
    await access.client.close();
  }
}
