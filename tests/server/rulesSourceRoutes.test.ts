// GET /api/staff/rules/:productId/sources: the files of the current rules version, for the rules
// studio. From the database when the version's files were recorded; from the project's files when
// they make that very version; otherwise a 404 that says how to get the files recorded.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesVersionOf, type CatalogEntry } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import type { RulesSourcesAnswer } from '../../src/server/staff/rulesSourceRoutes.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, sessionFor } from './support/staffSessions.ts';

const onDisk = loadCatalogFromDisk(process.cwd()).entries;

describe('the files of the current rules version', () => {
  let t: TestApp;
  let cookie: string;
  const now = new Date('2026-11-25T12:00:00.000Z');
  const read = (productId: string) => t.app.request(`/api/staff/rules/${productId}/sources`, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await sessionFor(t.repository, await addAccount(t.repository, 'merch@shop.example', ['merchandiser']), now)).cookie;
  }, 60_000);
  afterAll(() => t?.dispose());

  it('answers the project files when they make the current version', async () => {
    const response = await read('sneaker');
    expect(response.status).toBe(200);
    const answer = await response.json() as RulesSourcesAnswer;
    expect(answer).toEqual({
      rulesVersion: t.entry.rulesVersion,
      product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') },
      rules: { file: 'rules/sneaker.rules.yaml', text: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
      tables: {},
    });
  });

  it('answers the recorded files first', async () => {
    const recorded = {
      productId: 'sneaker', rulesVersion: t.entry.rulesVersion,
      product: { file: 'models/sneaker/product.yaml', text: `# as published\n${readFileSync('models/sneaker/product.yaml', 'utf8')}` },
      rules: { file: 'rules/sneaker.rules.yaml', text: `# as published\n${readFileSync('rules/sneaker.rules.yaml', 'utf8')}` },
    };
    await t.repository.recordRulesSources(recorded);
    const answer = await (await read('sneaker')).json() as RulesSourcesAnswer;
    expect(answer.product.text).toBe(recorded.product.text);
    expect(answer.rules.text).toBe(recorded.rules.text);
  });

  it('answers 404 with how to fix it when neither the database nor the project has the current version\'s files', async () => {
    const sneaker = onDisk.find((entry) => entry.product.id === 'sneaker')!;
    const product = { ...sneaker.product, basePrice: sneaker.product.basePrice + 500 };
    const next: CatalogEntry = { ...sneaker, product, rulesVersion: rulesVersionOf(product, sneaker.ruleSet) };
    await t.repository.publishCatalogEntry(next, now);
    await t.repository.makeCurrentRulesVersion('sneaker', next.rulesVersion, now, 3600);
    await t.republish([next, ...onDisk.filter((entry) => entry.product.id !== 'sneaker')]);
    const response = await read('sneaker');
    expect(response.status).toBe(404);
    const { error } = await response.json() as { error: { message: string; hint: string } };
    expect(error.message).toContain(next.rulesVersion);
    expect(error.message).toContain(sneaker.rulesVersion);
    expect(error.hint).toContain('npm run rules -- publish sneaker');
  });

  it('answers 404 naming the products for an unknown product', async () => {
    const response = await read('sandal');
    expect(response.status).toBe(404);
    const { error } = await response.json() as { error: { hint: string } };
    expect(error.hint).toContain('sneaker');
  });
});
