import { parseCssColour, parsePaint, toHex, type Paint, type Rgba } from './cssColour.ts';
import { REFERENCED_CONTAINERS } from './svgAllowlist.ts';
import { parseDeclarations, parseStylesheet, type CssDeclaration } from './svgCss.ts';
import { sanitiseSvgDocument } from './sanitiseSvg.ts';
import { attributeValue, hrefOf, type XmlElement } from './svgTree.ts';

/** The colours an artwork prints with. */
export interface ArtworkColours {
  /** How many distinct colours: threads for embroidery, screens for screen print. */
  readonly count: number;
  /** The colours as `#rrggbb`, most used first for raster images, sorted for SVG. */
  readonly palette: readonly string[];
  /**
   * True when the artwork also has shading that no count of flat colours covers: an SVG gradient
   * between different colours, a photograph. It then needs full-colour printing (DTG).
   */
  readonly continuousTone: boolean;
}

interface Inherited {
  readonly fill: Paint;
  readonly stroke: Paint;
  readonly color: Rgba;
  readonly fillOpacity: number;
  readonly strokeOpacity: number;
  readonly strokeWidth: number;
  readonly markers: readonly (string | null)[];
}

interface Rule {
  readonly selector: Compound;
  readonly specificity: number;
  readonly order: number;
  readonly declarations: readonly CssDeclaration[];
}

interface Compound {
  readonly type: string | null;
  readonly ids: readonly string[];
  readonly classes: readonly string[];
}

const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
const ROOT: Inherited = { fill: { kind: 'colour', colour: BLACK }, stroke: { kind: 'none' }, color: BLACK, fillOpacity: 1, strokeOpacity: 1, strokeWidth: 1, markers: [null, null, null] };
const SHAPES: ReadonlySet<string> = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const TEXTS: ReadonlySet<string> = new Set(['text', 'tspan', 'textPath']);
const NOT_DRAWN: ReadonlySet<string> = new Set([...REFERENCED_CONTAINERS, 'title', 'desc', 'style', 'metadata']);

/**
 * Counts the distinct colours an SVG paints, the way a printer separates it. The tree is walked as
 * a renderer would: fills and strokes with CSS inheritance from presentation attributes, `<style>`
 * rules (matched on the selector's last type, class and id; rules with pseudo-classes such as
 * `:hover` never apply to a print) and `style` attributes; a shape without `fill` paints black;
 * `none`, transparent colours and zero opacity paint nothing; `currentColor` is the `color`
 * property; a gradient counts each of its stops, a pattern the colours drawn inside it; `<use>`
 * counts what it copies, with the `<use>`'s inherited colours; markers count their content;
 * `<defs>`, clip paths and masks count only when something uses them (a clip or mask is a shape,
 * not an ink). Colours are read by culori in any CSS Color 4 syntax (`parseCssColour`) and compared
 * as sRGB `#rrggbb`, so `red`, `#f00`, `rgb(255 0 0)` and `color(srgb 1 0 0)` are one colour; alpha
 * is ignored, but a colour with no alpha paints nothing.
 *
 * Pass SVG text (it is sanitised first, and counted as sanitised) or a sanitised tree. Text that
 * `sanitiseSvg` refuses is a caller's mistake and throws with the refusal.
 *
 * @example
 * countSvgColours('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h9v9z" fill="#e30613"/><path d="M0 0h9v9z" fill="red" stroke="#ff0000"/></svg>')
 * // { count: 2, palette: ['#e30613', '#ff0000'], continuousTone: false }
 */
export function countSvgColours(svg: string | XmlElement): ArtworkColours {
  let root: XmlElement;
  if (typeof svg === 'string') {
    const sanitised = sanitiseSvgDocument(svg);
    if (!sanitised.ok) throw new Error(`countSvgColours: sanitise the SVG first; it is refused: ${sanitised.message}`);
    root = sanitised.root;
  } else {
    root = svg;
  }
  const counter = new SvgColourWalk(root);
  counter.walk(root, ROOT);
  const palette = [...counter.colours].sort();
  return { count: palette.length, palette, continuousTone: counter.continuousTone };
}

class SvgColourWalk {
  readonly colours = new Set<string>();
  continuousTone = false;
  private readonly ids = new Map<string, XmlElement>();
  // Rules by the key an element must have for them to apply: `#id`, `.class`, a type, or `*`, so
  // each element looks only at rules that may match it (a stylesheet may hold thousands).
  private readonly rules = new Map<string, Rule[]>();
  private readonly active = new Set<XmlElement>();
  private readonly styleAttributes = new Map<string, readonly CssDeclaration[]>();

