import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ScreenPoint } from '../../src/views/preview/partScreenPoint.ts';
import type { AtelierPreviewTestApi } from '../../src/views/preview/previewTestApi.ts';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';
import { waitForPreviewIdle } from './support/previewIdle.ts';

// The live 3D preview in real Chromium with software WebGL (SwiftShader). The DOM cannot see into
// the canvas, so the preview exposes `window.__atelierPreview` (frames drawn, where a part is on
// screen) and the tests read the canvas's pixels.

type Rgb = readonly [number, number, number];

const COURT_RED: Rgb = [0xc0, 0x26, 0x2d];

/** The preview as a test sees it: its canvas, its test API and its pixels. */
class PreviewCanvas {
  constructor(readonly page: Page) {}

  /** The illustration's container (the canvas is not a control: the option panel is). */
  get image(): Locator {
    return this.page.getByRole('img', { name: /^3D preview of the / });
  }

  get canvas(): Locator {
    return this.image.locator('canvas');
  }

  /** Waits for the first frame, and for the material maps that stream in after it (their arrival draws frames too). */
  async waitUntilReady(): Promise<void> {
    await this.page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
    await this.page.waitForFunction(() => window.__atelierPreview?.surfaceMapsLoadedAt != null, null, { timeout: 45_000 });
  }

  /** The counters of the preview's test API. */
  async counters(): Promise<Pick<AtelierPreviewTestApi, 'ready' | 'framesRendered' | 'firstFrameAt'>> {
    return this.page.evaluate(() => {
      const { ready, framesRendered, firstFrameAt } = window.__atelierPreview!;
      return { ready, framesRendered, firstFrameAt };
    });
  }

  async framesRendered(): Promise<number> {
    return (await this.counters()).framesRendered;
  }

  /** Waits until no frame has been drawn for `quietMs` (camera at rest), and returns the frame count. */
  async waitUntilIdle(quietMs = 1_000): Promise<number> {
    return waitForPreviewIdle(this.page, quietMs);
  }

  async partScreenPoint(partId: string): Promise<ScreenPoint> {
    const point = await this.page.evaluate((id) => window.__atelierPreview!.partScreenPoint(id), partId);
    expect(point, `${partId} should be visible on the canvas`).not.toBeNull();
    return point!;
  }

  /** The mean colour of the canvas in a 5×5 CSS-pixel square around a point. */
  async colourAt(point: ScreenPoint): Promise<Rgb> {
    return this.canvas.evaluate((element, { x, y }) => {
      const canvas = element as HTMLCanvasElement;
      const scale = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const size = Math.max(1, Math.round(5 * scale));
      const { data } = context.getImageData(Math.round(x * scale - size / 2), Math.round(y * scale - size / 2), size, size);
      const sum = [0, 0, 0];
      for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c += 1) sum[c]! += data[i + c]!;
      const count = data.length / 4;
      return [sum[0]! / count, sum[1]! / count, sum[2]! / count] as const;
    }, point);
  }

  /** Remembers the canvas's pixels in the page, to find later where a change landed. */
  async rememberPixels(): Promise<void> {
    await this.canvas.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      copy.getContext('2d')!.drawImage(canvas, 0, 0);
      (window as unknown as { __rememberedPixels: ImageData }).__rememberedPixels = copy.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    });
  }

  /**
   * The pixels that changed by more than a little since {@link rememberPixels}, and their bounds in
   * CSS pixels; computed in the page, so that polling stays cheap on a slow machine.
   */
  async changedSinceRemembered(): Promise<{ count: number; minX: number; minY: number; maxX: number; maxY: number }> {
    return this.canvas.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const before = (window as unknown as { __rememberedPixels: ImageData }).__rememberedPixels;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      copy.getContext('2d')!.drawImage(canvas, 0, 0);
      const after = copy.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const scale = canvas.width / canvas.clientWidth;
      let count = 0;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      if (before.width !== after.width || before.height !== after.height) return { count: -1, minX, minY, maxX, maxY };
      for (let i = 0; i < after.data.length; i += 4) {
        const delta = Math.abs(after.data[i]! - before.data[i]!) + Math.abs(after.data[i + 1]! - before.data[i + 1]!) + Math.abs(after.data[i + 2]! - before.data[i + 2]!);
        if (delta < 60) continue;
        count += 1;
        const x = ((i / 4) % after.width) / scale;
        const y = Math.floor(i / 4 / after.width) / scale;
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
      return { count, minX, minY, maxX, maxY };
    });
  }

  /** A PNG of the canvas alone, to tell whether the picture changed. */
  async snapshot(): Promise<Buffer> {
    return this.canvas.screenshot();
  }

  /** Clicks the canvas at a point given relative to it. */
  async clickAt(point: ScreenPoint): Promise<void> {
    await this.canvas.click({ position: point });
  }
}

