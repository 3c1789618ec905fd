// `npm run seed:demand -- [--orders 1000000] [--signals 5000000] [--days 365] [--families 2500]`
//
// Fills the shop's database with a realistic demand for the designers' review (see
// scripts/support/demandSeed.ts): the sneaker's designs, ordered, reviewed, shared, submitted and
// voted on, with skewed popularity, near-identical designs and trends. Writes design signals and
// their rollups only (no orders with contacts: the designers' views read the rollup). The
// database is the server's: DATABASE_URL (PostgreSQL) or ATELIER_DATA_DIR (embedded, default ./data;
// not while a server runs on it). For benchmarks and demos, never a real shop.
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import { applyMigrations } from '../src/server/migrate.ts';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from '../src/server/openDatabase.ts';
import { numberArgument } from './numberArgument.ts';
import { seedDemand } from './support/demandSeed.ts';
import { productUnderTest } from './support/orderBodies.ts';

const orders = numberArgument('orders', 1_000_000, 'whole');
const signals = Math.max(orders, numberArgument('signals', 5_000_000, 'whole'));
const days = numberArgument('days', 365, 'whole');
const families = numberArgument('families', 2500, 'whole');

const config = databaseConfigFromEnv(process.env, process.cwd());
const client = await openDatabase(config);
try {
  await applyMigrations(client);
  const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
  const started = performance.now();
  let last = 0;
  const { designs } = await seedDemand(client, sneaker, { orders, signals, days, families, until: new Date() }, (written) => {
    if (written - last >= 250_000 || written === signals) {
      last = written;
      console.log(`  ${written.toLocaleString('en')} of ${signals.toLocaleString('en')} signals (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  });
  console.log(`Seeded ${describeDatabase(config)}: ${orders.toLocaleString('en')} orders and ${(signals - orders).toLocaleString('en')} other signals over ${days} days, ${designs.toLocaleString('en')} distinct designs, in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  await client.close();
}
