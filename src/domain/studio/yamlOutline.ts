import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentPath } from '../shared/index.ts';

/**
 * A YAML text's nodes with their character ranges, for the editor's position questions (which id
 * is under the pointer, where an id is defined, what to delete to remove one). Unlike the loaders'
 * `parseYamlSource`, this keeps the node tree: a fix edits the text around a node.
 */
export interface YamlOutline {
  /** The whole text. */
  readonly text: string;
  /** The outlined part as plain data, at its paths in the whole document (undefined when it does not parse). */
  readonly data: unknown;
  /** The root of what was parsed: the document's, or for a window, the one-item list it is. */
  readonly root: Node | null;
  /** Where what was parsed starts in the text: node ranges are relative to it. */
  readonly base: number;
  /** For a window: the top-level key of the block list, and the index of the item parsed. */
  readonly window?: { readonly key: string; readonly index: number };
}

/** A step from a collection down to one of its entries. */
export interface OutlineLink {
  readonly collection: YAMLMap | YAMLSeq;
  /** The entry's index in `collection.items` (a pair of a map, an item of a list). */
  readonly index: number;
}

/** The scalar at a position: a map key or a value, with its path and the collections above it. */
export interface OutlineScalar {
  readonly value: string;
  /** Its characters, quotes included. */
  readonly from: number;
  readonly to: number;
  readonly isKey: boolean;
  /** For a value, the path to it; for a key, the path to its pair's value (ending with the key). */
  readonly path: DocumentPath;
  /** From the document's root down to the entry holding the scalar. */
  readonly links: readonly OutlineLink[];
}

// Hovering, the line under the editor and the fixes ask many questions of the same texts: keep
// the last whole outlines (the product file's, asked for every definition) apart from the windows
// (one per rule asked about), so that windows never push the product's out.
const wholes: YamlOutline[] = [];
const windows: { readonly outline: YamlOutline; readonly end: number }[] = [];
const KEPT_WHOLES = 2;
const KEPT_WINDOWS = 16;

/** The outline of a whole text (the last few are kept, so asking again of the same text is free). */
export function outlineOf(text: string): YamlOutline {
  const known = wholes.find((outline) => outline.text === text);
  if (known) return known;
  const outline = parsed(text, text, 0, undefined);
  wholes.unshift(outline);
  wholes.length = Math.min(wholes.length, KEPT_WHOLES);
  return outline;
}

/**
 * The outline of what is around `offset`: when it is inside an item of a top-level block list
 * (a rule of `rules:`, an example, a preset), that item alone, at its place in the document;
 * else the whole text. A Renault-size rules file takes the page's thread 50 to 200 ms to parse
 * whole, one rule well under a millisecond: hovering and the line under the editor never stall typing.
 */
export function outlineNear(text: string, offset: number): YamlOutline {
  const known = windows.find((entry) => entry.outline.base <= offset && offset < entry.end && entry.outline.text === text);
  if (known) return known.outline;
  const window = blockItemAt(text, offset);
  if (!window) return outlineOf(text);
  const outline = parsed(text, text.slice(window.start, window.end), window.start, { key: window.key, index: window.index });
  windows.unshift({ outline, end: window.end });
  windows.length = Math.min(windows.length, KEPT_WINDOWS);
  return outline;
}

function parsed(text: string, part: string, base: number, window: YamlOutline['window']): YamlOutline {
  const document = parseDocument(part, { keepSourceTokens: false, uniqueKeys: false });
  let data: unknown;
  try {
    data = document.errors.length === 0 ? document.toJS({ maxAliasCount: 100 }) : undefined;
  } catch {
    data = undefined;
  }
  // A window's data sits at its place: { rules: [ , , <the item> ] }.
  const placed = window && Array.isArray(data) ? { [window.key]: Object.assign([], { [window.index]: data[0] }) } : window ? undefined : data;
  return { text, data: placed, root: (document.contents as Node | null) ?? null, base, ...(window ? { window } : {}) };
}

/**
 * The item of a top-level block list (`rules:` then lines `  - …`) whose lines hold `offset`:
 * its characters, the list's key and the item's index. Undefined elsewhere (a top-level map,
 * a flow list, the key's own line), where the whole text is read.
 */
