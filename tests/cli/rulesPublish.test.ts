// `npm run rules -- publish|rollback`: a merchandiser's project folder with edited files, published
// into a real PGlite data directory — opened by the command itself when no server runs, and through
// the admin API of a real server process that holds it, which serves the new version at once.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';
import { runRulesCli } from '../../src/cli/rulesCli.ts';
import type { CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import { openDataDirectory } from '../../src/server/openDataDirectory.ts';
import type { RulesVersionListing } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';

const root = resolve('.');
const productYaml = readFileSync(join(root, 'models/sneaker/product.yaml'), 'utf8');
const rulesYaml = readFileSync(join(root, 'rules/sneaker.rules.yaml'), 'utf8');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let today: CatalogEntry;
beforeAll(() => {
  today = loadCatalogFromDisk(root).entries.find((entry) => entry.product.id === 'sneaker')!;
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run rules -- <args>` in the project folder `cwd`, on the data directory `dataDir`. */
async function rules(args: readonly string[], cwd: string, dataDir: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRulesCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, cwd, { ATELIER_DATA_DIR: dataDir });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A merchandiser's checkout of the sneaker: its files as given, the model's print zones and the shipped fonts. */
function project(files: { productYaml?: string; rulesYaml?: string } = {}): { dir: string; edit: (changed: { productYaml?: string; rulesYaml?: string }) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-publish-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'models/sneaker'), { recursive: true });
  mkdirSync(join(dir, 'rules'));
  copyFileSync(join(root, 'models/sneaker/printZones.json'), join(dir, 'models/sneaker/printZones.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const edit = (changed: { productYaml?: string; rulesYaml?: string }) => {
    writeFileSync(join(dir, 'models/sneaker/product.yaml'), changed.productYaml ?? productYaml);
    writeFileSync(join(dir, 'rules/sneaker.rules.yaml'), changed.rulesYaml ?? rulesYaml);
  };
  edit(files);
  return { dir, edit };
}

const priced = (price: string) => productYaml.replace(/^basePrice: .*$/m, `basePrice: ${price}`);

/** A data directory where today's files are the published version. */
async function seeded(): Promise<string> {
  const dataDir = await freshPgliteDataDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const client = await openDataDirectory(dataDir);
  await applyMigrations(client);
  const repository = createSqlRepository(client);
  await repository.publishCatalogEntry(today, new Date(Date.now() - 3_600_000));
  await repository.makeCurrentRulesVersion('sneaker', today.rulesVersion, new Date(Date.now() - 3_600_000), 86_400, { actor: 'files', message: 'First version, from the files in rules/ and models/' });
  await client.close();
  return dataDir;
}

async function versionsOf(cwd: string, dataDir: string): Promise<RulesVersionListing[]> {
  const listed = await rules(['versions', 'sneaker', '--json'], cwd, dataDir);
  expect(listed.stderr).toBe('');
  return (JSON.parse(listed.stdout) as { versions: RulesVersionListing[] }).versions;
}

const UTC_MINUTE = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC';

describe('npm run rules -- publish|rollback on a data directory no server holds', () => {
  it('publishes the edited files, drafts and publishes a draft, rolls back, each with who and why', async () => {
    const dataDir = await seeded();
    const where = `in ${dataDir}`;
    const checkout = project({ productYaml: priced('135.00') });

    const refused = await rules(['publish', 'sneaker'], checkout.dir, dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: a message is required: say what changes for customers and why, e\.g\. npm run rules -- publish sneaker --message "/);

    const published = await rules(['publish', 'sneaker', '--message', 'Autumn price', '--grace-hours', '2'], checkout.dir, dataDir);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    const [first, replaces, effect] = published.stdout.split('\n');
    const version = /rules version ([0-9a-f]{16}) is current/.exec(first!)?.[1];
    expect(first).toBe(`Published sneaker: rules version ${version} is current (${where}).`);
    expect(replaces).toMatch(new RegExp(`^It replaces ${today.rulesVersion}: orders made under it are accepted until ${UTC_MINUTE}\\.$`));
    expect(Date.parse(`${/until (.*) UTC/.exec(replaces!)![1]}Z`) - Date.now()).toBeGreaterThan(3_500_000);
    expect(effect).toBe('The server takes it up at its next start, or within its poll interval (ATELIER_RULES_POLL_SECONDS) while it runs.');

    const again = await rules(['publish', 'sneaker', '--message', 'Autumn price'], checkout.dir, dataDir);
    expect(again.stdout).toBe(`sneaker rules version ${version} is the current one already: nothing changed (${where})`);

    checkout.edit({ productYaml: priced('129.00') });
    const drafted = await rules(['publish', 'sneaker', '--draft', '--json'], checkout.dir, dataDir);
    expect(drafted.code).toBe(0);
    const draft = JSON.parse(drafted.stdout) as { rulesVersion: string; state: string; servedNow: boolean };
    expect(draft).toMatchObject({ productId: 'sneaker', state: 'draft', already: false, servedNow: false });

    const table = (await rules(['versions', 'sneaker'], checkout.dir, dataDir)).stdout.split('\n');
    expect(table[0]).toMatch(/^VERSION +RECORDED AT +STATE +BY +MESSAGE$/);
    expect(table.find((line) => line.startsWith(version!))).toMatch(new RegExp(`^${version} +${UTC_MINUTE} +current +cli +Autumn price$`));
    expect(table.find((line) => line.startsWith(draft.rulesVersion))).toMatch(/ +draft: never published +- +-$/);
    expect(table.find((line) => line.startsWith(today.rulesVersion))).toMatch(/superseded: accepted until .* +files +First version, from the files in rules\/ and models\/$/);

    const fromDraft = await rules(['publish', 'sneaker', '--version', draft.rulesVersion, '--message', 'Winter price'], checkout.dir, dataDir);
    expect(fromDraft.stderr).toBe('');
    expect(fromDraft.stdout.split('\n')[0]).toBe(`Published sneaker: rules version ${draft.rulesVersion} is current (${where}).`);
    expect(fromDraft.stdout).toContain(`It replaces ${version}: orders made under it are accepted until `);

    const noMessage = await rules(['rollback', 'sneaker'], checkout.dir, dataDir);
    expect(noMessage.code).toBe(2);
    expect(noMessage.stderr).toContain('--message "');

    const rolledBack = await rules(['rollback', 'sneaker', '--message', 'Winter price too early'], checkout.dir, dataDir);
    expect(rolledBack.stderr).toBe('');
    expect(rolledBack.stdout.split('\n')[0]).toBe(`Rolled back sneaker: rules version ${version} is current (${where}).`);
    const listed = await versionsOf(checkout.dir, dataDir);
    expect(listed.find((listing) => listing.state === 'published')).toMatchObject({ rulesVersion: version, publishedBy: 'cli', message: 'Winter price too early' });

    const toDraft = await rules(['rollback', 'sneaker', today.rulesVersion, '--message', 'First again', '--json'], checkout.dir, dataDir);
    expect(JSON.parse(toDraft.stdout)).toMatchObject({ rulesVersion: today.rulesVersion, state: 'published', superseded: [{ rulesVersion: version }] });
  }, 240_000);

  it('refuses files with strict-lint problems, printing each at file:line:column with its fix, and records nothing', async () => {
    const dataDir = await seeded();
    const checkout = project({
      rulesYaml: rulesYaml.replace(/^rules:\n/m, 'rules:\n  - id: no-cork-on-crepe\n    kind: excludes\n    message: Cork is not bonded to crepe any more.\n    when: { midsole.material: cork }\n    excludes: { outsole.material: crepe }\n'),
    });
    const run = await rules(['publish', 'sneaker', '--message', 'No cork on crepe'], checkout.dir, dataDir);
    expect(run.code).toBe(1);
    const [headline, ...problems] = run.stderr.split('\n');
    expect(headline).toMatch(/^error: The rules have \d+ problems; nothing was published: fix each \(npm run rules -- check --strict shows the same\), then publish again\. Nothing was changed\.$/);
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) expect(problem).toMatch(/^rules\/sneaker\.rules\.yaml:\d+:\d+ [a-z-]+: .+\. Fix: .+/);
    expect(problems.some((problem) => problem.includes('dead-option: option "cork"'))).toBe(true);
    expect((await versionsOf(checkout.dir, dataDir)).map((version) => version.rulesVersion)).toEqual([today.rulesVersion]);
  }, 120_000);

  it('refuses a malformed command line with exit 2, before reaching the database', async () => {
    const never = join(tmpdir(), 'atelier-publish-never-created');
    for (const [args, message] of [
      [['publish'], /^error: publish takes a product id \(0 given\)/],
      [['publish', 'sneaker', '--message'], /^error: --message needs a value/],
      [['publish', 'sneaker', '--message', 'x', '--grace-hours', 'soon'], /^error: --grace-hours must be a number of hours/],
      [['rollback', 'sneaker', 'a', 'b', '--message', 'x'], /^error: rollback takes a product id and, if you wish, the rules version/],
      [['versions', 'sneaker', '--message', 'x'], /^error: versions takes no --message/],
    ] as const) {
      const run = await rules(args, root, never);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});

describe('npm run rules -- publish|rollback while a server holds the data directory', () => {
  it('publishes and rolls back through the server\'s admin API, and the server serves each at once', async () => {
    const dataDir = await seeded();
    const server = await startServerProcess({ ATELIER_DATA_DIR: dataDir }, 180_000);
    cleanups.push(() => server.stop('SIGKILL'));
    const via = `via the admin API of the running server, process ${server.child.pid}`;
    const served = async () => ((await (await fetch(new URL('/api/catalog', server.url))).json()) as { products: { id: string; rulesVersion: string }[] }).products.find((product) => product.id === 'sneaker')!.rulesVersion;
    expect(await served()).toBe(today.rulesVersion);

    const checkout = project({ productYaml: priced('141.00') });
    const published = await rules(['publish', 'sneaker', '--message', 'Price rise'], checkout.dir, dataDir);
    expect(published.stderr).toBe('');
    const version = /rules version ([0-9a-f]{16}) is current/.exec(published.stdout)?.[1];
    expect(published.stdout.split('\n')).toEqual([
      `Published sneaker: rules version ${version} is current (${via}).`,
      expect.stringMatching(new RegExp(`^It replaces ${today.rulesVersion}: orders made under it are accepted until ${UTC_MINUTE}\\.$`)),
      'The running server serves it now.',
    ]);
    expect(await served()).toBe(version);

    const rolledBack = await rules(['rollback', 'sneaker', '--message', 'Price rise was a mistake', '--json'], checkout.dir, dataDir);
    expect(JSON.parse(rolledBack.stdout)).toMatchObject({ rulesVersion: today.rulesVersion, state: 'published', servedNow: true });
    expect(await served()).toBe(today.rulesVersion);

    const listed = await versionsOf(checkout.dir, dataDir);
    expect(listed.map((listing) => [listing.rulesVersion, listing.state, listing.publishedBy, listing.message])).toEqual([
      [today.rulesVersion, 'published', 'cli', 'Price rise was a mistake'],
      [version, 'superseded', 'cli', 'Price rise'],
    ]);
  }, 300_000);
});
