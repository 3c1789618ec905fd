/**
 * `npm run screenshots`: renders the default design and two colourways from three angles (side,
 * front, above) in headless Chromium, personalised designs, and every page a shopper sees — both
 * configurators, the review, the order confirmation and the gallery — on a desktop (1280 × 800)
 * and a phone (390 × 844), into docs/. Runs the real server (the production build, the API and a
 * fresh embedded database in a temporary folder) on ATELIER_SCREENSHOTS_PORT (default 4319); run
 * after `vite build` (the npm script does that).
 *
 * The designers' pages too, on a seeded shop (scripts/support/demandSeed.ts, a few thousand
 * orders): the parts customers change on the 3D model (docs/insight-parts.png) and the review
 * queue (docs/review.png). `-- --designer` takes only those.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { launchChromium } from './previewBrowser.ts';
import { startServerProcess } from './serverProcess.ts';

const PORT = screenshotsPort(process.env.ATELIER_SCREENSHOTS_PORT);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = join(import.meta.dirname, '..', 'docs');
const SCREENS = join(OUT, 'screens');
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
const ANGLES = {
  side: [0, 0.12, 1],
  front: [1, 0.18, 0.02],
  above: [0.02, 1, 0.01],
} as const;
/** Only the designers' pages (`-- --designer`). */
const DESIGNER_ONLY = process.argv.includes('--designer');
/** The seeded shop's designer, made up for the screenshots. */
const DESIGNER = { email: 'designer@shop.example', password: 'designer passphrase of the screenshots' };
const DESIGNS = [
  { name: 'default', colourway: null },
  { name: 'midnight-suede', colourway: 'Midnight Suede' },
  { name: 'court-red', colourway: 'Court Red' },
] as const;

async function main(): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  const data = mkdtempSync(join(tmpdir(), 'atelier-screenshots-'));
  await seedDesignerShop(data);
  const server = await startServerProcess({ PORT: String(PORT), ATELIER_DATA_DIR: data });
  try {
    const browser = await launchChromium();
    await designerPages(browser);
    if (DESIGNER_ONLY) {
      await browser.close();
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(BASE);
    await page.waitForFunction(() => window.__atelierPreview?.ready === true, undefined, { timeout: 60_000 });
    await page.screenshot({ path: join(OUT, 'configurator.png') });
    console.log('docs/configurator.png');
    const preview = page.locator('section.preview');
    for (const design of DESIGNS) {
      if (design.colourway) await page.getByRole('button', { name: new RegExp(`^${design.colourway}`) }).click();
      for (const [angle, direction] of Object.entries(ANGLES)) {
        await lookFrom(page, direction);
        const file = join(OUT, `${design.name}-${angle}.png`);
        await preview.screenshot({ path: file });
        console.log(`docs/${design.name}-${angle}.png`);
      }
    }
    await personalisedShots(page, preview);
    await page.close();
    await shopperPages(browser);
    await browser.close();
  } finally {
    await server.stop('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}

/**
 * Every page a shopper sees, on a desktop and on a phone: both configurators, the review, the
 * order confirmation and the gallery (with a few designs shared to it first).
 */
async function shopperPages(browser: Browser): Promise<void> {
  const setup = await browser.newPage({ viewport: VIEWPORTS.desktop });
  for (const colourway of ['Midnight Suede', 'Court Red', 'Volt Runner']) await shareToGallery(setup, colourway);
  await setup.close();

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    const shot = async (name: string) => {
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SCREENS, `${name}-${device}.png`) });
      console.log(`docs/screens/${name}-${device}.png`);
    };
    await openConfigurator(page, '/');
    await shot('sneaker');
    await openConfigurator(page, '/?product=tshirt');
    await shot('tshirt');

    await openConfigurator(page, '/');
    await page.getByRole('button', { name: /^Midnight Suede/ }).click();
    await page.getByRole('button', { name: 'Review design', exact: true }).click();
    await page.getByRole('combobox', { name: 'Size' }).selectOption({ index: 5 });
    await shot('review');
    await fillContact(page);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    await shot('confirmation');

    await page.goto(`${BASE}/gallery?product=sneaker`);
    await page.getByRole('article').first().waitFor();
    await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))));
    await shot('gallery');
    await page.close();
  }
}

/**
 * A shop with demand for the designers' pages, written before the server opens the database: a
 * few thousand orders and signals over 90 days (scripts/support/demandSeed.ts), and a designer
 * account (the staff CLI, password on standard input).
 */
async function seedDesignerShop(data: string): Promise<void> {
  const [{ loadCatalogFromDisk }, { applyMigrations }, { databaseConfigFromEnv, openDatabase }, { seedDemand }, { productUnderTest }] = await Promise.all([
    import('../src/server/catalogFiles.ts'), import('../src/server/migrate.ts'), import('../src/server/openDatabase.ts'), import('./support/demandSeed.ts'), import('./support/orderBodies.ts'),
  ]);
  const client = await openDatabase(databaseConfigFromEnv({ ATELIER_DATA_DIR: data }, process.cwd()));
  try {
    await applyMigrations(client);
    const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
    await seedDemand(client, sneaker, { orders: 3000, signals: 12_000, days: 90, families: 60, until: new Date() });
  } finally {
    await client.close();
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/staffCli.ts', 'add', '--email', DESIGNER.email, '--role', 'designer'], { env: { ...process.env, ATELIER_DATA_DIR: data }, stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the staff CLI exited with ${code}`))));
    child.stdin.end(`${DESIGNER.password}\n`);
  });
}

