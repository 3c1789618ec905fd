// `npm run bench:insight -- [--orders 1000000] [--signals 5000000] [--runs 7] [--postgres-only]`
//
// The designers' views over a large shop: seeds a fresh database with --orders orders and
// --signals design signals in all (scripts/support/demandSeed.ts, a year of skewed demand), then
// asks each designer view of the real app (in-process, a signed-in designer) --runs times for the
// last 30, 90 and 365 days, with 500 new signals written half-way, and prints p50 and p95 (and the
// first answer's time and the one after the new signals) against the budget (PRODUCT.md §7: ≤ 1 s p95 on
// PostgreSQL, ≤ 3 s on PGlite). Runs on the embedded PGlite and, when ATELIER_TEST_DATABASE_URL or
// DATABASE_URL names a PostgreSQL server, on it too (in a throw-away schema). A benchmark: it
// prints figures, it is not a test.
import { createApp } from '../src/server/createApp.ts';
import { openCatalog } from '../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import { applyMigrations } from '../src/server/migrate.ts';
import type { SqlClient } from '../src/server/sqlClient.ts';
import { createSqlRepository } from '../src/server/sqlRepository.ts';
import { addStaffAccount, newSecret, sha256Text, type PasswordHasher } from '../src/server/staff/index.ts';
import { numberArgument } from './numberArgument.ts';
import { seedDemand } from './support/demandSeed.ts';
import { productUnderTest } from './support/orderBodies.ts';
import { openTestPglite, openTestPostgres } from './support/testDatabases.ts';

const orders = numberArgument('orders', 1_000_000, 'whole');
const signals = Math.max(orders, numberArgument('signals', 5_000_000, 'whole'));
const runs = numberArgument('runs', 7, 'whole');
const VIEWS = ['popular', 'clusters', 'options'] as const;
const PERIODS = [30, 90, 365] as const;

const entries = loadCatalogFromDisk(process.cwd()).entries;
const sneaker = productUnderTest(entries.find((entry) => entry.product.id === 'sneaker')!);
// The bench signs in by a session made in the database: no password is ever checked.
const noPasswords: PasswordHasher = { hash: async () => 'not-a-hash', verify: async () => false, verifyNothing: async () => {} };

async function bench(name: string, client: SqlClient, budgetMs: number): Promise<void> {
  await applyMigrations(client);
  const repository = createSqlRepository(client);
  const started = performance.now();
  const until = new Date();
  const { designs } = await seedDemand(client, sneaker, { orders, signals, days: 365, families: 2500, until }, (written) => {
    if (written % 1_000_000 === 0) console.log(`  ${name}: ${written.toLocaleString('en')} signals written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  console.log(`${name}: seeded ${orders.toLocaleString('en')} orders and ${(signals - orders).toLocaleString('en')} other signals, ${designs.toLocaleString('en')} distinct designs, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const added = await addStaffAccount({ repository, clock: { now: () => until }, passwords: noPasswords }, { email: 'bench-designer@shop.example', roles: ['designer'], password: 'bench-password-not-used-1' }, { actor: { kind: 'cli' }, client: 'cli' });
  if (!added.ok) throw new Error(added.error.message);
  const sessionId = newSecret('', 32);
  await repository.createStaffSession({ idHash: sha256Text(sessionId), accountId: added.account.id, createdAt: until, client: '127.0.0.1' });
  const app = createApp({ repository, catalog: await openCatalog(entries, repository, until), passwords: noPasswords });
  const headers = { Cookie: `atelier_staff=${sessionId}` };
  let worstP95 = 0;
  // Half-way through each view's runs, a batch of 500 new signals (reviews of demanded designs,
  // now): the run after it shows a view brought up to date, the others a view computed afresh
  // (the first) or kept (insightCache.ts).
  const demanded = (await repository.listDesignDemand({ productId: 'sneaker', since: new Date(until.getTime() - 29 * 86_400_000), until, limit: 500 })).map((row) => row.designKey);
  const newSignals = () => repository.recordDesignSignals(Array.from({ length: 500 }, (_, n) => ({
    at: new Date(), productId: 'sneaker', rulesVersion: sneaker.entry.rulesVersion, designKey: demanded[n % demanded.length]!,
    kind: 'reviewed' as const, units: 1, sessionId: `bench-session-${String(n).padStart(8, '0')}`, remix: false,
  })));
  for (const view of VIEWS) {
    for (const days of PERIODS) {
      const times: number[] = [];
      let afterNew = 0;
      for (let run = 0; run < runs; run++) {
        const fresh = run === Math.floor(runs / 2);
        if (fresh) await newSignals();
        const t0 = performance.now();
        const response = await app.request(`/api/staff/insight/sneaker/${view}?days=${days}`, { headers });
        await response.text();
        if (response.status !== 200) throw new Error(`${view} answered ${response.status}`);
        times.push(performance.now() - t0);
        if (fresh) afterNew = times.at(-1)!;
      }
      const first = times[0]!;
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length / 2)]!;
      const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
      worstP95 = Math.max(worstP95, p95);
      console.log(`  ${view.padEnd(8)} last ${String(days).padStart(3)} days: p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   (first ${first.toFixed(0)} ms, after 500 new signals ${afterNew.toFixed(0)} ms)`);
    }
  }
  console.log(`${name}: worst p95 ${worstP95.toFixed(0)} ms (budget ≤ ${budgetMs} ms: ${worstP95 <= budgetMs ? 'PASS' : 'FAIL'})`);
}

// `--postgres-only` skips the embedded database (its seeding takes a few minutes).
if (!process.argv.includes('--postgres-only')) {
  const pglite = await openTestPglite();
  try {
    await bench('PGlite', pglite.client, 3000);
  } finally {
    await pglite.dispose();
  }
}
const url = process.env.ATELIER_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) {
  const postgres = await openTestPostgres(url);
  try {
    await bench('PostgreSQL', postgres.client, 1000);
  } finally {
    await postgres.dispose();
  }
} else {
  console.log('PostgreSQL: not run (set ATELIER_TEST_DATABASE_URL, e.g. eval "$(bash scripts/testPostgres.sh start)")');
}
