import { expect, test } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// Personal text and the second product: texts are checked as the customer types (an alert, the
// box marked invalid) and priced; the t-shirt is chosen by its link and offers its front text
// only once the front has a print method.

test('checks the heel tab text as it is typed and adds its price', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.openPart('Heel tab');
  const text = page.getByRole('textbox', { name: 'Heel tab text', exact: true });
  await text.fill('ADA LOVELACE');
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Up to 8 characters: this has 12.' })).toBeVisible();
  await expect(text).toHaveAccessibleDescription(/12 of 8 characters.*Up to 8 characters: this has 12\./);
  await text.fill('АDA');
  await expect(page.getByRole('alert')).toContainText('is a Cyrillic letter, not a Latin one');
  await text.fill('ADA');
  await expect(text).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(configurator.priceBreakdown).toContainText('Heel tab text');
  await expect(configurator.header).toContainText('€124.00');
  await page.getByRole('combobox', { name: 'Heel tab text colour' }).selectOption({ label: 'Black' });
  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await configurator.fillContactAndAddress();
  await configurator.placeOrderButton.click();
  const order = await configurator.placedOrder('e2e-fulfilment-token');
  expect(order.design.personalisation).toEqual({ heelText: 'ADA', 'heelText.font': 'bebas-neue', 'heelText.colour': 'black' });
});

test('a text that cannot be made stops the order before anything is sent', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.openPart('Tongue');
  await page.getByRole('textbox', { name: 'Tongue text', exact: true }).fill('N1KE');
  await expect(page.getByRole('alert')).toContainText('cannot name other brands');
  await configurator.reviewButton.click();
  await expect(configurator.orderProblems.getByRole('link', { name: /^Tongue text: .*cannot name other brands/ })).toBeVisible();
});

test('the t-shirt is chosen by its link and offers front text once the front is printed', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await page.getByRole('navigation', { name: 'Products' }).getByRole('link', { name: 'Essential Tee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Essential Tee' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Fit', exact: true })).toBeVisible();
  // The oversized cut comes as a crew neck only: the V-neck says why.
  await page.getByRole('radio', { name: 'Oversized', exact: true }).check();
  await expect(page.getByRole('radio', { name: 'V-neck', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('radio', { name: 'V-neck', exact: true })).toHaveAccessibleDescription(/dropped shoulder/);
  await page.getByRole('button', { name: /^Front print / }).click();
  await expect(page.getByRole('textbox', { name: 'Front text', exact: true })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Direct-to-garment', exact: true }).check();
  const text = page.getByRole('textbox', { name: 'Front text', exact: true });
  await text.fill('Hello, world!');
  await expect(text).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('combobox', { name: 'Front text font' }).selectOption({ label: 'Pacifico' });
  await configurator.reviewButton.click();
  await expect(page.getByRole('table').filter({ hasText: 'Front print' })).toContainText('Direct-to-garment');
});

test('uploads artwork for the t-shirt front, says when it would print soft or blurred, and refuses what is not an image', async ({ page }) => {
  const { pngFile } = await import('../../scripts/support/orderBodies.ts');
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await page.goto('/?product=tshirt');
  await page.getByRole('button', { name: /^Front print / }).click();
  await page.getByRole('radio', { name: 'Direct-to-garment', exact: true }).check();
  const file = page.getByLabel('Front artwork', { exact: true });

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(pngFile(3200, 1600, [20, 90, 160])) });
  await expect(file).toHaveAccessibleDescription(/PNG, 3200 × 1600 px, 1 colour, prints at 312 DPI/);
  await expect(page.getByRole('slider', { name: 'Front artwork width (mm)' })).toHaveValue('260');
  await page.getByRole('slider', { name: 'Front artwork width (mm)' }).fill('150');
  await expect(file).toHaveAccessibleDescription(/prints at 541 DPI/);

  await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(pngFile(600, 300, [20, 90, 160])) });
  await expect(page.getByRole('alert')).toContainText('prints at only 58 DPI; the minimum is 150');
  await expect(file).toHaveAttribute('aria-invalid', 'true');

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1') });
  await expect(page.getByRole('alert')).toContainText('GIF');

  await page.getByRole('button', { name: 'Remove front artwork' }).click();
  await expect(page.getByRole('slider', { name: 'Front artwork width (mm)' })).toHaveCount(0);
});
