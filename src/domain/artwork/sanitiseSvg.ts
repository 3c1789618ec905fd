import { ARTWORK_LIMITS, type ArtworkLimits } from './artworkLimits.ts';
import { artworkProblem, type ArtworkProblem } from './artworkProblem.ts';
import {
  ANIMATION_ELEMENTS, DRAWING_ELEMENTS, EDITOR_NAMESPACES, PRESENTATION_PROPERTIES, REFERENCED_CONTAINERS,
  SVG_ATTRIBUTES, SVG_ELEMENTS, SVG_NS, TEXT_ELEMENTS, XLINK_NS, XML_NS, XMLNS_NS,
} from './svgAllowlist.ts';
import { checkCssValue, hasUnsafeScheme, sanitiseDeclarations, sanitiseStylesheet, serialiseDeclarations, serialiseStylesheet } from './svgCss.ts';
import { Removals } from './svgRemovals.ts';
import { attributeValue, hrefOf, parseXml, serialiseSvg, type XmlAttribute, type XmlElement, type XmlNode } from './svgTree.ts';

/** A sanitised SVG: the text to store and show, and what was removed, in words. */
export interface SanitisedSvg {
  readonly ok: true;
  /** The cleaned SVG, serialised again from the checked tree: what is stored is what was checked. */
  readonly svg: string;
  /** What was removed, for a warning: `['a script', '2 event handlers (onclick, onload)']`. */
  readonly removed: readonly string[];
}

/** A sanitised SVG with its tree, for the checks that read it (size, colours). */
export interface SanitisedSvgDocument extends SanitisedSvg {
  readonly root: XmlElement;
  /** True when it draws text, which prints in our fonts rather than the designer's. */
  readonly hasText: boolean;
}

/** Options of `sanitiseSvg`. */
export interface SanitiseSvgOptions {
  /** How messages name the file: `"logo.svg"`; by default "This SVG". */
  readonly subject?: string;
  readonly limits?: ArtworkLimits;
}

// Processing instructions that editors write into metadata; nothing reads them when drawing.
const EDITOR_INSTRUCTIONS: ReadonlySet<string> = new Set(['xpacket', 'adobe-xap-filters']);
const LOCAL_REFERENCE = /^#[^\s#'"()<>\\]+$/;
// Copies of copies: logos use two or three levels; each level multiplies the renderer's work.
const MAX_USE_CHAIN = 20;
const ANIMATIONS: ReadonlySet<string> = new Set([...ANIMATION_ELEMENTS].map((name) => name.toLowerCase()));

/**
 * Makes an uploaded SVG safe to store, show in the browser and send to the factory: parses it as
 * XML and keeps only static vector graphics (the allowlist in `svgAllowlist.ts`), then serialises
 * the kept tree again.
 *
 * **Policy: clean what can be cleaned, refuse what cannot be read safely.** Active or loading
 * content is removed and listed — scripts (also CDATA ones and ones in another namespace), event
 * handlers (`on…`, in any case), `<foreignObject>`, `<image>`/`<feImage>`, animations (`<animate>`,
 * `<set>`, … can rewrite `href` to `javascript:` later), filters, any `href` that is not a local
 * `#fragment` (a `<use>` of another file is removed whole), any `url()` that is not `url(#local)`,
 * `javascript:` and `data:` addresses, CSS `@import`, `expression()` and escapes, elements and
 * attributes of other namespaces. `<a>` becomes `<g>`: the link goes, its shapes stay. `<style>` is
 * kept, rewritten rule by rule (simple selectors, allowed properties, checked values). Comments,
 * editor metadata (Inkscape, Illustrator, RDF) and unknown inert attributes (`data-name`) are
 * dropped without a word. Cleaning is friendlier than refusing, and just as safe here: nothing of
 * the upload is passed on except what the allowlist rebuilt.
 *
 * Refused, because the parse itself is the danger or nothing is left: malformed XML; a DOCTYPE with
 * entity declarations (XXE, billion laughs); more elements, deeper nesting or more `<use>`
 * expansions than the limits (a rendering bomb); a root that is not `<svg>`; nothing drawable
 * after cleaning.
 *
 * @example
 * sanitiseSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><rect width="10" height="10"/></svg>')
 * // { ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
 * //   removed: ['an event handler (onload)'] }
 */
