#!/usr/bin/env node
// `npm start`: build the browser app if dist/ is stale, then run the Atelier server
// (src/server/main.ts: the API and the built app, orders stored in PGlite in ./data).
//
//   PORT (default 4173) and HOST (default 127.0.0.1) override where it listens;
//   ATELIER_DATA_DIR, DATABASE_URL and ATELIER_FULFILMENT_TOKEN: see src/server/main.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const INDEX = join(DIST, 'index.html');

// ---------------------------------------------------------------- build step
const SOURCES = ['src', 'models', 'rules', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Newest modification time (ms) under `path`, 0 if it does not exist. */
function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function buildIfStale() {
  const built = existsSync(INDEX) ? statSync(INDEX).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))));
  if (built && built >= newest) return;
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) {
    console.error('Vite is not installed: run `npm ci` (or `npm install`) first.');
    process.exit(1);
  }
  const r = spawnSync(vite, ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(r.error ? `Could not run vite build: ${r.error.message}` : 'vite build failed.');
    process.exit(r.status || 1);
  }
  if (!existsSync(INDEX)) {
    console.error('vite build finished but dist/index.html is missing.');
    process.exit(1);
  }
}

// ---------------------------------------------------------------- server
buildIfStale();

// The server is TypeScript: load it through tsx in this process, so that signals reach it directly.
const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(join(ROOT, 'src', 'server', 'main.ts')).href);
