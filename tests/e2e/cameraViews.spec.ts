import { expect, test, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The preset camera angles beside the 3D preview, in real Chromium with software WebGL: each
// button is labelled, and pressing it turns the camera (the canvas's pixels change).

/** The angles every product offers, as the customer reads them on the buttons. */
const ANGLES = ['Side', 'Front', 'Back', 'Top', 'Detail'];

async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
}

/** Waits until no frame has been drawn for a second (the camera is at rest). */
async function waitUntilIdle(page: Page): Promise<void> {
  const frames = () => page.evaluate(() => window.__atelierPreview!.framesRendered);
  let last = await frames();
  for (let waited = 0; waited < 30_000; waited += 1_000) {
    await page.waitForTimeout(1_000);
    const now = await frames();
    if (now === last) return;
    last = now;
  }
  throw new Error(`the preview kept drawing frames for 30 s (at ${last})`);
}

/** The canvas's pixels, sampled every 4th pixel each way, as RGB bytes. */
async function canvasPixels(page: Page): Promise<number[]> {
  return page.getByRole('img', { name: /^3D preview of the / }).locator('canvas').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const out: number[] = [];
    for (let y = 0; y < height; y += 4) for (let x = 0; x < width; x += 4) out.push(data[4 * (y * width + x)]!, data[4 * (y * width + x) + 1]!, data[4 * (y * width + x) + 2]!);
    return out;
  });
}

/** The share of sampled pixels that differ clearly between two pictures. */
function changedShare(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 1;
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 40) changed++;
  return changed / (a.length / 3);
}

for (const { product, path } of [
  { product: 'sneaker', path: '/' },
  { product: 't-shirt', path: '/?product=tshirt' },
]) {
  test(`the ${product} has labelled camera view buttons beside the preview, and each turns the camera`, async ({ page }) => {
    test.setTimeout(180_000);
    const configurator = new ConfiguratorPage(page);
    await configurator.open({ webgl: true });
    if (path !== '/') await page.goto(path);
    await waitUntilReady(page);
    const group = page.getByRole('group', { name: 'Camera views' });
    await expect(group).toBeVisible();
    for (const angle of ANGLES) await expect(group.getByRole('button', { name: angle, exact: true })).toBeVisible();

    await waitUntilIdle(page);
    const seen: number[][] = [await canvasPixels(page)];
    for (const angle of ANGLES) {
      await group.getByRole('button', { name: angle, exact: true }).click();
      await waitUntilIdle(page);
      const now = await canvasPixels(page);
      // Each angle shows the product differently from the one before it.
      expect(changedShare(seen[seen.length - 1]!, now), `${angle} after ${seen.length === 1 ? 'the overview' : ANGLES[seen.length - 2]}`).toBeGreaterThan(0.02);
      seen.push(now);
    }
    // Not an animation back to where it started: the side and the front differ too.
    expect(changedShare(seen[1]!, seen[2]!)).toBeGreaterThan(0.02);
  });
}
