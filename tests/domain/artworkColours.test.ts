// Colour counts of SVG artwork, as a printer separates it: one thread or screen per distinct
// colour, however it is written, with what is never painted left out.
import { describe, expect, it } from 'vitest';
import { countSvgColours, parseCssColour, toHex } from '../../src/domain/artwork/index.ts';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${body}</svg>`;
const palette = (body: string) => countSvgColours(svg(body)).palette;

describe('reading CSS colours', () => {
  it.each([
    ['#abc', '#aabbcc'], ['#AABBCC', '#aabbcc'], ['#aabbcc80', '#aabbcc'], ['#abcd', '#aabbcc'],
    ['rgb(255, 0, 0)', '#ff0000'], ['rgba(255,0,0,0.5)', '#ff0000'], ['rgb(100% 0% 0% / 50%)', '#ff0000'], ['rgb(300, -5, 127.6)', '#ff0080'],
    ['hsl(0, 100%, 50%)', '#ff0000'], ['hsl(120deg 100% 25%)', '#008000'], ['hsla(240, 100%, 50%, 1)', '#0000ff'],
    ['red', '#ff0000'], ['RebeccaPurple', '#663399'], [' navy ', '#000080'],
  ])('%s is %s', (text, hex) => {
    const colour = parseCssColour(text);
    expect(colour).not.toBeNull();
    expect(`#${[colour!.r, colour!.g, colour!.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`).toBe(hex);
  });

  // CSS Color 4: the spec's own example colour rgb(125 35 41) in each space, wide-gamut colours
  // clipped to sRGB, hwb(), color(), and `none` channels.
  it.each([
    ['lab(29.2345% 39.3825 20.0664)', '#7d2329'], ['lch(29.2345% 44.2 27)', '#7d2329'],
    ['oklab(40.101% 0.1147 0.0453)', '#7d2329'], ['oklch(40.101% 0.12332 21.555)', '#7d2329'],
    ['OKLCH(0.40101 0.12332 21.555deg / 0.5)', '#7d2329'], ['lab(29.2345 39.3825 20.0664 / 50%)', '#7d2329'],
    ['oklch(100% 0 0)', '#ffffff'], ['oklch(0% 0 0)', '#000000'], ['lab(100% 0 0)', '#ffffff'],
    ['hwb(120 0% 50%)', '#008000'], ['hwb(0deg 0% 0%)', '#ff0000'], ['hwb(240 100% 100%)', '#808080'],
    ['color(srgb 1 0.5 0)', '#ff8000'], ['color(srgb 100% 50% 0% / 0.5)', '#ff8000'], ['color(display-p3 0.5 0.5 0.5)', '#808080'],
    ['color(display-p3 1 0 0)', '#ff0000'], ['color(srgb-linear 1 0 0)', '#ff0000'], ['color(xyz-d65 0.95047 1 1.08883)', '#ffffff'],
    ['rgb(255 0 0 / 0.5)', '#ff0000'], ['rgb(255 128 0 / 50%)', '#ff8000'], ['rgb(none 0 0)', '#000000'], ['hsl(120 100% 25% / .5)', '#008000'],
    ['#ff000080', '#ff0000'], ['#f008', '#ff0000'],
  ])('%s is %s (CSS Color 4)', (text, hex) => {
    const colour = parseCssColour(text);
    expect(colour).not.toBeNull();
    expect(toHex(colour!)).toBe(hex);
  });

  it('reads the alpha of modern syntaxes', () => {
    expect(parseCssColour('oklch(50% 0.1 200 / 25%)')!.a).toBeCloseTo(0.25);
    expect(parseCssColour('color(display-p3 0 1 0 / 0)')!.a).toBe(0);
    expect(parseCssColour('#f000')!.a).toBe(0);
  });

  it.each(['none', 'currentColor', 'inherit', '#ab', '#abcde', 'rgb(1,2)', 'reddish', 'url(#a)', '', 'oklch(50%)', 'color(nowhere 1 0 0)', 'lab(1 2 3 4 5)', 'hwb(a b c)', `rgb(${'1 '.repeat(200)})`])('%j is not a colour', (text) => {
    expect(parseCssColour(text)).toBeNull();
  });

  it('reads transparent as a colour without alpha', () => {
    expect(parseCssColour('transparent')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
  });
});

