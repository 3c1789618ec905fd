// The real app in-process: a real PGlite, the real catalog from disk, a clock the test controls and
// a small built app in a temporary dist/ folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { CatalogEntry } from '../../../src/domain/index.ts';
import { openCatalog } from '../../../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../../../src/server/catalogFiles.ts';
import { createApp, type AppOptions } from '../../../src/server/createApp.ts';
import { createJobPool, type JobPool, type JobPoolOptions } from '../../../src/server/jobs/index.ts';
import { applyMigrations } from '../../../src/server/migrate.ts';
import type { Repository } from '../../../src/server/repository.ts';
import type { SqlClient } from '../../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../../src/server/sqlRepository.ts';
import { openMigratedTestPglite } from './migratedPglite.ts';

export const FULFILMENT_TOKEN = 'test-fulfilment-token';

/** Everything a server test touches. */
export interface TestApp {
  readonly app: Hono;
  readonly client: SqlClient;
  readonly repository: Repository;
  readonly entry: CatalogEntry;
  readonly distDir: string;
  /** The app's job pool (worker threads for uploads and print files). */
  readonly jobs: JobPool;
  /** Sets the time the app sees. */
  setNow(time: string): void;
  /** Rebuilds the app over the same database with another current catalog (a rules change). */
  republish(entries: readonly CatalogEntry[]): Promise<void>;
  /** Another app over the same database and voter secret: a second server process of a shop. */
  sibling(options?: TestAppOptions): Promise<Hono>;
  dispose(): Promise<void>;
}

/** What a test may set of the app: some of its options, and the job pool's (threads, queue, time and pixel budgets). */
export type TestAppOptions = Partial<Pick<AppOptions, 'trustProxy' | 'clientLimits' | 'voting' | 'allowedOrigins' | 'passwords' | 'sessionLifetime' | 'loginLimits' | 'webhooks' | 'signals' | 'signalLimit'>> & {
  readonly jobs?: Partial<JobPoolOptions>;
};

/** The secret every test app signs voter cookies with, so that sibling apps accept each other's voters. */
const VOTER_SECRET = 'test-voter-secret-0123456789';

/**
 * Starts the app over a fresh database; `history` entries are published first, as earlier rules
 * versions. Requests made with `app.request` have no socket; give one through the bindings (see
 * {@link fromAddress}) where the client's address matters.
 */
export async function startTestApp(history: readonly CatalogEntry[] = [], options: TestAppOptions = {}): Promise<TestApp> {
  const { entries, problems } = loadCatalogFromDisk(process.cwd());
  if (problems.length > 0) throw new Error(problems.join('\n'));
  // Copied already migrated (see migratedPglite.ts): this finds nothing to apply, as at a restart.
  const { client, dispose } = await openMigratedTestPglite();
  await applyMigrations(client);
  const repository = createSqlRepository(client);
  let now = new Date('2026-11-25T12:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const distDir = builtApp();
  // Earlier versions, published one after the other before: the files' version supersedes the last
  // at start, and orders under each are accepted for its grace period from then.
  for (const entry of history) {
    await repository.publishCatalogEntry(entry, new Date('2026-10-01T00:00:00Z'));
    await repository.makeCurrentRulesVersion(entry.product.id, entry.rulesVersion, clock.now(), 24 * 3600);
  }
  const jobs = createJobPool(options.jobs);
  const build = async (current: readonly CatalogEntry[], chosen: TestAppOptions = options) => {
    const { jobs: _jobOptions, ...appOptions } = chosen;
    return createApp({
      repository, catalog: await openCatalog(current, repository, clock.now(), { clock }), clock, distDir, fulfilmentToken: FULFILMENT_TOKEN, voterSecret: VOTER_SECRET, jobs, ...appOptions,
    });
  };
  const testApp = {
    app: await build(entries),
    client,
    repository,
    entry: entries.find((candidate) => candidate.product.id === 'sneaker')!,
    distDir,
    jobs,
    setNow: (time: string) => { now = new Date(time); },
    async republish(current: readonly CatalogEntry[]) { testApp.app = await build(current); },
    sibling: (chosen: TestAppOptions = options) => build(entries, chosen),
    async dispose() {
      await jobs.close();
      await dispose();
      rmSync(join(distDir, '..'), { recursive: true, force: true });
    },
  };
  return testApp;
}

/**
 * The bindings `@hono/node-server` gives a request that came on a socket from `address` (over
 * TLS when `encrypted`): the third argument of `app.request`.
 *
 * @example
 * await app.request('/api/candidates', {}, fromAddress('203.0.113.7'));
 */
export function fromAddress(address: string, encrypted = false) {
  return { incoming: { socket: { remoteAddress: address, encrypted } } };
}

/**
 * A small built app in `<temporary folder>/dist`, and beside it a `package.json` that must never be
 * served (what a path escaping `dist/` would reach).
 */
function builtApp(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'atelier-dist-')), 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'models'));
  writeFileSync(join(dir, '..', 'package.json'), JSON.stringify({ name: 'outside-dist', devDependencies: { secret: '1' } }));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Atelier</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), `body{color:red}${' '.repeat(2000)}`);
  // The 3D preview's chunk, which the server names as a preload of a customer page (src/server/previewPreloads.ts).
  writeFileSync(join(dir, 'assets', 'ProductPreview-abc123.js'), 'export const ProductPreview = null;');
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify({
    'index.html': { file: 'assets/index-abc123.js', isEntry: true, css: ['assets/index-abc123.css'] },
    'src/views/preview/ProductPreview.tsx': { file: 'assets/ProductPreview-abc123.js', isDynamicEntry: true },
  }));
  writeFileSync(join(dir, 'assets', 'inter-latin-400-normal-abc123.woff2'), Buffer.from('wOF2\x00\x01\x00\x00'));
  writeFileSync(join(dir, 'assets', 'favicon-abc123.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'models', 'sneaker.glb'), Buffer.from('glTF\x02\x00\x00\x00'));
  mkdirSync(join(dir, 'textures'));
  writeFileSync(join(dir, 'textures', 'leather.webp'), Buffer.from('RIFF\x00\x00\x00\x00WEBP'));
  mkdirSync(join(dir, 'schemas'));
  writeFileSync(join(dir, 'schemas', 'design.schema.json'), '{"$id":"design"}');
  return dir;
}