  constructor(root: XmlElement) {
    const stylesheets: string[] = [];
    const visit = (element: XmlElement) => {
      const id = attributeValue(element, 'id');
      if (id !== undefined && !this.ids.has(id)) this.ids.set(id, element);
      if (element.local === 'style') stylesheets.push(element.children.map((child) => (child.kind === 'text' ? child.text : '')).join(''));
      for (const child of element.children) if (child.kind === 'element') visit(child);
    };
    visit(root);
    let order = 0;
    for (const rule of parseStylesheet(stylesheets.join('\n'))) {
      for (const text of rule.selectors) {
        const selector = parseCompound(text);
        order += 1;
        if (!selector) continue;
        const key = selector.ids[0] !== undefined ? `#${selector.ids[0]}` : selector.classes[0] !== undefined ? `.${selector.classes[0]}` : (selector.type ?? '*');
        const bucket = this.rules.get(key) ?? [];
        bucket.push({ selector, specificity: selector.ids.length * 100 + selector.classes.length * 10 + (selector.type ? 1 : 0), order, declarations: rule.declarations });
        this.rules.set(key, bucket);
      }
    }
  }

  walk(element: XmlElement, inherited: Inherited): void {
    if (NOT_DRAWN.has(element.local) || this.active.has(element)) return;
    const style = this.computedStyle(element);
    if (style.get('display')?.trim() === 'none') return;
    if (Number.parseFloat(style.get('opacity') ?? '1') === 0) return;
    const own = this.inherit(style, inherited);
    this.active.add(element);
    const hidden = /^(hidden|collapse)$/.test(style.get('visibility')?.trim() ?? '');
    if (!hidden && SHAPES.has(element.local)) {
      if (element.local !== 'line') this.paint(own.fill, own, own.fillOpacity);
      if (own.strokeWidth > 0) this.paint(own.stroke, own, own.strokeOpacity);
      for (const marker of own.markers) {
        const target = marker ? this.ids.get(marker) : undefined;
        if (target?.local === 'marker') this.walkContent(target, ROOT);
      }
    }
    if (!hidden && TEXTS.has(element.local) && element.children.some((child) => child.kind === 'text' && child.text.trim() !== '')) {
      this.paint(own.fill, own, own.fillOpacity);
      if (own.strokeWidth > 0) this.paint(own.stroke, own, own.strokeOpacity);
    }
    if (element.local === 'use') {
      const target = this.ids.get(hrefOf(element)?.slice(1) ?? '');
      if (target?.local === 'symbol') this.walkContent(target, own);
      else if (target) this.walk(target, own);
    }
    for (const child of element.children) if (child.kind === 'element') this.walk(child, own);
    this.active.delete(element);
  }

  private walkContent(container: XmlElement, inherited: Inherited): void {
    if (this.active.has(container)) return;
    this.active.add(container);
    const own = this.inherit(this.computedStyle(container), inherited);
    for (const child of container.children) if (child.kind === 'element') this.walk(child, own);
    this.active.delete(container);
  }

  private paint(paint: Paint, inherited: Inherited, opacity: number): void {
    if (opacity === 0) return;
    switch (paint.kind) {
      case 'none':
      case 'inherit':
        return;
      case 'colour':
        if (paint.colour.a > 0) this.colours.add(toHex(paint.colour));
        return;
      case 'current-colour':
        if (inherited.color.a > 0) this.colours.add(toHex(inherited.color));
        return;
      case 'url': {
        const target = this.ids.get(paint.id);
        if (target?.local === 'linearGradient' || target?.local === 'radialGradient') this.gradient(target);
        else if (target?.local === 'pattern') this.pattern(target);
        else if (paint.fallback) this.paint(paint.fallback, inherited, opacity);
        return;
      }
      default: {
        const unexpected: never = paint;
        throw new Error(`countSvgColours: unknown paint ${JSON.stringify(unexpected)}`);
      }
    }
  }

  // Stops come from the gradient, or the first gradient up its href chain that has some.
  private gradient(gradient: XmlElement): void {
    let source: XmlElement | undefined = gradient;
    const seen = new Set<XmlElement>();
    while (source && !seen.has(source)) {
      seen.add(source);
      const stops = source.children.filter((child): child is XmlElement => child.kind === 'element' && child.local === 'stop');
      if (stops.length > 0) {
        const colours = new Set<string>();
        for (const stop of stops) {
          const style = this.computedStyle(stop);
          if (Number.parseFloat(style.get('stop-opacity') ?? '1') === 0) continue;
          const value = style.get('stop-color')?.trim() ?? 'black';
          const colour = value.toLowerCase() === 'currentcolor' ? (parseCssColour(style.get('color') ?? '') ?? BLACK) : (parseCssColour(value) ?? BLACK);
          if (colour.a > 0) colours.add(toHex(colour));
        }
        for (const colour of colours) this.colours.add(colour);
        if (colours.size > 1) this.continuousTone = true;
        return;
      }
      source = this.ids.get(hrefOf(source)?.slice(1) ?? '');
    }
  }

