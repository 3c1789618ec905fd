import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file a page will ask for first, sent with the page as a `Link` preload. */
export interface Preload {
  /** A same-origin path, e.g. `/api/catalog/sneaker` or `/assets/ProductPreview-abc.js`. */
  readonly path: string;
  /** `fetch` for what the page's code fetches (JSON, the model), `module` for a JavaScript module, `style` for a style sheet. */
  readonly kind: 'fetch' | 'module' | 'style';
}

/** The module whose chunk draws the 3D preview (React.lazy in src/views/PreviewPane.tsx). */
const PREVIEW_MODULE = 'src/views/preview/ProductPreview.tsx';

interface ManifestChunk {
  readonly file: string;
  readonly css?: readonly string[];
  readonly imports?: readonly string[];
}

/**
 * The files of the 3D preview's chunk in a build (`dist/.vite/manifest.json`, written by
 * `vite build` with `build.manifest`): the chunk, the shared chunks it imports that the page's
 * entry does not already load, and its style sheet. The customer page loads the preview lazily, so
 * without a preload its 1 MB of three.js is asked for only once the page's code has run; sent with
 * the page, it downloads alongside that code. Empty when there is no build or no manifest (the
 * page then loads it as before).
 */
export function previewPreloads(distDir: string): readonly Preload[] {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return [];
  }
  const preview = manifest[PREVIEW_MODULE];
  if (!preview) return [];
  const alreadyLoaded = new Set(manifest['index.html']?.imports ?? []);
  const shared = (preview.imports ?? []).filter((key) => !alreadyLoaded.has(key)).flatMap((key) => (manifest[key] ? [manifest[key].file] : []));
  return [
    ...[preview.file, ...shared].map((file): Preload => ({ path: `/${file}`, kind: 'module' })),
    ...(preview.css ?? []).map((file): Preload => ({ path: `/${file}`, kind: 'style' })),
  ];
}
