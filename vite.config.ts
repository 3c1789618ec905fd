import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { atelierCatalogPlugin } from './scripts/atelierCatalogPlugin.ts';

const rootDir = import.meta.dirname;

export default defineConfig({
  plugins: [react(), atelierCatalogPlugin(rootDir)],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
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
  },
});