function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

test.describe('personal text on the model', () => {
  test('shows the heel tab text on the heel tab as it is typed, and nowhere else', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    const preview = new PreviewCanvas(page);
    await configurator.open({ webgl: true });
    await preview.waitUntilReady();
    await configurator.openPart('Heel tab');
    const text = page.getByRole('textbox', { name: 'Heel tab text', exact: true });
    // A first letter adds the text's price, which grows the price card and so resizes the preview;
    // measure from there.
    await text.fill('A');
    await preview.waitUntilIdle();
    const tab = await preview.partScreenPoint('heelTab');
    await preview.rememberPixels();
    await text.fill('ADA 23');
    await expect.poll(async () => (await preview.changedSinceRemembered()).count, { timeout: 20_000 }).toBeGreaterThan(30);
    const changed = await preview.changedSinceRemembered();
    // Everything that changed lies on the heel tab (a few dozen CSS pixels around its point).
    expect(changed.minX).toBeGreaterThan(tab.x - 90);
    expect(changed.maxX).toBeLessThan(tab.x + 90);
    expect(changed.minY).toBeGreaterThan(tab.y - 90);
    expect(changed.maxY).toBeLessThan(tab.y + 90);
  });
});

test.describe('artwork on the model', () => {
  test('shows an uploaded artwork on the t-shirt\'s chest at once, and nowhere else', async ({ page }) => {
    const { pngFile } = await import('../../scripts/support/orderBodies.ts');
    const configurator = new ConfiguratorPage(page);
    const preview = new PreviewCanvas(page);
    await configurator.open({ webgl: true });
    await page.goto('/?product=tshirt');
    await preview.waitUntilReady();
    await page.getByRole('button', { name: /^Front print / }).click();
    await page.getByRole('radio', { name: 'Direct-to-garment', exact: true }).check();
    await preview.waitUntilIdle();
    const body = await preview.partScreenPoint('body');
    await preview.rememberPixels();
    await page.getByLabel('Front artwork', { exact: true }).setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: Buffer.from(pngFile(3200, 3200, [200, 20, 30])) });
    await expect.poll(async () => (await preview.changedSinceRemembered()).count, { timeout: 20_000 }).toBeGreaterThan(500);
    const changed = await preview.changedSinceRemembered();
    // The square sits on the front of the shirt, around the middle of the body.
    expect(changed.minX).toBeGreaterThan(body.x - 150);
    expect(changed.maxX).toBeLessThan(body.x + 150);
    const centre = await preview.colourAt({ x: (changed.minX + changed.maxX) / 2, y: (changed.minY + changed.maxY) / 2 });
    expect(centre[0]).toBeGreaterThan(centre[1] + 60);
  });
});

