import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';
import { publishedRulesVersion, publishRules, rollBackRules } from './support/rulesAdmin.ts';

// A customer's t-shirt design is open while a merchandiser publishes new t-shirt rules on the
// running server: the page learns of it (here when it is shown again; also every minute and
// before an order), carries the design to the new rules and says what changed for this design;
// the design keeps working and is ordered under the new version. The shipped version is current
// again after the spec, whatever happened, so later specs see the shipped rules.

const PRODUCT_FILE = 'models/tshirt/product.yaml';
const RULES_FILE = 'rules/tshirt.rules.yaml';
let shippedVersion: string;

/** The shipped t-shirt files with Lilac no longer made in tri-blend (and the rule that matched it on the body gone). */
function withoutTriBlendLilac(): { productYaml: string; rulesYaml: string } {
  const product = readFileSync(PRODUCT_FILE, 'utf8');
  const triBlend = /(tri-blend:[\s\S]*?colours: \[)([^\]]*)\]/.exec(product);
  if (!triBlend?.[2]?.includes('lilac')) throw new Error(`${PRODUCT_FILE}: tri-blend's colours no longer list lilac; pick another edit for this spec`);
  const productYaml = product.replace(triBlend[0], `${triBlend[1]}${triBlend[2].split(',').map((colour) => colour.trim()).filter((colour) => colour !== 'lilac').join(', ')}]`);
  const rulesYaml = readFileSync(RULES_FILE, 'utf8').split('\n').filter((line) => !/when: \{ body\.colour: lilac \}/.test(line)).join('\n');
  return { productYaml, rulesYaml };
}

async function currentVersion(page: Page): Promise<string> {
  const response = await page.request.get('/api/catalog/tshirt');
  expect(response.ok()).toBe(true);
  // Weak when the answer came gzipped (W/"…"): the version is the tag's text either way.
  return (response.headers().etag ?? '').replace(/^W\//, '').replace(/"/g, '');
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  shippedVersion = await currentVersion(page);
  await page.close();
});

test.afterAll(async ({ browser }) => {
  if (!shippedVersion) return;
  // The database's word, not the catalog's: a publish the server has not taken up is rolled back too.
  if ((await publishedRulesVersion('tshirt')) !== shippedVersion) await rollBackRules('tshirt', shippedVersion, 'End of the rules-update spec: the shipped t-shirt rules again');
  const page = await browser.newPage();
  await expect.poll(() => currentVersion(page), { message: 'the server serves the shipped t-shirt rules again' }).toBe(shippedVersion);
  await page.close();
});

test('an open t-shirt design is carried to newly published rules, told what changed, and ordered under them', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ path: '/?product=tshirt', expectGroup: 'Fit' });
  await configurator.choose('Body material', 'Tri-blend jersey');
  await configurator.choose('Body colour', 'Lilac');
  await configurator.expectChosen('Body colour', 'Lilac');

  const published = await publishRules('tshirt', withoutTriBlendLilac(), 'Lilac tri-blend discontinued by the mill');
  expect(published).not.toBe(shippedVersion);
  await expect.poll(() => currentVersion(page), { message: 'the server serves the version just published (its catalog takes up a publish made through the admin API)' }).toBe(published);
  // The customer comes back to the tab: the page asks the shop at once.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

  const notice = page.getByRole('region', { name: 'The shop updated the Essential Tee\'s options' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Body colour: Lilac is no longer offered; now');
  await expect(configurator.announcements).toContainText('The shop updated the Essential Tee\'s options: Body colour: Lilac is no longer offered');
  await page.screenshot({ path: testInfo.outputPath('rules-update-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('rules-update-390.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The design works under the new rules: Lilac is gone from the body, the material kept, another colour taken.
  await expect(configurator.option('Body colour', 'Lilac')).toHaveCount(0);
  await configurator.expectChosen('Body material', 'Tri-blend jersey');
  await configurator.choose('Body colour', 'Sage');
  await configurator.expectChosen('Body colour', 'Sage');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ index: 3 });
  await configurator.fillContactAndAddress({ email: 'rules.update@example.com' });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();
  const order = await configurator.placedOrder('e2e-fulfilment-token');
  expect((order.design as unknown as { rulesVersion: string }).rulesVersion).toBe(published);
});

test('a shop that cannot be reached shows what happened and a way to try again, never a blank page', async ({ page }, testInfo) => {
  // A fault on top of the real server: the catalog's requests fail until the customer tries again.
  await page.route('**/api/catalog**', (route) => route.abort('connectionrefused'));
  await page.goto('/?product=tshirt');
  await expect(page.getByRole('heading', { name: 'The shop’s products could not be loaded' })).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('The shop could not be reached. Check your connection, then try again.');
  await page.screenshot({ path: testInfo.outputPath('catalog-unavailable-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('catalog-unavailable-390.png') });

  await page.unroute('**/api/catalog**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Fit', exact: true })).toBeVisible();
});
