// `npm run rules -- diff`: the shipped sneaker rules against a copy with one rule added, over a
// temporary data directory seeded with orders and gallery designs, some of which the new rule
// refuses. The rule is written from a seeded order's own choices, so the test holds whatever the
// palettes and option lists are; what it expects is worked out here, not read from the report.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffJson } from '../../src/cli/diffCommand.ts';
import { runRulesCli } from '../../src/cli/rulesCli.ts';
import { canonicalKey, compileRules, createOrderDocument, formatMoney, type DesignDocument } from '../../src/domain/index.ts';
import { createAdminApp } from '../../src/server/adminApp.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import { openDataDirectory } from '../../src/server/openDataDirectory.ts';
import type { NewOrder } from '../../src/server/repository.ts';
import { formatOrderNumber, type OrderRecord } from '../../src/server/serverOrder.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import type { StoredDesigns } from '../../src/server/storedDesigns.ts';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { designFrom, distinctDesigns, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';

const root = resolve(import.meta.dirname, '../..');
const shipped = 'rules/sneaker.rules.yaml';
const entry = loadCatalogFromDisk(root).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const sneaker = productUnderTest(entry);
const DAY = 24 * 60 * 60 * 1000;

let temp: string;
let dataDir: string;
let changed: string;
/** The added rule: `when` one choice of the first seeded design, `excludes` another of its choices. */
let when: { attribute: string; option: string };
let excludes: { attribute: string; option: string };
let designs: DesignDocument[];
/** The recent orders the new rule refuses, as the test placed them: number and total. */
let refusedOrders: { orderNumber: string; total: number }[];
let recentOrders: number;
/** The total of the refused order placed 200 days ago. */
let oldOrderTotal: number;

const refusedByNewRule = (design: DesignDocument) => design.choices[when.attribute] === when.option && design.choices[excludes.attribute] === excludes.option;