export function sanitiseSvg(text: string, options: SanitiseSvgOptions = {}): SanitisedSvg | ArtworkProblem {
  const result = sanitiseSvgDocument(text, options);
  return result.ok ? { ok: true, svg: result.svg, removed: result.removed } : result;
}

/** `sanitiseSvg`, also returning the kept tree (so size and colours are read from what is stored). */
export function sanitiseSvgDocument(text: string, options: SanitiseSvgOptions = {}): SanitisedSvgDocument | ArtworkProblem {
  const subject = options.subject ?? 'This SVG';
  const limits = options.limits ?? ARTWORK_LIMITS;
  const parsed = parseXml(text, limits, subject);
  if (!parsed.ok) return parsed;
  const { root: source } = parsed;
  const unNamespaced = source.uri === '' && source.local === 'svg';
  if (source.local !== 'svg' || !(source.uri === SVG_NS || unNamespaced)) {
    const name = source.prefix ? `${source.prefix}:${source.local}` : source.local;
    return artworkProblem('svg-not-svg', `${subject} holds <${name}>, not an SVG drawing: export the artwork as SVG.`);
  }
  const removals = new Removals();
  for (const target of parsed.instructions) {
    if (!EDITOR_INSTRUCTIONS.has(target)) removals.add('instruction', `<?${target}?>`);
  }
  const cleaner = new Cleaner(removals, unNamespaced);
  let root = cleaner.element(source);
  if (!root) return artworkProblem('svg-nothing-drawable', `${subject} has nothing left to print after removing ${removals.list().join(', ')}: export the artwork again as a plain SVG.`);

  const expanded = checkReferences(root, limits);
  if (!expanded.ok) return artworkProblem('svg-unsafe', `${subject} ${expanded.reason}: simplify it (expand or remove the repeated copies) and export it again.`);
  if (expanded.cycles.size > 0) {
    for (let count = 0; count < expanded.cycles.size; count += 1) removals.add('self-reference');
    root = withoutElements(root, expanded.cycles);
  }
  if (!drawsSomething(root, new Set(), collectIds(root))) {
    const removed = removals.list();
    return artworkProblem(
      'svg-nothing-drawable',
      removed.length > 0
        ? `${subject} has nothing left to print after removing ${removed.join(', ')}: export the artwork again as a plain SVG.`
        : `${subject} draws nothing (no paths, shapes or text): export the artwork again, with its shapes.`,
    );
  }
  return { ok: true, svg: serialiseSvg(root), removed: removals.list(), root, hasText: hasText(root) };
}

class Cleaner {
  constructor(
    private readonly removals: Removals,
    private readonly unNamespaced: boolean,
  ) {}

