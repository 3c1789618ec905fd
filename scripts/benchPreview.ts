/**
 * `npm run bench:preview`: in headless Chromium (software WebGL, 1280×800) against the production
 * build served by the real server (which also answers the catalog the page reads first, on a
 * fresh embedded database), measures over several fresh page loads the time from navigation start to the first frame
 * showing the product, then the frames drawn while idle (demand mode: should be 0) and the frame
 * rate while the camera is dragged round, and the material maps that stream in after the first
 * frame: their bytes and when the last of them had arrived. Prints figures; it is a benchmark, not
 * a test. `ATELIER_BENCH_PORT` picks the port (default 4321), so that two checkouts can run it.
 */

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './previewBrowser.ts';
import { startServerProcess } from './serverProcess.ts';

/** Bytes of every material map in the build. */
function committedTextureBytes(): number {
  const folder = join(process.cwd(), 'dist/textures');
  return (statSync(folder, { throwIfNoEntry: false }) ? readdirSync(folder) : []).reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
}

const PORT = Number(process.env.ATELIER_BENCH_PORT ?? 4321);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.RUNS ?? 5);

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'atelier-bench-preview-'));
  const server = await startServerProcess({ PORT: String(PORT), ATELIER_DATA_DIR: data });
  try {
    const browser = await launchChromium();
    const firstFrames: number[] = [];
    let idleFrames = 0;
    let orbitFps = 0;
    const mapsLoaded: number[] = [];
    let textureBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        if (/\/textures\/[^/]+\.webp$/.test(request.url())) sizes.push(request.sizes().then((size) => size.responseBodySize));
      });
      await page.goto(BASE);
      await page.waitForFunction(() => window.__atelierPreview?.firstFrameAt != null, undefined, { timeout: 60_000 });
      firstFrames.push(await page.evaluate(() => window.__atelierPreview!.firstFrameAt!));
      // A build without material maps (an older one, for a before/after) has no such figure.
      await page.waitForFunction(() => !('surfaceMapsLoadedAt' in window.__atelierPreview!) || window.__atelierPreview!.surfaceMapsLoadedAt != null, undefined, { timeout: 60_000 });
      const loadedAt = await page.evaluate(() => window.__atelierPreview!.surfaceMapsLoadedAt ?? null);
      if (loadedAt !== null) mapsLoaded.push(loadedAt);
      textureBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
      if (run === RUNS - 1) {
        await page.waitForTimeout(1500);
        const before = await page.evaluate(() => window.__atelierPreview!.framesRendered);
        await page.waitForTimeout(2000);
        idleFrames = (await page.evaluate(() => window.__atelierPreview!.framesRendered)) - before;
        const canvas = await page.locator('canvas').first().boundingBox();
        if (canvas) {
          const startFrames = await page.evaluate(() => window.__atelierPreview!.framesRendered);
          const started = Date.now();
          await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
          await page.mouse.down();
          for (let step = 0; step < 60; step++) await page.mouse.move(canvas.x + canvas.width / 2 + step * 6, canvas.y + canvas.height / 2 + Math.sin(step / 6) * 20, { steps: 2 });
          await page.mouse.up();
          const seconds = (Date.now() - started) / 1000;
          orbitFps = ((await page.evaluate(() => window.__atelierPreview!.framesRendered)) - startFrames) / seconds;
        }
      }
      await context.close();
    }
    await browser.close();
    const sorted = [...firstFrames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`Page load → first frame with the product (ms), ${RUNS} loads: ${firstFrames.map((t) => t.toFixed(0)).join(', ')}`);
    console.log(`  median ${median.toFixed(0)} ms   (budget ≤ 1500 ms: ${median <= 1500 ? 'PASS' : 'FAIL'})`);
    const mapsMedian = [...mapsLoaded].sort((a, b) => a - b)[Math.floor(mapsLoaded.length / 2)];
    if (mapsMedian !== undefined) console.log(`Page load → all material maps of the design loaded (ms): ${mapsLoaded.map((t) => t.toFixed(0)).join(', ')}   median ${mapsMedian.toFixed(0)} ms`);
    console.log(`Material maps downloaded for the default design: ${(textureBytes / 1024).toFixed(1)} KB (all maps committed: ${(committedTextureBytes() / 1024).toFixed(1)} KB, budget ≤ 1.5 MB: ${committedTextureBytes() <= 1_500_000 ? 'PASS' : 'FAIL'})`);
    console.log(`Frames drawn in 2 s with nothing changing: ${idleFrames}   (budget 0: ${idleFrames === 0 ? 'PASS' : 'FAIL'})`);
    console.log(`Frame rate while dragging the camera: ${orbitFps.toFixed(1)} fps   (budget ≥ 6 fps: ${orbitFps >= 6 ? 'PASS' : 'FAIL'})`);
  } finally {
    await server.stop('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