function blockItemAt(text: string, offset: number): { readonly start: number; readonly end: number; readonly key: string; readonly index: number } | undefined {
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineAt = (at: number) => text.slice(at, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
  // Up to the top-level key: the nearest line above that starts in column 0 with neither a comment nor a list's dash.
  let keyLine = lineStart(Math.min(offset, text.length));
  while (!/^[^\s#-]/.test(lineAt(keyLine))) {
    if (keyLine === 0) return undefined;
    keyLine = lineStart(keyLine - 1);
  }
  const key = /^([A-Za-z_][\w.-]*):[ \t]*(?:#.*)?$/.exec(lineAt(keyLine))?.[1];
  const body = text.indexOf('\n', keyLine) + 1;
  if (key === undefined || body === 0) return undefined;
  const indent = /^(?:[ \t]*(?:#[^\n]*)?\n)*( *)-(?:[ \t\n]|$)/.exec(text.slice(body))?.[1]?.length;
  if (indent === undefined) return undefined;
  const item = new RegExp(`^ {${indent}}-(?:[ \\t]|$)`, 'gm');
  // The item holding the offset: the last item line at or above the offset's line.
  let start = -1;
  let index = -1;
  item.lastIndex = body;
  for (let match = item.exec(text); match && match.index <= offset; match = item.exec(text)) {
    // An item line past the list's end belongs to another key: stop at the next top-level line.
    if (/^[^\s#-]/m.test(text.slice(start < 0 ? body : start, match.index).replace(/^[ \t]*#.*$/gm, ''))) break;
    start = match.index;
    index++;
  }
  if (start < 0) return undefined;
  const after = text.indexOf('\n', start) + 1 || text.length;
  const ends = new RegExp(`^(?: {${indent}}-(?:[ \\t]|$)|${indent === 0 ? '[^\\s#-]' : ` {0,${indent - 1}}[^\\s#]`})`, 'm');
  const found = ends.exec(text.slice(after));
  const end = found ? after + found.index : text.length;
  return offset >= start && offset < Math.max(end, start + 1) ? { start, end, key, index } : undefined;
}

const keyText = (key: unknown): string | undefined => (isScalar(key) ? String(key.value) : undefined);

/**
 * The scalar (key or value) whose characters include `offset`; a position just after a word
 * counts as on it, as editors place a cursor.
 */
export function scalarAt(outline: YamlOutline, offset: number): OutlineScalar | null {
  const { base, window, root } = outline;
  const at = offset - base;
  const visit = (node: unknown, path: DocumentPath, links: readonly OutlineLink[]): OutlineScalar | null => {
    if (isScalar(node)) return hit(node, at) ? { value: String(node.value), from: node.range![0] + base, to: node.range![1] + base, isKey: false, path, links } : null;
    if (!isMap(node) && !isSeq(node)) return null;
    const range = node.range;
    if (range && (at < range[0] || at > range[2])) return null;
    for (let index = 0; index < node.items.length; index++) {
      const item: unknown = node.items[index];
      const down = [...links, { collection: node, index }];
      if (isPair(item)) {
        const key = keyText(item.key);
        if (key === undefined) continue;
        if (isScalar(item.key) && hit(item.key, at)) return { value: key, from: item.key.range![0] + base, to: item.key.range![1] + base, isKey: true, path: [...path, key], links: down };
        const found = visit(item.value, [...path, key], down);
        if (found) return found;
      } else {
        const found = visit(item, [...path, index], down);
        if (found) return found;
      }
    }
    return null;
  };
  if (!window) return visit(root, [], []);
  // A window is a one-item list: its item stands at [key, index]; the link of the key's own pair is the item's too (never read).
  if (!isSeq(root)) return null;
  const link = { collection: root, index: 0 };
  return visit(root.items[0], [window.key, window.index], [link, link]);
}

function hit(scalar: Scalar, offset: number): boolean {
  const range = scalar.range;
  return range !== null && range !== undefined && range[0] <= offset && offset <= range[1] && range[1] > range[0];
}

/** The character range of the node at `path` (or of its key, with `atKey`); undefined when there is none. */
export function rangeAt(outline: YamlOutline, path: DocumentPath, atKey = false): { readonly from: number; readonly to: number } | undefined {
  if (outline.window) throw new Error('rangeAt reads a whole outline (outlineOf), not a window');
  let node: unknown = outline.root;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) return undefined;
      if (index === path.length - 1 && atKey) return rangeOfNode(pair.key, outline.base);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return rangeOfNode(node, outline.base);
}

function rangeOfNode(node: unknown, base: number): { readonly from: number; readonly to: number } | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { from: range[0] + base, to: range[1] + base } : undefined;
}
