import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { apiError, errorResponse } from './apiError.ts';
import { COMPRESSIBLE, contentTypeOf } from './contentTypes.ts';

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * Serves the built app from `distDir` (what `vite build` writes): files by path with their content
 * type, `index.html` for any other path without an extension (client-side routes of the
 * single-page app), immutable caching for `/assets/*` (their names carry a content hash) and
 * revalidation for the rest, `If-Modified-Since`, and gzip for text and glTF. Files are read once
 * and kept in memory until they change on disk. Paths that would leave `distDir` are refused.
 */
export function serveBuiltApp(dir: string): (c: Context) => Promise<Response> {
  const distDir = resolve(dir);
  const cache = new Map<string, CachedFile>();
  const index = join(distDir, 'index.html');

  async function load(path: string): Promise<{ path: string; file: CachedFile } | undefined> {
    try {
      const info = await stat(path);
      if (info.isDirectory()) return load(join(path, 'index.html'));
      if (!info.isFile()) return undefined;
      const cached = cache.get(path);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return { path, file: cached };
      const file: CachedFile = { mtimeMs: info.mtimeMs, size: info.size, body: new Uint8Array(await readFile(path)) };
      cache.set(path, file);
      return { path, file };
    } catch {
      return undefined;
    }
  }

  return async (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return errorResponse(apiError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}`, 'use GET'), { Allow: 'GET, HEAD' });
    }
    // The raw path: Hono's `c.req.path` is already decoded, and decoding twice would misread %25.
    const urlPath = new URL(c.req.url).pathname;
    const target = insideDist(distDir, urlPath);
    if (!target) return errorResponse(apiError(404, 'not_found', `there is no file at ${urlPath}`, 'check the address'));
    let found = await load(target);
    if (!found) {
      // A path with an extension names a missing file; any other is a route of the single-page app.
      if (extname(urlPath)) return errorResponse(apiError(404, 'not_found', `there is no file at ${urlPath}`, 'check the address; the app\'s files are under /assets/'));
      found = await load(index);
      if (!found) return errorResponse(apiError(503, 'not_built', 'the app has not been built (dist/index.html is missing)', 'run `npm run build`, or start the server with `npm start`, which builds it'));
    }
    const { file } = found;
    const type = contentTypeOf(found.path);
    const lastModified = new Date(file.mtimeMs);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Last-Modified': lastModified.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    const since = Date.parse(c.req.header('if-modified-since') ?? '');
    if (!Number.isNaN(since) && Math.floor(file.mtimeMs / 1000) <= Math.floor(since / 1000)) return new Response(null, { status: 304, headers });
    let body = file.body;
    if (COMPRESSIBLE.test(type) && file.size > 1024 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      file.gzipped ??= new Uint8Array(gzipSync(file.body));
      body = file.gzipped;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.byteLength);
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** The file a URL path names inside `distDir`, or undefined if it would escape it. */
function insideDist(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(distDir, decoded));
  return file === distDir || file.startsWith(distDir + sep) ? file : undefined;
}
