// The Atelier server process: `npm start` runs it (after building the browser app if needed).
//
//   PORT (default 4173) and HOST (default 127.0.0.1): where it listens.
//   ATELIER_DATA_DIR (default ./data): the embedded database's files.
//   DATABASE_URL=postgres://…: use a PostgreSQL server instead.
//   ATELIER_FULFILMENT_TOKEN: deprecated; a shared bearer token for the fulfilment export and the
//     orders' contacts (none when unset: use API tokens with the fulfilment role).
//   ATELIER_VOTER_SECRET: signs the gallery's voter cookies, at least 16 characters (random when
//     unset: voters then get new ids, and may vote again, after every restart).
//   ATELIER_TRUST_PROXY: the reverse proxies whose X-Forwarded-For/-Proto are believed, e.g.
//     "127.0.0.1, 10.0.0.0/8" (none when unset: the client's address is the socket's).
//   ATELIER_VOTER_IDS_PER_HOUR (default 30), ATELIER_SUBMISSIONS_PER_HOUR (default 20): per client address.
//   ATELIER_ALLOWED_ORIGINS: other sites allowed to write to the API and read it through CORS,
//     comma-separated origins, e.g. https://shop.example (default none: only the server's own).
//   ATELIER_JOB_THREADS, ATELIER_JOB_QUEUE, ATELIER_JOB_ARTWORK_TIMEOUT_MS,
//     ATELIER_JOB_PRINT_TIMEOUT_MS, ATELIER_JOB_MAX_MEGAPIXELS: the worker threads that read
//     uploads and render print files (see src/server/jobs/jobPoolOptions.ts for the defaults).
//   ATELIER_RULES_VERSIONS_KEPT: how many older rules versions stay compiled in memory (default 16).
//   ATELIER_RULES_GRACE_HOURS: how long orders under a rules version are still accepted after a newer
//     one becomes current (default 24).
//   ATELIER_WEBHOOK_POLL_MS (default 1000), ATELIER_WEBHOOK_LEASE_SECONDS (default 30): how often the
//     webhook worker looks for due deliveries, and how long after a crash one in flight is sent again.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAdminApp } from './adminApp.ts';
import { backupArchive } from './backupArchive.ts';
import { BEARER_TOKEN_SYNTAX } from './bearerToken.ts';
import { DEFAULT_POSTGRES_POLL_SECONDS, describeStandings, openCatalogWithStandings } from './catalog.ts';
import { loadCatalogFromDisk, readCatalogSources } from './catalogFiles.ts';
import { parseTrustedProxies } from './clientAddress.ts';
import { clientLimitsFromEnv } from './clientLimits.ts';
import { systemClock } from './clock.ts';
import { ALLOWED_ORIGINS_VARIABLE, parseAllowedOrigins } from './allowedOrigins.ts';
import { createApp } from './createApp.ts';
import { createPasswordHasher } from './staff/index.ts';
import type { DataDirectoryClient } from './openDataDirectory.ts';
import { createJobPool, jobPoolOptionsFromEnv } from './jobs/index.ts';
import { startWebhookWorker, webhookWorkerSettingsFromEnv } from './webhooks/index.ts';
import { applyMigrations } from './migrate.ts';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from './openDatabase.ts';
import { PROJECT_ROOT } from './projectRoot.ts';
import { createSqlRepository } from './sqlRepository.ts';
import { signalSettingsFromEnv, startSignals } from './signalSettings.ts';
import { reviewSettingsFromEnv } from './reviewSettings.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(process.env.PORT ?? '4173');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a number from 0 to 65535, not "${process.env.PORT}".`);
const host = process.env.HOST || '127.0.0.1';
let allowedOrigins: string[] = [];
try {
  allowedOrigins = parseAllowedOrigins(process.env[ALLOWED_ORIGINS_VARIABLE]);
} catch (error) {
  fail((error as Error).message);
}