  /** The kept copy of an element, or null when it goes (with its content). */
  element(source: XmlElement): XmlElement | null {
    const lower = source.local.toLowerCase();
    const inSvg = source.uri === SVG_NS || (this.unNamespaced && source.uri === '');
    if (!inSvg) {
      if (EDITOR_NAMESPACES.has(source.uri)) return null;
      if (lower === 'script') this.removals.add('script');
      else if (lower === 'foreignobject') this.removals.add('foreign-object');
      else this.removals.add('foreign-element', source.prefix ? `${source.prefix}:${source.local}` : source.local);
      return null;
    }
    if (lower === 'script') return this.remove('script');
    if (lower === 'foreignobject') return this.remove('foreign-object');
    if (lower === 'image' || lower === 'feimage') return this.remove('image');
    if (ANIMATIONS.has(lower)) return this.remove('animation');
    if (lower === 'filter' || /^fe[a-z]/.test(lower)) return this.remove('filter');
    if (source.local === 'metadata') return null;
    let local = source.local;
    if (local === 'a') {
      this.removals.add('link');
      local = 'g';
    } else if (!SVG_ELEMENTS.has(local)) {
      return this.remove('unsupported-element', `<${source.local}>`);
    }
    const attributes = this.attributes(source, local);
    if (!attributes) return null;

    if (local === 'style') {
      const type = attributeValue(source, 'type')?.trim().toLowerCase();
      if (type && type !== 'text/css') return this.remove('style-rule', `type="${type}"`);
      const css = source.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
      const rules = serialiseStylesheet(sanitiseStylesheet(css, this.removals));
      return rules ? { kind: 'element', uri: SVG_NS, prefix: '', local, attributes, children: [{ kind: 'text', text: rules }] } : null;
    }
    const keepsText = TEXT_ELEMENTS.has(local);
    const children: XmlNode[] = [];
    for (const child of source.children) {
      if (child.kind === 'text') {
        if (keepsText) children.push(child);
      } else {
        const kept = this.element(child);
        if (kept) children.push(kept);
      }
    }
    return { kind: 'element', uri: SVG_NS, prefix: '', local, attributes, children };
  }

  /** The kept attributes, or null when the element must go (a `<use>` of another file). */
  private attributes(source: XmlElement, local: string): XmlAttribute[] | null {
    const kept: XmlAttribute[] = [];
    for (const attribute of source.attributes) {
      const { uri, value } = attribute;
      const name = attribute.local;
      if (uri === XMLNS_NS || attribute.prefix === 'xmlns' || (uri === '' && name === 'xmlns')) continue;
      if (/^on/i.test(name)) {
        this.removals.add('event-handler', name);
        continue;
      }
      const isHref = name === 'href' && (uri === '' || uri === XLINK_NS);
      if (isHref) {
        // The link of an <a> is already reported as the link.
        if (source.local === 'a') continue;
        if (LOCAL_REFERENCE.test(value.trim()) && !hasUnsafeScheme(value)) {
          kept.push({ uri, prefix: uri === XLINK_NS ? 'xlink' : '', local: name, value: value.trim() });
          continue;
        }
        if (hasUnsafeScheme(value)) this.removals.add('unsafe-address', schemeOf(value));
        else this.removals.add('external-reference');
        if (local === 'use') return null;
        continue;
      }
      if (uri === XLINK_NS) continue;
      if (uri === XML_NS) {
        if (name === 'space' || name === 'lang') kept.push({ uri, prefix: 'xml', local: name, value });
        continue;
      }
      if (uri !== '') {
        if (!EDITOR_NAMESPACES.has(uri)) this.removals.add('foreign-attribute', `${attribute.prefix}:${name}`);
        continue;
      }
      if (name === 'style') {
        const declarations = serialiseDeclarations(sanitiseDeclarations(value, this.removals));
        if (declarations) kept.push({ uri: '', prefix: '', local: 'style', value: declarations });
        continue;
      }
      if (SVG_ATTRIBUTES.has(name) || PRESENTATION_PROPERTIES.has(name)) {
        const problem = checkCssValue(value);
        if (problem) this.removals.add(problem.kind, problem.detail);
        else kept.push({ uri: '', prefix: '', local: name, value });
        continue;
      }
      // Unknown attributes draw nothing and go silently, unless they carry a script address.
      if (hasUnsafeScheme(value)) this.removals.add('unsafe-address', schemeOf(value));
    }
    return kept;
  }

  private remove(kind: Parameters<Removals['add']>[0], detail?: string): null {
    this.removals.add(kind, detail);
    return null;
  }
}

function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters hide words from naive checks
  const squeezed = value.toLowerCase().replace(/[\s\u0000-\u001f]+/g, '');
  return /(?:java|vb|live)script:|data:/.exec(squeezed)?.[0] ?? 'address';
}

type ReferenceCheck = { ok: true; cycles: Set<XmlElement> } | { ok: false; reason: string };

