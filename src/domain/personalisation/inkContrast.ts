import type { Assignment } from '../product/index.ts';
import type { TextFieldDef } from './personalisationModel.ts';
import { partAttributeId, type Product } from '../product/index.ts';

/**
 * The contrast ratio of two colours as WCAG 2 defines it: (L1 + 0.05) / (L2 + 0.05) over their
 * relative luminances, from 1 (the same) to 21 (black on white).
 *
 * @example contrastRatio('#ffffff', '#000000') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG 2's relative luminance of an sRGB `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`[Atelier] "${hex}" is not a #rrggbb colour; write colours as six hex digits, e.g. #1f2a44`);
  const [r, g, b] = match.slice(1).map((channel) => {
    const value = parseInt(channel, 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The colour under a personal text: the colour of the part it is printed on (for a print-zone
 * section, the part it `focus`es on, e.g. the body under the front print); null when that part
 * has no colour.
 */
export function garmentHexUnder(product: Product, design: Assignment, field: TextFieldDef): string | null {
  const placement = product.parts.find((part) => part.id === field.placement);
  const partId = placement?.kind === 'section' ? placement.focus : placement?.id;
  if (partId === undefined) return null;
  const attributeId = partAttributeId(partId, 'colour');
  const attribute = product.attributes.find((candidate) => candidate.id === attributeId);
  const optionId = design[attributeId];
  return attribute?.options.find((option) => option.id === optionId)?.hex ?? null;
}

/**
 * The ink a personal text gets until the customer picks one: the first of the field's colours
 * (its order is the merchandiser's preference) whose contrast with the garment under it reaches
 * the field's `minContrast`; when none does, the one with the most contrast. So a white shirt
 * never gets a white default text.
 *
 * @example defaultInk(product, { 'body.colour': 'white', … }, frontText) // 'black' (white would vanish)
 */
export function defaultInk(product: Product, design: Assignment, field: TextFieldDef): string {
  const garment = garmentHexUnder(product, design, field);
  if (garment === null) return field.colours[0]!;
  const hexOf = (colourId: string) => product.colours?.find((colour) => colour.id === colourId)?.hex;
  const rated = field.colours.map((colour) => {
    const hex = hexOf(colour);
    return { colour, ratio: hex ? contrastRatio(hex, garment) : 0 };
  });
  return (rated.find((ink) => ink.ratio >= field.minContrast) ?? rated.reduce((best, ink) => (ink.ratio > best.ratio ? ink : best))).colour;
}
