// Publishing rules versions: a new version from the files' text is linted strictly, recorded, made
// current with who and why, and taken up by the catalog of this process at once and by another
// process's catalog when it refreshes; a draft stays out of reach of orders until published; a
// rollback makes an earlier version current again; each is in the history and the audit log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../src/server/catalog.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations, readMigrations } from '../../src/server/migrate.ts';
import { operatorRulesVersions, type OperatorRulesVersions } from '../../src/server/operatorRulesVersions.ts';
import type { Repository } from '../../src/server/repository.ts';
import type { PublicationOutcome, RulesSources } from '../../src/server/rulesPublishing.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';
import { openMigratedTestPglite } from './support/migratedPglite.ts';

const root = process.cwd();
const files = loadCatalogFromDisk(root).entries;
const productYaml = readFileSync(join(root, 'models/sneaker/product.yaml'), 'utf8');
const rulesYaml = readFileSync(join(root, 'rules/sneaker.rules.yaml'), 'utf8');

/** The sneaker's files with another base price: a merchandiser's next version. */
function repricedSources(basePrice: string): RulesSources {
  const repriced = productYaml.replace(/^basePrice: .*$/m, `basePrice: ${basePrice}`);
  expect(repriced).not.toBe(productYaml);
  return { productYaml: repriced, rulesYaml };
}

/** The version an outcome made, or the refusal as a failed expectation. */
function made(outcome: PublicationOutcome): string {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.message} (${outcome.error.hint})`);
  return outcome.rulesVersion;
}

describe('publishing rules versions', () => {
  let repository: Repository;
  let dispose: () => Promise<void>;
  let now = new Date('2026-12-01T10:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const opened: Catalog[] = [];
  let catalog: Catalog;
  let versions: OperatorRulesVersions;
  const filesVersion = files.find((entry) => entry.product.id === 'sneaker')!.rulesVersion;

  const open = async () => {
    const opening = await openCatalog(files, repository, clock.now(), { files: 'first-start', clock, graceSeconds: 3600 });
    opened.push(opening);
    return opening;
  };

  beforeEach(async () => {
    const database = await openMigratedTestPglite();
    dispose = database.dispose;
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
    now = new Date('2026-12-01T10:00:00.000Z');
    catalog = await open();
    versions = operatorRulesVersions({ repository, clock, rootDir: root, graceSeconds: catalog.graceSeconds, afterChange: () => catalog.refresh() });
  }, 60_000);

  afterEach(async () => {
    for (const each of opened.splice(0)) each.close();
    await dispose?.();
  });

  it('makes a version published from the files current at once, supersedes the previous one with grace, and another process sees it after refresh', async () => {
    const other = await open();
    now = new Date('2026-12-01T11:00:00.000Z');
    const outcome = await versions.publish('sneaker', repricedSources('131.00'), { message: 'Autumn price' });
    const published = made(outcome);
    expect(outcome).toMatchObject({ state: 'published', already: false, superseded: [{ rulesVersion: filesVersion, acceptUntil: '2026-12-01T12:00:00.000Z' }] });
    expect(catalog.current.get('sneaker')?.entry.product.basePrice).toBe(13100);
    // The files as sent are kept with the version, for the rules studio.
    expect(await repository.findRulesSources('sneaker', published)).toMatchObject({ product: { file: 'models/sneaker/product.yaml', text: repricedSources('131.00').productYaml }, rules: { file: 'rules/sneaker.rules.yaml', text: rulesYaml } });
    expect((await repository.findRulesVersionStatus('sneaker', filesVersion))).toEqual({ state: 'superseded', acceptUntil: '2026-12-01T12:00:00.000000Z', retiredAt: null });
    // Orders under the replaced version are still accepted for its grace.
    expect((await catalog.find('sneaker', filesVersion)).kind).toBe('found');

    expect(other.current.get('sneaker')?.entry.rulesVersion).toBe(filesVersion);
    expect(await other.refresh()).toEqual(['sneaker']);
    expect(other.current.get('sneaker')?.entry.rulesVersion).toBe(published);

    // Publishing it again changes nothing.
    expect(await versions.publish('sneaker', repricedSources('131.00'), { message: 'again' })).toMatchObject({ ok: true, rulesVersion: published, already: true, superseded: [] });
    expect(await repository.listRulesPublications('sneaker')).toHaveLength(2);
  });

  it('refuses a version with strict-lint problems, naming each at file:line:column with its fix, and records nothing', async () => {
    // A cork midsole is bonded only to a crepe outsole (sole-pairing); forbidding that pair leaves cork with no design.
    const deadOption = rulesYaml.replace(/^rules:\n/m, `rules:
  - id: no-cork-on-crepe
    kind: excludes
    message: Cork is not bonded to crepe any more.
    when: { midsole.material: cork }
    excludes: { outsole.material: crepe }