/**
 * Counts what the tree draws with every `<use>` expanded, stopping past the limit; measures the
 * longest chain of copies of copies; finds the `<use>` elements that refer to themselves or an
 * ancestor (renderers skip those, so they go). Memoised, so shared targets are counted once.
 */
function checkReferences(root: XmlElement, limits: ArtworkLimits): ReferenceCheck {
  const ids = collectIds(root);
  const measured = new Map<XmlElement, { total: number; chain: number }>();
  const open = new Set<XmlElement>();
  const cycles = new Set<XmlElement>();
  class TooMany extends Error {}
  // `hops` bounds the recursion however the chain is ordered; `chain` refuses it consistently.
  const measure = (element: XmlElement, hops: number): { total: number; chain: number } => {
    const known = measured.get(element);
    if (known) return known;
    if (hops > MAX_USE_CHAIN) throw new TooMany('deep');
    open.add(element);
    let total = 1;
    let chain = 0;
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const inner = measure(child, hops);
      total += inner.total;
      chain = Math.max(chain, inner.chain);
    }
    if (element.local === 'use') {
      const target = ids.get(hrefOf(element)?.slice(1) ?? '');
      if (target && open.has(target)) cycles.add(element);
      else if (target) {
        const copied = measure(target, hops + 1);
        total += copied.total;
        chain = Math.max(chain, copied.chain + 1);
      }
    }
    open.delete(element);
    if (total > limits.maxSvgInstances) throw new TooMany('many');
    if (chain > MAX_USE_CHAIN) throw new TooMany('deep');
    const result = { total, chain };
    measured.set(element, result);
    return result;
  };
  try {
    measure(root, 0);
  } catch (error) {
    if (!(error instanceof TooMany)) throw error;
    return {
      ok: false,
      reason: error.message === 'deep'
        ? `makes copies of copies of shapes (<use>) more than ${MAX_USE_CHAIN} deep`
        : `repeats shapes through <use> more than ${limits.maxSvgInstances.toLocaleString('en')} times, a pattern used to freeze the programs that draw it`,
    };
  }
  return { ok: true, cycles };
}

function collectIds(root: XmlElement): Map<string, XmlElement> {
  const ids = new Map<string, XmlElement>();
  const visit = (element: XmlElement) => {
    const id = attributeValue(element, 'id');
    if (id !== undefined && !ids.has(id)) ids.set(id, element);
    for (const child of element.children) if (child.kind === 'element') visit(child);
  };
  visit(root);
  return ids;
}


function withoutElements(element: XmlElement, gone: ReadonlySet<XmlElement>): XmlElement {
  return {
    ...element,
    children: element.children.filter((child) => child.kind === 'text' || !gone.has(child)).map((child) => (child.kind === 'element' ? withoutElements(child, gone) : child)),
  };
}

// Something outside the referenced containers that draws: a shape, text with letters, a <use> of
// something that itself draws.
function drawsSomething(element: XmlElement, seen: Set<XmlElement>, ids: Map<string, XmlElement>): boolean {
  if (REFERENCED_CONTAINERS.has(element.local) || seen.has(element)) return false;
  seen.add(element);
  if (element.local === 'text') return hasText(element);
  if (element.local === 'use') {
    const target = ids.get(hrefOf(element)?.slice(1) ?? '');
    if (!target) return false;
    // A <use> draws the referenced element wherever it is (in <defs> too), or a symbol's content.
    const content = target.local === 'symbol' ? target.children : [target];
    return content.some((child) => child.kind === 'element' && drawsSomething(child, seen, ids));
  }
  if (DRAWING_ELEMENTS.has(element.local)) return true;
  return element.children.some((child) => child.kind === 'element' && drawsSomething(child, seen, ids));
}

function hasText(element: XmlElement): boolean {
  if (element.local === 'title' || element.local === 'desc' || element.local === 'style') return false;
  return element.children.some((child) => (child.kind === 'text' ? ['text', 'tspan', 'textPath'].includes(element.local) && child.text.trim() !== '' : hasText(child)));
}
