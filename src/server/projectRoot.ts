import { resolve } from 'node:path';

/** The folder holding `package.json`, `dist/`, `public/`, `models/` and `rules/`. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
