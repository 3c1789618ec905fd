import { expect, test, type Page } from '@playwright/test';
import type { TextFieldDef } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// Personal text that the preview and the check agree on, a checkout that never dead-ends, and
// words that fit the product. Without WebGL unless said: the 2D page is what these test.

const FULFILMENT_TOKEN = 'e2e-fulfilment-token';
const tshirt = loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!;
const minContrast = (tshirt.ruleSet.personalisation!.find((field) => field.id === 'frontText') as TextFieldDef).minContrast;

/** Waits until the 3D preview has drawn no frame for a second (camera at rest). */
async function waitUntilIdle(page: Page): Promise<void> {
  let last = await page.evaluate(() => window.__atelierPreview!.framesRendered);
  for (let waited = 0; waited < 30_000; waited += 1_000) {
    await page.waitForTimeout(1_000);
    const now = await page.evaluate(() => window.__atelierPreview!.framesRendered);
    if (now === last) return;
    last = now;
  }
}

/** Remembers the preview canvas's pixels in the page. */
async function rememberPixels(page: Page): Promise<void> {
  await page.locator('canvas').first().evaluate((canvas) => {
    const copy = document.createElement('canvas');
    Object.assign(copy, { width: (canvas as HTMLCanvasElement).width, height: (canvas as HTMLCanvasElement).height });
    copy.getContext('2d')!.drawImage(canvas as HTMLCanvasElement, 0, 0);
    (window as unknown as { __remembered: ImageData }).__remembered = copy.getContext('2d')!.getImageData(0, 0, copy.width, copy.height);
  });
}

/** How many pixels of the preview differ clearly from the remembered ones. */
async function changedPixels(page: Page): Promise<number> {
  return page.locator('canvas').first().evaluate((canvas) => {
    const before = (window as unknown as { __remembered: ImageData }).__remembered;
    const copy = document.createElement('canvas');
    Object.assign(copy, { width: (canvas as HTMLCanvasElement).width, height: (canvas as HTMLCanvasElement).height });
    copy.getContext('2d')!.drawImage(canvas as HTMLCanvasElement, 0, 0);
    const after = copy.getContext('2d')!.getImageData(0, 0, copy.width, copy.height);
    if (after.width !== before.width || after.height !== before.height) return Number.MAX_SAFE_INTEGER;
    let count = 0;
    for (let i = 0; i < after.data.length; i += 4) {
      if (Math.abs(after.data[i]! - before.data[i]!) + Math.abs(after.data[i + 1]! - before.data[i + 1]!) + Math.abs(after.data[i + 2]! - before.data[i + 2]!) >= 60) count += 1;
    }
    return count;
  });
}

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` or `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const channels = colour.startsWith('#') ? [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16)) : colour.match(/\d+/g)!.slice(0, 3).map(Number);
    const [r, g, bl] = channels.map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The t-shirt with a printed front, its front text box in view. */
async function tshirtFrontText(page: Page, webgl = false) {
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl });
  await page.goto('/?product=tshirt');
  await expect(page.getByRole('radiogroup', { name: 'Fit', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Front print / }).click();
  await page.getByRole('radio', { name: 'Direct-to-garment', exact: true }).check();
  return { configurator, text: page.getByRole('textbox', { name: 'Front text', exact: true }) };
}

