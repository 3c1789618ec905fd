import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentPath } from '../shared/index.ts';

/**
 * A YAML text's nodes with their character ranges, for the editor's position questions (which id
 * is under the pointer, where an id is defined, what to delete to remove one). Unlike the loaders'
 * `parseYamlSource`, this keeps the node tree: a fix edits the text around a node.
 */
export interface YamlOutline {
  readonly text: string;
  /** The document as plain data (undefined when it does not parse). */
  readonly data: unknown;
  readonly root: Node | null;
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

// Hovering and the cursor bar ask many questions of the same text: keep the last outline of each.
const recent: YamlOutline[] = [];

/** The outline of a text (the last few are kept, so asking again of the same text is free). */
export function outlineOf(text: string): YamlOutline {
  const known = recent.find((outline) => outline.text === text);
  if (known) return known;
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  let data: unknown;
  try {
    data = document.errors.length === 0 ? document.toJS({ maxAliasCount: 100 }) : undefined;
  } catch {
    data = undefined;
  }
  const outline: YamlOutline = { text, data, root: (document.contents as Node | null) ?? null };
  recent.unshift(outline);
  recent.length = Math.min(recent.length, 2);
  return outline;
}

const keyText = (key: unknown): string | undefined => (isScalar(key) ? String(key.value) : undefined);

/**
 * The scalar (key or value) whose characters include `offset`; a position just after a word
 * counts as on it, as editors place a cursor.
 */
export function scalarAt(outline: YamlOutline, offset: number): OutlineScalar | null {
  const visit = (node: unknown, path: DocumentPath, links: readonly OutlineLink[]): OutlineScalar | null => {
    if (isScalar(node)) return hit(node, offset) ? { value: String(node.value), from: node.range![0], to: node.range![1], isKey: false, path, links } : null;
    if (!isMap(node) && !isSeq(node)) return null;
    const range = node.range;
    if (range && (offset < range[0] || offset > range[2])) return null;
    for (let index = 0; index < node.items.length; index++) {
      const item: unknown = node.items[index];
      const down = [...links, { collection: node, index }];
      if (isPair(item)) {
        const key = keyText(item.key);
        if (key === undefined) continue;
        if (isScalar(item.key) && hit(item.key, offset)) return { value: key, from: item.key.range![0], to: item.key.range![1], isKey: true, path: [...path, key], links: down };
        const found = visit(item.value, [...path, key], down);
        if (found) return found;
      } else {
        const found = visit(item, [...path, index], down);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(outline.root, [], []);
}

function hit(scalar: Scalar, offset: number): boolean {
  const range = scalar.range;
  return range !== null && range !== undefined && range[0] <= offset && offset <= range[1] && range[1] > range[0];
}

/** The character range of the node at `path` (or of its key, with `atKey`); undefined when there is none. */
export function rangeAt(outline: YamlOutline, path: DocumentPath, atKey = false): { readonly from: number; readonly to: number } | undefined {
  let node: unknown = outline.root;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) return undefined;
      if (index === path.length - 1 && atKey) return rangeOfNode(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return rangeOfNode(node);
}

function rangeOfNode(node: unknown): { readonly from: number; readonly to: number } | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { from: range[0], to: range[1] } : undefined;
}
