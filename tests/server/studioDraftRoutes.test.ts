// The rules studio's drafts over HTTP, as two signed-in merchandisers: saving over the revision
// read (a second tab is refused with the stored draft), seeing who else is editing, discarding,
// and publishing — refused for strict-lint problems, failing examples, or a product published
// again since the draft started (with the three texts), and otherwise published, served at once,
// the draft deleted and audited. And the hand-over of issue 14: a designer makes a colourway into
// their own draft, a merchandiser sees what it adds, reads it, continues from it and publishes it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey } from '../../src/domain/index.ts';
import { MAX_RULES_SOURCE_LENGTH, MAX_RULES_TABLES_LENGTH } from '../../src/domain/staff/index.ts';
import { distinctDesigns, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';

const productYaml = readFileSync('models/sneaker/product.yaml', 'utf8');
const rulesYaml = readFileSync('rules/sneaker.rules.yaml', 'utf8');
const renamed = (name: string) => productYaml.replace(/^name: .*$/m, `name: ${name}`);

interface Studio {
  published: { rulesVersion: string; product: { file: string; text: string }; rules: { file: string; text: string }; tables: Record<string, string> };
  myDraft: { basedOn: string; revision: number; product: string; rules: string; updatedAt: string } | null;
  othersEditing: { id: string; email: string; updatedAt: string; basedOn: string; colourwaysAdded: string[] }[];
}
interface Refusal { error: { code: string; message: string; hint: string; problems?: { path: string; message: string }[] } }

describe('the studio\'s drafts and publishing', () => {
  let t: TestApp;
  let mia: StaffBrowser;
  let miaId: string;
  let noa: StaffBrowser;
  const open = async (who: StaffBrowser) => (await (await t.app.request('/api/staff/studio/sneaker', { headers: { Cookie: who.cookie } })).json()) as Studio;
  const save = (who: StaffBrowser, body: unknown, headers = who.writeHeaders()) => t.app.request('/api/staff/studio/sneaker/draft', { method: 'PUT', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const publish = (who: StaffBrowser, body: unknown) => t.app.request('/api/staff/studio/sneaker/publish', { method: 'POST', headers: who.writeHeaders(), body: JSON.stringify(body) });
  const discard = (who: StaffBrowser) => t.app.request('/api/staff/studio/sneaker/draft', { method: 'DELETE', headers: who.writeHeaders() });
  const current = async () => (await t.repository.listRulesVersions('sneaker')).find((version) => version.state === 'published')!.rulesVersion;
  /** The version the serving catalog offers (the staff Rules page's current one). */
  const served = async () => {
    const { products } = (await (await t.app.request('/api/staff/rules', { headers: { Cookie: mia.cookie } })).json()) as { products: { id: string; rulesVersions: { rulesVersion: string; current: boolean }[] }[] };
    return products.find((product) => product.id === 'sneaker')!.rulesVersions.find((version) => version.current)!.rulesVersion;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const at = new Date('2026-12-07T09:00:00.000Z');
    const miaAccount = await addAccount(t.repository, 'mia@shop.example', ['merchandiser']);
    miaId = miaAccount.id;
    mia = await sessionFor(t.repository, miaAccount, at);
    noa = await sessionFor(t.repository, await addAccount(t.repository, 'noa@shop.example', ['merchandiser']), at);
  }, 60_000);
  afterAll(() => t?.dispose());

  it('opens the published files with no draft, then my saved draft, and tells the other merchandiser I am editing', async () => {
    const opened = await open(mia);
    expect(opened).toEqual({ published: { rulesVersion: (await current()), product: { file: 'models/sneaker/product.yaml', text: productYaml }, rules: { file: 'rules/sneaker.rules.yaml', text: rulesYaml }, tables: {} }, myDraft: null, othersEditing: [] });

    const saved = await save(mia, { basedOn: (await current()), revision: 0, product: renamed('Court Sneaker II'), rules: rulesYaml });
    expect(saved.status).toBe(200);
    const { draft } = (await saved.json()) as { draft: NonNullable<Studio['myDraft']> };
    expect(draft).toMatchObject({ basedOn: (await current()), revision: 1, product: renamed('Court Sneaker II'), rules: rulesYaml });

    expect((await open(mia)).myDraft).toEqual(draft);
    const seenByNoa = await open(noa);
    expect(seenByNoa.myDraft).toBeNull();
    expect(seenByNoa.othersEditing).toEqual([{ id: miaId, email: 'mia@shop.example', updatedAt: draft.updatedAt, basedOn: (await current()), colourwaysAdded: [] }]);
    expect((await open(mia)).othersEditing).toEqual([]);
  });

  it('refuses a save over a revision another tab has replaced, answering the stored draft', async () => {
    const second = await save(mia, { basedOn: (await current()), revision: 1, product: renamed('Court Sneaker III'), rules: rulesYaml });
    expect(second.status).toBe(200);
    const stale = await save(mia, { basedOn: (await current()), revision: 1, product: renamed('Stale tab'), rules: rulesYaml });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as Refusal & { draft: Studio['myDraft'] };
    expect(body.error.code).toBe('draft_changed');
    expect(body.draft).toMatchObject({ revision: 2, product: renamed('Court Sneaker III') });
    expect((await open(mia)).myDraft).toMatchObject({ revision: 2, product: renamed('Court Sneaker III') });
  });

  it('refuses a draft that is not one: a version the product never had, a missing field, too large a body, no CSRF token', async () => {
    const unknownVersion = await save(mia, { basedOn: '0123456789abcdef', revision: 2, product: productYaml, rules: rulesYaml });
    expect(unknownVersion.status).toBe(422);
    expect(((await unknownVersion.json()) as Refusal).error.problems?.[0]?.path).toBe('basedOn');
    const missing = await save(mia, { basedOn: (await current()), revision: 2, product: productYaml });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Refusal).error.message).toContain('"rules" is missing');
    // Beyond the largest draft: both files and every table at their largest.
    const huge = await save(mia, { basedOn: (await current()), revision: 2, product: 'x'.repeat(MAX_RULES_SOURCE_LENGTH * 3 + MAX_RULES_TABLES_LENGTH * 2), rules: rulesYaml });
    expect(huge.status).toBe(413);
    const { 'X-CSRF-Token': _token, ...withoutCsrf } = mia.writeHeaders();
    expect((await save(mia, { basedOn: (await current()), revision: 2, product: productYaml, rules: rulesYaml }, withoutCsrf)).status).toBe(403);
    expect((await open(mia)).myDraft?.revision).toBe(2);
  });

  it('refuses to publish a draft with strict-lint problems or failing examples, publishing nothing and keeping the draft', async () => {
    const before = await current();
    await save(mia, { basedOn: before, revision: 2, product: productYaml, rules: rulesYaml.replace('kind: requires', 'kind: requirez') });
    const broken = await publish(mia, { message: 'typo' });
    expect(broken.status).toBe(422);
    const lint = (await broken.json()) as Refusal;
    expect(lint.error.code).toBe('rules_problems');
    expect(lint.error.problems?.[0]?.message).toMatch(/^rules\/sneaker\.rules\.yaml:\d+:\d+ /);

    const failingExample = `${rulesYaml.trimEnd()}\n  - name: a knit upper may be lined with leather\n    design: { vamp.material: knit, lining.material: leather }\n    valid: true\n`;
    const line = failingExample.split('\n').findIndex((text) => text.includes('may be lined with leather')) + 1;
    await save(mia, { basedOn: before, revision: 3, product: productYaml, rules: failingExample });
    const failing = await publish(mia, { message: 'leather everywhere' });
    expect(failing.status).toBe(422);
    const examples = (await failing.json()) as Refusal;
    expect(examples.error.code).toBe('examples_failed');
    expect(examples.error.problems).toEqual([expect.objectContaining({ path: `rules/sneaker.rules.yaml:${line}:5`, message: expect.stringContaining('example "a knit upper may be lined with leather" failed: expected a valid design, but the choices conflict: refused by "breathable-upper-lining"') })]);

    expect(await current()).toBe(before);
    expect((await open(mia)).myDraft?.revision).toBe(4);
  });

  it('refuses to publish without a message, or without a draft', async () => {
    const noMessage = await publish(mia, { graceHours: 2 });
    expect(noMessage.status).toBe(422);
    expect(((await noMessage.json()) as Refusal).error.message).toContain('a message is required');
    const noDraft = await publish(noa, { message: 'nothing to publish' });
    expect(noDraft.status).toBe(404);
  });

  it('publishes my draft, served at once, deleting the draft and auditing it', async () => {
    const before = await current();
    await save(mia, { basedOn: before, revision: 4, product: renamed('Court Sneaker II'), rules: rulesYaml });
    const published = await publish(mia, { message: 'A new name', graceHours: 2 });
    expect(published.status).toBe(200);
    const answer = (await published.json()) as { rulesVersion: string; state: string; superseded: { rulesVersion: string }[] };
    expect(answer).toMatchObject({ state: 'published', superseded: [{ rulesVersion: before }] });
    expect(await current()).toBe(answer.rulesVersion);
    expect(await served()).toBe(answer.rulesVersion);
    const reopened = await open(mia);
    expect(reopened.myDraft).toBeNull();
    expect(reopened.published).toMatchObject({ rulesVersion: answer.rulesVersion, product: { text: renamed('Court Sneaker II') } });
    const [line, publishedLine] = await t.repository.listAudit(2);
    expect(line).toMatchObject({ action: 'studio.draft_published', target: `sneaker@${answer.rulesVersion}`, actor: { kind: 'staff', email: 'mia@shop.example' }, details: { basedOn: before, revision: 5 } });
    expect(publishedLine).toMatchObject({ action: 'rules.published', details: { message: 'A new name' } });
  });

  it('refuses to publish a draft whose product was published again since it started, answering base, theirs and mine', async () => {
    const base = await current();
    const baseText = (await open(noa)).published.product.text;
    await save(noa, { basedOn: base, revision: 0, product: renamed('Noa\'s sneaker'), rules: rulesYaml });
    await save(mia, { basedOn: base, revision: 0, product: renamed('Mia\'s sneaker'), rules: rulesYaml });
    expect((await publish(mia, { message: 'Mia was first' })).status).toBe(200);

    const moved = await publish(noa, { message: 'Noa was second' });
    expect(moved.status).toBe(409);
    const body = (await moved.json()) as Refusal & { basedOn: string; current: string; base: { product: string; rules: string }; theirs: { product: string; rules: string }; mine: { product: string; rules: string } };
    expect(body.error.code).toBe('rules_version_moved');
    expect(body).toMatchObject({
      basedOn: base, current: (await current()),
      base: { product: baseText, rules: rulesYaml },
      theirs: { product: renamed('Mia\'s sneaker'), rules: rulesYaml },
      mine: { product: renamed('Noa\'s sneaker'), rules: rulesYaml },
    });
    expect(await served()).toBe(body.current);
    expect((await open(noa)).myDraft).toMatchObject({ basedOn: base });
  });

  it('discards my draft, and only mine', async () => {
    await save(mia, { basedOn: (await current()), revision: 0, product: renamed('Kept'), rules: rulesYaml });
    expect(await (await discard(noa)).json()).toEqual({ discarded: true });
    expect(await (await discard(noa)).json()).toEqual({ discarded: false });
    expect((await open(noa)).myDraft).toBeNull();
    expect((await open(mia)).myDraft).toMatchObject({ product: renamed('Kept') });
    expect((await open(noa)).othersEditing.map((other) => other.email)).toEqual(['mia@shop.example']);
  });

  it('lets a merchandiser read a designer\'s colourway draft, continue from it as their own, and publish it', async () => {
    const designer = await sessionFor(t.repository, await addAccount(t.repository, 'dee@shop.example', ['designer']), new Date('2026-12-07T09:30:00.000Z'));
    const [design] = distinctDesigns(productUnderTest(t.entry), 1, 41);
    const approved = await t.app.request('/api/staff/review/decisions', { method: 'POST', headers: designer.writeHeaders(), body: JSON.stringify({ productId: 'sneaker', designKey: canonicalKey(design!), decision: 'approve', reason: 'popular', note: '' }) });
    expect(approved.status, await approved.clone().text()).toBeLessThan(300);
    const made = await t.app.request('/api/staff/colourways/sneaker', { method: 'POST', headers: designer.writeHeaders(), body: JSON.stringify({ name: 'Harbour Night', designKey: canonicalKey(design!), credit: 'Ada L.' }) });
    expect(made.status, await made.clone().text()).toBe(201);

    // Noa sees the designer's draft and what it adds; the designer cannot open the studio.
    const listed = (await open(noa)).othersEditing.find((other) => other.email === 'dee@shop.example');
    expect(listed).toMatchObject({ basedOn: await current(), colourwaysAdded: ['Harbour Night'] });
    expect((await t.app.request(`/api/staff/studio/sneaker/drafts/${listed!.id}`, { headers: { Cookie: designer.cookie } })).status).toBe(403);

    const read = await t.app.request(`/api/staff/studio/sneaker/drafts/${encodeURIComponent(listed!.id)}`, { headers: { Cookie: noa.cookie } });
    expect(read.status).toBe(200);
    const theirs = (await read.json()) as NonNullable<Studio['myDraft']> & { id: string; email: string; tables: Record<string, string> };
    expect(theirs).toMatchObject({ id: listed!.id, email: 'dee@shop.example', basedOn: await current(), revision: 1, rules: rulesYaml, updatedAt: listed!.updatedAt });
    expect(theirs.product).toContain('name: Harbour Night');

    // Continued from as Noa's own draft (Noa has none now), then published the usual way.
    expect((await save(noa, { basedOn: theirs.basedOn, revision: 0, product: theirs.product, rules: theirs.rules, tables: theirs.tables })).status).toBe(200);
    const published = await publish(noa, { message: 'Harbour Night, co-created by Ada L.' });
    expect(published.status, await published.clone().text()).toBe(200);
    const presets = ((await (await t.app.request('/api/catalog/sneaker')).json()) as { product: { presets: { name: string; credit?: string }[] } }).product.presets;
    expect(presets.find((preset) => preset.name === 'Harbour Night')).toMatchObject({ credit: 'Ada L.' });
    // The designer's draft stays theirs, now behind the published version (the studio handles that for its author).
    expect((await open(noa)).othersEditing.find((other) => other.email === 'dee@shop.example')).toMatchObject({ basedOn: theirs.basedOn, colourwaysAdded: [] });
  });

  it('answers 404 for a draft that is not there, and for an unknown product', async () => {
    const none = await t.app.request('/api/staff/studio/sneaker/drafts/acc_nobody', { headers: { Cookie: noa.cookie } });
    expect(none.status).toBe(404);
    expect(((await none.json()) as Refusal).error.hint).toContain('othersEditing');
    expect((await t.app.request(`/api/staff/studio/no-such-product/drafts/${miaId}`, { headers: { Cookie: noa.cookie } })).status).toBe(404);
  });
});
