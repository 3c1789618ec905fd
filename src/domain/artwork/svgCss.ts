import { CSS_ONLY_PROPERTIES, PRESENTATION_PROPERTIES } from './svgAllowlist.ts';
import type { RemovalKind, Removals } from './svgRemovals.ts';

/** One CSS declaration, `property: value`, as kept. */
export interface CssDeclaration {
  readonly property: string;
  readonly value: string;
}

/** One CSS rule of a `<style>`, as kept: simple selectors and checked declarations. */
export interface CssRule {
  readonly selectors: readonly string[];
  readonly declarations: readonly CssDeclaration[];
}

/** A reason to remove a value, for the removal list. */
export interface ValueProblem {
  readonly kind: RemovalKind;
  readonly detail: string;
}

// Selectors of types, classes, ids, `*`, combinators and pseudo-classes. Attribute selectors are
// not needed to colour artwork and are how CSS reads attribute values out of a page.
const SIMPLE_SELECTOR = /^[A-Za-z0-9_\-\s.#*,>+~:()]+$/;
const LOCAL_URL = /^#[^\s#'"()<>\\]+$/;
const PSEUDO_CLASSES: ReadonlySet<string> = new Set([
  'first-child', 'last-child', 'only-child', 'nth-child', 'nth-last-child', 'first-of-type', 'last-of-type', 'only-of-type',
  'nth-of-type', 'nth-last-of-type', 'not', 'is', 'where', 'root', 'hover', 'active', 'focus', 'visited', 'link', 'empty',
]);
const AT_RULE_NAME = /@[\w-]*/y;
// Functions that load a resource without `url(`.
const LOADING_FUNCTION = /(?:^|[^a-z-])(?:-webkit-)?(?:image|image-set|cross-fade|element|src)\(/;
const UNSAFE_SCHEME = /(?:java|vb|live)script:|data:/;
const CODE_PROPERTIES: ReadonlySet<string> = new Set(['behavior', '-moz-binding', '-ms-behavior']);
// Properties that draw nothing in a static picture (SVG 1.1 leftovers, interaction): dropped without a word.
const INERT_PROPERTIES: ReadonlySet<string> = new Set(['enable-background', 'color-rendering', 'color-interpolation-filters', 'kerning', 'pointer-events', 'image-rendering', 'user-select', 'cursor']);

/**
 * Checks a value that may be read as CSS (a presentation attribute, a style declaration) and says
 * why it must go, or null when it may stay: no `url()` other than `url(#local-id)`, no other
 * function that loads a file, no `javascript:`/`data:` address (spaces and control characters
 * inside the word are ignored, as browsers ignore them), no `expression()`, no backslash escapes
 * (CSS would decode `\75 rl(` to `url(`, hiding it from these checks).
 */
export function checkCssValue(value: string): ValueProblem | null {
  // eslint-disable-next-line no-control-regex -- control characters hide words from naive checks
  const squeezed = value.toLowerCase().replace(/[\s\u0000-\u001f]+/g, '');
  const scheme = /(?:java|vb|live)script:/.exec(squeezed) ?? /data:/.exec(squeezed);
  if (scheme) return { kind: 'unsafe-address', detail: scheme[0] };
  if (value.includes('\\')) return { kind: 'escaped-style', detail: 'backslash' };
  if (squeezed.includes('expression(')) return { kind: 'style-code', detail: 'expression' };
  const urls = squeezed.split('url(').length - 1;
  const targets = urlTargets(value);
  if (targets.length !== urls || targets.some((target) => target === null || !LOCAL_URL.test(target))) return { kind: 'external-reference', detail: '' };
  if (LOADING_FUNCTION.test(squeezed)) return { kind: 'external-reference', detail: '' };
  return null;
}

/**
 * The targets of the `url(…)` functions in a value, null for one that cannot be read. Scanned by
 * hand: a regular expression with optional spaces on both sides of the target backtracks
 * quadratically on a long run of spaces.
 */
function urlTargets(value: string): (string | null)[] {
  const lower = value.toLowerCase();
  const targets: (string | null)[] = [];
  for (let start = lower.indexOf('url('); start >= 0; start = lower.indexOf('url(', start + 4)) {
    let at = start + 4;
    while (at < value.length && /\s/.test(value[at]!)) at += 1;
    const quote = value[at] === '"' || value[at] === "'" ? value[at]! : '';
    let end: number;
    if (quote) {
      end = value.indexOf(quote, at + 1);
      if (end < 0) {
        targets.push(null);
        break;
      }
      targets.push(value.slice(at + 1, end));
      at = end + 1;
    } else {
      end = at;
      while (end < value.length && !/[\s)'"]/.test(value[end]!)) end += 1;
      targets.push(value.slice(at, end));
      at = end;
    }
    while (at < value.length && /\s/.test(value[at]!)) at += 1;
    if (value[at] !== ')') targets[targets.length - 1] = null;
  }
  return targets;
}

/** True when a value holds a `javascript:`-like or `data:` address, however spaced. */
export function hasUnsafeScheme(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters hide words from naive checks
  return UNSAFE_SCHEME.test(value.toLowerCase().replace(/[\s\u0000-\u001f]+/g, ''));
}

/**
 * Sanitises the declarations of a `style` attribute (or of a rule): keeps the presentation
 * properties and a few text properties, each with a checked value; drops the rest and records why.
 * Vendor properties (`-inkscape-font-specification`) draw nothing and go silently.
 */
export function sanitiseDeclarations(text: string, removals: Removals): CssDeclaration[] {
  const kept: CssDeclaration[] = [];
  for (const part of splitOutside(stripComments(text), ';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    if (!property || !value) continue;
    if (CODE_PROPERTIES.has(property)) {
      removals.add('style-code', property);
      continue;
    }
    if (!PRESENTATION_PROPERTIES.has(property) && !CSS_ONLY_PROPERTIES.has(property)) {
      // Vendor properties (-inkscape-…) and inert ones go silently; so does a filter that points at
      // a filter element, whose removal is reported already.
      const silent = /^-[a-z]+-/.test(property) || INERT_PROPERTIES.has(property) || (property === 'filter' && /^url\(\s*["']?#[^)]*\)$/.test(value));
      if (!silent) removals.add('style-property', property);
      continue;
    }
    const problem = checkCssValue(value);
    if (problem) {
      removals.add(problem.kind, problem.detail);
      continue;
    }
    kept.push({ property, value });
  }
  return kept;
}

/**
 * Sanitises the text of a `<style>` element: rules with simple selectors keep their sanitised
 * declarations; at-rules go (`@import` and `@font-face` load files, `@media` and the rest are not
 * needed for print), as do rules with other selectors, nested rules and anything unparsable.
 */
export function sanitiseStylesheet(text: string, removals: Removals): CssRule[] {
  const css = stripComments(text).replace(/<!--|-->/g, ' ');
  const rules: CssRule[] = [];
  let at = 0;
  while (at < css.length) {
    while (at < css.length && /\s/.test(css[at]!)) at += 1;
    if (at >= css.length) break;
    if (css[at] === '@') {
      AT_RULE_NAME.lastIndex = at;
      const name = AT_RULE_NAME.exec(css)![0].toLowerCase();
      removals.add(name === '@import' || name === '@font-face' ? 'style-import' : 'style-rule', name);
      at = skipAtRule(css, at);
      continue;
    }
    const open = indexOutside(css, '{', at);
    if (open < 0) break;
    const close = matchingBrace(css, open);
    const prelude = css.slice(at, open).trim();
    const body = css.slice(open + 1, close < 0 ? css.length : close);
    at = close < 0 ? css.length : close + 1;
    if (!isSimpleSelector(prelude) || body.includes('{')) {
      removals.add('style-rule', prelude.replace(/\s+/g, ' '));
      continue;
    }
    const declarations = sanitiseDeclarations(body, removals);
    const selectors = prelude.split(',').map((selector) => selector.trim().replace(/\s+/g, ' ')).filter(Boolean);
    if (declarations.length > 0 && selectors.length > 0) rules.push({ selectors, declarations });
  }
  return rules;
}

/** Writes declarations back as a `style` attribute value: `fill:#e30613;stroke:none`. */
export function serialiseDeclarations(declarations: readonly CssDeclaration[]): string {
  return declarations.map(({ property, value }) => `${property}:${value}`).join(';');
}

/** Writes rules back as the text of a `<style>`: `.cls-1{fill:#e30613}`. */
export function serialiseStylesheet(rules: readonly CssRule[]): string {
  return rules.map((rule) => `${rule.selectors.join(',')}{${serialiseDeclarations(rule.declarations)}}`).join('');
}

/** Parses the declarations of trusted (already sanitised) CSS, for reading computed styles. */
export function parseDeclarations(text: string): CssDeclaration[] {
  return splitOutside(text, ';').flatMap((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) return [];
    return [{ property: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim() }];
  });
}

/** Parses a trusted (already sanitised) stylesheet. */
export function parseStylesheet(text: string): CssRule[] {
  const rules: CssRule[] = [];
  for (const match of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    rules.push({ selectors: match[1]!.split(',').map((selector) => selector.trim()), declarations: parseDeclarations(match[2]!) });
  }
  return rules;
}

// Types, classes, ids, `*`, combinators and known pseudo-classes (so `javascript:alert(1)` is no selector).
function isSimpleSelector(prelude: string): boolean {
  if (!SIMPLE_SELECTOR.test(prelude)) return false;
  return [...prelude.matchAll(/::?([\w-]*)/g)].every((match) => match[0].startsWith(':') && !match[0].startsWith('::') && PSEUDO_CLASSES.has(match[1]!.toLowerCase()));
}

function stripComments(css: string): string {
  let out = '';
  let quote = '';
  for (let at = 0; at < css.length; at += 1) {
    const character = css[at]!;
    if (quote) {
      if (character === quote) quote = '';
      out += character;
    } else if (character === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      if (end < 0) break;
      at = end + 1;
      out += ' ';
    } else {
      if (character === '"' || character === "'") quote = character;
      out += character;
    }
  }
  return out;
}

// Splits on `separator` outside quotes and parentheses.
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at]!;
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (character === separator && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function indexOutside(text: string, wanted: string, from: number): number {
  let quote = '';
  for (let at = from; at < text.length; at += 1) {
    const character = text[at]!;
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === wanted) return at;
  }
  return -1;
}

function matchingBrace(text: string, open: number): number {
  let quote = '';
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    const character = text[at]!;
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '{') depth += 1;
    else if (character === '}') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return -1;
}

// An at-rule ends at a `;` before any block, or after its balanced block (one scan for either).
function skipAtRule(css: string, at: number): number {
  let quote = '';
  for (let index = at; index < css.length; index += 1) {
    const character = css[index]!;
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ';') return index + 1;
    else if (character === '{') {
      const close = matchingBrace(css, index);
      return close < 0 ? css.length : close + 1;
    }
  }
  return css.length;
}