`);
    const outcome = await versions.publish('sneaker', { productYaml, rulesYaml: deadOption }, { message: 'No cork on crepe' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ status: 422, code: 'rules_problems', message: expect.stringContaining('nothing was published') });
    const lines = (outcome.error.problems ?? []).map((problem) => `${problem.message}. Fix: ${problem.hint}`);
    // Every problem, each where it is and how to fix it; the dead option among them.
    for (const line of lines) expect(line).toMatch(/^rules\/sneaker\.rules\.yaml:\d+:\d+ [a-z-]+: .+\. Fix: .+ \(rules check --strict\)$/);
    expect(lines.filter((line) => line.includes('dead-option: option "cork" of "midsole.material"'))).toHaveLength(1);
    expect((await repository.listRulesVersions('sneaker')).map((version) => version.rulesVersion)).toEqual([filesVersion]);
    expect(await repository.listRulesPublications('sneaker')).toHaveLength(1);
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(filesVersion);
  });

  it('keeps a draft out of reach of orders until it is published, then makes it current', async () => {
    const drafted = await versions.publish('sneaker', repricedSources('125.00'), { draft: true });
    const draft = made(drafted);
    expect(drafted).toMatchObject({ state: 'draft', already: false, superseded: [] });
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(filesVersion);
    expect(await catalog.find('sneaker', draft)).toEqual({ kind: 'unknown-rules-version', currentRulesVersion: filesVersion });
    expect((await repository.listRulesVersions('sneaker')).find((version) => version.rulesVersion === draft)).toMatchObject({ state: 'draft', publishedBy: null, message: null });
    expect(await versions.retire('sneaker', draft)).toMatchObject({ ok: false, error: { code: 'rules_version_draft' } });

    const published = await versions.publishStored('sneaker', draft, { message: 'Winter price' });
    expect(published).toMatchObject({ ok: true, rulesVersion: draft, state: 'published', superseded: [{ rulesVersion: filesVersion }] });
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(draft);
    expect((await catalog.find('sneaker', draft)).kind).toBe('found');
    expect((await repository.listRulesVersions('sneaker')).find((version) => version.rulesVersion === draft)).toMatchObject({ state: 'published', publishedBy: 'cli', message: 'Winter price' });
    expect((await repository.listAudit(10)).map((entry) => entry.action)).toEqual(['rules.published', 'rules.drafted']);
  });

  it('rolls back to the version current before, keeping both publications in the history with actor and message, audited', async () => {
    now = new Date('2026-12-01T11:00:00.000Z');
    const newer = made(await versions.publish('sneaker', repricedSources('139.00'), { message: 'Price rise' }));
    now = new Date('2026-12-01T12:00:00.000Z');
    const outcome = await versions.rollback('sneaker', undefined, { message: 'Price rise was a mistake', graceHours: 2 });
    expect(outcome).toMatchObject({ ok: true, rulesVersion: filesVersion, state: 'published', already: false, superseded: [{ rulesVersion: newer, acceptUntil: '2026-12-01T14:00:00.000Z' }] });
    expect(catalog.current.get('sneaker')?.entry.rulesVersion).toBe(filesVersion);
    const history = await repository.listRulesPublications('sneaker');
    expect(history.map(({ rulesVersion, action, actor, message }) => ({ rulesVersion, action, actor, message }))).toEqual([
      { rulesVersion: filesVersion, action: 'rolled-back', actor: 'cli', message: 'Price rise was a mistake' },
      { rulesVersion: newer, action: 'published', actor: 'cli', message: 'Price rise' },
      { rulesVersion: filesVersion, action: 'published', actor: 'files', message: 'First version, from the files in rules/ and models/' },
    ]);
    const audit = await repository.listAudit(10);
    expect(audit.map((entry) => [entry.action, entry.target, entry.actor])).toEqual([
      ['rules.rolled_back', `sneaker@${filesVersion}`, { kind: 'cli' }],
      ['rules.published', `sneaker@${newer}`, { kind: 'cli' }],
    ]);
    expect(audit[0]!.details).toMatchObject({ message: 'Price rise was a mistake', superseded: [newer] });

    // Rolling back again goes back to the newer one (the one current before), and a retired one can be named.
    expect(await versions.retire('sneaker', newer)).toMatchObject({ ok: true });
    expect(await versions.rollback('sneaker', newer, { message: 'Price rise after all' })).toMatchObject({ ok: true, rulesVersion: newer });
    expect(await versions.rollback('sneaker', newer, { message: 'twice' })).toMatchObject({ ok: true, already: true });
  });

  it('refuses to publish or roll back without a message, saying how to give one, and changes nothing', async () => {
    for (const outcome of [
      await versions.publish('sneaker', repricedSources('140.00'), { message: '  ' }),
      await versions.publish('sneaker', repricedSources('140.00'), {}),
      await versions.rollback('sneaker', undefined, {}),
    ]) {
      expect(outcome).toMatchObject({ ok: false, error: { status: 422, message: expect.stringMatching(/^a message is required to (publish|roll back)$/), hint: expect.stringContaining('--message "…"') } });
    }
    expect((await repository.listRulesVersions('sneaker')).map((version) => version.rulesVersion)).toEqual([filesVersion]);
  });

  it('refuses a rollback with nowhere to go, to a draft, and files of another product', async () => {
    expect(await versions.rollback('sneaker', undefined, { message: 'back' })).toMatchObject({ ok: false, error: { status: 409, code: 'no_earlier_rules_version' } });
    const draft = made(await versions.publish('sneaker', repricedSources('126.00'), { draft: true }));
    expect(await versions.rollback('sneaker', draft, { message: 'back' })).toMatchObject({ ok: false, error: { status: 409, code: 'rules_version_draft', hint: expect.stringContaining(`--version ${draft}`) } });
    expect(await versions.rollback('sneaker', 'ffff', { message: 'back' })).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await versions.publish('tshirt', repricedSources('126.00'), { message: 'wrong files' })).toMatchObject({ ok: false, error: { code: 'rules_problems', message: expect.stringContaining('of product "sneaker", not "tshirt"') } });
  });
});

describe('migration 011 on a database with several published versions of a product', () => {
  it('keeps the newest published, supersedes the others with a day of grace, and leaves other products alone', async () => {
    const { client, dispose } = await openTestPglite();
    try {
      await applyMigrations(client, readMigrations().filter((migration) => migration.version <= 10));
      // Before 010 every recorded row was published: three of the sneaker, one of the t-shirt.
      for (const [productId, rulesVersion, at] of [['sneaker', 'aaaa', '2026-10-01'], ['sneaker', 'cccc', '2026-11-01'], ['sneaker', 'bbbb', '2026-10-15'], ['tshirt', 'dddd', '2026-09-01']] as const) {
        await client.query("INSERT INTO catalog_entries (product_id, rules_version, entry, published_at) VALUES ($1, $2, '{}', $3::text::timestamptz)", [productId, rulesVersion, at]);
      }
      await applyMigrations(client);
      const rows = await client.query<{ product_id: string; rules_version: string; state: string; grace_hours: number | null }>(
        `SELECT product_id, rules_version, state, round(extract(epoch FROM accept_until - now()) / 3600)::int AS grace_hours
         FROM catalog_entries ORDER BY product_id, rules_version`,
      );
      expect(rows.map((row) => [row.product_id, row.rules_version, row.state, row.grace_hours])).toEqual([
        ['sneaker', 'aaaa', 'superseded', 24],
        ['sneaker', 'bbbb', 'superseded', 24],
        ['sneaker', 'cccc', 'published', null],
        ['tshirt', 'dddd', 'published', null],
      ]);
      // New rows are drafts.
      await client.query("INSERT INTO catalog_entries (product_id, rules_version, entry, published_at) VALUES ('sneaker', 'eeee', '{}', now())");
      expect(await client.query("SELECT state FROM catalog_entries WHERE rules_version = 'eeee'")).toEqual([{ state: 'draft' }]);
    } finally {
      await dispose();
    }
  }, 60_000);
});