/**
 * The designers' pages on a desktop: "What customers design" with the parts customers change on
 * the 3D model, then three of the most wanted designs shortlisted, and the review queue.
 */
async function designerPages(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  await page.goto(`${BASE}/staff/insight`);
  await page.getByRole('textbox', { name: 'Email' }).fill(DESIGNER.email);
  await page.getByLabel('Password', { exact: true }).fill(DESIGNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const parts = page.locator('section[aria-labelledby="insight-parts"]');
  await parts.locator('.staff-part-model[data-drawn="true"]').waitFor({ timeout: 60_000 });
  await parts.evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, 'insight-parts.png') });
  console.log('docs/insight-parts.png');

  const shortlist = page.locator('section[aria-labelledby="insight-popular"]').getByRole('button', { name: /^Shortlist/ });
  for (let n = 0; n < 3; n++) {
    await shortlist.nth(n).click();
    await page.getByText('In the review queue').nth(n).waitFor();
  }
  await page.goto(`${BASE}/staff/review`);
  await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Approve/ }).first().waitFor();
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, 'review.png') });
  console.log('docs/review.png');
  await page.close();
}

async function openConfigurator(page: Page, path: string): Promise<void> {
  await page.goto(`${BASE}${path}`);
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, undefined, { timeout: 60_000 });
}

/** Shares a colourway of the sneaker to the gallery from the review, under the colourway's name. */
async function shareToGallery(page: Page, colourway: string): Promise<void> {
  await page.goto(BASE);
  await page.getByRole('button', { name: new RegExp(`^${colourway}`) }).click();
  await page.getByRole('button', { name: 'Review design', exact: true }).click();
  await page.getByRole('textbox', { name: 'Design name' }).fill(colourway);
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  await page.getByRole('status').filter({ hasText: 'community gallery' }).waitFor();
}

/** The checkout's contact and shipping address, with made-up details. */
async function fillContact(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sam Example');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('sam@example.com');
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: 'France' });
  await page.getByRole('textbox', { name: 'Street and number', exact: true }).fill('1 Rue de Rivoli');
  await page.getByRole('textbox', { name: 'Postal code', exact: true }).fill('75001');
  await page.getByRole('textbox', { name: 'Town or city', exact: true }).fill('Paris');
}

/** The port of ATELIER_SCREENSHOTS_PORT, or 4319; anything else ends the script with a clear message. */
function screenshotsPort(text: string | undefined): number {
  if (text === undefined || text === '') return 4319;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`ATELIER_SCREENSHOTS_PORT must be a port number from 1 to 65535, not "${text}"; leave it out for 4319.`);
    process.exit(2);
  }
  return port;
}

/** Personalised designs of both products: the t-shirt from the front, back and side, the sneaker's heel tab. */
async function personalisedShots(page: Page, preview: ReturnType<Page['locator']>): Promise<void> {
  await page.goto(`${BASE}/?product=tshirt`);
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Oversized Back Print' }).click();
  await page.getByRole('button', { name: /^Front print / }).click();
  await page.getByRole('radio', { name: 'Screen print', exact: true }).check();
  await page.getByRole('textbox', { name: 'Front text', exact: true }).fill('Atelier Club');
  await page.getByRole('combobox', { name: 'Front text font' }).selectOption({ label: 'Pacifico' });
  await page.getByRole('combobox', { name: 'Front text colour' }).selectOption({ label: 'Mustard' });
  await page.getByRole('button', { name: /^Back print / }).click();
  await page.getByRole('textbox', { name: 'Back text', exact: true }).fill('NO 23');
  await page.getByRole('combobox', { name: 'Back text font' }).selectOption({ label: 'Bebas Neue' });
  await page.getByRole('combobox', { name: 'Back text colour' }).selectOption({ label: 'White' });
  for (const [angle, direction] of Object.entries({ front: [0.35, 0.15, 1], back: [-0.3, 0.15, -1] } as const)) {
    await lookFrom(page, direction);
    await preview.screenshot({ path: join(OUT, `tshirt-personalised-${angle}.png`) });
    console.log(`docs/tshirt-personalised-${angle}.png`);
  }
  await page.screenshot({ path: join(OUT, 'tshirt-configurator.png') });
  console.log('docs/tshirt-configurator.png');

  await page.goto(BASE);
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: /^Heel tab / }).click();
  await page.getByRole('textbox', { name: 'Heel tab text', exact: true }).fill('ADA 23');
  await page.getByRole('combobox', { name: 'Heel tab text colour' }).selectOption({ label: 'Optic white' });
  await lookFrom(page, [-1, 0.35, 0.35]);
  await preview.screenshot({ path: join(OUT, 'sneaker-personalised-heel.png') });
  console.log('docs/sneaker-personalised-heel.png');
}

async function lookFrom(page: Page, direction: readonly [number, number, number]): Promise<void> {
  // The material maps stream in after the first frame: shoot the materials as a shopper sees them.
  await page.waitForFunction(() => window.__atelierPreview?.surfaceMapsLoadedAt != null, undefined, { timeout: 60_000 });
  const before = await page.evaluate(async (d) => {
    const frames = window.__atelierPreview!.framesRendered;
    await window.__atelierPreview!.lookFrom(d[0], d[1], d[2]);
    return frames;
  }, direction as [number, number, number]);
  // Wait until the new view has been drawn, then until drawing stops (the preview renders on demand).
  await page.waitForFunction((frames) => window.__atelierPreview!.framesRendered > frames, before);
  await page.waitForTimeout(300);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
