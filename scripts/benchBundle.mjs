#!/usr/bin/env node
// `npm run bench:bundle` (after `vite build`): how much the browser downloads.
//
// Initial = what dist/index.html loads before any user action: <script src>,
// <link rel="modulepreload">, <link rel="stylesheet">. Lazy = every other
// .js/.css under dist/ (dynamic import() chunks). Sizes are gzip level 9.
// Also lists public/models/*.glb. Prints figures and exits 0 whatever they are.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const INDEX = join(DIST, 'index.html');
const MODELS = join(ROOT, 'public', 'models');
const BUDGET_JS_KB = 350;

if (!existsSync(INDEX)) {
  console.error('dist/index.html is missing: run `vite build` first (npm run bench:bundle does).');
  process.exit(1);
}

const kb = (bytes) => bytes / 1024;
const fmt = (bytes) => `${kb(bytes).toFixed(1)} KB`;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const rel = (path) => relative(ROOT, path).split(sep).join('/');

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Attributes of every <tag ...> in html, as lower-cased-name → value maps. */
function tags(html, tag) {
  const found = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs = {};
    for (const a of m[1].matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    found.push(attrs);
  }
  return found;
}

/** Map a URL from index.html to a file in dist/ (null for external URLs). */
function toDistFile(url) {
  if (/^([a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0].replace(/^\.?\//, '');
  // Try the path as is, then without leading segments (a non-root `base`).
  const parts = clean.split('/');
  for (let i = 0; i < parts.length; i++) {
    const candidate = join(DIST, ...parts.slice(i));
    if (candidate.startsWith(DIST + sep) && existsSync(candidate)) return candidate;
  }
  return null;
}

const html = readFileSync(INDEX, 'utf8');
const initialUrls = [
  ...tags(html, 'script').filter((a) => a.src).map((a) => a.src),
  ...tags(html, 'link')
    .filter((a) => a.href && /\b(modulepreload|stylesheet)\b/i.test(a.rel ?? ''))
    .map((a) => a.href),
];

const initial = new Set();
const unresolved = [];
for (const url of initialUrls) {
  const file = toDistFile(url);
  if (file) initial.add(file);
  else if (!/^([a-z]+:)?\/\//i.test(url)) unresolved.push(url);
}

const isCode = (p) => /\.(m?js|css)$/.test(p);
const lazy = walk(DIST).filter((p) => isCode(p) && !initial.has(p));

const rows = [];
const sum = { initialJs: 0, initialCss: 0, lazy: 0, initialJsRaw: 0 };
for (const file of initial) {
  const size = gz(file);
  const raw = statSync(file).size;
  const isCss = file.endsWith('.css');
  if (isCss) sum.initialCss += size;
  else {
    sum.initialJs += size;
    sum.initialJsRaw += raw;
  }
  rows.push(['initial', isCss ? 'css' : 'js', rel(file), raw, size]);
}
for (const file of lazy) {
  const size = gz(file);
  sum.lazy += size;
  rows.push(['lazy', file.endsWith('.css') ? 'css' : 'js', rel(file), statSync(file).size, size]);
}
rows.sort((a, b) => (a[0] === b[0] ? b[4] - a[4] : a[0] === 'initial' ? -1 : 1));

const glbs = existsSync(MODELS)
  ? walk(MODELS).filter((p) => p.toLowerCase().endsWith('.glb'))
  : [];
for (const file of glbs) rows.push(['model', 'glb', rel(file), statSync(file).size, gz(file)]);

// ---------------------------------------------------------------- print
const nameWidth = Math.max(40, ...rows.map((r) => r[2].length));
const line = (cols) =>
  `${cols[0].padEnd(8)} ${cols[1].padEnd(4)} ${cols[2].padEnd(nameWidth)} ${cols[3].padStart(11)} ${cols[4].padStart(11)}`;

console.log('\nBundle sizes (gzip level 9)\n');
console.log(line(['load', 'kind', 'file', 'raw', 'gzip']));
console.log('-'.repeat(nameWidth + 39));
for (const [load, kind, name, raw, size] of rows) {
  console.log(line([load, kind, name, fmt(raw), fmt(size)]));
}
if (rows.length === 0) console.log('(no assets found)');
console.log('-'.repeat(nameWidth + 39));
console.log(`initial JS   gzip: ${fmt(sum.initialJs).padStart(11)}   (raw ${fmt(sum.initialJsRaw)})`);
console.log(`initial CSS  gzip: ${fmt(sum.initialCss).padStart(11)}`);
console.log(`lazy chunks  gzip: ${fmt(sum.lazy).padStart(11)}   (${lazy.length} files)`);
if (glbs.length) {
  const total = glbs.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`models (.glb) raw: ${fmt(total).padStart(11)}   (${glbs.length} files in public/models)`);
} else {
  console.log('models (.glb):      none in public/models');
}
if (unresolved.length) {
  console.log(`\nnot found in dist/ (not counted): ${unresolved.join(', ')}`);
}
const pass = kb(sum.initialJs) <= BUDGET_JS_KB;
console.log(`\ninitial JS ≤ ${BUDGET_JS_KB} KB gzip: ${pass ? 'PASS' : 'FAIL'} (${fmt(sum.initialJs)})`);
