// POST /api/staff/studio/:productId/impact: a draft compared with the published version, on the
// real app and a real PGlite with stored orders. A draft that stops making a sole pairing names the
// stored order with that pairing, its value and the rule that now refuses it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderDocument, formatMoney } from '../../src/domain/index.ts';
import type { RulesImpact } from '../../src/server/rulesImpact.ts';
import { formatOrderNumber, type OrderRecord } from '../../src/server/serverOrder.ts';
import { designFrom, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';

const productText = readFileSync('models/sneaker/product.yaml', 'utf8');
const rulesText = readFileSync('rules/sneaker.rules.yaml', 'utf8');
// The draft no longer bonds a cupsole to a crepe outsole: one row of `sole-pairing` gone.
const pairingRow = '      - [cupsole-rubber, crepe]\n';
const draftRules = rulesText.replace(pairingRow, '');

describe('the impact of a studio draft', () => {
  let t: TestApp;
  let merchandiser: StaffBrowser;
  let refusedOrder: { number: string; total: number; currency: string };
  const now = new Date('2026-11-25T12:00:00.000Z');

  const compare = (body: unknown, browser: StaffBrowser = merchandiser, productId = 'sneaker') =>
    t.app.request(`/api/staff/studio/${productId}/impact`, { method: 'POST', headers: browser.writeHeaders(), body: JSON.stringify(body) });

  beforeAll(async () => {
    expect(draftRules).not.toBe(rulesText);
    t = await startTestApp();
    merchandiser = await sessionFor(t.repository, await addAccount(t.repository, 'merch@shop.example', ['merchandiser']), now);
    const product = productUnderTest(t.entry);
    const place = async (id: string, choices: Record<string, string>, createdAt: Date) => {
      const { schema: _schema, status: _status, ...document } = createOrderDocument(t.entry, designFrom(product, choices), t.entry.product.sizes[0]!, 2, createdAt);
      const record: OrderRecord = { status: 'received', ...document, updatedAt: createdAt.toISOString(), contact: { name: 'Ada', email: 'ada@example.com' }, previewImages: [] };
      return (await t.repository.placeOrder({ id, idempotencyKey: `impact-${id}`, requestHash: 'h', record, images: [] })).order;
    };
    const crepe = await place('order-crepe', { 'midsole.material': 'cupsole-rubber', 'outsole.material': 'crepe' }, new Date('2026-11-20T10:00:00Z'));
    await place('order-rubber', { 'midsole.material': 'cupsole-rubber', 'outsole.material': 'rubber' }, new Date('2026-11-21T10:00:00Z'));
    // Too old for a 30-day look, inside the default 90 days.
    await place('order-old-crepe', { 'midsole.material': 'cupsole-rubber', 'outsole.material': 'crepe' }, new Date('2026-09-15T10:00:00Z'));
    const record = (await t.repository.listOrdersSince(new Date(0), 10)).orders.find((order) => order.id === 'order-crepe')!.record;
    refusedOrder = { number: formatOrderNumber(crepe.seq), total: record.price.total, currency: record.price.currency };
  }, 60_000);
  afterAll(() => t?.dispose());

  it('names the stored order the draft would refuse, with its value and the rule that refuses it', async () => {
    const before = t.jobs.stats().started.compareRules;
    const response = await compare({ product: productText, rules: draftRules, days: 30 });
    expect(response.status).toBe(200);
    // On a worker thread: loading and compiling a draft holds a CPU for a while.
    expect(t.jobs.stats().started.compareRules).toBe(before + 1);
    const answer = await response.json() as RulesImpact;
    expect(answer.from.rulesVersion).toBe(t.entry.rulesVersion);
    expect(answer.to.rulesVersion).not.toBe(t.entry.rulesVersion);
    expect(BigInt(answer.designs.after)).toBeLessThan(BigInt(answer.designs.before));
    expect(answer.rules.changed.map((rule) => rule.id)).toEqual(['sole-pairing']);
    expect(answer.impact.days).toBe(30);
    expect(answer.impact.orders).toMatchObject({ checked: 2, refused: 1, refusedBefore: 0, refusedValue: [{ currency: refusedOrder.currency, total: refusedOrder.total }] });
    const [example] = answer.impact.orders.examples;
    expect(example).toMatchObject({ name: refusedOrder.number, total: refusedOrder.total, currency: refusedOrder.currency });
    expect(example!.rules.map((rule) => rule.ruleId)).toEqual(['sole-pairing']);
    expect(formatMoney(example!.total!, example!.currency!)).toMatch(/\d/);
  });

  it('judges the orders of the last 90 days when the request does not say', async () => {
    const answer = await (await compare({ product: productText, rules: draftRules })).json() as RulesImpact;
    expect(answer.impact.days).toBe(90);
    expect(answer.impact.orders).toMatchObject({ checked: 3, refused: 2 });
  });

  it('names options by their labels, the removed pairing no longer possible for no option', async () => {
    const answer = await (await compare({ product: productText, rules: draftRules })).json() as RulesImpact;
    expect(answer.names.attributes['outsole.material']).toMatch(/outsole/i);
    expect(answer.names.options['outsole.material']!.crepe).toMatch(/crepe/i);
    // Crepe is still made on cork, so no option is lost: the pairing alone is.
    expect(answer.options.flatMap((entry) => entry.lost)).toEqual([]);
  });

  it('finds nothing refused for the published files themselves', async () => {
    const answer = await (await compare({ product: productText, rules: rulesText })).json() as RulesImpact;
    expect(answer.to.rulesVersion).toBe(t.entry.rulesVersion);
    expect(answer.designs.after).toBe(answer.designs.before);
    expect(answer.rules).toEqual({ added: [], removed: [], changed: [] });
    expect(answer.impact.orders.refused).toBe(0);
  });

  it('answers 422 with each problem at its line when the draft does not load', async () => {
    const response = await compare({ product: productText, rules: rulesText.replace('kind: requires', 'kind: requirez') });
    expect(response.status).toBe(422);
    const { error } = await response.json() as { error: { code: string; problems: { message: string; location?: { line: number } }[] } };
    expect(error.code).toBe('rules_problems');
    expect(error.problems[0]!.location!.line).toBeGreaterThan(1);
  });

  it('refuses a bad request with what to send, and an unknown product with the known ones', async () => {
    const badDays = await compare({ product: productText, rules: rulesText, days: 0 });
    expect(badDays.status).toBe(422);
    expect(JSON.stringify(await badDays.json())).toContain('days');
    const extra = await compare({ product: productText, rules: rulesText, message: 'hi' });
    expect(extra.status).toBe(422);
    const unknown = await compare({ product: productText, rules: rulesText }, merchandiser, 'sandal');
    expect(unknown.status).toBe(404);
  });

  it('is refused to a designer and to a write without the CSRF token', async () => {
    const designer = await sessionFor(t.repository, await addAccount(t.repository, 'designer@shop.example', ['designer']), now);
    expect((await compare({ product: productText, rules: draftRules }, designer)).status).toBe(403);
    const withoutToken = await t.app.request('/api/staff/studio/sneaker/impact', { method: 'POST', headers: { ...merchandiser.writeHeaders(), 'X-CSRF-Token': 'nope' }, body: JSON.stringify({ product: productText, rules: draftRules }) });
    expect(withoutToken.status).toBe(403);
  });
});
