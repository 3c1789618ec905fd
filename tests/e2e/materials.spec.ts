import { expect, test, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The material maps in real Chromium with software WebGL: the first frame is drawn with flat
// materials, the maps stream in after it behind a visible progress bar, and a material's surface
// shows in the pixels of its part.

/** What the pixels of a square of the canvas say about its surface. */
interface PatchStatistics {
  /** Mean luminance, 0–255. */
  readonly mean: number;
  /** Mean absolute difference between a pixel and the mean of its four neighbours: fine detail. */
  readonly detail: number;
  /** The brightest pixel's luminance: a glossy surface mirrors the studio's lights. */
  readonly brightest: number;
}

/** Statistics of a square of `size` CSS pixels around a part's point on screen, read from the canvas. */
async function partPatch(page: Page, partId: string, size = 24): Promise<PatchStatistics> {
  const point = await page.evaluate((id) => window.__atelierPreview!.partScreenPoint(id), partId);
  expect(point, `${partId} should be visible on the canvas`).not.toBeNull();
  return page.getByRole('img', { name: /^3D preview of the / }).locator('canvas').evaluate(
    (element, { x, y, size }) => {
      const canvas = element as HTMLCanvasElement;
      const scale = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const side = Math.round(size * scale);
      const { data } = context.getImageData(Math.round(x * scale - side / 2), Math.round(y * scale - side / 2), side, side);
      const luminance = (i: number) => 0.2126 * data[4 * i]! + 0.7152 * data[4 * i + 1]! + 0.0722 * data[4 * i + 2]!;
      let sum = 0;
      let brightest = 0;
      for (let i = 0; i < side * side; i += 1) {
        sum += luminance(i);
        brightest = Math.max(brightest, luminance(i));
      }
      let detail = 0;
      for (let row = 1; row < side - 1; row += 1) {
        for (let column = 1; column < side - 1; column += 1) {
          const i = row * side + column;
          detail += Math.abs(luminance(i) - (luminance(i - 1) + luminance(i + 1) + luminance(i - side) + luminance(i + side)) / 4);
        }
      }
      return { mean: sum / (side * side), detail: detail / ((side - 2) * (side - 2)), brightest };
    },
    { ...point!, size },
  );
}

async function waitForMaps(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__atelierPreview?.surfaceMapsLoadedAt != null, null, { timeout: 45_000 });
}

/** Waits until no frame has been drawn for a second (the camera at rest, the maps laid on). */
async function waitUntilIdle(page: Page): Promise<void> {
  let last = await page.evaluate(() => window.__atelierPreview!.framesRendered);
  for (let waited = 0; waited < 30_000; waited += 1_000) {
    await page.waitForTimeout(1_000);
    const now = await page.evaluate(() => window.__atelierPreview!.framesRendered);
    if (now === last) return;
    last = now;
  }
  throw new Error('the preview kept drawing frames for 30 s');
}

test('streams the material maps in after the first frame, behind a visible progress bar', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const askedBeforeFirstFrame: string[] = [];
  await page.route('**/textures/*.webp', async (route) => {
    const firstFrameAt = await page.evaluate(() => window.__atelierPreview?.firstFrameAt ?? null).catch(() => null);
    if (firstFrameAt === null) askedBeforeFirstFrame.push(route.request().url());
    await held;
    await route.continue();
  });
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });

  const progress = page.getByRole('progressbar', { name: /^Loading the materials of the / });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await waitUntilIdle(page);
  const flat = await partPatch(page, 'toeCap');

  release();
  await expect(progress).toHaveCount(0);
  await waitForMaps(page);
  await waitUntilIdle(page);
  const mapped = await partPatch(page, 'toeCap');

  expect(askedBeforeFirstFrame).toEqual([]);
  const { firstFrameAt, surfaceMapsLoadedAt } = await page.evaluate(() => ({ ...window.__atelierPreview! }));
  expect(surfaceMapsLoadedAt!).toBeGreaterThan(firstFrameAt!);
  // The leather's grain: fine detail the flat material did not have, at about the same brightness.
  expect(mapped.detail).toBeGreaterThan(2 * flat.detail + 0.3);
  expect(Math.abs(mapped.mean - flat.mean)).toBeLessThan(40);
});

test('suede and patent leather on the same part look like what they are', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
  await waitForMaps(page);

  const wear = async (material: string, colour: string): Promise<void> => {
    await configurator.choose('Toe cap material', material);
    // A material that does not come in the current colour asks first; take its suggestion, then the colour.
    if (await configurator.conflictDialog.isVisible()) await configurator.applyChangeButton.click();
    await configurator.choose('Toe cap colour', colour);
    await page.evaluate(() => window.__atelierPreview!.focus('toeCap'));
  };
  await wear('Patent leather', 'Black');
  await waitForMaps(page);
  await waitUntilIdle(page);
  const patent = await partPatch(page, 'toeCap');

  // Suede's map is held back: first the flat suede, then the same suede with its nap.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/textures/suede.webp', async (route) => {
    await held;
    await route.continue();
  });
  await wear('Suede', 'Charcoal');
  await expect(page.getByRole('progressbar', { name: /^Loading the materials of the / })).toBeVisible();
  await waitUntilIdle(page);
  const flatSuede = await partPatch(page, 'toeCap');
  release();
  await waitForMaps(page);
  await waitUntilIdle(page);
  const suede = await partPatch(page, 'toeCap');

  // Patent is a lacquer that mirrors the studio's lights; suede scatters them softly.
  expect(patent.brightest - patent.mean).toBeGreaterThan(2 * (suede.brightest - suede.mean));
  // Suede's nap is fine detail on the part that the flat material did not have.
  expect(suede.detail).toBeGreaterThan(1.5 * flatSuede.detail);
});
