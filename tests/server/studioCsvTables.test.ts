// A product whose rules keep a table in a CSV file (`rows: { csv: … }`), through the rules studio
// end to end on the real app: started from files on disk (the table recorded with the version),
// its sources served with the table, a draft with an edited table saved and restored, checked in
// the studio's worker protocol (a bad cell is a diagnostic at the CSV's line and column), compared
// with the published version, refused while a cell is bad, and published: the served version
// then follows the new table.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/domain/index.ts';
import type { Draft } from '../../src/domain/studio/index.ts';
import { openCatalog } from '../../src/server/catalog.ts';
import { catalogEntryFromSources, loadCatalogFromDisk, readCatalogSources } from '../../src/server/catalogFiles.ts';
import { serveStudioChecks } from '../../src/views/staff/studio/serveStudioChecks.ts';
import { createStudioChecker } from '../../src/views/staff/studio/studioChecker.ts';
import type { StudioAnswer, StudioCheckAnswer, StudioCheckRequest, StudioEndpoint } from '../../src/views/staff/studio/studioProtocol.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

const TABLE = 'sneaker.sole-colours.csv';
const TABLE_FILE = `rules/${TABLE}`;
const productYaml = readFileSync('models/sneaker/product.yaml', 'utf8');
/** The shipped rules with the midsole and outsole colour pairings moved to a CSV file beside them. */
const rulesYaml = readFileSync('rules/sneaker.rules.yaml', 'utf8').replace(
  /( {4}attributes: \[midsole\.colour, outsole\.colour\]\n {4}rows:\n)(?: {6}- \[.*\]\n)+/,
  (_whole, head: string) => `${head.replace('rows:\n', `rows: { csv: ${TABLE} }\n`)}`,
);
/** The pairings as a spreadsheet exports them (one fewer than the shipped rules: a version of its own). */
const table = [
  'midsole.colour,outsole.colour',
  'gum,gum', 'optic-white,optic-white', 'optic-white,black', 'optic-white,gum', 'chalk,gum', 'chalk,black', 'chalk,natural',
  'optic-white,natural', 'black,black', 'grey,black', 'grey,optic-white', 'volt,black', 'volt,optic-white', 'natural,natural',
].join('\n') + '\n';
/** Grey midsoles only on black outsoles from now on. */
const editedTable = table.replace('grey,optic-white\n', '');
/** A typo in a cell: line 3, column 13. */
const badTable = table.replace('optic-white,optic-white', 'optic-white,optic-whit');

interface Studio {
  published: { rulesVersion: string; rules: { file: string; text: string }; tables: Record<string, string> };
  myDraft: { basedOn: string; revision: number; product: string; rules: string; tables: Record<string, string> } | null;
}
interface Refusal { error: { code: string; problems?: { path: string; message: string }[] } }
interface TableRule { id: string; rows?: string[][] }

