// npm run backup while the server runs (through its admin API), npm run restore into a new folder,
// and a server started on the restored folder finds the orders. Real processes, real PGlite.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { folderSnapshot } from '../../scripts/support/folderSnapshot.ts';
import { orderBody, productUnderTest, randomDesign } from '../../scripts/support/orderBodies.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';

const TOKEN = 'backup-test-token';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-backup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `npm run backup|restore -- …` as the operator would (the same script, without npm). */
function dataCommand(args: readonly string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dataCli.ts', ...args], {
    env: { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

async function exportOrders(url: string): Promise<ServerOrder[]> {
  const response = await fetch(`${url}/api/orders/export?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.text()).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ServerOrder);
}

describe('backup and restore of the embedded database', () => {
  it('backs up through the running server, restores into a new folder, and the orders are there', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess({ ATELIER_DATA_DIR: dataDir, ATELIER_FULFILMENT_TOKEN: TOKEN }, 90_000);
    cleanups.push(() => server.stop('SIGKILL'));
    const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
    for (let index = 0; index < 5; index++) {
      const response = await fetch(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `backup-test-${index}` },
        body: JSON.stringify(orderBody(sneaker, randomDesign(sneaker, seededRandom(index + 1)), { contact: { name: `Customer ${index}`, email: `c${index}@example.com` } })),
      });
      expect(response.status).toBe(201);
    }
    const orders = await exportOrders(server.url);
    expect(orders).toHaveLength(5);

    const out = join(scratch(), 'atelier.tar.gz');
    const backup = await dataCommand(['backup', '--out', out], dataDir);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`by the running server (process ${server.child.pid}) through its admin API`);
    expect(backup.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect((await dataCommand(['backup', '--out', out], dataDir)).stderr).toMatch(/already exists: choose a new file name/);

    // A restore never writes where a server runs, nor over anything.
    const refusedWhileRunning = await dataCommand(['restore', out], dataDir);
    expect(refusedWhileRunning.code).toBe(1);
    expect(refusedWhileRunning.stderr).toContain(`The data directory ${dataDir} is in use by another Atelier server (process ${server.child.pid}`);
    const occupied = scratch();
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    const before = folderSnapshot(occupied);
    const refusedOverFiles = await dataCommand(['restore', out], occupied);
    expect(refusedOverFiles.code).toBe(1);
    expect(refusedOverFiles.stderr).toMatch(/Restore writes only into an empty or new folder, and .* holds other files \(notes\.txt\)/);
    expect(folderSnapshot(occupied)).toEqual(before);

    const restoredDir = join(scratch(), 'restored');
    const restore = await dataCommand(['restore', out], restoredDir);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain(`Restored ${out} into ${restoredDir} (5 orders)`);
    expect(restore.code).toBe(0);
    expect(existsSync(join(restoredDir, 'atelier.lock'))).toBe(false);

    const restored = await startServerProcess({ ATELIER_DATA_DIR: restoredDir, ATELIER_FULFILMENT_TOKEN: TOKEN }, 90_000);
    cleanups.push(() => restored.stop('SIGKILL'));
    expect(await exportOrders(restored.url)).toEqual(orders);
    expect(await restored.stop('SIGTERM')).toBe('exit 0');

    // With no server running, the backup opens the folder itself.
    expect(await server.stop('SIGTERM')).toBe('exit 0');
    const direct = await dataCommand(['backup', '--out', join(scratch(), 'direct.tar.gz')], dataDir);
    expect(direct.stdout).toContain('directly (no server was running)');
    expect(direct.code).toBe(0);
  }, 240_000);

  it('refuses a file that is not a backup, and leaves the folder empty', async () => {
    const file = join(scratch(), 'orders.tar.gz');
    writeFileSync(file, 'not gzip');
    const target = join(scratch(), 'empty');
    mkdirSync(target);
    const before = folderSnapshot(target);
    const result = await dataCommand(['restore', file], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The file is not an Atelier backup: it is not a gzip file/);
    expect(folderSnapshot(target)).toEqual(before);
  });

  it('refuses to back up a folder that holds no database', async () => {
    const result = await dataCommand(['backup', '--out', join(scratch(), 'x.tar.gz')], join(scratch(), 'nothing-here'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/holds no database \(it is not there\)/);
  });
});
