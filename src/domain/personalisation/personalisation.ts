import type { CatalogEntry } from '../catalog/index.ts';
import { evaluateCondition } from '../product/index.ts';
import type { Assignment } from '../product/index.ts';
import { defaultInk } from './inkContrast.ts';
import { artworkPlacementKeys, isTextField, textStyleKeys, type TextFieldDef } from './personalisationModel.ts';
import type { Problem } from '../shared/index.ts';
import { artworkStatus, type ArtworkMeta, type ArtworkStatus } from './artworkPlacement.ts';
import { validateText, type TextCheck } from './validateText.ts';

/** The personal inputs of a design as typed: `<field>` is the text, `<field>.font` and `<field>.colour` its style. */
export type PersonalisationValues = Readonly<Record<string, string>>;

/** One personalisation field as the customer sees it now. */
export interface PersonalisationStatus {
  readonly field: TextFieldDef;
  /** False while the field's condition does not hold (no print method on its zone): it is not shown nor ordered. */
  readonly offered: boolean;
  readonly text: string;
  /** The chosen font id, or the field's first. */
  readonly font: string;
  /** The chosen colour id, or the default ink: the first of the field's colours that stands out on the garment. */
  readonly colour: string;
  /** The `#rrggbb` of the colour. */
  readonly hex: string;
  /** The verdict on the text; null while it is empty. */
  readonly check: TextCheck | null;
}

/**
 * Every personalisation field of a product for a complete design and the values typed so far:
 * whether it is offered, its text and style (defaults filled: the first font, and an ink that
 * contrasts with the garment), and the verdict on the text.
 */
export function personalisationStatus(entry: CatalogEntry, design: Assignment, values: PersonalisationValues): PersonalisationStatus[] {
  return (entry.ruleSet.personalisation ?? []).filter(isTextField).map((field) => {
    const offered = field.when === undefined || evaluateCondition(field.when, (attribute) => design[attribute]);
    const text = values[field.id] ?? '';
    const keys = textStyleKeys(field.id);
    const font = field.fonts.includes(values[keys.font] ?? '') ? values[keys.font]! : field.fonts[0]!;
    const colour = field.colours.includes(values[keys.colour] ?? '') ? values[keys.colour]! : defaultInk(entry.product, design, field);
    const hex = entry.product.colours?.find((candidate) => candidate.id === colour)?.hex ?? '#000000';
    const check = text.length === 0 ? null : validateText(field, text, entry.fonts?.[font]);
    return { field, offered, text, font, colour, hex, check };
  });
}

/**
 * The personalisation a design document (and so an order) carries: the offered fields holding
 * text, as printed (normalised), with their font and colour. Fields not offered are dropped.
 */
export function personalisationForDocument(statuses: readonly PersonalisationStatus[]): Record<string, string> {
  const document: Record<string, string> = {};
  for (const status of statuses) {
    if (!status.offered || !status.check || status.check.text.length === 0) continue;
    const keys = textStyleKeys(status.field.id);
    document[status.field.id] = status.check.text;
    document[keys.font] = status.font;
    document[keys.colour] = status.colour;
  }
  return document;
}

/**
 * Checks the personalisation of an untrusted design (an order, a candidate) the way the
 * configurator did: known fields only, offered under the design's options, known fonts and
 * colours, texts without problems, and artworks that exist (`artworks`: the ones the shop
 * stores), placed inside their areas at a printable resolution with the colours their method
 * allows. Every problem names the field and says what to do.
 */
export function personalisationProblems(entry: CatalogEntry, design: Assignment, values: PersonalisationValues, artworks: ReadonlyMap<string, ArtworkMeta> = new Map()): Problem[] {
  const all = entry.ruleSet.personalisation ?? [];
  const styles: Readonly<Record<string, readonly string[]>> = { text: ['font', 'colour'], artwork: ['x', 'y', 'width'] };
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const [fieldId, style] = key.split('.', 2) as [string, string | undefined];
    const field = all.find((candidate) => candidate.id === fieldId);
    const path = `personalisation.${key}`;
    if (!field || (style !== undefined && !styles[field.kind]!.includes(style))) {
      problems.push({ path, message: `the ${entry.product.name} has no personalisation "${key}"`, hint: all.length > 0 ? `use ${all.map((f) => f.id).join(', ')} (and <text>.font, <text>.colour, <artwork>.x, .y, .width)` : 'send no personalisation for this product' });
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ path, message: `"${key}" must be a string`, hint: 'send every personalisation value as a string' });
      continue;
    }
    if (field.kind === 'text' && style === 'font' && !field.fonts.includes(value)) problems.push({ path, message: `"${value}" is not a font of ${field.label}`, hint: `use one of: ${field.fonts.join(', ')}` });
    if (field.kind === 'text' && style === 'colour' && !field.colours.includes(value)) problems.push({ path, message: `"${value}" is not a colour of ${field.label}`, hint: `use one of: ${field.colours.join(', ')}` });
    if (field.kind === 'artwork' && style !== undefined && !Number.isFinite(Number(value))) problems.push({ path, message: `"${value}" is not a number of millimetres`, hint: 'send the placement in millimetres, e.g. "12.5"' });
  }
  for (const status of personalisationStatus(entry, design, values)) {
    if (!status.check) continue;
    const path = `personalisation.${status.field.id}`;
    if (!status.offered) {
      problems.push({ path, message: `${status.field.label} is not offered with this design`, hint: 'choose a print method for its zone, or leave the text out' });
      continue;
    }
    for (const problem of status.check.problems) problems.push({ path, message: problem.message, hint: `fix the ${status.field.label.toLowerCase()}` });
  }
  for (const status of artworkStatus(entry, design, values, artworks)) {
    if (!values[status.field.id]) continue;
    const path = `personalisation.${status.field.id}`;
    if (!status.offered) {
      problems.push({ path, message: `${status.field.label} is not offered with this design`, hint: 'choose a print method for its zone, or leave the artwork out' });
      continue;
    }
    for (const message of status.problems) problems.push({ path, message, hint: `fix the ${status.field.label.toLowerCase()}` });
  }
  return problems;
}

/** The artworks a design document carries: each offered field holding one, with its placement. */
export function artworkForDocument(statuses: readonly ArtworkStatus[]): Record<string, string> {
  const document: Record<string, string> = {};
  for (const status of statuses) {
    if (!status.offered || !status.artwork || !status.box) continue;
    const keys = artworkPlacementKeys(status.field.id);
    document[status.field.id] = status.artwork.id;
    document[keys.x] = status.box.xMm.toFixed(1);
    document[keys.y] = status.box.yMm.toFixed(1);
    document[keys.width] = status.box.widthMm.toFixed(1);
  }
  return document;
}

/** The surcharges of the offered personalisation fields that hold text, as price lines. */
export function personalisationPrices(statuses: readonly PersonalisationStatus[]): { ruleId: string; label: string; amount: number }[] {
  return statuses
    .filter((status) => status.offered && status.field.price > 0 && (status.check?.text.length ?? 0) > 0)
    .map((status) => ({ ruleId: `personalisation:${status.field.id}`, label: status.field.label, amount: status.field.price }));
}