let config;
try {
  config = databaseConfigFromEnv(process.env, process.cwd());
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
// The data directory first: a second server on it, or a damaged folder, is refused at once, before
// the seconds spent reading and compiling the catalog.
const client = await openDatabase(config).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

const { entries, problems } = loadCatalogFromDisk(PROJECT_ROOT);
if (problems.length > 0) fail(`The product or rules files have problems; fix them and start again:\n${problems.join('\n')}`);

const applied = await applyMigrations(client);
const repository = createSqlRepository(client);
// Webhooks from the start: deliveries left pending by an earlier run (or a crash) go out now.
const webhookSettings = webhookWorkerSettingsFromEnv(process.env);
if (!webhookSettings.ok) fail(webhookSettings.message);
const webhooks = startWebhookWorker({ repository, ...webhookSettings.settings });
const versionsKept = process.env.ATELIER_RULES_VERSIONS_KEPT?.trim();
if (versionsKept && !/^\d{1,6}$/.test(versionsKept)) fail(`ATELIER_RULES_VERSIONS_KEPT must be a whole number (how many older rules versions stay compiled in memory), not "${versionsKept}".`);
const graceHours = process.env.ATELIER_RULES_GRACE_HOURS?.trim();
if (graceHours && !/^\d{1,5}(\.\d+)?$/.test(graceHours)) fail(`ATELIER_RULES_GRACE_HOURS must be a number of hours (how long orders under the rules version a new one replaces are still accepted), not "${graceHours}".`);
const pollSetting = process.env.ATELIER_RULES_POLL_SECONDS?.trim();
if (pollSetting && !/^\d{1,5}(\.\d+)?$/.test(pollSetting)) fail(`ATELIER_RULES_POLL_SECONDS must be a number of seconds (how often this server asks the database which rules versions are current; 0 never), not "${pollSetting}".`);
// Several server processes share a PostgreSQL database, so each asks which versions are current;
// an embedded database has one server, which learns of a publish as it makes it.
const pollSeconds = pollSetting ? Number(pollSetting) : config.kind === 'postgres' ? DEFAULT_POSTGRES_POLL_SECONDS : 0;
// The database is the source of truth: the files are published only for a product it has never
// seen; otherwise its published version is served, whatever the files say now.
const { catalog, standings } = await openCatalogWithStandings(entries, repository, new Date(), {
  files: 'first-start',
  pollSeconds,
  sourcesOf: (entry) => readCatalogSources(PROJECT_ROOT, entry.product.id),
  onChange: ({ productId, from, to }) => say(`Rules of ${productId}: version ${to} is current now${from ? ` (was ${from})` : ''}.`),
  ...(versionsKept ? { oldVersionsKept: Number(versionsKept) } : {}),
  ...(graceHours ? { graceSeconds: Math.round(Number(graceHours) * 3600) } : {}),
});
for (const line of describeStandings(standings)) say(line);

// Deprecated: one shared token for the export and the orders' contacts. API tokens with the
// fulfilment role replace it (the admin page, "API tokens"); it still works for this release.
const fulfilmentToken = process.env.ATELIER_FULFILMENT_TOKEN?.trim() || undefined;
if (fulfilmentToken !== undefined) {
  if (!BEARER_TOKEN_SYNTAX.test(fulfilmentToken)) fail('ATELIER_FULFILMENT_TOKEN may have only letters, digits and . _ ~ + / - (then = signs), as an "Authorization: Bearer" token must: use e.g. the output of "openssl rand -base64 32".');
  say('Warning: ATELIER_FULFILMENT_TOKEN is deprecated and will be removed in the next release: create an API token with the fulfilment role on /staff (admin, "API tokens") and give it to the order system instead.');
}
const voterSecret = process.env.ATELIER_VOTER_SECRET?.trim() || undefined;
if (voterSecret !== undefined && voterSecret.length < 16) fail(`ATELIER_VOTER_SECRET must have at least 16 characters (it has ${voterSecret.length}): use e.g. the output of "openssl rand -base64 32".`);
if (voterSecret === undefined) say('Voter cookies are signed with a secret for this run only: set ATELIER_VOTER_SECRET to keep voters across restarts.');
const trustProxy = process.env.ATELIER_TRUST_PROXY;
let clientLimits;
try {
  say(`Trusted proxies (ATELIER_TRUST_PROXY): ${parseTrustedProxies(trustProxy).description}.`);
  clientLimits = clientLimitsFromEnv(process.env);
  say(`Per client address: at most ${clientLimits.voterIds.max} new voter ids and ${clientLimits.submissions.max} gallery submissions an hour.`);
} catch (error) {
  fail(error instanceof Error ? error.message.replace(/^\[Atelier\] /, '') : String(error));
}
const jobOptions = jobPoolOptionsFromEnv(process.env);
if (!jobOptions.ok) fail(jobOptions.message);
const jobs = createJobPool(jobOptions.options);
const passwords = createPasswordHasher();
const signalSettings = signalSettingsFromEnv(process.env);
if (!signalSettings.ok) fail(signalSettings.message);
const signals = startSignals(repository, signalSettings.settings);
const reviewSettings = reviewSettingsFromEnv(process.env);
if (!reviewSettings.ok) fail(reviewSettings.message);
say(signals.description);
const app = createApp({ repository, catalog, passwords, webhooks, ...(fulfilmentToken ? { fulfilmentToken } : {}), jobs, ...(voterSecret ? { voterSecret } : {}), trustProxy, clientLimits, allowedOrigins, ...(signals.recorder ? { signals: signals.recorder } : {}), signalLimit: signalSettings.settings.perClient, review: reviewSettings.settings });

// The local admin API (127.0.0.1, a port of its own, a token in the lock file): how `npm run backup`
// and other commands reach the data directory this process holds.
const dataDirectory = 'dataDirectory' in client ? (client as DataDirectoryClient) : undefined;
const adminServer = dataDirectory && (() => {
  const token = randomBytes(24).toString('base64url');
  const { lock } = dataDirectory.dataDirectory;
  const admin = createAdminApp({
    token,
    status: () => ({ pid: process.pid, dataDir: lock.holder.dataDir, startedAt: lock.holder.startedAt, publicUrl: lock.holder.publicUrl ?? null }),
    backup: async () => backupArchive(await dataDirectory.dumpDataDir()),
    staff: { repository, clock: systemClock, passwords },
    catalog,
  });
  return serve({ fetch: admin.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => lock.publish({ adminUrl: `http://127.0.0.1:${info.port}`, adminToken: token }))
    .on('error', (error: Error) => fail(`Cannot open the local admin API on 127.0.0.1 (${error.message}): is the loopback interface up?`));
})();

const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  dataDirectory?.dataDirectory.lock.publish({ publicUrl: `http://${shownHost}:${info.port}/` });
  if (applied.length > 0) say(`Database migrated to version ${Math.max(...applied)}.`);
  say(`Orders are stored in ${describeDatabase(config)}.`);
  say(`Atelier is running at http://${shownHost}:${info.port}/`);
  // The staff pages need a first admin, made on this machine (never through the web).
  void repository.countEnabledStaffWithRole('admin').then((admins) => {
    say(admins > 0
      ? `Staff pages: http://${shownHost}:${info.port}/staff`
      : `Staff pages: http://${shownHost}:${info.port}/staff. No admin yet: create the first with npm run staff -- add --email you@shop.example --role admin`);
  }, () => undefined);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is in use: set PORT=... to use another (e.g. PORT=${port + 1} npm start).`);
  if (error.code === 'EACCES') fail(`Not allowed to listen on ${host}:${port}: set PORT=... to use another (above 1023).`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`Cannot listen on host ${host}: set HOST=... (e.g. HOST=127.0.0.1 or HOST=0.0.0.0).`);
  fail(`Server error: ${error.message}`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) process.exit(1); // a second Ctrl-C leaves at once
  stopping = true;
  say(`\n${signal}: stopping.`);
  let closing: Promise<void> | undefined;
  const closeDatabase = () => {
    // The webhook attempts in flight are recorded before the database closes.
    // …and so are the design signals still held in memory.
    closing ??= Promise.all([webhooks.stop(), jobs.close(), signals.stop()]).then(() => client.close()).then(() => process.exit(0), (error: unknown) => fail(`Could not close the database cleanly: ${String(error)}`));
  };
  catalog.close();
  adminServer?.close();
  server.close(closeDatabase);
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    closeDatabase();
  }, 3000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
