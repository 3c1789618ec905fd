// A second opinion on the SVG sanitiser: DOMPurify (SVG profile, on a jsdom window), run over what
// ours stores, must find nothing of security relevance to remove: no script, event handler,
// javascript:/data: or outside address, embedded HTML or external reference. Run over the hostile
// originals it does find such things, so the check has teeth. (DOMPurify does not read CSS; the
// CSS checks are in artworkSanitiseSvg.test.ts. DOMPurify's own <body> wrapper, which it always
// removes, is not counted.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitiseSvg } from '../../src/domain/artwork/index.ts';

const FIXTURES = join(process.cwd(), 'tests/domain/fixtures/svg');
const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);

const DANGEROUS_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'feimage', 'animate', 'set', 'animatetransform', 'animatemotion', 'a', 'meta', 'link', 'base', 'handler', 'listener',
]);

/** What DOMPurify removes from `svg` that matters for security, as readable strings. */
function dangerousRemovals(svg: string): string[] {
  purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
  return purify.removed.flatMap((entry) => {
    if ('element' in entry) {
      const name = entry.element.nodeName.toLowerCase().replace(/^.*:/, '');
      return DANGEROUS_ELEMENTS.has(name) ? [`<${name}>`] : [];
    }
    const name = entry.attribute?.name.toLowerCase() ?? '';
    const value = entry.attribute?.value ?? '';
    const outside = /(?:java|vb)\s*script:|data:|https?:|\/\//i.test(value.replace(/\s/g, '')) || /url\((?!\s*['"]?#)/i.test(value);
    const reference = (name === 'href' || name === 'xlink:href') && !value.trim().startsWith('#');
    return name.startsWith('on') || outside || reference ? [`${name}="${value.slice(0, 60)}"`] : [];
  });
}

const files = (folder: string) => readdirSync(join(FIXTURES, folder)).filter((file) => file.endsWith('.svg')).sort();
const read = (folder: string, file: string) => readFileSync(join(FIXTURES, folder, file), 'utf8');

describe('DOMPurify over what the sanitiser stores', () => {
  it.each([...files('hostile').map((file) => ['hostile', file]), ...files('benign').map((file) => ['benign', file])])('%s/%s: DOMPurify removes nothing dangerous from our output', (folder, file) => {
    const result = sanitiseSvg(read(folder!, file!));
    if (!result.ok) return;
    expect(dangerousRemovals(result.svg)).toEqual([]);
  });

  it('finds dangerous things in the hostile originals, so the check can fail', () => {
    const found = files('hostile').filter((file) => dangerousRemovals(read('hostile', file)).length > 0);
    expect(found).toEqual(expect.arrayContaining([
      'script-element.svg', 'onload-on-svg.svg', 'onclick-on-path.svg', 'javascript-href-on-a.svg', 'foreign-object-html.svg', 'mixed-case-handlers.svg', 'animate-href-javascript.svg', 'xlink-data-html.svg',
    ]));
  });
});
