// Uploaded SVGs, made safe: a corpus of hostile files, each cleaned or refused as the policy says
// (clean what can be cleaned, refuse what cannot be read safely), with nothing dangerous left in
// what is stored; benign files from real design programs drawn pixel for pixel the same after
// cleaning; and sanitising is idempotent over generated hostile trees.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTWORK_LIMITS, sanitiseSvg, type ArtworkProblemCode } from '../../src/domain/artwork/index.ts';

const FIXTURES = join(process.cwd(), 'tests/domain/fixtures/svg');
const read = (folder: string, file: string) => readFileSync(join(FIXTURES, folder, file), 'utf8');
const NAMESPACE_DECLARATIONS = / xmlns(?::xlink)?="http:\/\/www\.w3\.org\/(?:2000\/svg|1999\/xlink)"/g;

/**
 * Fails when the stored SVG still holds anything that runs, links out or declares entities. With
 * `markupOnly`, the letters of texts are not read (a customer may print the words "alert(1)"),
 * though the CSS of a <style> is.
 */
function expectNothingDangerous(svg: string, { markupOnly = false } = {}): void {
  let body = svg.replace(NAMESPACE_DECLARATIONS, '');
  if (markupOnly) body = body.replace(/(<([\w:]+)[^>]*>|<\/[\w:]+>)([^<]+)/g, (match, tag: string, name?: string) => (name === 'style' ? match : tag));
  expect(body).not.toMatch(/script/i);
  expect(body).not.toMatch(/\son[a-z]*\s*=/i);
  expect(body).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(body).not.toMatch(/https?:|\/\/evil/i);
  expect(body).not.toMatch(/evil/i);
  expect(body).not.toMatch(/foreignObject|<image|<feImage|<animate|<set\b|<a[\s>]|<iframe|<html/i);
  expect(body).not.toMatch(/<!ENTITY|<!DOCTYPE|<\?|<!--|<!\[CDATA/);
  expect(body).not.toMatch(/@import|expression\(|behavior|binding|\\/i);
  expect(body).not.toMatch(/url\((?!#)/i);
  // The only namespaces left are SVG's and XLink's.
  expect(body).not.toMatch(/xmlns/);
}

type Expectation = { readonly removed: readonly string[] } | { readonly refused: ArtworkProblemCode };

// Every file in fixtures/svg/hostile, with what the policy does to it.
const HOSTILE: Readonly<Record<string, Expectation>> = {
  'script-element.svg': { removed: ['a script'] },
  'onload-on-svg.svg': { removed: ['an event handler (onload)'] },
  'onclick-on-path.svg': { removed: ['2 event handlers (onclick, onmouseover)'] },
  'javascript-href-on-a.svg': { removed: ['2 links (the shapes inside them are kept)'] },
  'external-image.svg': { removed: ['2 embedded or linked pictures'] },
  'external-use.svg': { removed: ['2 references to other files'] },
  'foreign-object-html.svg': { removed: ['embedded HTML'] },
  'animate-href-javascript.svg': { removed: ['a link (the shapes inside it are kept)', '3 animations'] },
  'style-import-and-url.svg': {
    removed: [
      '3 styles loaded from elsewhere (@font-face, @import)',
      '2 references to other files',
      'an unsupported style (background)',
      '3 styles that run code (-moz-binding, behavior, expression)',
      'an unsupported style rule (rect[href^="javascript"])',
      '2 styles written with escape characters (backslash)',
    ],
  },
  'doctype-xxe.svg': { refused: 'svg-unsafe' },
  'billion-laughs.svg': { refused: 'svg-unsafe' },
  'xlink-data-html.svg': { removed: ['a link (the shapes inside it are kept)', '2 unsafe addresses (data:)'] },
  'cdata-script.svg': { removed: ['a script'] },
  'namespace-script.svg': { removed: ['2 scripts', '2 elements from other XML vocabularies (evil:payload, h:iframe)', 'an attribute from another XML vocabulary (evil:attr)'] },
  'mixed-case-handlers.svg': { removed: ['4 event handlers (ONLOAD, OnMouseOver, oNcLiCk, …)', 'a script'] },
  'xml-stylesheet-instruction.svg': { removed: ['a processing instruction (<?xml-stylesheet?>)'] },
  'feimage-filter.svg': { removed: ['a filter effect (blur, shadow; it cannot be printed as a vector)'] },
  'use-bomb.svg': { refused: 'svg-unsafe' },
  'only-script.svg': { refused: 'svg-nothing-drawable' },
  'data-uri-fill.svg': { removed: ['an unsafe address (data:)', 'a reference to another file'] },
  'self-referencing-use.svg': { removed: ['2 copies of shapes that refer to themselves'] },
  'malformed.svg': { refused: 'svg-malformed' },
  'html-disguised.svg': { refused: 'svg-not-svg' },
  'entity-in-attribute-obfuscation.svg': { removed: ['a link (the shapes inside it are kept)', 'a reference to another file', 'an unsafe address (javascript:)'] },
};

describe('the hostile SVG corpus', () => {
  const files = readdirSync(join(FIXTURES, 'hostile')).filter((file) => file.endsWith('.svg')).sort();

  it('has at least 12 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files).toEqual(Object.keys(HOSTILE).sort());
  });

  it.each(files)('%s is cleaned or refused as the policy says, and nothing dangerous is left', (file) => {
    const expected = HOSTILE[file]!;
    const result = sanitiseSvg(read('hostile', file));
    if ('refused' in expected) {
      expect(result).toMatchObject({ ok: false, code: expected.refused });
      if (!result.ok) expect(result.message).toMatch(/^This SVG .+: .+\.$/);
      return;
    }
    if (!result.ok) throw new Error(`${file} was refused: ${result.message}`);
    expect(result.removed).toEqual(expected.removed);
    expectNothingDangerous(result.svg);
    // What is stored passes again unchanged, with nothing more to remove.
    expect(sanitiseSvg(result.svg)).toEqual({ ok: true, svg: result.svg, removed: [] });
  });

  it('keeps the shapes of every cleaned file', () => {
    for (const file of files) {
      const result = sanitiseSvg(read('hostile', file));
      if (result.ok) expect(result.svg, file).toMatch(/<(path|rect|circle|ellipse|line|polyline|polygon)\b/);
    }
  });

  it('refuses entity declarations naming the problem and the fix', () => {
    const result = sanitiseSvg(read('hostile', 'doctype-xxe.svg'), { subject: '"logo.svg"' });
    expect(result).toEqual({
      ok: false,
      code: 'svg-unsafe',
      message: '"logo.svg" declares its own XML entities (<!DOCTYPE … [ <!ENTITY …> ]>), a way of attacking the programs that read it: export it again without a DOCTYPE (in Illustrator: File › Export › Export As… › SVG).',
    });
  });

  it('names the line and column of malformed XML', () => {
    const result = sanitiseSvg(read('hostile', 'malformed.svg'));
    expect(result).toMatchObject({ ok: false, code: 'svg-malformed' });
    if (!result.ok) expect(result.message).toBe('This SVG is not valid XML (line 2, column 49: unexpected close tag): open it in your design program and export it again as SVG.');
  });

  it('refuses a <use> bomb from its expansion count, before anything draws it', () => {
    const result = sanitiseSvg(read('hostile', 'use-bomb.svg'));
    expect(result).toMatchObject({ ok: false, code: 'svg-unsafe' });
    if (!result.ok) expect(result.message).toContain('repeats shapes through <use> more than 100,000 times');
  });

  it('refuses copies of copies more than 20 deep, whatever order they are written in', () => {
    const chain = (length: number, reverse: boolean) => {
      const uses = Array.from({ length }, (_, index) => `<use id="u${index + 1}" href="#u${index}"/>`);
      if (reverse) uses.reverse();
      return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect id="u0" width="1" height="1"/>${uses.join('')}</svg>`;
    };
    for (const reverse of [false, true]) {
      expect(sanitiseSvg(chain(20, reverse)).ok).toBe(true);
      expect(sanitiseSvg(chain(21, reverse))).toMatchObject({ ok: false, code: 'svg-unsafe', message: expect.stringContaining('copies of copies of shapes (<use>) more than 20 deep') });
      // Ten thousand links in a chain are refused, not a stack overflow.
      expect(sanitiseSvg(chain(10_000, reverse))).toMatchObject({ ok: false, code: 'svg-unsafe' });
    }
  });

  it('says what was removed when nothing printable is left', () => {
    expect(sanitiseSvg(read('hostile', 'only-script.svg'))).toEqual({
      ok: false,
      code: 'svg-nothing-drawable',
      message: 'This SVG has nothing left to print after removing an event handler (onload), a script, embedded HTML: export the artwork again as a plain SVG.',
    });
  });
});

describe('benign SVGs from design programs', () => {
  const files = readdirSync(join(FIXTURES, 'benign')).filter((file) => file.endsWith('.svg')).sort();
  const render = (svg: string) => new Resvg(svg, { fitTo: { mode: 'width', value: 240 }, background: 'rgba(0,0,0,0)' }).render();

  it.each(files)('%s comes through with nothing removed and draws pixel for pixel the same', (file) => {
    const original = read('benign', file);
    const result = sanitiseSvg(original);
    if (!result.ok) throw new Error(`${file} was refused: ${result.message}`);
    expect(result.removed).toEqual([]);
    const before = render(original);
    const after = render(result.svg);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(Buffer.compare(after.pixels, before.pixels)).toBe(0);
    expect(before.pixels.some((value, index) => index % 4 === 3 && value > 0)).toBe(true);
    expect(sanitiseSvg(result.svg)).toEqual(result);
  });

  it('keeps gradients, local references, text and the classes of a <style>', () => {
    const keep = (file: string) => {
      const result = sanitiseSvg(read('benign', file));
      return result.ok ? result.svg : '';
    };
    expect(keep('gradients.svg')).toContain('<linearGradient id="sunset-vertical" xlink:href="#sunset" gradientTransform="rotate(90)"/>');
    expect(keep('local-use-symbol.svg')).toContain('<use href="#star" x="0" y="0" width="20" height="20" fill="#f5a623"/>');
    expect(keep('text-tspan.svg')).toContain('Hello <tspan fill="#e30613" font-weight="bold">Atelier</tspan> &amp; co');
    expect(keep('text-tspan.svg')).toContain('xml:space="preserve">  two  spaces  </text>');
    expect(keep('illustrator-export.svg')).toContain('<style type="text/css">.st0{fill:#E30613}.st1{fill:none;stroke:#1D1D1B;stroke-width:4;stroke-miterlimit:10}.st2{fill:#009FE3}</style>');
  });

  it('drops editor data silently: Inkscape and Illustrator namespaces, metadata, comments, a DOCTYPE without entities', () => {
    const result = sanitiseSvg(read('benign', 'inkscape-export.svg'));
    expect(result).toMatchObject({ ok: true, removed: [] });
    if (result.ok) expect(result.svg).not.toMatch(/inkscape|sodipodi|metadata|rdf|Created with/);
    const illustrator = sanitiseSvg(read('benign', 'illustrator-export.svg'));
    if (illustrator.ok) expect(illustrator.svg).not.toMatch(/DOCTYPE|Generator|data-name|enable-background/);
  });
});

describe('the sanitising policy', () => {
  const svg = (body: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`;
  const clean = (text: string) => {
    const result = sanitiseSvg(text);
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it.each([
    ['a local <use>', '<rect id="a" width="1" height="1"/><use href="#a"/>', '<rect id="a" width="1" height="1"/><use href="#a"/>'],
    ['a local xlink:href', '<rect id="a" width="1" height="1"/><use xlink:href="#a"/>', '<rect id="a" width="1" height="1"/><use xlink:href="#a"/>'],
    ['an <a> becomes a group, its link gone', '<a href="https://example.com" transform="scale(2)"><rect width="1" height="1"/></a>', '<g transform="scale(2)"><rect width="1" height="1"/></g>'],
    ['a url(#local) paint', '<rect width="1" height="1" fill="url(#g)"/>', '<rect width="1" height="1" fill="url(#g)"/>'],
    ['a quoted url(#local) in a style', '<rect width="1" height="1" style="fill: url( \'#g\' ) ; stroke : red"/>', '<rect width="1" height="1" style="fill:url(#g);stroke:red"/>'],
    ['an external url() paint goes, the shape stays', '<rect width="1" height="1" fill="url(https://example.com/#g)"/>', '<rect width="1" height="1"/>'],
    ['a javascript: href spelled with spaces and a tab', '<use href=" java\tscript:alert(1)"/><rect width="1" height="1"/>', '<rect width="1" height="1"/>'],
    ['text is escaped again', '<text>a &lt; b &amp; c</text>', '<text>a &lt; b &amp; c</text>'],
    ['CDATA text becomes escaped text', '<text><![CDATA[1 < 2]]></text>', '<text>1 &lt; 2</text>'],
    ['line breaks in attributes survive', '<path d="M0 0&#10;L1 1"/>', '<path d="M0 0&#10;L1 1"/>'],
    ['a prefixed SVG element loses its prefix', '<s:rect xmlns:s="http://www.w3.org/2000/svg" width="1" height="1"/>', '<rect width="1" height="1"/>'],
    ['a <style> of another type goes', '<style type="text/less">.a{fill:red}</style><rect width="1" height="1"/>', '<rect width="1" height="1"/>'],
    ['a <style> in CDATA is rewritten', '<style><![CDATA[ .a { fill : red } /* note */ ]]></style><rect class="a" width="1" height="1"/>', '<style>.a{fill:red}</style><rect class="a" width="1" height="1"/>'],
  ])('%s', (_name, body, expected) => {
    expect(clean(svg(body)).svg).toBe(svg(expected).replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', expected.includes('xlink:') ? ' xmlns:xlink="http://www.w3.org/1999/xlink"' : ''));
  });

  // CSS read by css-tree: what a browser would load or run never stays, however it is written.
  it.each([
    ['a comment inside a property name', '<rect width="1" height="1" style="fi/**/ll:url(http://evil.example/a);stroke:red"/>'],
    ['a comment inside url', '<rect width="1" height="1" style="fill:u/**/rl(http://evil.example/a);stroke:red"/>'],
    ['URL in capitals, with spaces and quotes', '<rect width="1" height="1" style="fill:URL(  &quot;http://evil.example/a&quot;  );stroke:red"/>'],
    ['a local url followed by an external one', '<rect width="1" height="1" style="fill:url(#a) url(http://evil.example/a);stroke:red"/>'],
    ['url inside a string', '<rect width="1" height="1" style="font-family:&quot;url(http://evil.example/a)&quot;;stroke:red"/>'],
    ['an escaped url in a rule', '<style>.a{fill:\\75 rl(http://evil.example/a);stroke:red}</style><rect class="a" width="1" height="1"/>'],
    ['a rule hidden in a comment', '<style>.a{stroke:red}/* } .b{fill:url(http://evil.example/a)} */</style><rect class="a" width="1" height="1"/>'],
    ['an @media block', '<style>.a{stroke:red} @media print { .a{fill:url(http://evil.example/a)} }</style><rect class="a" width="1" height="1"/>'],
    ['a nested rule', '<style>.a{stroke:red; .b{fill:url(http://evil.example/a)}}</style><rect class="a" width="1" height="1"/>'],
    ['an attribute selector', '<style>rect[href^=&quot;http://evil.example&quot;]{stroke:red}</style><rect width="1" height="1"/>'],
    ['an @import after a rule, without a semicolon', '<style>.a{stroke:red}@import &quot;http://evil.example/x.css&quot;</style><rect class="a" width="1" height="1"/>'],
    ['a custom property', '<rect width="1" height="1" style="--x:url(http://evil.example/a);fill:var(--x);stroke:red"/>'],
    ['image-set and cross-fade', '<rect width="1" height="1" style="fill:image-set(&quot;http://evil.example/a&quot; 1x);stroke:cross-fade(url(http://evil.example/b), red)"/>'],
  ])('%s: removed, the rest kept', (_name, body) => {
    const result = clean(svg(body));
    expect(result.svg).toMatch(/<rect /);
    expectNothingDangerous(result.svg);
    expect(sanitiseSvg(result.svg)).toEqual({ ok: true, svg: result.svg, removed: [] });
  });

  it('writes kept CSS back as css-tree reads it: comments and needless spaces gone, !important kept', () => {
    expect(clean(svg('<rect width="1" height="1" style=" fill : red /* note */ !important ; stroke:  #00F"/>')).svg).toContain('style="fill:red!important;stroke:#00F"');
    expect(clean(svg('<style>/* a */ .a , g > .b:not(.c) { fill : oklch(50% 0.1 200) }</style><rect class="a" width="1" height="1"/>')).svg).toContain('<style>.a,g&gt;.b:not(.c){fill:oklch(50% 0.1 200)}</style>');
  });

  it('accepts an SVG without a namespace (copied out of an HTML page) and gives it one', () => {
    expect(clean('<svg viewBox="0 0 4 4"><rect width="4" height="4" onclick="x()"/></svg>')).toEqual({
      ok: true,
      svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>',
      removed: ['an event handler (onclick)'],
    });
  });

  it('refuses XML whose root is not <svg>', () => {
    expect(sanitiseSvg('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toMatchObject({ ok: false, code: 'svg-not-svg' });
    expect(sanitiseSvg('<svg xmlns="http://www.w3.org/1999/xhtml"><rect/></svg>')).toMatchObject({ ok: false, code: 'svg-not-svg' });
  });

  it('refuses too many elements and too deep a nesting, naming the limit', () => {
    const limits = { ...ARTWORK_LIMITS, maxSvgElements: 50, maxSvgDepth: 10 };
    const many = sanitiseSvg(svg('<rect/>'.repeat(60)), { limits });
    expect(many).toMatchObject({ ok: false, code: 'svg-unsafe' });
    if (!many.ok) expect(many.message).toBe('This SVG has more than 50 elements, more than any printable artwork needs: simplify it (merge paths, remove hidden layers) and export it again.');
    const deep = sanitiseSvg(svg(`${'<g>'.repeat(12)}<rect/>${'</g>'.repeat(12)}`), { limits });
    expect(deep).toMatchObject({ ok: false, code: 'svg-unsafe' });
    if (!deep.ok) expect(deep.message).toContain('nests elements more than 10 levels deep');
  });

  it('accepts a public DOCTYPE without entities (older Illustrator writes one) and does not keep it', () => {
    const result = clean(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg('<rect width="1" height="1"/>')}`);
    expect(result.svg).not.toContain('DOCTYPE');
    expect(result.removed).toEqual([]);
  });

  it('refuses an undeclared entity as malformed XML', () => {
    expect(sanitiseSvg(svg('<text>&xxe;</text>'))).toMatchObject({ ok: false, code: 'svg-malformed' });
  });

  it('refuses a file that draws nothing at all', () => {
    expect(sanitiseSvg(svg('<defs><rect id="a" width="1" height="1"/></defs><text> </text>'))).toEqual({
      ok: false,
      code: 'svg-nothing-drawable',
      message: 'This SVG draws nothing (no paths, shapes or text): export the artwork again, with its shapes.',
    });
    // A <use> of something defined counts as drawing.
    expect(sanitiseSvg(svg('<defs><rect id="a" width="1" height="1"/></defs><use href="#a"/>')).ok).toBe(true);
  });
});

describe('sanitising generated hostile trees', () => {
  const attributes = fc.uniqueArray(
    fc.constantFrom(
      ['onload', 'alert(1)'], ['ONCLICK', 'x()'], ['onMouseOver', 'x()'], ['href', 'javascript:alert(1)'], ['href', '#a'], ['href', 'http://evil.example/x.svg#a'],
      ['xlink:href', 'data:text/html,&lt;script&gt;'], ['xlink:href', '#b'], ['style', 'fill:url(http://evil.example/x);stroke:red'], ['style', 'fill:expression(alert(1))'],
      ['style', 'fill:\\75 rl(http://evil.example)'], ['style', 'color: blue ; behavior:url(x.htc)'], ['fill', 'url(#a)'], ['fill', 'red'], ['fill', 'url(data:x)'],
      ['stroke', '#0a0'], ['id', 'a'], ['id', 'b'], ['class', 'c'], ['x', '1'], ['d', 'M0 0h5v5z'], ['transform', 'rotate(3)'], ['mask', 'url(http://evil.example/m)'],
      ['evil:attr', '1'], ['xml:space', 'preserve'], ['width', '10'], ['attributeName', 'href'], ['to', 'javascript:alert(1)'], ['data-name', 'Layer 1'],
    ),
    { selector: ([name]) => name.toLowerCase(), maxLength: 4 },
  );
  const names = fc.constantFrom('g', 'path', 'rect', 'circle', 'text', 'tspan', 'use', 'defs', 'symbol', 'linearGradient', 'stop', 'a', 'script', 'SCRIPT', 'foreignObject', 'image', 'animate', 'set', 'style', 'h:script', 'evil:node', 'filter', 'feImage', 'title', 'metadata', 'switch', 'clipPath', 'pattern', 'marker', 'iframe', 'svg');
  const texts = fc.constantFrom('javascript:alert(1){fill:red}', 'a:b(http://evil.example){fill:red}', 'hello', 'a &lt; b &amp; c', 'alert(1)', '@import url(http://evil.example/x.css); .c{fill:blue}', ' ', '<![CDATA[alert("x") < 1]]>', '<!-- a comment with <script> -->', '.c{fill:url(http://evil.example)}', '<?xml-stylesheet href="http://evil.example/x.css"?>');
  const tree = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      texts,
      fc.tuple(names, attributes, fc.array(tie('node'), { maxLength: 4 })).map(([name, attrs, children]) => {
        const written = attrs.map(([key, value]) => ` ${key}="${value}"`).join('');
        return children.length === 0 ? `<${name}${written}/>` : `<${name}${written}>${children.join('')}</${name}>`;
      }),
    ),
  })).node;
  const documents = fc.array(tree, { maxLength: 5 }).map((children) =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:evil="urn:evil" viewBox="0 0 10 10"><rect width="1" height="1"/>${children.join('')}</svg>`,
  );

  it('is idempotent: sanitising what is stored changes nothing and removes nothing more', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const first = sanitiseSvg(text);
        if (!first.ok) return;
        expect(sanitiseSvg(first.svg)).toEqual({ ok: true, svg: first.svg, removed: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('never stores anything dangerous, and every generated document is read (cleaned or refused with a message)', () => {
    let cleaned = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const result = sanitiseSvg(text);
        if (!result.ok) {
          expect(result.message).toMatch(/^This SVG .+\.$/);
          return;
        }
        cleaned += 1;
        expectNothingDangerous(result.svg, { markupOnly: true });
      }),
      { numRuns: 400 },
    );
    expect(cleaned).toBeGreaterThan(200);
  });
});

describe('hostile sizes read in linear time', () => {
  const head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">';
  // Each is a few megabytes aimed at a quadratic step (a backtracking pattern, a rescan per rule);
  // done in linear time they take well under a second, done quadratically they would take hours.
  it.each([
    ['a url( followed by a million spaces', `${head}<rect width="1" height="1" fill="url(${' '.repeat(1_000_000)}"/></svg>`],
    ['an rgb( of a million spaces', `${head}<rect width="1" height="1" fill="rgb(${' '.repeat(1_000_000)})"/></svg>`],
    ['a width of a million digits', `<svg xmlns="http://www.w3.org/2000/svg" width="${'1'.repeat(1_000_000)}x" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`],
    ['half a million at-rules', `${head}<style>${'@a;'.repeat(500_000)}</style><rect width="1" height="1"/></svg>`],
    ['half a million unclosed blocks', `${head}<style>${'a{'.repeat(500_000)}</style><rect width="1" height="1"/></svg>`],
    ['a million comments', `${head}<style>${'/*x*/'.repeat(1_000_000)}</style><rect width="1" height="1"/></svg>`],
    ['two hundred thousand declarations in a style attribute', `${head}<rect width="1" height="1" style="${'fill:red;'.repeat(200_000)}"/></svg>`],
  ])('%s', (_name, text) => {
    const started = performance.now();
    expect(sanitiseSvg(text).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