test.describe('personal text', () => {
  test('accepts "Summer Crew" on the t-shirt front and says how much of the width it uses', async ({ page }) => {
    const { text } = await tshirtFrontText(page);
    for (const font of ['Inter', 'Roboto Slab', 'Space Mono']) {
      await page.getByRole('combobox', { name: 'Front text font' }).selectOption({ label: font });
      await text.fill('Summer Crew');
      await expect(text).not.toHaveAttribute('aria-invalid', 'true');
      // The width figure is the check's: what the text takes at its smallest clear size, within the zone.
      const description = await text.evaluate((box) => box.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' '));
      const [, used, of] = /uses (\d+) of (\d+) mm/i.exec(description)!;
      expect(Number(used)).toBeLessThanOrEqual(Number(of));
      expect(description).toContain('11 of 24 characters');
    }
  });

  test('gives the default ink a colour that stands out on the shirt', async ({ page }) => {
    const { text } = await tshirtFrontText(page);
    await text.fill('Summer Crew');
    await page.getByRole('button', { name: /^Body / }).click();
    const bodyColour = page.getByRole('radiogroup', { name: 'Body colour', exact: true });
    const garment = (await bodyColour.getByRole('radio', { checked: true }).getAttribute('value'))!;
    const ink = page.getByRole('combobox', { name: 'Front text colour' });
    const hexOf = (id: string) => tshirt.product.colours!.find((colour) => colour.id === id)!.hex!;
    expect(garment).toBe('white');
    expect(contrast(hexOf(await ink.inputValue()), hexOf(garment))).toBeGreaterThanOrEqual(minContrast);
    // A black shirt gets an ink that stands out on black.
    await page.getByRole('radiogroup', { name: 'Body colour', exact: true }).getByRole('radio', { name: 'Black', exact: true }).check();
    await expect.poll(async () => contrast(hexOf(await ink.inputValue()), hexOf('black'))).toBeGreaterThanOrEqual(minContrast);
  });

  test('draws on the model only a text that will be made: not an emoji, not one too wide', async ({ page }) => {
    test.setTimeout(150_000);
    const { text } = await tshirtFrontText(page, true);
    await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Front text colour' }).selectOption({ label: 'Black' });
    await waitUntilIdle(page);
    await rememberPixels(page);
    await text.fill('Summer Crew');
    // Drawn: the accepted text changes the picture.
    await expect.poll(() => changedPixels(page), { timeout: 30_000 }).toBeGreaterThan(200);
    await text.fill('Summer 🎉 Crew');
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    // Not drawn: the picture is the plain shirt again.
    await expect.poll(() => changedPixels(page), { timeout: 30_000 }).toBeLessThan(30);
    await text.fill('WWWWWWWWWWWWWWWWWWWWWWWW');
    await expect(page.getByRole('alert').filter({ hasText: 'at the smallest size that prints clearly' })).toBeVisible();
    await expect.poll(() => changedPixels(page), { timeout: 30_000 }).toBeLessThan(30);
  });
});