test.describe('once the model has loaded', () => {
  let configurator: ConfiguratorPage;
  let preview: PreviewCanvas;

  test.beforeEach(async ({ page }) => {
    configurator = new ConfiguratorPage(page);
    preview = new PreviewCanvas(page);
    await configurator.open({ webgl: true });
    await preview.waitUntilReady();
  });

  test('draws the sneaker once its model has loaded', async () => {
    const { firstFrameAt, framesRendered } = await preview.counters();
    expect(firstFrameAt).toBeGreaterThan(0);
    expect(framesRendered).toBeGreaterThan(0);
    await expect(preview.image).toBeVisible();
    await expect(preview.page.getByRole('progressbar')).toHaveCount(0);
    // The model is really there: the toe cap is an opaque, light (optic white leather) surface.
    const toe = await preview.partScreenPoint('toeCap');
    const colour = await preview.colourAt(toe);
    expect(Math.min(...colour)).toBeGreaterThan(150);
  });

  test('shows a chosen colour on its part within two frames, and nowhere else', async () => {
    // Choosing an option turns the camera toward its part; do that first, so that only the colour changes.
    await configurator.choose('Toe cap colour', 'Chalk');
    await preview.waitUntilIdle();
    const toe = await preview.partScreenPoint('toeCap');
    const heel = await preview.partScreenPoint('heelCounter');
    const toeBefore = await preview.colourAt(toe);
    const heelBefore = await preview.colourAt(heel);
    const framesBefore = await preview.framesRendered();

    await configurator.choose('Toe cap colour', 'Court red');

    await expect.poll(async () => distance(await preview.colourAt(toe), COURT_RED), { timeout: 10_000 }).toBeLessThan(distance(toeBefore, COURT_RED) / 2);
    const [r, g, b] = await preview.colourAt(toe);
    expect(r).toBeGreaterThan(g + 50);
    expect(r).toBeGreaterThan(b + 50);
    expect(distance(await preview.colourAt(heel), heelBefore)).toBeLessThan(3);
    // Everything that changed was drawn in at most two frames.
    const framesAfter = await preview.waitUntilIdle();
    expect(framesAfter - framesBefore).toBeGreaterThanOrEqual(1);
    expect(framesAfter - framesBefore).toBeLessThanOrEqual(2);
  });

  test('draws no frames while nothing changes', async ({ page }) => {
    const frames = await preview.waitUntilIdle();
    await page.waitForTimeout(1_000);
    expect(await preview.framesRendered()).toBe(frames);
  });

  test('clicking a part on the model opens its section and turns the camera toward it', async () => {
    await preview.waitUntilIdle();
    const sidePanelToggle = configurator.partToggle('Side logo panel');
    await expect(sidePanelToggle).toHaveAttribute('aria-expanded', 'false');
    const before = await preview.snapshot();

    await preview.clickAt(await preview.partScreenPoint('sidePanel'));

    await expect(sidePanelToggle).toHaveAttribute('aria-expanded', 'true');
    await expect(configurator.radioGroup('Side logo panel colour')).toBeVisible();
    await expect(preview.image).toHaveAccessibleName(/showing the side logo panel/);
    await preview.waitUntilIdle();
    expect((await preview.snapshot()).equals(before)).toBe(false);
  });

  test('dragging across the model turns it without choosing a part', async ({ page }) => {
    await preview.waitUntilIdle();
    const quarter = await preview.partScreenPoint('quarter');
    const box = (await preview.canvas.boundingBox())!;
    const before = await preview.snapshot();

    await page.mouse.move(box.x + quarter.x, box.y + quarter.y);
    await page.mouse.down();
    await page.mouse.move(box.x + quarter.x + 120, box.y + quarter.y + 10, { steps: 6 });
    await page.mouse.up();

    await preview.waitUntilIdle();
    expect((await preview.snapshot()).equals(before)).toBe(false);
    await expect(configurator.partToggle('Quarter')).toHaveAttribute('aria-expanded', 'false');
  });
});

test('shows the model download as an accessible progress bar', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/*.glb', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const progress = page.getByRole('progressbar', { name: /Loading the 3D preview/ });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  release();
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
  await expect(progress).toHaveCount(0);
});

test('shows the 2D illustration, coloured as chosen, when the 3D model cannot be downloaded', async ({ page }) => {
  await page.route('**/models/*.glb', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await expect(configurator.illustration).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^3D preview of the / })).toHaveCount(0);
  await configurator.choose('Toe cap colour', 'Court red');
  await expect(configurator.illustration).toHaveAccessibleName(/toe cap Court red/);
});
