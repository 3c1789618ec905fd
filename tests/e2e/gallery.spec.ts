import { expect, test } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The community gallery against the real server: sharing a design from the review, moderation of
// its title, the gallery page with pictures, one vote per visitor that survives a reload, and a
// remix that opens the design in the configurator and is counted.

let configurator: ConfiguratorPage;

test.beforeEach(async ({ page }) => {
  configurator = new ConfiguratorPage(page);
  await configurator.open();
});

/** A title no earlier test used, so each test finds its own card. */
function uniqueTitle(base: string): string {
  return `${base} ${Math.random().toString(36).slice(2, 7)}`;
}

test('refuses a title naming another brand and says why, before anything is public', async ({ page }) => {
  await configurator.reviewButton.click();
  await page.getByRole('textbox', { name: 'Design name' }).fill('N1ke court classic');
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  const title = page.getByRole('textbox', { name: 'Design name' });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('cannot name other brands');
  const listed = await (await page.request.get('/api/candidates?product=sneaker&sort=newest')).json();
  expect(listed.candidates.map((candidate: { title: string }) => candidate.title)).not.toContain('N1ke court classic');
});

test('shares a design, shows it with its picture, takes one vote per visitor, and remixes it', async ({ page, browser }) => {
  const title = uniqueTitle('Forest runner');
  await configurator.choose('Vamp colour', 'Forest green');
  await configurator.reviewButton.click();
  await page.getByRole('textbox', { name: 'Design name' }).fill(title);
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your design is in the community gallery' })).toBeVisible();
  await page.getByRole('link', { name: 'See it in the gallery' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Community gallery: Court Sneaker' })).toBeVisible();
  await page.getByRole('radio', { name: 'Newest' }).check();
  const card = page.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  const picture = card.getByRole('img', { name: `${title}, a customer's Court Sneaker` });
  await expect(picture).toBeVisible();
  // The thumbnail is the shop's PNG of the design, loaded (lazily) from the API.
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 100), { timeout: 10_000 }).toBe(true);

  const up = card.getByRole('button', { name: `Vote up ${title}` });
  await expect(up).toHaveAttribute('aria-pressed', 'false');
  await up.click();
  await expect(up).toHaveAttribute('aria-pressed', 'true');
  await expect(up).toHaveText('▲ 1');
  // One vote per visitor: a second click withdraws it, a third casts it again.
  await up.click();
  await expect(up).toHaveText('▲ 0');
  await up.click();
  await expect(up).toHaveText('▲ 1');
  await page.reload();
  await page.getByRole('radio', { name: 'Newest' }).check();
  await expect(page.getByRole('button', { name: `Vote up ${title}` })).toHaveAttribute('aria-pressed', 'true');

  // Another visitor (another cookie) adds a vote of their own.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/gallery?product=sneaker');
  await otherPage.getByRole('radio', { name: 'Newest' }).check();
  await otherPage.getByRole('button', { name: `Vote down ${title}` }).click();
  await expect(otherPage.getByRole('button', { name: `Vote down ${title}` })).toHaveText('▼ 1');
  await expect(otherPage.getByRole('button', { name: `Vote up ${title}` })).toHaveText('▲ 1');
  await other.close();

  await page.getByRole('link', { name: `Remix ${title}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Remixing a gallery design' })).toBeVisible();
  await configurator.openPart('Vamp');
  await configurator.expectChosen('Vamp colour', 'Forest green');
  // An order of the remix counts toward the original's remixes.
  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Hopper');
  await configurator.fillContactAndAddress({ name: 'Grace Hopper', email: 'grace@example.com' });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();
  await page.goto('/gallery?product=sneaker');
  await page.getByRole('radio', { name: 'Newest' }).check();
  await expect(page.getByRole('article', { name: title })).toContainText('ordered 1 time · 1 remix');
});
