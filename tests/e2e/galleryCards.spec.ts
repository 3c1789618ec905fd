import { expect, test } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The gallery's cards say what each design is (its main colours and materials, taken from the
// design itself), and the gallery switches between the shop's products.

test('a card names the main colours and materials of its design, and the gallery switches products', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.choose('Vamp colour', 'Navy');
  await configurator.reviewButton.click();
  // What the review says the design is made of, part by part.
  const made = (await configurator.reviewTable.getByRole('row').allTextContents()).join(' ');
  const title = `Card check ${Math.random().toString(36).slice(2, 7)}`;
  await page.getByRole('textbox', { name: 'Design name' }).fill(title);
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'community gallery' })).toBeVisible();

  await page.goto('/gallery?product=sneaker');
  await page.getByRole('radio', { name: 'Newest' }).check();
  const card = page.getByRole('article', { name: title });
  const traits = card.getByRole('list', { name: 'Main colours and materials' }).getByRole('listitem');
  await expect(traits.first()).toBeVisible();
  const names = (await traits.allTextContents()).map((text) => text.trim());
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) expect(made, `"${name}" is part of the design`).toContain(name);
  await expect(card.getByRole('button', { name: `Vote up ${title}` })).toBeVisible();
  await expect(card.getByRole('link', { name: `Remix ${title}` })).toBeVisible();

  const switcher = page.getByRole('navigation', { name: 'Gallery products' });
  await expect(switcher.getByRole('link', { name: 'Court Sneaker' })).toHaveAttribute('aria-current', 'page');
  const other = switcher.getByRole('link').and(page.locator(':not([aria-current])')).first();
  const otherName = (await other.textContent())!.trim();
  await other.click();
  await expect(page.getByRole('heading', { level: 1, name: `Community gallery: ${otherName}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Gallery products' }).getByRole('link', { name: otherName })).toHaveAttribute('aria-current', 'page');
});
