import { SaxesParser } from 'saxes';
import type { ArtworkLimits } from './artworkLimits.ts';
import { artworkProblem, type ArtworkProblem } from './artworkProblem.ts';
import { SVG_NS, XLINK_NS, XML_NS } from './svgAllowlist.ts';

/** An attribute of a parsed XML element, with its namespace resolved. */
export interface XmlAttribute {
  readonly uri: string;
  readonly prefix: string;
  readonly local: string;
  readonly value: string;
}

/** A parsed XML element. Comments are not kept; adjacent text and CDATA are one text node. */
export interface XmlElement {
  readonly kind: 'element';
  readonly uri: string;
  readonly prefix: string;
  readonly local: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
}

/** Text inside an element (entities and CDATA already resolved). */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
}

/** A node of a parsed XML tree. */
export type XmlNode = XmlElement | XmlText;

/** A parsed SVG file: the root element and what its prolog held. */
export interface ParsedXml {
  readonly ok: true;
  readonly root: XmlElement;
  /** The targets of the processing instructions found (`xml-stylesheet`, …), without the XML declaration. */
  readonly instructions: readonly string[];
}

interface MutableElement extends XmlElement {
  readonly children: XmlNode[];
}

class Stop extends Error {
  constructor(readonly problem: ArtworkProblem) {
    super(problem.message);
  }
}

/**
 * Parses XML strictly (saxes, a conformant, namespace-aware parser that never fetches or expands
 * anything). Refuses malformed XML, naming the line and column; refuses any DOCTYPE with an
 * internal subset, since that is where entities are declared (XXE reads server files through an
 * external entity, "billion laughs" nests entities until memory runs out). A DOCTYPE without one
 * (`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "…svg11.dtd">`, which older Illustrator writes)
 * is only a label: the DTD is never fetched, so it is accepted and not kept. Refuses more elements
 * or deeper nesting than the limits, before building more of the tree.
 */
export function parseXml(text: string, limits: ArtworkLimits, subject: string): ParsedXml | ArtworkProblem {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: MutableElement[] = [];
  const instructions: string[] = [];
  let root: MutableElement | undefined;
  let elements = 0;
  let pendingText = '';

  const flushText = () => {
    const parent = stack.at(-1);
    if (parent && pendingText) parent.children.push({ kind: 'text', text: pendingText });
    pendingText = '';
  };
  parser.on('error', (error) => {
    throw new Stop(artworkProblem('svg-malformed', `${subject} is not valid XML (${describeXmlError(error.message)}): open it in your design program and export it again as SVG.`));
  });
  parser.on('doctype', (doctype) => {
    if (hasInternalSubset(doctype)) {
      throw new Stop(artworkProblem('svg-unsafe', `${subject} declares its own XML entities (<!DOCTYPE … [ <!ENTITY …> ]>), a way of attacking the programs that read it: export it again without a DOCTYPE (in Illustrator: File › Export › Export As… › SVG).`));
    }
  });
  parser.on('processinginstruction', ({ target }) => {
    instructions.push(target);
  });
  parser.on('text', (chunk) => {
    pendingText += chunk;
  });
  parser.on('cdata', (chunk) => {
    pendingText += chunk;
  });
  parser.on('opentag', (tag) => {
    flushText();
    elements += 1;
    if (elements > limits.maxSvgElements) {
      throw new Stop(artworkProblem('svg-unsafe', `${subject} has more than ${limits.maxSvgElements.toLocaleString('en')} elements, more than any printable artwork needs: simplify it (merge paths, remove hidden layers) and export it again.`));
    }
    if (stack.length >= limits.maxSvgDepth) {
      throw new Stop(artworkProblem('svg-unsafe', `${subject} nests elements more than ${limits.maxSvgDepth} levels deep: ungroup its layers and export it again.`));
    }
    const element: MutableElement = {
      kind: 'element',
      uri: tag.uri,
      prefix: tag.prefix,
      local: tag.local,
      attributes: Object.values(tag.attributes).map((attribute) => ({ uri: attribute.uri, prefix: attribute.prefix, local: attribute.local, value: attribute.value })),
      children: [],
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    flushText();
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
  if (!root) return artworkProblem('svg-malformed', `${subject} has no elements: export it again as SVG.`);
  return { ok: true, root, instructions };
}

/** The value of an attribute without a namespace (`id`, `class`, `width`). */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.uri === '' && attribute.local === name)?.value;
}

/** The `href` (SVG 2) or else the `xlink:href` of an element. */
export function hrefOf(element: XmlElement): string | undefined {
  return attributeValue(element, 'href') ?? element.attributes.find((attribute) => attribute.uri === XLINK_NS && attribute.local === 'href')?.value;
}

/**
 * Writes an SVG tree as text: SVG elements without a prefix under one `xmlns` on the root,
 * `xlink:` and `xml:` attributes with their usual prefixes, no comments, everything escaped. The
 * tree must hold SVG elements only (the sanitiser's output); anything else is a bug and throws.
 */
export function serialiseSvg(root: XmlElement): string {
  const usesXlink = someAttribute(root, (attribute) => attribute.uri === XLINK_NS);
  const declarations = ` xmlns="${SVG_NS}"${usesXlink ? ` xmlns:xlink="${XLINK_NS}"` : ''}`;
  const parts: string[] = [];
  writeElement(root, declarations, parts);
  return parts.join('');
}

function writeElement(element: XmlElement, declarations: string, parts: string[]): void {
  if (element.uri !== SVG_NS) throw new Error(`serialiseSvg: <${element.prefix ? `${element.prefix}:` : ''}${element.local}> is not in the SVG namespace; sanitise the tree first.`);
  const attributes = element.attributes.map((attribute) => ` ${attributeName(attribute)}="${escapeAttribute(attribute.value)}"`).join('');
  if (element.children.length === 0) {
    parts.push(`<${element.local}${declarations}${attributes}/>`);
    return;
  }
  parts.push(`<${element.local}${declarations}${attributes}>`);
  for (const child of element.children) {
    if (child.kind === 'text') parts.push(escapeText(child.text));
    else writeElement(child, '', parts);
  }
  parts.push(`</${element.local}>`);
}

function attributeName(attribute: XmlAttribute): string {
  if (attribute.uri === '') return attribute.local;
  if (attribute.uri === XLINK_NS) return `xlink:${attribute.local}`;
  if (attribute.uri === XML_NS) return `xml:${attribute.local}`;
  throw new Error(`serialiseSvg: the attribute ${attribute.prefix}:${attribute.local} (${attribute.uri}) is neither SVG, XLink nor XML; sanitise the tree first.`);
}

function someAttribute(element: XmlElement, test: (attribute: XmlAttribute) => boolean): boolean {
  return element.attributes.some(test) || element.children.some((child) => child.kind === 'element' && someAttribute(child, test));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Tabs and line breaks as references: a parser turns literal ones in attributes into spaces.
function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

// An internal subset is a `[` outside the quoted public and system identifiers.
function hasInternalSubset(doctype: string): boolean {
  let quote = '';
  for (const character of doctype) {
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '[') {
      return true;
    }
  }
  return false;
}

function describeXmlError(message: string): string {
  const located = /^(\d+):(\d+): (.*)$/s.exec(message);
  if (!located) return message;
  return `line ${located[1]}, column ${located[2]}: ${located[3]!.replace(/\.$/, '')}`;
}
