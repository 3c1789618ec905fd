import { DocumentReader, ID_PATTERN, describe } from '../shared/index.ts';
import { FONT_FAMILIES } from './fontMetrics.ts';
import { TEXT_CHARACTER_CLASSES, type ArtworkColourRule, type ArtworkFieldDef, type CharacterClass, type PersonalisationField, type TextFieldDef } from './personalisationModel.ts';
import { knownNamesHint } from '../shared/index.ts';
import type { Product } from '../product/index.ts';
import type { Condition } from '../product/index.ts';
import type { DocumentPath } from '../shared/index.ts';

const TEXT_KEYS = ['id', 'kind', 'label', 'placement', 'widthMm', 'heightMm', 'maxLength', 'minCapHeightMm', 'minContrast', 'allowed', 'fonts', 'colours', 'when', 'price'];
const ARTWORK_KEYS = ['id', 'kind', 'label', 'placement', 'widthMm', 'heightMm', 'topMm', 'when', 'price', 'maxColours', 'pricePerColour'];
const KINDS = ['text', 'artwork'];
/** WCAG 2's least contrast for large text and graphics (1.4.3, 1.4.11): a default ink must reach it. */
const DEFAULT_MIN_CONTRAST = 3;

/**
 * Reads the `personalisation:` list of a rules file: the product's free-text fields, each checked
 * against the product (its placement is a part or section, its colours are in the palette, its
 * fonts are shipped). Problems go to the reader with their positions.
 *
 * @example
 * personalisation:
 *   - { id: heelText, kind: text, label: Heel tab text, placement: heelTab, widthMm: 30, heightMm: 9,
 *       maxLength: 8, allowed: [letters, digits, space], fonts: [bebas-neue, inter], colours: [optic-white, black], price: 5.00 }
 */