describe('counting the colours of an SVG', () => {
  it.each([
    ['one colour written five ways', '<rect fill="red" width="1" height="1"/><rect fill="#f00" width="1" height="1"/><rect fill="#FF0000" width="1" height="1"/><rect fill="rgb(255 0 0)" width="1" height="1"/><rect style="fill:hsl(0,100%,50%)" width="1" height="1"/>', ['#ff0000']],
    ['a shape without fill paints black', '<path d="M0 0h5v5z"/>', ['#000000']],
    ['fill and stroke', '<rect width="5" height="5" fill="#e30613" stroke="#1d1d1b"/>', ['#1d1d1b', '#e30613']],
    ['none paints nothing', '<rect width="5" height="5" fill="none" stroke="none"/><rect width="1" height="1" fill="blue"/>', ['#0000ff']],
    ['a line has no fill', '<line x2="5" y2="5" stroke="green"/>', ['#008000']],
    ['a zero-width stroke paints nothing', '<rect width="5" height="5" fill="red" stroke="blue" stroke-width="0"/>', ['#ff0000']],
    ['transparent and zero opacity paint nothing', '<rect width="5" height="5" fill="transparent"/><rect width="5" height="5" fill="red" fill-opacity="0"/><rect width="5" height="5" fill="#00f0" /><rect width="5" height="5" fill="lime" opacity="0"/><rect width="1" height="1" fill="#123"/>', ['#112233']],
    ['fill inherited from a group', '<g fill="#abcdef"><rect width="1" height="1"/><circle r="1"/></g>', ['#abcdef']],
    ['currentColor is the color property', '<g color="#00aa00"><rect width="1" height="1" fill="currentColor"/></g>', ['#00aa00']],
    ['a gradient counts its stops', '<linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="1" style="stop-color:#0000ff"/></linearGradient><rect width="1" height="1" fill="url(#g)"/>', ['#0000ff', '#ff0000']],
    ['a gradient inherits its stops through href', '<linearGradient id="a"><stop stop-color="#111"/><stop offset="1" stop-color="#222"/></linearGradient><radialGradient id="b" xlink:href="#a"/><rect width="1" height="1" fill="url(#b)"/>', ['#111111', '#222222']],
    ['a stop without stop-color is black', '<linearGradient id="g"><stop/><stop offset="1" stop-color="white"/></linearGradient><rect width="1" height="1" fill="url(#g)"/>', ['#000000', '#ffffff']],
    ['a missing gradient falls back to its fallback colour', '<rect width="1" height="1" fill="url(#nowhere) #0f0"/>', ['#00ff00']],
    ['an unused gradient counts nothing', '<defs><linearGradient id="g"><stop stop-color="#f00"/></linearGradient><rect id="r" fill="#0f0" width="1" height="1"/></defs><rect width="1" height="1" fill="#00f"/>', ['#0000ff']],
    ['a clip path is a shape, not an ink', '<clipPath id="c"><rect width="5" height="5" fill="#f00"/></clipPath><rect width="9" height="9" fill="#00f" clip-path="url(#c)"/>', ['#0000ff']],
    ['a mask is not an ink', '<mask id="m"><rect width="5" height="5" fill="white"/></mask><rect width="9" height="9" fill="#00f" mask="url(#m)"/>', ['#0000ff']],
    ['a pattern counts what it draws', '<pattern id="p" width="2" height="2"><rect width="1" height="1" fill="#f00"/><rect x="1" width="1" height="1" fill="#0f0"/></pattern><rect width="9" height="9" fill="url(#p)"/>', ['#00ff00', '#ff0000']],
    ['a <use> counts what it copies, with its own fill', '<defs><path id="s" d="M0 0h1v1z"/></defs><use href="#s" fill="#f0f"/><use href="#s" fill="#0ff"/>', ['#00ffff', '#ff00ff']],
    ['a symbol copied by <use>', '<symbol id="s"><rect width="1" height="1" fill="#789"/></symbol><use xlink:href="#s"/>', ['#778899']],
    ['markers count their content', '<marker id="m"><path d="M0 0L1 1z" fill="#c0392b"/></marker><path d="M0 0L5 5" fill="none" stroke="#2c3e50" marker-end="url(#m)"/>', ['#2c3e50', '#c0392b']],
    ['display none and visibility hidden paint nothing', '<g display="none"><rect width="1" height="1" fill="#f00"/></g><rect width="1" height="1" fill="#0f0" style="visibility:hidden"/><rect width="1" height="1" fill="#00f"/>', ['#0000ff']],
    ['text paints its letters', '<text fill="#e30613">Hi <tspan fill="#009fe3">there</tspan></text><text fill="#123456"> </text>', ['#009fe3', '#e30613']],
    ['<style> rules by class, id and type', '<style>.a{fill:#111}#b{fill:#222}circle{fill:#333}</style><rect class="a" width="1" height="1"/><rect id="b" width="1" height="1"/><circle r="1"/>', ['#111111', '#222222', '#333333']],
    ['a style attribute beats a rule, a rule beats an attribute', '<style>.a{fill:#111}</style><rect class="a" fill="#999" width="1" height="1"/><rect class="a" style="fill:#222" width="1" height="1"/>', ['#111111', '#222222']],
    ['a more specific rule wins whatever the order', '<style>#x{fill:#222}.a{fill:#111}</style><rect id="x" class="a" width="1" height="1"/>', ['#222222']],
    ['one colour in every CSS Color 4 space', '<rect fill="lab(29.2345% 39.3825 20.0664)" width="1" height="1"/><rect fill="lch(29.2345% 44.2 27)" width="1" height="1"/><rect style="fill:oklab(40.101% 0.1147 0.0453)" width="1" height="1"/><rect fill="oklch(40.101% 0.12332 21.555)" width="1" height="1"/><rect fill="#7D2329" width="1" height="1"/>', ['#7d2329']],
    ['hwb(), color() and rgb() with a slash alpha', '<rect fill="hwb(120 0% 50%)" width="1" height="1"/><rect fill="color(srgb 0 0.502 0)" width="1" height="1"/><rect fill="rgb(0 128 0 / 0.4)" width="1" height="1"/><rect fill="color(display-p3 0.5 0.5 0.5)" stroke="#ff8000" width="1" height="1"/>', ['#008000', '#808080', '#ff8000']],
    ['modern colours with zero alpha paint nothing', '<rect fill="oklch(60% 0.2 30 / 0)" width="1" height="1"/><rect fill="color(display-p3 1 0 0 / 0%)" width="1" height="1"/><rect fill="rgb(1 2 3 / 0)" width="1" height="1"/><rect fill="#f000" width="1" height="1"/><rect fill="#00f" width="1" height="1"/>', ['#0000ff']],
    ['currentColor written as oklch', '<g color="oklch(40.101% 0.12332 21.555)"><rect width="1" height="1" fill="currentColor"/><rect width="1" height="1" stroke="currentcolor" fill="none"/></g>', ['#7d2329']],
    ['a gradient stop in lab() and a stop in transparent', '<linearGradient id="g"><stop stop-color="lab(29.2345% 39.3825 20.0664)"/><stop offset="1" stop-color="transparent"/></linearGradient><rect width="1" height="1" fill="url(#g)"/>', ['#7d2329']],
    ['a fallback colour in oklch', '<rect width="1" height="1" fill="url(#nowhere) oklch(100% 0 0)"/>', ['#ffffff']],
    ['a :hover rule never prints', '<style>.a{fill:#111}.a:hover{fill:#f00}</style><rect class="a" width="1" height="1"/>', ['#111111']],
  ])('%s', (_name, body, expected) => {
    expect(palette(body)).toEqual(expected);
  });

  it('marks gradients between different colours as continuous tone, and flat artwork as not', () => {
    expect(countSvgColours(svg('<linearGradient id="g"><stop stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient><rect width="1" height="1" fill="url(#g)"/>')).continuousTone).toBe(true);
    expect(countSvgColours(svg('<linearGradient id="g"><stop stop-color="red"/><stop offset="1" stop-color="red"/></linearGradient><rect width="1" height="1" fill="url(#g)"/>')).continuousTone).toBe(false);
    expect(countSvgColours(svg('<rect width="1" height="1" fill="red"/>'))).toEqual({ count: 1, palette: ['#ff0000'], continuousTone: false });
  });

  it('counts what is stored: colours behind removed content do not count', () => {
    // The script and the external paint go; the stroke stays.
    expect(palette('<script>x</script><rect width="1" height="1" fill="url(http://evil.example/x)" stroke="#0a0a0a"/>')).toEqual(['#000000', '#0a0a0a']);
  });

  it('throws for an SVG that the sanitiser refuses (a caller must sanitise first)', () => {
    expect(() => countSvgColours('<svg')).toThrow(/countSvgColours: sanitise the SVG first; it is refused: This SVG is not valid XML/);
  });
});

describe('colours with big stylesheets', () => {
  it('looks up only the rules an element may match (twenty thousand rules, ten thousand shapes)', () => {
    const rules = Array.from({ length: 20_000 }, (_, index) => `.c${index}{fill:#${(index % 4096).toString(16).padStart(3, '0')}}`).join('');
    const shapes = '<rect class="c5" width="1" height="1"/>'.repeat(10_000);
    const started = performance.now();
    expect(countSvgColours(svg(`<style>${rules}</style>${shapes}`)).palette).toEqual(['#000055']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
