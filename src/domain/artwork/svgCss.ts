import { generate as generateCss, parse, tokenTypes, walk, type CssNode, type Declaration, type GenerateHandlers, type List, type Rule } from 'css-tree';
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

// The characters of the selectors kept: types, classes, ids, `*`, combinators and pseudo-classes.
// Attribute selectors are not needed to colour artwork and are how CSS reads attribute values out
// of a page; escapes (`\`) are how a name hides what it is.
const SIMPLE_SELECTOR = /^[A-Za-z0-9_\-\s.#*,>+~:()]+$/;
const LOCAL_URL = /^#[^\s#'"()<>\\]+$/;
const PSEUDO_CLASSES: ReadonlySet<string> = new Set([
  'first-child', 'last-child', 'only-child', 'nth-child', 'nth-last-child', 'first-of-type', 'last-of-type', 'only-of-type',
  'nth-of-type', 'nth-last-of-type', 'not', 'is', 'where', 'root', 'hover', 'active', 'focus', 'visited', 'link', 'empty',
]);
// The nodes a kept selector is made of (css-tree's names).
const SELECTOR_NODES: ReadonlySet<string> = new Set(['SelectorList', 'Selector', 'TypeSelector', 'ClassSelector', 'IdSelector', 'Combinator', 'PseudoClassSelector', 'Nth', 'AnPlusB']);
// Functions that load a resource without `url(`.
const LOADING_FUNCTION = /(?:^|[^a-z-])(?:-webkit-)?(?:image|image-set|cross-fade|element|src)\(/;
const UNSAFE_SCHEME = /(?:java|vb|live)script:|data:/;
const CODE_PROPERTIES: ReadonlySet<string> = new Set(['behavior', '-moz-binding', '-ms-behavior']);
// Properties that draw nothing in a static picture (SVG 1.1 leftovers, interaction): dropped without a word.
const INERT_PROPERTIES: ReadonlySet<string> = new Set(['enable-background', 'color-rendering', 'color-interpolation-filters', 'kerning', 'pointer-events', 'image-rendering', 'user-select', 'cursor']);
const ignoreParseErrors = () => undefined;
const NUMERIC_TOKENS: ReadonlySet<number> = new Set([tokenTypes.Number, tokenTypes.Percentage, tokenTypes.Dimension]);

/**
 * CSS as css-tree writes it, with a space kept between two numbers (`oklch(50% 0.1 200)`, not the
 * `50%0.1` CSS allows but not every SVG renderer reads).
 */
function generate(node: CssNode): string {
  return generateCss(node, { decorator: spaceBetweenNumbers });
}

function spaceBetweenNumbers(handlers: GenerateHandlers): GenerateHandlers {
  let previous = -1;
  return {
    ...handlers,
    tokenBefore(prevCode, type, value) {
      const code = handlers.tokenBefore(prevCode, type, value);
      const spaced = NUMERIC_TOKENS.has(previous) && NUMERIC_TOKENS.has(type);
      previous = type;
      return spaced ? code | 1 : code;
    },
  };
}

/**
 * Checks a value that may be read as CSS (a presentation attribute, a style declaration) and says
 * why it must go, or null when it may stay: no `url()` other than `url(#local-id)` (the `url()`s
 * read by css-tree, and as many as the letters `url(` in the value with spaces and control
 * characters squeezed out, so no spelling hides one), no other function that loads a file, no
 * `javascript:`/`data:` address (spaces and control characters inside the word are ignored, as
 * browsers ignore them), no `expression()`, no backslash escapes (CSS would decode `\75 rl(` to
 * `url(`, hiding it from these checks).
 */
export function checkCssValue(value: string): ValueProblem | null {
  // eslint-disable-next-line no-control-regex -- control characters hide words from naive checks
  const squeezed = value.toLowerCase().replace(/[\s\u0000-\u001f]+/g, '');
  const scheme = /(?:java|vb|live)script:/.exec(squeezed) ?? /data:/.exec(squeezed);
  if (scheme) return { kind: 'unsafe-address', detail: scheme[0] };
  if (value.includes('\\')) return { kind: 'escaped-style', detail: 'backslash' };
  if (squeezed.includes('expression(')) return { kind: 'style-code', detail: 'expression' };
  if (LOADING_FUNCTION.test(squeezed)) return { kind: 'external-reference', detail: '' };
  const urls = squeezed.split('url(').length - 1;
  if (urls === 0) return null;
  const targets: string[] = [];
  walk(parse(value, { context: 'value', onParseError: ignoreParseErrors }), (node) => {
    if (node.type === 'Url') targets.push(node.value);
  });
  if (targets.length !== urls || targets.some((target) => !LOCAL_URL.test(target))) return { kind: 'external-reference', detail: '' };
  return null;
}

/** True when a value holds a `javascript:`-like or `data:` address, however spaced. */
export function hasUnsafeScheme(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters hide words from naive checks
  return UNSAFE_SCHEME.test(value.toLowerCase().replace(/[\s\u0000-\u001f]+/g, ''));
}

/**
 * Sanitises the declarations of a `style` attribute (or of a rule), read by css-tree: keeps the
 * presentation properties and a few text properties, each with a checked value, written back by
 * css-tree (comments and needless spaces gone); drops the rest and records why. A value css-tree
 * cannot read goes too. Vendor properties (`-inkscape-font-specification`) draw nothing and go
 * silently.
 */
export function sanitiseDeclarations(text: string, removals: Removals): CssDeclaration[] {
  return sanitiseDeclarationNodes(parseList(text, 'declarationList'), removals);
}

function sanitiseDeclarationNodes(nodes: List<CssNode> | null, removals: Removals): CssDeclaration[] {
  const kept: CssDeclaration[] = [];
  nodes?.forEach((node) => {
    // What css-tree could not read as a declaration (a comment inside a property name, a nested
    // rule) is not kept, and said.
    if (node.type === 'Raw') {
      const text = node.value.trim();
      if (text) removals.add(text.includes('{') ? 'style-rule' : 'style-property', text.split(/[:{]/)[0]!.trim().slice(0, 40));
      return;
    }
    if (node.type !== 'Declaration') return;
    const declaration = readDeclaration(node);
    const { property, value } = declaration;
    if (!property || !value) return;
    if (CODE_PROPERTIES.has(property)) {
      removals.add('style-code', property);
      return;
    }
    if (!PRESENTATION_PROPERTIES.has(property) && !CSS_ONLY_PROPERTIES.has(property)) {
      // Vendor properties (-inkscape-…) and inert ones go silently; so does a filter that points at
      // a filter element, whose removal is reported already.
      const silent = /^-[a-z]+-/.test(property) || INERT_PROPERTIES.has(property) || (property === 'filter' && /^url\(#[^)]*\)$/.test(value));
      if (!silent) removals.add('style-property', property);
      return;
    }
    const problem = checkCssValue(value);
    if (problem) {
      removals.add(problem.kind, problem.detail);
      return;
    }
    // A value css-tree read only as raw text (a comment inside a word, a stray bracket) is not kept.
    if (node.value.type === 'Raw' || containsRaw(node.value)) {
      removals.add('style-property', property);
      return;
    }
    kept.push(declaration);
  });
  return kept;
}

/**
 * Sanitises the text of a `<style>` element, read by css-tree: rules whose selectors are simple
 * (types, classes, ids, combinators, known pseudo-classes) keep their sanitised declarations;
 * at-rules go (`@import` and `@font-face` load files, `@media` and the rest are not needed for
 * print), as do rules with other selectors, nested rules and anything unparsable.
 */
export function sanitiseStylesheet(text: string, removals: Removals): CssRule[] {
  const rules: CssRule[] = [];
  const sheet = parseSheet(text);
  sheet?.forEach((node) => {
    if (node.type === 'Atrule') {
      const name = `@${node.name.toLowerCase()}`;
      removals.add(name === '@import' || name === '@font-face' ? 'style-import' : 'style-rule', name);
      return;
    }
    if (node.type !== 'Rule') return;
    const prelude = generate(node.prelude);
    const selectors = simpleSelectors(node);
    if (!selectors || node.block.children.some((child) => child.type === 'Rule' || child.type === 'Atrule')) {
      removals.add('style-rule', prelude.replace(/\s+/g, ' '));
      return;
    }
    const declarations = sanitiseDeclarationNodes(node.block.children, removals);
    if (declarations.length > 0 && selectors.length > 0) rules.push({ selectors, declarations });
  });
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
  const declarations: CssDeclaration[] = [];
  parseList(text, 'declarationList')?.forEach((node) => {
    if (node.type === 'Declaration') declarations.push(readDeclaration(node));
  });
  return declarations;
}

/** Parses a trusted (already sanitised) stylesheet. */
export function parseStylesheet(text: string): CssRule[] {
  const rules: CssRule[] = [];
  parseSheet(text)?.forEach((node) => {
    if (node.type !== 'Rule' || node.prelude.type !== 'SelectorList') return;
    const selectors: string[] = [];
    node.prelude.children.forEach((selector) => {
      selectors.push(generate(selector));
    });
    rules.push({ selectors, declarations: parseDeclarations(generate(node.block).slice(1, -1)) });
  });
  return rules;
}

/** A stylesheet's top-level nodes; null when it nests deeper than css-tree's recursion can read. */
function parseSheet(text: string): List<CssNode> | null {
  try {
    return parseList(text, 'stylesheet');
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function parseList(text: string, context: 'declarationList' | 'stylesheet'): List<CssNode> | null {
  const root = parse(text, { context, onParseError: ignoreParseErrors });
  return root.type === 'DeclarationList' || root.type === 'StyleSheet' ? root.children : null;
}

/** A declaration as written back: the property in lower case, the value as css-tree writes it. */
function readDeclaration(node: Declaration): CssDeclaration {
  const important = node.important === false ? '' : `!${node.important === true ? 'important' : node.important}`;
  return { property: node.property.trim().toLowerCase(), value: `${generate(node.value).trim()}${important}` };
}

function containsRaw(value: CssNode): boolean {
  let raw = false;
  walk(value, (node) => {
    if (node.type === 'Raw') raw = true;
  });
  return raw;
}

// The selectors of a rule when each is made only of the nodes allowed (so `javascript:alert(1)`,
// `rect[href^="javascript"]` and `::before` are no selectors), else null.
function simpleSelectors(rule: Rule): string[] | null {
  if (rule.prelude.type !== 'SelectorList') return null;
  let simple = true;
  walk(rule.prelude, (node) => {
    if (!SELECTOR_NODES.has(node.type)) simple = false;
    else if (node.type === 'PseudoClassSelector' && !PSEUDO_CLASSES.has(node.name.toLowerCase())) simple = false;
    else if (node.type === 'TypeSelector' && !/^(?:\*|[A-Za-z][\w-]*)$/.test(node.name)) simple = false;
  });
  if (!simple) return null;
  const selectors: string[] = [];
  rule.prelude.children.forEach((selector) => {
    selectors.push(generate(selector));
  });
  return selectors.every((selector) => SIMPLE_SELECTOR.test(selector)) ? selectors : null;
}
