/**
 * What the screenshot and preview-benchmark scripts share: the production build served by
 * `vite preview` on a port of their own, and Debian's Chromium with software WebGL.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';

/** The flags the end-to-end tests use too: WebGL 2 through SwiftShader, nothing fetched from elsewhere. */
export const CHROMIUM_ARGS = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--use-gl=angle', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Serves `dist/` on 127.0.0.1:`port` and resolves once it answers; run after `vite build`. */
export async function startPreviewServer(port: number): Promise<{ readonly url: string; readonly server: ChildProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`The preview server did not start on ${url}; run \`npx vite build\` first.`);
}

/** Debian's Chromium (see scripts/ensureChromium.mjs), headless with software WebGL. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
