import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { canonicalKey } from '../../src/domain/index.ts';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';
import type { StaffPages } from './pages/StaffPages.ts';
import { seedDesignersShop, type DesignersShop } from './support/designersShop.ts';
import { publishedRulesVersion, rollBackRules } from './support/rulesAdmin.ts';
import { addStaffAccount, signedInStaff } from './support/staffAccounts.ts';

// The designers' loop end to end (issue 14), on the real server: customers order a design nobody
// submitted to the gallery more than any other, and near-identical ones, and submit and vote up
// another. A designer finds the most ordered design on "What customers design", sees it was never
// submitted, opens its group of near-identical designs, shortlists it and the gallery design,
// approves both with a reason on Review and makes them colourways; the draft is published in the
// rules studio; a customer sees the colourways, the gallery one "Co-created by" its creator; and
// the catalogue exports the designer downloads hold one variant per colourway: the glb passes the
// Khronos validator, the JSON-LD feed a JSON Schema of schema.org's ProductGroup.
//
// A colourway goes into its maker's own studio draft (a draft is a person's). In the first test the
// designer also holds the merchandiser role and publishes it, as a shop whose designers publish
// their own colourways would set it up; in the second, designers and merchandisers are different
// people: a merchandiser continues from the designer's draft in the studio and publishes it.

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const DESIGNER = { email: `designer-${RUN}@shop.example`, password: 'designer passphrase of the designers spec' };
const validator = createRequire(import.meta.url)('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<{ issues: { numErrors: number; messages: { code: string; severity: number; message: string }[] } }>;
};
const productGroupSchema = JSON.parse(readFileSync('tests/e2e/support/productGroup.schema.json', 'utf8')) as Record<string, unknown>;

let shop: DesignersShop;
let shippedVersion: string | undefined;

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(60_000);
  const api = await playwright.request.newContext({ baseURL });
  shippedVersion = await publishedRulesVersion('sneaker');
  [shop] = await Promise.all([seedDesignersShop(api, baseURL!, RUN), addStaffAccount(DESIGNER, ['designer', 'merchandiser'])]);
  await api.dispose();
});

test.afterAll(async () => {
  // The shipped sneaker again, so the specs after this one see the presets they expect.
  if (shippedVersion && (await publishedRulesVersion('sneaker')) !== shippedVersion) await rollBackRules('sneaker', shippedVersion, 'End of the designers spec: the shipped sneaker again');
});

/** The row of a table of the page whose text matches `text`. */
const rowWith = (scope: Locator, text: string | RegExp) => scope.getByRole('row').filter({ hasText: text });

