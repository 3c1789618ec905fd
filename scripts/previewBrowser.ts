/**
 * What the screenshot and preview-benchmark scripts share: Debian's Chromium with software WebGL
 * (both run the real server, `serverProcess.ts`, which serves the build and the catalog).
 */
import { chromium, type Browser } from '@playwright/test';

/** The flags the end-to-end tests use too: WebGL 2 through SwiftShader, nothing fetched from elsewhere. */
export const CHROMIUM_ARGS = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--use-gl=angle', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Debian's Chromium (see scripts/ensureChromium.mjs), headless with software WebGL. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
