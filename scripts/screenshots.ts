/**
 * `npm run screenshots`: renders the default design and two colourways from three angles (side,
 * front, above) in headless Chromium, plus the whole configurator page, into docs/. Serves the
 * production build itself (run after `vite build`; the npm script does that).
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startPreviewServer } from './previewBrowser.ts';

const PORT = 4319;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = join(import.meta.dirname, '..', 'docs');
const ANGLES = {
  side: [0, 0.12, 1],
  front: [1, 0.18, 0.02],
  above: [0.02, 1, 0.01],
} as const;
const DESIGNS = [
  { name: 'default', colourway: null },
  { name: 'midnight-suede', colourway: 'Midnight Suede' },
  { name: 'court-red', colourway: 'Court Red' },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { server } = await startPreviewServer(PORT);
  try {
    const browser = await launchChromium();
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
    await browser.close();
  } finally {
    server.kill();
  }
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