  // A pattern's tiles are drawn from its own content, or that of the pattern it refers to.
  private pattern(pattern: XmlElement): void {
    let source: XmlElement | undefined = pattern;
    const seen = new Set<XmlElement>();
    while (source && !seen.has(source)) {
      seen.add(source);
      if (source.children.some((child) => child.kind === 'element')) {
        this.walkContent(source, ROOT);
        return;
      }
      source = this.ids.get(hrefOf(source)?.slice(1) ?? '');
    }
  }

  private inherit(style: ReadonlyMap<string, string>, inherited: Inherited): Inherited {
    const colour = style.get('color');
    const color = colour === undefined ? inherited.color : (parseCssColour(colour) ?? inherited.color);
    const paint = (name: string, fallback: Paint): Paint => {
      const value = style.get(name);
      if (value === undefined) return fallback;
      const parsed = parsePaint(value);
      // currentColor is resolved where it is declared, as CSS computes it.
      if (parsed.kind === 'current-colour') return { kind: 'colour', colour: color };
      return parsed.kind === 'inherit' ? fallback : parsed;
    };
    const number = (name: string, fallback: number): number => {
      const value = Number.parseFloat(style.get(name) ?? '');
      return Number.isFinite(value) ? value : fallback;
    };
    const markerShorthand = style.get('marker');
    const marker = (name: string, index: number): string | null => {
      const value = style.get(name) ?? markerShorthand;
      if (value === undefined) return inherited.markers[index] ?? null;
      return /url\(\s*["']?#([^"')\s]+)/.exec(value)?.[1] ?? null;
    };
    return {
      fill: paint('fill', inherited.fill),
      stroke: paint('stroke', inherited.stroke),
      color,
      fillOpacity: number('fill-opacity', inherited.fillOpacity),
      strokeOpacity: number('stroke-opacity', inherited.strokeOpacity),
      strokeWidth: number('stroke-width', inherited.strokeWidth),
      markers: [marker('marker-start', 0), marker('marker-mid', 1), marker('marker-end', 2)],
    };
  }

  // An element is visited once per <use> that copies it: its style attribute is read once.
  private styleAttribute(text: string): readonly CssDeclaration[] {
    if (text === '') return [];
    let declarations = this.styleAttributes.get(text);
    if (!declarations) {
      declarations = parseDeclarations(text);
      this.styleAttributes.set(text, declarations);
    }
    return declarations;
  }

  // Presentation attributes, then matching rules by specificity and order, then the style attribute.
  private computedStyle(element: XmlElement): Map<string, string> {
    const style = new Map<string, string>();
    for (const each of element.attributes) if (each.uri === '' && each.local !== 'style') style.set(each.local, each.value);
    const classes = (attributeValue(element, 'class') ?? '').split(/\s+/).filter(Boolean);
    const id = attributeValue(element, 'id');
    const keys = new Set([...(id === undefined ? [] : [`#${id}`]), ...classes.map((name) => `.${name}`), element.local, '*']);
    const candidates = [...keys].flatMap((key) => this.rules.get(key) ?? []).sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    for (const rule of candidates) {
      const { type, ids, classes: wanted } = rule.selector;
      if (type && type !== element.local) continue;
      if (ids.some((each) => each !== id) || wanted.some((each) => !classes.includes(each))) continue;
      for (const declaration of rule.declarations) style.set(declaration.property, declaration.value.replace(/!important\s*$/i, '').trim());
    }
    for (const declaration of this.styleAttribute(attributeValue(element, 'style') ?? '')) style.set(declaration.property, declaration.value.replace(/!important\s*$/i, '').trim());
    return style;
  }
}

// The last compound of a selector (`g .logo path.red` → type path, class red); null when it has
// pseudo-classes or anything else a static print never matches.
function parseCompound(selector: string): Compound | null {
  const last = selector.trim().split(/\s*[\s>+~]\s*/).at(-1) ?? '';
  const match = /^(\*|[A-Za-z][\w-]*)?((?:[.#][\w-]+)*)$/.exec(last);
  if (!match || last === '') return null;
  const parts = match[2]!.match(/[.#][\w-]+/g) ?? [];
  return {
    type: match[1] && match[1] !== '*' ? match[1] : null,
    ids: parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1)),
    classes: parts.filter((part) => part.startsWith('.')).map((part) => part.slice(1)),
  };
}