function orderOf(design: DesignDocument, createdAt: Date, quantity: number): NewOrder {
  const { schema: _schema, status: _status, ...document } = createOrderDocument(entry, design, entry.product.sizes[0]!, quantity, createdAt);
  const record: OrderRecord = { status: 'received', ...document, updatedAt: createdAt.toISOString(), contact: { name: 'Ada', email: 'ada@example.com' }, previewImages: [] };
  const key = `key-${randomUUID()}`;
  return { id: randomUUID(), idempotencyKey: key, requestHash: 'hash', record, images: [] };
}

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'atelier-diff-'));
  designs = distinctDesigns(sneaker, 24, 7);
  const [first] = designs;
  const [a, b] = entry.product.attributes;
  when = { attribute: a!.id, option: first!.choices[a!.id]! };
  excludes = { attribute: b!.id, option: first!.choices[b!.id]! };
  // A few designs the new rule refuses (the first, and others with both its choices) and some it does not.
  const both = { [when.attribute]: when.option, [excludes.attribute]: excludes.option };
  const third = entry.product.attributes[2]!.id;
  const alike = sneaker.space.domains(both).get(third)!.filter((option) => option !== first!.choices[third]).slice(0, 2).map((option) => designFrom(sneaker, { ...both, [third]: option }));
  designs = [first!, ...alike, ...designs.filter((design) => !refusedByNewRule(design)).slice(0, 6)];
  // A copy of the project's sneaker files with one rule added at the top of the rules.
  mkdirSync(join(temp, 'rules'));
  cpSync(join(root, 'models/sneaker'), join(temp, 'models/sneaker'), { recursive: true });
  const rule = [
    '  - id: diff-test-rule',
    '    kind: excludes',
    `    message: The test forbids ${when.option} with ${excludes.option}.`,
    `    when: { ${when.attribute}: ${when.option} }`,
    `    excludes: { ${excludes.attribute}: ${excludes.option} }`,
    '',
  ].join('\n');
  const text = readFileSync(join(root, shipped), 'utf8');
  changed = join(temp, 'rules/sneaker.rules.yaml');
  writeFileSync(changed, text.replace(/^rules:\n/m, `rules:\n${rule}`));

  dataDir = join(temp, 'data');
  const client = await openDataDirectory(dataDir);
  try {
    await applyMigrations(client);
    const repository = createSqlRepository(client);
    const now = Date.now();
    refusedOrders = [];
    recentOrders = 0;
    for (const [index, design] of designs.entries()) {
      const order = orderOf(design, new Date(now - (index + 1) * DAY), 1 + (index % 3));
      const placed = await repository.placeOrder(order);
      recentOrders++;
      if (refusedByNewRule(design)) refusedOrders.push({ orderNumber: formatOrderNumber(placed.order.seq), total: order.record.price.total });
    }
    // An order refused by the rule but placed before the 90 days: not counted by default.
    const old = orderOf(designs[0]!, new Date(now - 200 * DAY), 1);
    oldOrderTotal = old.record.price.total;
    await repository.placeOrder(old);
    for (const [index, design] of [designs[0]!, designs.at(-1)!].entries()) {
      await repository.submitCandidate({
        id: randomUUID(), productId: 'sneaker', rulesVersion: design.rulesVersion, canonicalKey: canonicalKey(design), design, title: index === 0 ? 'Refused runner' : 'Kept runner',
        thumbnail: pngFile(3, 3), submittedBy: 'voter-a', createdAt: new Date(now - DAY).toISOString(),
      });
    }
  } finally {
    await client.close();
  }
}, 120_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRulesCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, root, { ATELIER_DATA_DIR: dataDir });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('rules diff', () => {
  it('prints the exact counts before and after, the added rule, and the stored orders and gallery designs it refuses', async () => {
    const result = await run('diff', shipped, changed);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const space = compileRules(entry.product, entry.ruleSet);
    const before = space.count({});
    // The added rule removes exactly the designs with both choices.
    const after = before - space.count({ [when.attribute]: when.option, [excludes.attribute]: excludes.option });
    const digits = (value: bigint) => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(result.stdout).toContain(`Designs possible: ${digits(before)} before, ${digits(after)} after`);
    expect(result.stdout).toMatch(/added +diff-test-rule \(excludes\)/);
    expect(result.stdout).toContain(`${refusedOrders.length} of ${recentOrders} orders would be refused as they are`);
    expect(refusedOrders.length).toBeGreaterThan(0);
    for (const order of refusedOrders) expect(result.stdout).toMatch(new RegExp(`${order.orderNumber} +${escape(formatMoney(order.total, entry.product.currency))} +diff-test-rule`));
    expect(result.stdout).toContain('Gallery designs: 1 of 2 designs would be refused as they are');
    expect(result.stdout).toMatch(/"Refused runner" +diff-test-rule/);
    expect(result.stdout).not.toContain('Kept runner');
  });

  it('--json gives the same report for tools, counts as exact decimal strings', async () => {
    const result = await run('diff', shipped, changed, '--json', '--days', '365');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DiffJson;
    const space = compileRules(entry.product, entry.ruleSet);
    expect(BigInt(report.designs.before)).toBe(space.count({}));
    expect(BigInt(report.designs.before) - BigInt(report.designs.after)).toBe(space.count({ [when.attribute]: when.option, [excludes.attribute]: excludes.option }));
    expect(report.rules).toEqual({ added: [expect.objectContaining({ id: 'diff-test-rule', kind: 'excludes' })], removed: [], changed: [] });
    // With a year, the old order counts too.
    expect(report.impact!.orders.checked).toBe(recentOrders + 1);
    expect(report.impact!.orders.refused).toBe(refusedOrders.length + 1);
    expect(report.impact!.orders.refusedBefore).toBe(0);
    expect(report.impact!.orders.examples.length).toBe(Math.min(5, refusedOrders.length + 1));
    expect(report.impact!.orders.examples[0]!.rules.map((rule) => rule.ruleId)).toEqual(['diff-test-rule']);
    expect(report.impact!.orders.refusedValue).toEqual([{ currency: entry.product.currency, total: refusedOrders.reduce((sum, order) => sum + order.total, oldOrderTotal) }]);
    expect(report.impact!.candidates).toMatchObject({ checked: 2, refused: 1 });
  });

  it('--no-data compares the files only, without a database', async () => {
    const out: string[] = [];
    const code = await runRulesCli(['diff', shipped, changed, '--no-data'], { out: (text) => out.push(text), err: () => {} }, root, { ATELIER_DATA_DIR: join(temp, 'no-such-folder') });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('not checked (--no-data)');
    const same = await run('diff', shipped, shipped, '--no-data');
    expect(same.stdout).toContain('no change');
    expect(same.stdout).toContain('no rule added, removed or changed');
  });

  it('says how to fix a missing database, a version never published, and a wrong command line', async () => {
    const missing = await runRulesCli(['diff', shipped, changed], { out: () => {}, err: (text) => expect(text).toMatch(/--no-data/) }, root, { ATELIER_DATA_DIR: join(temp, 'no-such-folder') });
    expect(missing).toBe(1);
    const unknown = await run('diff', 'sneaker@0123456789abcdef', changed);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('npm run rules -- versions sneaker');
    const help = await run('diff', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('diff <from> <to> [--days N] [--no-data]');
    const usage = await run('diff', shipped);
    expect(usage.code).toBe(2);
    expect((await run('diff', shipped, changed, '--days', 'many')).stderr).toContain('--days needs a whole number');
  });
});

describe('the admin API for rules diff', () => {
  it('answers the stored designs and published versions, read-only', async () => {
    const client = await openDataDirectory(dataDir, { create: false });
    try {
      const repository = createSqlRepository(client);
      await repository.publishCatalogEntry(entry, new Date());
      const app = createAdminApp({ token: 'x'.repeat(32), status: () => ({}), designs: repository });
      const headers = { Authorization: `Bearer ${'x'.repeat(32)}` };
      const since = new Date(Date.now() - 90 * DAY).toISOString();
      const answer = await app.request(`/admin/orders/designs?since=${encodeURIComponent(since)}&product=sneaker`, { headers });
      expect(answer.status).toBe(200);
      const stored = await answer.json() as StoredDesigns;
      expect(stored.orders.length).toBe(recentOrders);
      expect(stored.candidates.map((candidate) => candidate.title).sort()).toEqual(['Kept runner', 'Refused runner']);
      expect((await app.request('/admin/orders/designs?since=yesterday', { headers })).status).toBe(422);
      const version = await app.request(`/admin/catalog/sneaker/${entry.rulesVersion}`, { headers });
      expect(((await version.json()) as { entry: { rulesVersion: string } }).entry.rulesVersion).toBe(entry.rulesVersion);
      expect((await app.request('/admin/catalog/sneaker/0000000000000000', { headers })).status).toBe(404);
    } finally {
      await client.close();
    }
  });
});

describe('rules diff while a server holds the data directory', () => {
  it('reads the orders through the server\'s admin API, and a published version by name', async () => {
    const server = await startServerProcess({ ATELIER_DATA_DIR: dataDir }, 180_000);
    try {
      const result = await run('diff', `sneaker@${entry.rulesVersion}`, changed);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`sneaker@${entry.rulesVersion} (${entry.rulesVersion})`);
      expect(result.stdout).toContain(`(through the running server, process ${server.child.pid}): ${refusedOrders.length} of ${recentOrders} orders would be refused as they are`);
      expect(result.stdout).toMatch(/"Refused runner" +diff-test-rule/);
    } finally {
      await server.stop('SIGTERM');
    }
  }, 240_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
