import type { Condition } from '../product/index.ts';
import type { PartId } from '../product/index.ts';
import type { SourceLocation } from '../shared/index.ts';

/** Character classes a text field may allow, by name (see {@link TEXT_CHARACTER_CLASSES}). */
export type CharacterClass = 'letters' | 'digits' | 'space' | 'punctuation';

/**
 * The characters of each class. Letters are Latin (with accents, composed): the shipped print
 * fonts cover Latin only, and look-alike letters of other scripts are a classic way around word
 * filters. Punctuation is the small set every print font has.
 */
export const TEXT_CHARACTER_CLASSES: Readonly<Record<CharacterClass, RegExp>> = {
  letters: /^\p{Script=Latin}$/u,
  digits: /^[0-9]$/,
  space: /^ $/,
  punctuation: /^[.,!?'&\-:]$/,
};

/**
 * A free-text field of a product (personal text on the heel tab, a line on the chest), written in
 * the rules file under `personalisation:`. Its value lives in the design's `personalisation` as
 * `<id>` (the text), `<id>.font` and `<id>.colour`.
 */
export interface TextFieldDef {
  readonly kind: 'text';
  readonly id: string;
  /** "Heel tab text". */
  readonly label: string;
  /** Where it is printed or embroidered: a part, or a print-zone section. */
  readonly placement: PartId;
  /** The printable area, in millimetres: the text must fit its measured width. */
  readonly widthMm: number;
  readonly heightMm: number;
  /**
   * The smallest capital height that still prints (or embroiders) clearly, in millimetres: a text
   * too wide for the zone is set smaller, down to this, and refused below it. A limit of the print
   * method, not of the zone: a wide chest print takes a line of small letters a heel tab could not.
   */
  readonly minCapHeightMm: number;
  /**
   * The least contrast ratio (WCAG 2, 1 to 21) between the ink and the garment under it that the
   * default ink must reach: the first of `colours` that reaches it is the default.
   */
  readonly minContrast: number;
  /** Most grapheme clusters (what a customer counts as characters). */
  readonly maxLength: number;
  readonly allowed: readonly CharacterClass[];
  /** Font ids (see `FONT_FAMILIES`), the first is the default. */
  readonly fonts: readonly string[];
  /**
   * Colour ids of the product's palette, in order of preference: the default ink is the first
   * that contrasts with the garment by `minContrast` (see `defaultInk`).
   */
  readonly colours: readonly string[];
  /** Offered only while this holds over the design's options (e.g. a print method is chosen). */
  readonly when?: Condition;
  /** Surcharge in minor units when the field holds text. */
  readonly price: number;
  readonly source?: SourceLocation;
}

/** A colour rule of an artwork field: a most-colours limit or a price per colour, while `when` holds. */
export interface ArtworkColourRule {
  readonly when: Condition;
  readonly message: string;
}

/**
 * An uploaded image printed in a zone (a chest logo, a back print), written in the rules file
 * under `personalisation:` with `kind: artwork`. Its value lives in the design's
 * `personalisation` as `<id>` (the uploaded artwork's id) and its placement in millimetres within
 * the field's box: `<id>.x`, `<id>.y` (top-left) and `<id>.width` (the height follows the image).
 */
export interface ArtworkFieldDef {
  readonly kind: 'artwork';
  readonly id: string;
  readonly label: string;
  readonly placement: PartId;
  /** The area the artwork must stay inside, in millimetres, centred across the zone, `topMm` below its top. */
  readonly widthMm: number;
  readonly heightMm: number;
  readonly topMm: number;
  readonly when?: Condition;
  readonly price: number;
  /** Most colours, by condition (embroidery thread colours). */
  readonly maxColours: readonly (ArtworkColourRule & { readonly max: number })[];
  /** A surcharge per colour, by condition (one screen per colour), in minor units. */
  readonly pricePerColour: readonly (ArtworkColourRule & { readonly amount: number })[];
  readonly source?: SourceLocation;
}

/** Every personalisation field kind. */
export type PersonalisationField = TextFieldDef | ArtworkFieldDef;

/** Narrows a field to a text field. */
export function isTextField(field: PersonalisationField): field is TextFieldDef {
  return field.kind === 'text';
}

/** Narrows a field to an artwork field. */
export function isArtworkField(field: PersonalisationField): field is ArtworkFieldDef {
  return field.kind === 'artwork';
}

/** Where a text field's style is kept in a design's personalisation: `<id>.font` and `<id>.colour`. */
export function textStyleKeys(fieldId: string): { readonly font: string; readonly colour: string } {
  return { font: `${fieldId}.font`, colour: `${fieldId}.colour` };
}

/**
 * Where an artwork's placement is kept in a design's personalisation, in millimetres within the
 * field's box: `<id>.x`, `<id>.y` (top-left) and `<id>.width`.
 *
 * @example artworkPlacementKeys('frontArtwork') // { x: 'frontArtwork.x', y: 'frontArtwork.y', width: 'frontArtwork.width' }
 */
export function artworkPlacementKeys(fieldId: string): { readonly x: string; readonly y: string; readonly width: string } {
  return { x: `${fieldId}.x`, y: `${fieldId}.y`, width: `${fieldId}.width` };
}

/** Every key of a design's personalisation a field owns: its value, then its style or placement. */
export function personalisationKeysOf(field: Pick<PersonalisationField, 'id' | 'kind'>): string[] {
  const owned = field.kind === 'text' ? textStyleKeys(field.id) : artworkPlacementKeys(field.id);
  return [field.id, ...Object.values(owned)];
}
