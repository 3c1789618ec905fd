import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { atelierCatalogPlugin } from './scripts/atelierCatalogPlugin.ts';

const rootDir = import.meta.dirname;
// The page reads the catalog (and sends orders, uploads, votes) to the Atelier server's /api: under
// `npm run dev` and `vite preview` they go to the server `npm start` runs (PORT, default 4173).
const apiTarget = process.env.ATELIER_API_URL ?? 'http://127.0.0.1:4173';

export default defineConfig({
  plugins: [react(), atelierCatalogPlugin(rootDir)],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: the server reads which files make the 3D preview, to preload them with a customer page.
    manifest: true,
    rollupOptions: {
      // The domain's index exports the gallery's text moderation, which only the server runs;
      // obscenity ships as CommonJS, so without this its word list would ride along in the
      // customer's page although no view calls it.
      treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/obscenity/') },
    },
  },
  test: {
    include: ['tests/{cli,domain,machines,models,server,tooling,views}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // At least two test files at a time: Vitest's default (one fewer than the cores) is a single
    // file on a 2-core machine, while much of a file's time is spent waiting for a child process (a
    // CLI, a server), the disk or a timer. Files run side by side on bigger machines anyway.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