export function readPersonalisation(reader: DocumentReader, product: Product, value: unknown, readCondition: (raw: unknown, path: DocumentPath) => Condition | undefined): PersonalisationField[] {
  const fields: PersonalisationField[] = [];
  const seen = new Set<string>();
  const list = reader.list(value, ['personalisation'], '"personalisation"') ?? [];
  list.forEach((raw, index) => {
    const path: DocumentPath = ['personalisation', index];
    const entry = reader.map(raw, path, `personalisation field ${index + 1}`);
    if (!entry) return;
    const kind = entry.kind;
    if (typeof kind !== 'string' || !KINDS.includes(kind)) {
      reader.report(kind === undefined ? path : [...path, 'kind'], kind === undefined ? '"kind" is missing' : `unknown personalisation kind ${describe(kind)}`, 'use kind: text or kind: artwork');
      return;
    }
    if (kind === 'artwork') {
      const field = readArtworkField(reader, product, entry, path, seen, readCondition);
      if (field) fields.push(field);
      return;
    }
    reader.unknownKeys(entry, TEXT_KEYS, path, 'a text field');
    const id = reader.string(entry, 'id', path, 'add "id: <field-id>", e.g. id: heelText');
    const label = reader.string(entry, 'label', path, 'add "label: <what customers read>", e.g. label: Heel tab text');
    const placement = reader.string(entry, 'placement', path, 'name the part or print zone it goes on, e.g. placement: heelTab');
    const widthMm = reader.number(entry, 'widthMm', path, { min: 1, max: 1000 }, 'add the printable width in millimetres, e.g. widthMm: 30');
    const heightMm = reader.number(entry, 'heightMm', path, { min: 1, max: 1000 }, 'add the printable height in millimetres, e.g. heightMm: 9');
    const maxLength = reader.number(entry, 'maxLength', path, { min: 1, max: 200, integer: true }, 'add the most characters, e.g. maxLength: 8');
    const price = entry.price === undefined ? 0 : reader.number(entry, 'price', path, { min: 0, max: 10000 }, 'write the surcharge in major units, e.g. price: 5.00');
    // Without a print limit, the old rule: capitals at least half the zone's height.
    const minCapHeightMm = entry.minCapHeightMm === undefined ? (heightMm ?? 0) / 2
      : reader.number(entry, 'minCapHeightMm', path, { min: 0.5, max: 1000 }, 'write the smallest capital height that prints clearly, in millimetres, e.g. minCapHeightMm: 8');
    if (minCapHeightMm !== undefined && heightMm !== undefined && minCapHeightMm > heightMm) {
      reader.report([...path, 'minCapHeightMm'], `minCapHeightMm ${minCapHeightMm} is taller than the zone (heightMm ${heightMm}): no text could ever fit`, `lower it to at most ${heightMm}, or raise heightMm`);
    }
    const minContrast = entry.minContrast === undefined ? DEFAULT_MIN_CONTRAST
      : reader.number(entry, 'minContrast', path, { min: 1, max: 21 }, 'write a WCAG contrast ratio from 1 to 21, e.g. minContrast: 3');
    const allowed = readNames(reader, entry.allowed, [...path, 'allowed'], Object.keys(TEXT_CHARACTER_CLASSES), 'character classes', 'allowed: [letters, digits, space]') as CharacterClass[] | undefined;
    const fonts = readNames(reader, entry.fonts, [...path, 'fonts'], Object.keys(FONT_FAMILIES), 'shipped fonts', 'fonts: [bebas-neue, inter]');
    const colours = readNames(reader, entry.colours, [...path, 'colours'], (product.colours ?? []).map((colour) => colour.id), `colours of the ${product.name}`, 'colours: [black, optic-white]');
    const when = entry.when === undefined ? undefined : readCondition(entry.when, [...path, 'when']);
    if (id !== undefined && !ID_PATTERN.test(id)) reader.report([...path, 'id'], `field id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
    if (id !== undefined && product.attributes.some((attribute) => attribute.id === id)) reader.report([...path, 'id'], `field id "${id}" is already an attribute`, 'give the field an id of its own, e.g. heelText');
    if (placement !== undefined && !product.parts.some((part) => part.id === placement)) {
      reader.report([...path, 'placement'], `there is no part or print zone "${placement}"`, knownNamesHint(placement, product.parts.map((part) => part.id), 'parts and sections'));
    }
    if (id === undefined || reader.duplicate(seen, id, [...path, 'id'], 'personalisation field')) return;
    if (label === undefined || placement === undefined || widthMm === undefined || heightMm === undefined || maxLength === undefined || price === undefined || !allowed || !fonts || !colours) return;
    if (minCapHeightMm === undefined || minContrast === undefined) return;
    if (entry.when !== undefined && !when) return;
    const field: TextFieldDef = {
      kind: 'text', id, label, placement, widthMm, heightMm, minCapHeightMm, minContrast, maxLength, allowed, fonts, colours, price: Math.round(price * 100),
      ...(when ? { when } : {}), source: reader.source.locate(path),
    };
    fields.push(field);
  });
  return fields;
}

/** An artwork field: an uploaded image placed in an area of a print zone. */
function readArtworkField(
  reader: DocumentReader, product: Product, entry: Record<string, unknown>, path: DocumentPath, seen: Set<string>,
  readCondition: (raw: unknown, path: DocumentPath) => Condition | undefined,
): ArtworkFieldDef | undefined {
  reader.unknownKeys(entry, ARTWORK_KEYS, path, 'an artwork field');
  const id = reader.string(entry, 'id', path, 'add "id: <field-id>", e.g. id: frontArtwork');
  const label = reader.string(entry, 'label', path, 'add "label: <what customers read>", e.g. label: Front artwork');
  const placement = reader.string(entry, 'placement', path, 'name the print zone it goes on, e.g. placement: front');
  const widthMm = reader.number(entry, 'widthMm', path, { min: 1, max: 1000 }, 'add the printable width in millimetres, e.g. widthMm: 260');
  const heightMm = reader.number(entry, 'heightMm', path, { min: 1, max: 1000 }, 'add the printable height in millimetres, e.g. heightMm: 300');
  const price = entry.price === undefined ? 0 : reader.number(entry, 'price', path, { min: 0, max: 10000 }, 'write the surcharge in major units, e.g. price: 5.00');
  const topMm = entry.topMm === undefined ? 0 : reader.number(entry, 'topMm', path, { min: 0, max: 1000 }, 'write how far below the zone\'s top the area starts, in millimetres, e.g. topMm: 60');
  const when = entry.when === undefined ? undefined : readCondition(entry.when, [...path, 'when']);
  const rules = (key: 'maxColours' | 'pricePerColour', valueKey: 'max' | 'amount') => {
    const list = entry[key] === undefined ? [] : (reader.list(entry[key], [...path, key], `"${key}"`) ?? []);
    const read: (ArtworkColourRule & { value: number })[] = [];
    list.forEach((raw, index) => {
      const rulePath: DocumentPath = [...path, key, index];
      const rule = reader.map(raw, rulePath, `${key} ${index + 1}`);
      if (!rule) return;
      reader.unknownKeys(rule, ['when', valueKey, 'message'], rulePath, `a ${key} entry`);
      const ruleWhen = rule.when === undefined ? undefined : readCondition(rule.when, [...rulePath, 'when']);
      if (rule.when === undefined) reader.report(rulePath, '"when" is missing', 'say when it applies, e.g. when: { front.method: embroidery }');
      const value = valueKey === 'max'
        ? reader.number(rule, 'max', rulePath, { min: 1, max: 64, integer: true }, 'write the most colours, e.g. max: 6')
        : reader.number(rule, 'amount', rulePath, { min: 0, max: 1000 }, 'write the price per colour in major units, e.g. amount: 1.50');
      const message = reader.string(rule, 'message', rulePath, 'add "message: <what customers read>"');
      if (ruleWhen && value !== undefined && message !== undefined) read.push({ when: ruleWhen, value: valueKey === 'amount' ? Math.round(value * 100) : value, message });
    });
    return read;
  };
  const maxColours = rules('maxColours', 'max').map(({ value, ...rule }) => ({ ...rule, max: value }));
  const pricePerColour = rules('pricePerColour', 'amount').map(({ value, ...rule }) => ({ ...rule, amount: value }));
  if (id !== undefined && !ID_PATTERN.test(id)) reader.report([...path, 'id'], `field id "${id}" is not a valid id`, 'use letters, digits and dashes, starting with a letter');
  if (placement !== undefined && !product.parts.some((part) => part.id === placement)) {
    reader.report([...path, 'placement'], `there is no part or print zone "${placement}"`, knownNamesHint(placement, product.parts.map((part) => part.id), 'parts and sections'));
  }
  if (id === undefined || reader.duplicate(seen, id, [...path, 'id'], 'personalisation field')) return undefined;
  if (label === undefined || placement === undefined || widthMm === undefined || heightMm === undefined || price === undefined || topMm === undefined) return undefined;
  if (entry.when !== undefined && !when) return undefined;
  return {
    kind: 'artwork', id, label, placement, widthMm, heightMm, topMm, price: Math.round(price * 100), maxColours, pricePerColour,
    ...(when ? { when } : {}), source: reader.source.locate(path),
  };
}

/** A non-empty list of known names, each reported with a suggestion when unknown. */
function readNames(reader: DocumentReader, value: unknown, path: DocumentPath, known: readonly string[], what: string, example: string): string[] | undefined {
  if (value === undefined) {
    reader.report(path.slice(0, -1), `"${String(path.at(-1))}" is missing`, `add it, e.g. ${example}`);
    return undefined;
  }
  const list = reader.list(value, path, `"${String(path.at(-1))}"`);
  if (!list) return undefined;
  if (list.length === 0) {
    reader.report(path, `"${String(path.at(-1))}" is empty`, `list at least one, e.g. ${example}`);
    return undefined;
  }
  const names: string[] = [];
  list.forEach((name, index) => {
    if (typeof name !== 'string' || !known.includes(name)) reader.report([...path, index], `${describe(name)} is not one of the ${what}`, knownNamesHint(String(name), known, what));
    else names.push(name);
  });
  return names.length === list.length ? names : undefined;
}
