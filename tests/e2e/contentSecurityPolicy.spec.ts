import { expect, test, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The built app under the server's Content-Security-Policy: going through the configurator (with
// the 3D preview and without), personal text and artwork, the review, the order and its
// confirmation, and the gallery, nothing the page does is blocked. Violations are collected from
// `securitypolicyviolation` events and from the console, where Chromium reports them too.

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Starts collecting the page's CSP violations; returns what was collected so far, console included. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|create|frame)/i.test(message.text())) fromConsole.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return async () => {
    // A page that navigated away has a fresh list: read what the current one saw.
    const fromPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    return [...fromPage, ...fromConsole];
  };
}

/** The policy the server sent with the app's page. */
async function appPolicy(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  return response.headers()['content-security-policy'] ?? '';
}

test('the configurator with its 3D preview, the review and an order run under the CSP without a violation', async ({ page }) => {
  expect(await appPolicy(page, '/')).toMatch(/frame-ancestors 'none'/);
  expect(await appPolicy(page, '/')).not.toMatch(/unsafe-eval/);
  const violations = await watchViolations(page);
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
  await configurator.choose('Toe cap colour', 'Navy');
  await configurator.openPart('Heel tab');
  await page.getByRole('textbox', { name: 'Heel tab text', exact: true }).fill('ADA 23');
  await expect.poll(() => page.evaluate(() => window.__atelierPreview?.framesRendered ?? 0)).toBeGreaterThan(2);

  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Lovelace');
  await configurator.fillContactAndAddress({ email: 'ada.csp@example.com' });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();
  expect(await violations()).toEqual([]);

  // The order record the confirmation links to, opened as a page.
  await page.getByRole('link', { name: 'order record' }).click();
  await expect(page.locator('body')).toContainText('atelier.server-order/1');
  expect(await violations()).toEqual([]);
});

test('the t-shirt with uploaded artwork, the 2D illustration and its captured picture run under the CSP without a violation', async ({ page }) => {
  const { pngFile } = await import('../../scripts/support/orderBodies.ts');
  expect(await appPolicy(page, '/?product=tshirt')).toMatch(/frame-ancestors 'none'/);
  const violations = await watchViolations(page);
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await page.goto('/?product=tshirt');
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
  await page.getByRole('button', { name: /^Front print / }).click();
  await page.getByRole('radio', { name: 'Direct-to-garment', exact: true }).check();
  await page.getByLabel('Front artwork', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(pngFile(3200, 1600, [20, 90, 160])) });
  await expect(page.getByLabel('Front artwork', { exact: true })).toHaveAccessibleDescription(/prints at \d+ DPI/);
  expect(await violations()).toEqual([]);

  // Without WebGL: the 2D illustration, captured for the order through a blob: URL.
  const flat = await page.context().newPage();
  const flatViolations = await watchViolations(flat);
  const flatConfigurator = new ConfiguratorPage(flat);
  await flatConfigurator.open();
  await flatConfigurator.reviewButton.click();
  await flatConfigurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await flat.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Hopper');
  await flatConfigurator.fillContactAndAddress({ name: 'Grace Hopper', email: 'grace.csp@example.com' });
  await flat.getByRole('button', { name: 'Place order' }).click();
  await expect(flat.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();
  expect(await flatViolations()).toEqual([]);
});

test('the gallery, its pictures, voting and a submission run under the CSP without a violation', async ({ page }) => {
  expect(await appPolicy(page, '/gallery?product=sneaker')).toMatch(/frame-ancestors 'none'/);
  const violations = await watchViolations(page);
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
  const title = `Policy runner ${Math.random().toString(36).slice(2, 7)}`;
  // A design no other test shares (the same design would join that test's candidate).
  await configurator.choose('Toe cap colour', 'Chalk');
  await configurator.reviewButton.click();
  await page.getByRole('textbox', { name: 'Design name' }).fill(title);
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your design is in the community gallery' })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.getByRole('link', { name: 'See it in the gallery' }).click();
  await page.getByRole('radio', { name: 'Newest' }).check();
  const card = page.getByRole('article', { name: title });
  const picture = card.getByRole('img', { name: `${title}, a customer's Court Sneaker` });
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 100), { timeout: 10_000 }).toBe(true);
  await card.getByRole('button', { name: `Vote up ${title}` }).click();
  await expect(card.getByRole('button', { name: `Vote up ${title}` })).toHaveAttribute('aria-pressed', 'true');
  expect(await violations()).toEqual([]);
});