describe('the rules studio on a product whose rules keep a table in a CSV file', () => {
  let t: TestApp;
  let mia: StaffBrowser;
  let root: string;
  let started: CatalogEntry;

  const get = async <T>(path: string) => {
    const response = await t.app.request(path, { headers: { Cookie: mia.cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const send = (method: string, path: string, body: unknown) => t.app.request(path, { method, headers: mia.writeHeaders(), body: JSON.stringify(body) });
  const pairingsServed = async () => {
    const entry = await get<{ rulesVersion: string; ruleSet: { rules: TableRule[] } }>('/api/catalog/sneaker');
    return { rulesVersion: entry.rulesVersion, rows: entry.ruleSet.rules.find((rule) => rule.id === 'gum-on-gum')!.rows! };
  };

  beforeAll(async () => {
    t = await startTestApp();
    mia = await sessionFor(t.repository, await addAccount(t.repository, 'mia@shop.example', ['merchandiser']), new Date('2026-12-07T09:00:00.000Z'));
    // The project's files on disk, as the server starts from them: the table beside the rules file.
    root = mkdtempSync(join(tmpdir(), 'atelier-csv-'));
    mkdirSync(join(root, 'models', 'sneaker'), { recursive: true });
    mkdirSync(join(root, 'rules'));
    writeFileSync(join(root, 'models', 'sneaker', 'product.yaml'), productYaml);
    writeFileSync(join(root, 'rules', 'sneaker.rules.yaml'), rulesYaml);
    writeFileSync(join(root, TABLE_FILE), table);
    const sources = readCatalogSources(root, 'sneaker')!;
    const loaded = catalogEntryFromSources(process.cwd(), sources, { strict: true });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    started = loaded.entry;
    const entries = [started, ...loadCatalogFromDisk(process.cwd()).entries.filter((entry) => entry.product.id !== 'sneaker')];
    // Started on these files: the version is published with its files, the table among them.
    (await openCatalog(entries, t.repository, new Date('2026-12-07T08:00:00.000Z'), { sourcesOf: (entry) => readCatalogSources(root, entry.product.id) })).close();
    await t.republish(entries);
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('reads the tables a rules file names beside it, and serves a version started from them with its table', async () => {
    expect(readCatalogSources(root, 'sneaker')?.tables).toEqual({ [TABLE]: table });
    expect(await pairingsServed()).toMatchObject({ rulesVersion: started.rulesVersion });
    const sources = await get<{ rulesVersion: string; rules: { text: string }; tables: Record<string, string> }>('/api/staff/rules/sneaker/sources');
    expect(sources).toMatchObject({ rulesVersion: started.rulesVersion, rules: { text: rulesYaml }, tables: { [TABLE]: table } });
    const studio = await get<Studio>('/api/staff/studio/sneaker');
    expect(studio.published.tables).toEqual({ [TABLE]: table });
  });

  it('saves a draft with an edited table and restores it with the table', async () => {
    const saved = await send('PUT', '/api/staff/studio/sneaker/draft', { basedOn: started.rulesVersion, revision: 0, product: productYaml, rules: rulesYaml, tables: { [TABLE]: editedTable } });
    expect(saved.status).toBe(200);
    expect((await get<Studio>('/api/staff/studio/sneaker')).myDraft).toMatchObject({ revision: 1, rules: rulesYaml, tables: { [TABLE]: editedTable } });
    const unnamed = await send('PUT', '/api/staff/studio/sneaker/draft', { basedOn: started.rulesVersion, revision: 1, product: productYaml, rules: rulesYaml, tables: { '../secrets.csv': 'x' } });
    expect(unnamed.status).toBe(422);
  });

  it('checks the restored draft in the studio\'s worker: a bad cell is a diagnostic at the table\'s line and column', async () => {
    const { myDraft } = await get<Studio>('/api/staff/studio/sneaker');
    const draft: Draft = { product: { file: 'models/sneaker/product.yaml', text: myDraft!.product }, rules: { file: 'rules/sneaker.rules.yaml', text: myDraft!.rules }, tables: myDraft!.tables };
    const good = await checkInWorker(draft);
    expect(good.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(good.rulesVersion).not.toBe(started.rulesVersion);
    const bad = await checkInWorker({ ...draft, tables: { [TABLE]: badTable } });
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ file: TABLE_FILE, line: 3, column: 13, severity: 'error', message: expect.stringContaining('"optic-whit"') }));
    expect(bad.rulesVersion).toBeNull();
  }, 30_000);

  it('compares the draft with its edited table with the published version, and says where a bad cell is', async () => {
    const compared = await send('POST', '/api/staff/studio/sneaker/impact', { product: productYaml, rules: rulesYaml, tables: { [TABLE]: editedTable } });
    expect(compared.status).toBe(200);
    const impact = (await compared.json()) as { from: { rulesVersion: string }; designs: { before: string; after: string }; rules: { changed: { id: string }[] } };
    expect(impact.from.rulesVersion).toBe(started.rulesVersion);
    expect(impact.rules.changed.map((rule) => rule.id)).toEqual(['gum-on-gum']);
    expect(BigInt(impact.designs.after)).toBeLessThan(BigInt(impact.designs.before));
    const bad = await send('POST', '/api/staff/studio/sneaker/impact', { product: productYaml, rules: rulesYaml, tables: { [TABLE]: badTable } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Refusal).error.problems?.[0]).toMatchObject({ message: expect.stringContaining('"optic-whit"') });
  }, 30_000);

  it('refuses to publish a draft whose table has a bad cell, naming the table\'s file:line:column, and publishes the edited table', async () => {
    const bad = await send('PUT', '/api/staff/studio/sneaker/draft', { basedOn: started.rulesVersion, revision: 1, product: productYaml, rules: rulesYaml, tables: { [TABLE]: badTable } });
    expect(bad.status).toBe(200);
    const refused = await send('POST', '/api/staff/studio/sneaker/publish', { message: 'Grey midsoles on black soles only' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Refusal).error.problems?.map((problem) => problem.message)).toContainEqual(expect.stringMatching(new RegExp(`^${TABLE_FILE}:3:13 .*"optic-whit"`)));

    expect((await send('PUT', '/api/staff/studio/sneaker/draft', { basedOn: started.rulesVersion, revision: 2, product: productYaml, rules: rulesYaml, tables: { [TABLE]: editedTable } })).status).toBe(200);
    const published = await send('POST', '/api/staff/studio/sneaker/publish', { message: 'Grey midsoles on black soles only' });
    expect(published.status).toBe(200);
    const { rulesVersion } = (await published.json()) as { rulesVersion: string };
    const served = await pairingsServed();
    expect(served.rulesVersion).toBe(rulesVersion);
    expect(served.rows).toContainEqual(['grey', 'black']);
    expect(served.rows).not.toContainEqual(['grey', 'optic-white']);
    // The version keeps its table: the studio opens it again as it was published.
    expect((await get<{ tables: Record<string, string> }>('/api/staff/rules/sneaker/sources')).tables).toEqual({ [TABLE]: editedTable });
  }, 30_000);

  it('publishes through the staff API with the tables sent, and records them with the version', async () => {
    const withGum = editedTable.replace('black,black\n', 'black,black\nblack,gum\n');
    const response = await send('POST', '/api/staff/rules/sneaker/versions', { productYaml, rulesYaml, tables: { [TABLE]: withGum }, message: 'Black midsoles on gum soles again' });
    expect(response.status).toBe(200);
    expect((await pairingsServed()).rows).toContainEqual(['black', 'gum']);
    expect((await get<{ tables: Record<string, string> }>('/api/staff/rules/sneaker/sources')).tables).toEqual({ [TABLE]: withGum });
  }, 30_000);
});

/** One check of a draft through the studio worker's protocol (the worker's handler on one port of a real message channel, the page's checker on the other). */
async function checkInWorker(draft: Draft): Promise<StudioCheckAnswer> {
  const channel = new MessageChannel();
  try {
    serveStudioChecks(channel.port1 as unknown as StudioEndpoint<StudioCheckRequest, StudioAnswer>);
    const answer = await new Promise<StudioAnswer>((resolve) => {
      createStudioChecker(channel.port2 as unknown as StudioEndpoint<StudioAnswer, StudioCheckRequest>, resolve).check(draft);
    });
    if (answer.type !== 'checked') throw new Error(answer.message);
    return answer;
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}
