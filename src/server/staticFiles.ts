import { extname, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { apiError, errorResponse } from './apiError.ts';
import type { Preload } from './previewPreloads.ts';

/** What the built app may add to its pages. */
export interface BuiltAppOptions {
  /**
   * What the page at `url` will ask for first (the customer page: its catalog, its model and the
   * 3D preview's code), sent as a `Link` header with the page so that the browser fetches them
   * while the page's code is still downloading.
   */
  readonly preloads?: (url: URL) => readonly Preload[];
}

/** Files under `/assets/` carry a content hash in their names: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built app from `dir` (what `vite build` writes) with `@hono/node-server`'s
 * `serveStatic` (content types from Hono's table, files streamed from disk, paths with `..`,
 * backslashes, doubled slashes or any `%` escape that is not plain refused) and `hono/compress`
 * (gzip or deflate for text, JSON, SVG and glTF above 1 KB, as the client accepts). Around them:
 * immutable caching for `/assets/*` and revalidation (`no-cache`) for everything else, a 404 for
 * any path with a segment starting with a dot (the build's `.vite/manifest.json`),
 * `If-Modified-Since` answered with 304, `index.html` for any path without an extension (the
 * single-page app's client routes), a JSON 404 for a missing file, 405 for methods other than GET
 * and HEAD, and 503 `not_built` when there is no `index.html`.
 *
 * @example
 * app.route('/', builtApp(join(PROJECT_ROOT, 'dist')));
 */
export function builtApp(dir: string, options: BuiltAppOptions = {}): Hono {
  const root = resolve(dir);
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return errorResponse(apiError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}`, 'use GET'), { Allow: 'GET, HEAD' });
  });
  app.use('*', async (c, next) => {
    // The build's own records (dist/.vite/manifest.json, which the server reads for its preloads) are not the page's files.
    if (/(^|\/)\./.test(safelyDecoded(c.req.path))) return errorResponse(apiError(404, 'not_found', `there is no file at ${new URL(c.req.url).pathname}`, 'check the address; the app\'s files are under /assets/'));
    return next();
  });
  app.use('*', compress());
  app.use('*', cachingAndRevalidation);
  app.use('*', preloadHeader(options.preloads));
  app.use('*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    // A path with an extension names a missing file; any other is a route of the single-page app.
    if (!extname(c.req.path)) return next();
    return errorResponse(apiError(404, 'not_found', `there is no file at ${new URL(c.req.url).pathname}`, 'check the address; the app\'s files are under /assets/'));
  });
  app.get('*', serveStatic({ root, path: 'index.html' }));
  app.get('*', () => errorResponse(apiError(503, 'not_built', 'the app has not been built (dist/index.html is missing)', 'run `npm run build`, or start the server with `npm start`, which builds it')));
  return app;
}

/**
 * The caching headers of a file served (`serveStatic` sets only `Last-Modified`), and a 304 for
 * a client whose copy is as new as the file. The SPA's `index.html` is revalidated even when a
 * client route starts with `/assets/`.
 */
const cachingAndRevalidation: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  const lastModified = c.res.headers.get('last-modified');
  const isIndex = c.res.headers.get('content-type')?.startsWith('text/html') === true;
  const headers: Record<string, string> = {
    'Cache-Control': c.req.path.startsWith('/assets/') && !isIndex ? IMMUTABLE : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  if (lastModified !== null && !Number.isNaN(since) && Date.parse(lastModified) <= since) {
    await c.res.body?.cancel();
    // Hono carries the 200's other headers (Last-Modified, Content-Length of the file) over.
    c.res = new Response(null, { status: 304, headers: { 'Content-Type': c.res.headers.get('content-type') ?? 'application/octet-stream', ...headers } });
    return;
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
};

/**
 * The page's `Link` preload header: on an HTML answer (200 or 304) only. `crossorigin` makes the
 * preload's request mode and credentials those of the page's own request for the file (a `fetch`,
 * a module `import()`, the style sheet Vite's preload helper adds with `crossorigin`), so the
 * browser reuses the preloaded answer instead of asking again.
 */
function preloadHeader(preloads: BuiltAppOptions['preloads']): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!preloads || (c.res.status !== 200 && c.res.status !== 304)) return;
    if (c.res.headers.get('content-type')?.startsWith('text/html') !== true) return;
    const links = preloads(new URL(c.req.url));
    if (links.length > 0) c.header('Link', links.map(linkOf).join(', '));
  };
}

const LINK_PARAMETERS: Readonly<Record<Preload['kind'], string>> = {
  fetch: 'rel=preload; as=fetch; crossorigin',
  module: 'rel=modulepreload; crossorigin',
  style: 'rel=preload; as=style; crossorigin',
};

function linkOf(preload: Preload): string {
  return `<${preload.path}>; ${LINK_PARAMETERS[preload.kind]}`;
}

/** A path with its `%` escapes decoded (a `%2E` is a dot too); as it is when it is not validly escaped, which the file server refuses anyway. */
function safelyDecoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