/** Downloads a link's file as the browser saves it. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!);
}

test('a designer takes the most ordered design, never submitted, and a gallery design into the catalogue, and customers see them', async ({ browser }) => {
  const designer: StaffPages = await signedInStaff(browser, DESIGNER);
  const { page } = designer;

  // The signals are written in batches, a second apart: the designer's view has them once they are in.
  await expect.poll(async () => {
    const response = await page.request.get('/api/staff/insight/sneaker/popular?days=30&limit=5');
    if (!response.ok()) return `${response.status()} ${await response.text()}`;
    const [top] = ((await response.json()) as { designs: { designKey: string; units: number }[] }).designs;
    return top && `${top.designKey} ${top.units}`;
  }, { message: 'the most ordered design is the favourite' }).toBe(`${canonicalKey(shop.favourite)} ${shop.favouriteUnits}`);

  // 1. What customers design: the most wanted design heads the list, and it was never submitted.
  await designer.go('What customers design');
  const productName = shop.sneaker.entry.product.name;
  const popular = page.getByRole('table', { name: `Most wanted designs of the ${productName}, last 30 days` });
  const top = popular.getByRole('row').nth(1);
  await expect(top).toContainText(String(shop.favouriteUnits));
  await expect(top.getByRole('cell').nth(6)).toHaveText('Never submitted');

  // 2. Its group of near-identical designs: the favourite and the designs one option away from it.
  const clusters = page.getByRole('region', { name: 'Near-identical designs' });
  const group = clusters.getByRole('listitem').filter({ has: page.getByRole('group') }).filter({ hasText: `— ${shop.favouriteUnits} units` });
  await expect(group).toHaveCount(1);
  await group.getByText(/^The \d+ designs$/).click();
  await expect(group.getByRole('group').getByRole('listitem')).toHaveCount(1 + shop.nearDuplicates.length);
  await expect(group).toContainText(/differ only in/i);

  // 3. Shortlisted for review: the favourite, and the gallery design (ordered, in the gallery).
  await top.getByRole('button', { name: /^Shortlist/ }).click();
  await expect(top.getByRole('status')).toHaveText('In the review queue');
  const galleryRow = rowWith(popular, new RegExp(`\\b${shop.gallery.units} units in 7 days`)).filter({ hasText: 'Yes: 2 up' });
  await galleryRow.getByRole('button', { name: /^Shortlist/ }).click();
  await expect(galleryRow.getByRole('status')).toHaveText('In the review queue');

  // 4. Review: both approved, each with a reason (and a note).
  await designer.go('Review');
  const queue = page.getByRole('table', { name: 'Designs to review' });
  const approve = async (row: Locator, reason: string, note: string) => {
    await row.getByRole('button', { name: /^Approve…/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('combobox', { name: 'Reason' })).toBeFocused();
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption(reason);
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
  };
  await approve(designer.row('Never submitted to the gallery'), 'popular', 'The most ordered design, never submitted');
  await expect(designer.status.filter({ hasText: 'The design approved (popular).' })).toBeVisible();
  await approve(designer.row(shop.gallery.title), 'on-brand', '');
  await expect(designer.status.filter({ hasText: `“${shop.gallery.title}” approved (on-brand).` })).toBeVisible();
  await expect(queue).toBeHidden();

  // 5. The gallery design made a colourway, by the keyboard: its creator's name is the credit already.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('Approved');
  const colourway = `Night Runner ${RUN}`;
  await designer.row(shop.gallery.title).getByRole('button', { name: `Make colourway… ${shop.gallery.title}` }).click();
  let dialog = page.getByRole('dialog', { name: `Make “${shop.gallery.title}” a colourway of the ${productName}` });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Credit (optional)' })).toHaveValue(shop.gallery.creator);
  await page.keyboard.type(colourway);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const made = page.getByRole('region', { name: `Colourway “${colourway}” made` });
  await expect(made.getByRole('heading')).toBeFocused();
  await expect(made).toContainText(`“${colourway}” is in your studio draft of the ${productName}, not yet published`);

  // A refusal is read in the dialog, with what was typed kept: the name is taken now.
  await designer.row(shop.gallery.title).getByRole('button', { name: /^Make colourway…/ }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(colourway);
  await dialog.getByRole('button', { name: 'Make colourway' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(colourway);
  expect(await designer.axeViolations(), 'the dialog with its refusal, over the review page').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The favourite too: never submitted, so nobody to credit.
  const favouriteColourway = `Crowd Favourite ${RUN}`;
  await designer.row('Never submitted to the gallery').getByRole('button', { name: /^Make colourway…/ }).click();
  dialog = page.getByRole('dialog', { name: `Make the design a colourway of the ${productName}` });
  await expect(dialog.getByRole('textbox', { name: 'Credit (optional)' })).toHaveValue('');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(favouriteColourway);
  await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('What customers ordered most');
  await dialog.getByRole('button', { name: 'Make colourway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: `Colourway “${favouriteColourway}” made` })).toBeVisible();

  // 6. Published in the rules studio: the draft restored, then published with a message.
  await page.getByRole('link', { name: 'Open the draft in the rules studio' }).click();
  await expect(designer.heading).toHaveText('Rules studio: sneaker');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  const publish = page.getByRole('region', { name: 'Publish' });
  await publish.getByRole('textbox', { name: /^Message/ }).fill(`Two customers' designs as colourways: ${colourway}, ${favouriteColourway}`);
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Published: version \S+ is the current one/ })).toBeVisible();

  // 7. A customer opening the configurator sees both among the colourways, the gallery one credited.
  const customer = new ConfiguratorPage(await (await browser.newContext()).newPage());
  await customer.open();
  const presets = customer.page.getByRole('region', { name: 'Colourways' });
  await expect(presets.getByRole('button', { name: new RegExp(`^${colourway}`) })).toContainText(`Co-created by ${shop.gallery.creator}`);
  await expect(presets.getByRole('button', { name: new RegExp(`^${favouriteColourway}`) })).not.toContainText('Co-created by');
  const served = ((await (await customer.page.request.get('/api/catalog/sneaker')).json()) as { product: { presets: { id: string; name: string }[] } }).product.presets;
  expect(served.map((preset) => preset.name)).toEqual(expect.arrayContaining([colourway, favouriteColourway]));

  // 8. The catalogue exports, as the designer downloads them from the review page.
  await designer.go('Review');
  const exportsSection = page.getByRole('region', { name: 'Catalogue exports' });
  const glb = await download(page, exportsSection.getByRole('link', { name: /^3D model \(\.glb\)/ }));
  const report = await validator.validateBytes(new Uint8Array(glb), { maxIssues: 50, severityOverrides: { ACCESSOR_INDEX_TRIANGLE_DEGENERATE: 0 } });
  expect(report.issues.messages.filter((message) => message.severity === 0)).toEqual([]);
  expect(report.issues.numErrors).toBe(0);
  expect(glbVariantNames(glb), 'one material variant per colourway').toEqual(served.map((preset) => preset.name));

  const feed = JSON.parse((await download(page, exportsSection.getByRole('link', { name: /^Feed \(JSON-LD\)/ }))).toString('utf8')) as { hasVariant: { sku: string; name: string; creator?: { name: string } }[] };
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(productGroupSchema);
  expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
  expect(feed.hasVariant).toHaveLength(served.length);
  expect(feed.hasVariant.find((variant) => variant.name.includes(colourway))?.creator?.name).toBe(shop.gallery.creator);

  const csv = (await download(page, exportsSection.getByRole('link', { name: /^Feed \(CSV\)/ }))).toString('utf8');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(served.length + 1);
  expect(csv).toContain(favouriteColourway);
});

test('a designer without the merchandiser role makes a colourway, and a merchandiser continues from that draft and publishes it', async ({ browser }) => {
  const designerOnly = { email: `designer-only-${RUN}@shop.example`, password: 'designer-only passphrase of the designers spec' };
  const merchandiser = { email: `merchandiser-${RUN}@shop.example`, password: 'merchandiser passphrase of the designers spec' };
  await Promise.all([addStaffAccount(designerOnly, ['designer']), addStaffAccount(merchandiser, ['merchandiser'])]);

  // The designer approves a near-identical design and makes it a colourway, through the API their pages call.
  const { api, headers } = await apiSession(browser, designerOnly);
  const designKey = canonicalKey(shop.nearDuplicates[0]!);
  const approved = await api.post('/api/staff/review/decisions', { data: { productId: 'sneaker', designKey, decision: 'approve', reason: 'fills-a-gap', note: '' }, headers });
  expect(approved.status(), await approved.text()).toBeLessThan(300);
  const colourway = `Harbour Night ${RUN}`;
  const made = await api.post('/api/staff/colourways/sneaker', { data: { name: colourway, designKey }, headers });
  expect(made.status(), await made.text()).toBe(201);
  expect((await api.get('/api/staff/studio/sneaker')).status(), 'the designer cannot open the studio').toBe(403);

  // The merchandiser has a draft of their own (the published files, saved), so is asked before it is replaced.
  const mine = await apiSession(browser, merchandiser);
  const { published } = (await (await mine.api.get('/api/staff/studio/sneaker')).json()) as { published: { rulesVersion: string; product: { text: string }; rules: { text: string } } };
  const saved = await mine.api.put('/api/staff/studio/sneaker/draft', { data: { basedOn: published.rulesVersion, revision: 0, product: published.product.text, rules: published.rules.text }, headers: mine.headers });
  expect(saved.status(), await saved.text()).toBe(200);

  // The merchandiser sees the designer's draft and what it adds, continues from it and publishes it.
  const studio = await signedInStaff(browser, merchandiser, '/staff/rules/sneaker/studio');
  const { page } = studio;
  await expect(studio.heading).toHaveText('Rules studio: sneaker');
  const others = page.getByRole('list', { name: 'Others editing this product' });
  await expect(others.getByRole('listitem').filter({ hasText: designerOnly.email })).toContainText(`adding 1 colourway: “${colourway}”`);
  await others.getByRole('button', { name: `Continue from this draft by ${designerOnly.email}` }).click();
  const confirm = page.getByRole('dialog', { name: `Continue from ${designerOnly.email}'s draft?` });
  await confirm.getByRole('button', { name: 'Replace my draft' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Restore', exact: true }), 'my own draft was replaced').toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Continuing from ${designerOnly.email}'s draft: 1 colourway added (“${colourway}”)` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Draft saved/ })).toBeVisible();
  const publish = page.getByRole('region', { name: 'Publish' });
  await publish.getByRole('textbox', { name: /^Message/ }).fill(`A designer's colourway: ${colourway}`);
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Published: version \S+ is the current one/ })).toBeVisible();

  // A customer sees it among the colourways.
  const customer = new ConfiguratorPage(await (await browser.newContext()).newPage());
  await customer.open();
  await expect(customer.page.getByRole('region', { name: 'Colourways' }).getByRole('button', { name: new RegExp(`^${colourway}`) })).toBeVisible();
});

/** A staff session of its own browser context, signed in through the API, and the headers of its writes. */
async function apiSession(browser: Browser, account: { email: string; password: string }): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = (await browser.newContext()).request;
  const login = await api.post('/api/staff/login', { data: account });
  expect(login.status()).toBe(200);
  return { api, headers: { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken } };
}

/** The names of a glb's KHR_materials_variants variants, read from its JSON chunk. */
function glbVariantNames(glb: Buffer): string[] {
  const jsonLength = glb.readUInt32LE(12);
  const json = JSON.parse(glb.subarray(20, 20 + jsonLength).toString('utf8')) as { extensions?: { KHR_materials_variants?: { variants: { name: string }[] } } };
  return (json.extensions?.KHR_materials_variants?.variants ?? []).map((variant) => variant.name);
}
