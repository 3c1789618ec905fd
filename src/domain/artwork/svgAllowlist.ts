/**
 * What an uploaded SVG may keep: the elements and attributes of static vector graphics, and
 * nothing that runs, links, loads or moves. `sanitiseSvg` keeps what is listed here and removes
 * everything else; an allowlist, so an element or attribute invented next year is removed until
 * someone decides it is safe.
 *
 * Why not DOMPurify: it needs a DOM, and this runs in the domain (the browser as the customer picks
 * a file, and a worker thread on the server) over XML parsed by saxes; its lists are for HTML pages
 * (it keeps `<a>`, `<image>` with data: URLs, every `<style>` as written) where ours are for print
 * (no links, no pictures, CSS rewritten property by property) and name what was removed in words.
 * DOMPurify is the second opinion in the tests (`artworkSanitiseSvgDompurify.test.ts`).
 */

/** The SVG namespace. */
export const SVG_NS = 'http://www.w3.org/2000/svg';
/** The XLink namespace (`xlink:href`). */
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** The XML namespace (`xml:space`, `xml:lang`). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of namespace declarations (`xmlns`, `xmlns:x`). */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Elements kept. `<style>` is kept and its CSS rewritten by `sanitiseStylesheet` (design programs
 * such as Illustrator colour every shape through classes in a `<style>`, so dropping it would turn
 * their artwork black). `<a>` is not listed: it becomes a `<g>`, so the shapes inside stay.
 */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'title', 'desc', 'style',
]);

/** Elements whose text content is kept (elsewhere text is only whitespace between tags). */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['text', 'tspan', 'textPath', 'title', 'desc', 'style']);

/** Elements that draw something when rendered (what `sanitiseSvg` requires at least one of). */
export const DRAWING_ELEMENTS: ReadonlySet<string> = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'use']);

/** Containers whose content is drawn only when referenced (by `<use>`, a paint or a property). */
export const REFERENCED_CONTAINERS: ReadonlySet<string> = new Set(['defs', 'symbol', 'clipPath', 'mask', 'pattern', 'marker', 'linearGradient', 'radialGradient']);

/**
 * Properties that are both presentation attributes and CSS properties (in `style` and `<style>`).
 * Their values are still checked: no `url()` other than `url(#local-id)`, no script addresses.
 */
export const PRESENTATION_PROPERTIES: ReadonlySet<string> = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity',
  'stop-color', 'stop-opacity', 'color', 'display', 'visibility', 'overflow', 'clip', 'clip-path',
  'clip-rule', 'mask', 'mask-type', 'marker-start', 'marker-mid', 'marker-end', 'paint-order',
  'vector-effect', 'shape-rendering', 'text-rendering', 'color-interpolation', 'mix-blend-mode',
  'isolation', 'solid-color', 'solid-opacity', 'transform-origin', 'transform-box',
  'font-family', 'font-size', 'font-size-adjust', 'font-weight', 'font-style', 'font-variant',
  'font-stretch', 'text-anchor', 'text-decoration', 'letter-spacing', 'word-spacing',
  'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'writing-mode', 'direction',
  'unicode-bidi', 'glyph-orientation-vertical',
]);

/** CSS properties allowed in `style` and `<style>` on top of the presentation properties. */
export const CSS_ONLY_PROPERTIES: ReadonlySet<string> = new Set([
  'transform', 'font', 'marker', 'line-height', 'text-align', 'text-transform', 'white-space',
  'font-variant-ligatures', 'font-variant-caps', 'font-variant-numeric', 'font-variant-east-asian',
  'font-feature-settings', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color',
  'inline-size', 'shape-inside', 'shape-padding',
]);

/** Attributes (without a namespace) kept on any allowed element, besides the presentation attributes. */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'class', 'style', 'transform', 'lang', 'href',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr',
  'width', 'height', 'd', 'points', 'pathLength', 'viewBox', 'preserveAspectRatio',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'markerUnits', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'systemLanguage', 'type',
]);

/**
 * Namespaces of drawing programs' own data (layer names, guides, grid settings). Removed silently:
 * they draw nothing and the customer did not put them there on purpose.
 */
export const EDITOR_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/xap/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
]);

/** Animation elements: they can rewrite any attribute over time, `href` to `javascript:` included. */
export const ANIMATION_ELEMENTS: ReadonlySet<string> = new Set(['animate', 'set', 'animateTransform', 'animateMotion', 'animateColor', 'mpath', 'discard']);
