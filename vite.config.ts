import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { atelierCatalogPlugin } from './scripts/atelierCatalogPlugin.ts';

const rootDir = import.meta.dirname;

export default defineConfig({
  plugins: [react(), atelierCatalogPlugin(rootDir)],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    include: ['tests/{cli,domain,machines,models,server,tooling,views}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
