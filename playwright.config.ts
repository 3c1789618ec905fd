// Playwright end-to-end tests against the production build, served by the Atelier server itself.
// The build is done by `npm run test:e2e` before Playwright starts.
// Chromium is Debian's (/usr/bin/chromium, see scripts/ensureChromium.mjs);
// WebGL runs in software through SwiftShader, so one worker only.
import { defineConfig } from '@playwright/test';

// Another port (and data folder) lets a second checkout run its suite beside this one.
const PORT = Number(process.env.ATELIER_E2E_PORT ?? 4317);
const HOST = '127.0.0.1';
const BASE_URL = `http://${HOST}:${PORT}`;
const E2E_DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? 'test-results/e2e-data';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Not test-results/ itself: Playwright empties its outputDir at start, and
  // test-results/unit-results.json (written by Vitest just before) must survive.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--enable-unsafe-swiftshader',
            '--use-angle=swiftshader',
            '--use-gl=angle',
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  // The real server (API and the built app) on a fresh embedded database for every run.
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx src/server/main.ts`,
    // Webhook deliveries are looked for every 200 ms (not every second), so the staff spec's receiver hears of an order at once.
    env: { PORT: String(PORT), HOST, ATELIER_DATA_DIR: E2E_DATA_DIR, ATELIER_FULFILMENT_TOKEN: 'e2e-fulfilment-token', ATELIER_WEBHOOK_POLL_MS: '200' },
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
