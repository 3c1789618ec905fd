import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewPreloads } from '../../src/server/previewPreloads.ts';

function distWith(manifest: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-preview-preloads-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  return dir;
}

describe('the 3D preview\'s files a customer page preloads', () => {
  it('names the preview\'s chunk, the shared chunks the page has not loaded already, and its style sheet', () => {
    const dist = distWith({
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js'] },
      '_react-1.js': { file: 'assets/react-1.js' },
      '_three-1.js': { file: 'assets/three-1.js' },
      'src/views/preview/ProductPreview.tsx': { file: 'assets/ProductPreview-1.js', imports: ['_react-1.js', '_three-1.js'], css: ['assets/ProductPreview-1.css'] },
    });
    expect(previewPreloads(dist)).toEqual([
      { path: '/assets/ProductPreview-1.js', kind: 'module' },
      { path: '/assets/three-1.js', kind: 'module' },
      { path: '/assets/ProductPreview-1.css', kind: 'style' },
    ]);
  });

  it('names nothing when there is no build, no manifest, an unreadable one, or no preview in it (the page then asks as before)', () => {
    expect(previewPreloads(join(tmpdir(), 'atelier-no-such-dist'))).toEqual([]);
    expect(previewPreloads(distWith('{not json'))).toEqual([]);
    expect(previewPreloads(distWith({ 'index.html': { file: 'assets/index-1.js' } }))).toEqual([]);
  });
});
