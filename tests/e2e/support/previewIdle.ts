import type { Page } from '@playwright/test';
import type {} from '../../../src/views/preview/previewTestApi.ts';

/**
 * Waits until the 3D preview has drawn no frame for `quietMs` (the camera at rest, the material
 * maps in: it draws on demand only) and returns the frames drawn so far.
 */
export async function waitForPreviewIdle(page: Page, quietMs = 1_000): Promise<number> {
  const framesRendered = () => page.evaluate(() => window.__atelierPreview?.framesRendered ?? 0);
  let last = await framesRendered();
  for (let waited = 0; waited < 30_000; waited += quietMs) {
    await page.waitForTimeout(quietMs);
    const now = await framesRendered();
    if (now === last) return now;
    last = now;
  }
  throw new Error(`the preview kept drawing frames for 30 s (at ${last})`);
}
