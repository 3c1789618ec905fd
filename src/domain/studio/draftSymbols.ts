import type { DocumentPath } from '../shared/index.ts';
import { outlineNear, scalarAt, type OutlineScalar } from './yamlOutline.ts';

/** Which of the draft's two files a text is. */
export type DraftFileKind = 'rules' | 'product';

/**
 * What an id written in a draft's file stands for, at its characters (`from`/`to`): an option of
 * an attribute, a palette colour or material, an attribute, a part, a rule kind, a rule's id, or a
 * key of the file's format.
 */
export type DraftSymbol = { readonly from: number; readonly to: number } & DraftSymbolName;

/** What a {@link DraftSymbol} names, without where it is written. */
export type DraftSymbolName =
  | { readonly kind: 'option'; readonly attribute: string; readonly option: string }
  | { readonly kind: 'colour'; readonly colour: string }
  | { readonly kind: 'material'; readonly material: string }
  | { readonly kind: 'attribute'; readonly attribute: string }
  | { readonly kind: 'part'; readonly part: string }
  | { readonly kind: 'rule-kind'; readonly ruleKind: string }
  | { readonly kind: 'rule'; readonly rule: string }
  | { readonly kind: 'key'; readonly key: string; readonly path: DocumentPath };

// Where a rule holds conditions or option lists over attributes (`when: { vamp.material: knit }`).
const CONDITION_KEYS = new Set(['when', 'then', 'excludes', 'set', 'options', 'prefer']);

/** `vamp.material` names an attribute; `context.region` a session fact; `all`, `any`, `not`, `tag` are the format's. */
const isAttributeKey = (key: string | number | undefined): key is string => typeof key === 'string' && key.includes('.') && !key.startsWith('context.');

/**
 * The id at a character offset of a draft's rules or product file, by where it is written in the
 * YAML (a value under `when:` names an option of its key's attribute, `kind:` a rule kind…); null
 * where no id is (a message, a number, a comment). Never throws: a text that does not parse is
 * read as far as it goes.
 *
 * @example symbolAt('rules', 'when: { toeCap.material: patent }', 26) // { kind: 'option', attribute: 'toeCap.material', option: 'patent', from: 25, to: 31 }
 */
export function symbolAt(file: DraftFileKind, text: string, offset: number): DraftSymbol | null {
  const outline = outlineNear(text, offset);
  const scalar = scalarAt(outline, offset);
  if (!scalar) return null;
  const symbol = file === 'rules' ? inRules(scalar, outline.data) : inProduct(scalar, outline.data);
  return symbol ? { ...symbol, from: scalar.from, to: scalar.to } : null;
}

function inRules(scalar: OutlineScalar, data: unknown): DraftSymbolName | null {
  const [top, index, key, ...rest] = scalar.path;
  const { value, isKey } = scalar;
  if (top === 'rules' && typeof index === 'number') {
    if (!isKey && rest.length === 0 && key === 'kind') return { kind: 'rule-kind', ruleKind: value };
    if (!isKey && rest.length === 0 && key === 'id') return { kind: 'rule', rule: value };
    if (!isKey && key === 'attributes' && rest.length === 1) return { kind: 'attribute', attribute: value };
    if (!isKey && key === 'rows' && rest.length === 2 && typeof rest[1] === 'number') {
      const attribute = (readPath(data, ['rules', index, 'attributes']) as unknown[] | undefined)?.[rest[1]];
      return typeof attribute === 'string' ? { kind: 'option', attribute, option: value } : null;
    }
    if (typeof key === 'string' && CONDITION_KEYS.has(key) && rest.length > 0) return inCondition(scalar, rest);
  }
  if (top === 'examples' && typeof index === 'number') {
    if (key === 'design' && rest.length > 0) return inCondition(scalar, rest);
    if (!isKey && key === 'invalid' && rest.length === 1 && rest[0] === 'rule') return { kind: 'rule', rule: value };
  }
  if (top === 'personalisation' && typeof index === 'number' && !isKey) {
    if (key === 'placement' && rest.length === 0) return { kind: 'part', part: value };
    if (key === 'colours' && rest.length === 1) return { kind: 'colour', colour: value };
  }
  return isKey ? { kind: 'key', key: value, path: scalar.path } : null;
}

/** Inside a condition or an option list: a key names an attribute, a value an option of the nearest attribute key above it. */
function inCondition(scalar: OutlineScalar, rest: DocumentPath): DraftSymbolName | null {
  if (scalar.isKey) return isAttributeKey(scalar.value) ? { kind: 'attribute', attribute: scalar.value } : { kind: 'key', key: scalar.value, path: scalar.path };
  const attribute = [...rest].reverse().find((segment) => typeof segment === 'string');
  return isAttributeKey(attribute) ? { kind: 'option', attribute, option: scalar.value } : null;
}

function inProduct(scalar: OutlineScalar, data: unknown): DraftSymbolName | null {
  const path = scalar.path;
  const { value, isKey } = scalar;
  const [top, index, key, ...rest] = path;
  if (top === 'presets' && typeof index === 'number' && key === 'choices' && rest.length === 1) {
    return isKey ? { kind: 'attribute', attribute: value } : { kind: 'option', attribute: String(rest[0]), option: value };
  }
  if (top === 'colours' && path.length === 2 && isKey) return { kind: 'colour', colour: value };
  if (top === 'materials' && path.length === 2 && isKey) return { kind: 'material', material: value };
  if (top === 'materials' && key === 'colours' && rest.length === 1 && !isKey) return { kind: 'colour', colour: value };
  if (top === 'parts' && typeof index === 'number' && !isKey) {
    const part = readPath(data, ['parts', index, 'id']);
    if (key === 'id' && rest.length === 0) return { kind: 'part', part: value };
    if (key === 'materials' && rest.length === 1) return { kind: 'material', material: value };
    if (key === 'choices' && typeof part === 'string' && typeof rest[0] === 'number') {
      const choice = readPath(data, ['parts', index, 'choices', rest[0], 'id']);
      if (rest.length === 2 && rest[1] === 'id') return { kind: 'attribute', attribute: `${part}.${value}` };
      if (rest.length === 4 && rest[1] === 'options' && rest[3] === 'id' && typeof choice === 'string') return { kind: 'option', attribute: `${part}.${choice}`, option: value };
    }
  }
  return isKey ? { kind: 'key', key: value, path } : null;
}

/** The plain data at a path, or undefined. */
export function readPath(data: unknown, path: DocumentPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
