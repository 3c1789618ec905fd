#!/usr/bin/env node
// `npm start`: build if dist/ is stale, then serve dist/ with a tiny static server.
// (A Hono API server will replace this later; keep it small and in one file.)
//
//   PORT (default 4173) and HOST (default 127.0.0.1) override where it listens.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const INDEX = join(DIST, 'index.html');
const PORT = Number.parseInt(process.env.PORT ?? '4173', 10);
const HOST = process.env.HOST || '127.0.0.1';

if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
  console.error(`PORT must be a number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(1);
}

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
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.ktx2': 'image/ktx2',
  '.hdr': 'application/octet-stream',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
// Worth gzipping: text, and glTF binaries (mostly uncompressed vertex data).
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|wasm)|image\/svg|model\/gltf)/;

/** Resolve a URL path to a file in dist/, or null if it would escape dist/. */
function toFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(DIST, decoded));
  return file === DIST || file.startsWith(DIST + sep) ? file : null;
}

async function fileAt(path) {
  try {
    const st = await stat(path);
    if (st.isFile()) return { path, st };
    if (st.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // missing
  }
  return null;
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed\n');
  }
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  const target = toFile(urlPath);
  if (!target) return send(res, 400, 'Bad Request\n');

  let found = await fileAt(target);
  if (!found) {
    // A path with an extension is a file that does not exist; anything else
    // is a client-side route of the single-page app.
    if (extname(urlPath)) return send(res, 404, `Not Found: ${urlPath}\n`);
    found = await fileAt(INDEX);
    if (!found) return send(res, 500, 'dist/index.html is missing: run `npm run build`.\n');
  }

  const type = TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Last-Modified': found.st.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': urlPath.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  };
  const ims = req.headers['if-modified-since'];
  if (ims && Math.floor(found.st.mtimeMs / 1000) <= Math.floor(Date.parse(ims) / 1000)) {
    res.writeHead(304, headers);
    return res.end();
  }
  const gzip =
    COMPRESSIBLE.test(type) && found.st.size > 1024 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  headers.Vary = 'Accept-Encoding';
  if (gzip) headers['Content-Encoding'] = 'gzip';
  else headers['Content-Length'] = found.st.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();

  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

buildIfStale();

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
    else res.destroy();
  });
});

server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`Port ${PORT} is in use: set PORT=... to use another (e.g. PORT=${PORT + 1} npm start).`);
  } else if (err.code === 'EACCES') {
    console.error(`Not allowed to listen on ${HOST}:${PORT}: set PORT=... to use another (above 1023).`);
  } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
    console.error(`Cannot listen on host ${HOST}: set HOST=... (e.g. HOST=127.0.0.1 or HOST=0.0.0.0).`);
  } else {
    console.error(`Server error: ${err.message}`);
  }
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : PORT;
  const host = HOST.includes(':') ? `[${HOST}]` : HOST;
  console.log(`Atelier is running at http://${host}:${port}/`);
});

let stopping = false;
function shutdown(signal) {
  if (stopping) process.exit(1); // second Ctrl-C: leave at once
  stopping = true;
  console.log(`\n${signal}: stopping.`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
