import type { DocumentPath } from '../shared/index.ts';
import { readPath, type DraftSymbolName } from './draftSymbols.ts';
import { outlineOf, rangeAt } from './yamlOutline.ts';

/**
 * Where the product file defines what a symbol names: an option's entry (`materials: suede:`,
 * `colours: navy:`, or a section's `- { id: slim, … }`), an attribute's part or choice, a part's
 * `id`. The characters of the defining id (a key, or an `id:` value), or undefined when the
 * product file does not define it (an option removed, a typo, a rule kind).
 *
 * @example definitionIn(productText, { kind: 'option', attribute: 'vamp.material', option: 'suede' }) // the range of the key "suede" under materials:
 */
export function definitionIn(productText: string, symbol: DraftSymbolName): { readonly from: number; readonly to: number } | undefined {
  const outline = outlineOf(productText);
  const path = definitionPath(outline.data, symbol);
  return path ? rangeAt(outline, path.path, path.atKey) : undefined;
}

function definitionPath(data: unknown, symbol: DraftSymbolName): { readonly path: DocumentPath; readonly atKey: boolean } | undefined {
  const keyIn = (section: string, id: string) => (isRecord(readPath(data, [section])) && Object.hasOwn(readPath(data, [section]) as object, id) ? { path: [section, id], atKey: true } : undefined);
  switch (symbol.kind) {
    case 'colour':
      return keyIn('colours', symbol.colour);
    case 'material':
      return keyIn('materials', symbol.material);
    case 'part': {
      const part = partIndex(data, symbol.part);
      return part === undefined ? undefined : { path: ['parts', part, 'id'], atKey: false };
    }
    case 'attribute': {
      const [partId, name] = splitAttribute(symbol.attribute);
      const part = partIndex(data, partId);
      if (part === undefined || name === undefined) return undefined;
      const choice = choiceIndex(data, part, name);
      if (choice !== undefined) return { path: ['parts', part, 'choices', choice, 'id'], atKey: false };
      // A part's material and colour attributes come from its materials list.
      if (name === 'material' && readPath(data, ['parts', part, 'materials']) !== undefined) return { path: ['parts', part, 'materials'], atKey: true };
      return name === 'material' || name === 'colour' ? { path: ['parts', part, 'id'], atKey: false } : undefined;
    }
    case 'option': {
      const [partId, name] = splitAttribute(symbol.attribute);
      const part = partIndex(data, partId);
      if (part === undefined || name === undefined) return undefined;
      const choice = choiceIndex(data, part, name);
      if (choice !== undefined) {
        const options = readPath(data, ['parts', part, 'choices', choice, 'options']);
        const option = Array.isArray(options) ? options.findIndex((entry) => readPath(entry, ['id']) === symbol.option) : -1;
        return option < 0 ? undefined : { path: ['parts', part, 'choices', choice, 'options', option, 'id'], atKey: false };
      }
      if (name === 'material') return keyIn('materials', symbol.option);
      if (name === 'colour') return keyIn('colours', symbol.option);
      return undefined;
    }
    case 'rule-kind':
    case 'rule':
    case 'key':
      return undefined;
  }
}

function splitAttribute(attribute: string): [string, string | undefined] {
  const dot = attribute.indexOf('.');
  return dot < 0 ? [attribute, undefined] : [attribute.slice(0, dot), attribute.slice(dot + 1)];
}

function partIndex(data: unknown, partId: string): number | undefined {
  const parts = readPath(data, ['parts']);
  const index = Array.isArray(parts) ? parts.findIndex((entry) => readPath(entry, ['id']) === partId) : -1;
  return index < 0 ? undefined : index;
}

function choiceIndex(data: unknown, part: number, choiceId: string): number | undefined {
  const choices = readPath(data, ['parts', part, 'choices']);
  const index = Array.isArray(choices) ? choices.findIndex((entry) => readPath(entry, ['id']) === choiceId) : -1;
  return index < 0 ? undefined : index;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