test.describe('a checkout that never dead-ends', () => {
  test('a refused text is listed in the review with a link to it, and Place order takes focus to the first problem', async ({ page }) => {
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/orders')) posted += 1;
    });
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.openPart('Tongue');
    await page.getByRole('textbox', { name: 'Tongue text', exact: true }).fill('N1KE');
    await configurator.reviewButton.click();
    await expect(configurator.orderProblems).toBeVisible();
    const link = configurator.orderProblems.getByRole('link', { name: /^Tongue text: .*cannot name other brands/ });
    await expect(link).toBeVisible();

    await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
    await configurator.fillContactAndAddress();
    await configurator.placeOrderButton.click();
    await expect(link).toBeFocused();
    expect(posted).toBe(0);

    await link.click();
    const field = page.getByRole('textbox', { name: 'Tongue text', exact: true });
    await expect(field).toBeFocused();
    await field.fill('ADA');
    await configurator.reviewButton.click();
    await expect(configurator.orderProblems).toHaveCount(0);
    await configurator.placeOrderButton.click();
    await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}/ })).toBeFocused();
  });

  test('marks a missing size invalid and lists every missing field, each link reaching its field', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.reviewButton.click();
    await configurator.placeOrderButton.click();
    await expect(configurator.sizeSelect).toHaveAttribute('aria-invalid', 'true');
    await expect(configurator.sizeSelect).toHaveAccessibleDescription('Choose your size.');
    const first = configurator.orderProblems.getByRole('link').first();
    await expect(first).toHaveText('Choose your size.');
    await expect(first).toBeFocused();
    await expect(configurator.orderProblems.getByRole('link', { name: /Choose the country/ })).toBeVisible();
    await configurator.orderProblems.getByRole('link', { name: /Enter the town or city/ }).click();
    await expect(page.getByRole('textbox', { name: 'Town or city', exact: true })).toBeFocused();
  });

  test('checks the postal code for the chosen country', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.reviewButton.click();
    await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
    await configurator.fillContactAndAddress({ country: 'United Kingdom', postalCode: '75001', city: 'London', line1: '221B Baker Street' });
    await configurator.placeOrderButton.click();
    const postalCode = page.getByRole('textbox', { name: 'Postal code', exact: true });
    await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
    await expect(postalCode).toHaveAccessibleDescription('"75001" is not a postal code in United Kingdom: it should look like SW1A 1AA.');
    await postalCode.fill('NW1 6XE');
    await configurator.placeOrderButton.click();
    await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}/ })).toBeFocused();
    await expect(page.getByText(/Nothing has been charged yet/)).toBeVisible();
    const order = await configurator.placedOrder(FULFILMENT_TOKEN);
    expect(order.shippingAddress).toEqual({ line1: '221B Baker Street', line2: '', city: 'London', postalCode: 'NW1 6XE', country: 'GB' });
  });

  test('a t-shirt is ordered in its letter size, and its order record names that size', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await page.goto('/?product=tshirt');
    await expect(page.getByRole('radiogroup', { name: 'Fit', exact: true })).toBeVisible();
    await configurator.reviewButton.click();
    await configurator.sizeSelect.selectOption({ label: 'M · chest 96–101 cm' });
    await configurator.fillContactAndAddress();
    await configurator.placeOrderButton.click();
    await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}/ })).toBeFocused();
    const order = await configurator.placedOrder(FULFILMENT_TOKEN);
    expect(order.size).toEqual({ id: 'letter-m', label: 'M · chest 96–101 cm', codes: { letter: 'M' } });
  });

  test('when the shop cannot be reached, focus goes to the alert that says so', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.reviewButton.click();
    await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
    await configurator.fillContactAndAddress();
    await page.route('**/api/orders', (route) => route.abort('internetdisconnected'));
    await configurator.placeOrderButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'The shop could not be reached' });
    await expect(alert).toBeFocused();
    await expect(alert).not.toContainText('charged');
  });

  test('the review shows the personal text that will be made, with its price in the currency', async ({ page }) => {
    const { configurator, text } = await tshirtFrontText(page);
    await text.fill('Summer Crew');
    await configurator.reviewButton.click();
    const table = page.getByRole('table', { name: 'Personalisation' });
    await expect(table.getByRole('row', { name: /Front text/ })).toContainText('"Summer Crew" in Inter');
    await expect(table.getByRole('row', { name: /Front text/ })).toContainText(/\+€\d+\.\d{2}|Included/);
  });
});

test.describe('words that fit the product', () => {
  test('the t-shirt is never spoken of in pairs, and prices carry their currency', async ({ page }) => {
    const { configurator, text } = await tshirtFrontText(page);
    await expect(text).toHaveAccessibleDescription(/€\d+\.\d{2}|^(?!.*adds)/);
    await expect(page.locator('body')).not.toContainText(/\bpairs?\b/i);
    await configurator.reviewButton.click();
    await expect(page.locator('body')).not.toContainText(/\bpairs?\b|EU, US and UK/i);
    await expect(page.getByText(/1 to \d+ shirts\./)).toBeVisible();
    // Developer copy is out of the shopper's way.
    await expect(page.getByRole('button', { name: 'Export order' })).toHaveCount(0);
    await expect(page.getByText(/JSON file for the workshop/)).toHaveCount(0);
    await expect(page.getByText(/designs? still possible/)).not.toBeVisible();
  });

  test('a text price reads with its currency', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.openPart('Heel tab');
    await expect(page.getByRole('textbox', { name: 'Heel tab text', exact: true })).toHaveAccessibleDescription(/adds €5\.00/);
  });
});
