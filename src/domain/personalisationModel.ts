import type { Condition } from './rulesModel.ts';
import type { PartId } from './productModel.ts';
import type { SourceLocation } from './problems.ts';

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
  /** Most grapheme clusters (what a customer counts as characters). */
  readonly maxLength: number;
  readonly allowed: readonly CharacterClass[];
  /** Font ids (see `FONT_FAMILIES`), the first is the default. */
  readonly fonts: readonly string[];
  /** Colour ids of the product's palette, the first is the default. */
  readonly colours: readonly string[];
  /** Offered only while this holds over the design's options (e.g. a print method is chosen). */
  readonly when?: Condition;
  /** Surcharge in minor units when the field holds text. */
  readonly price: number;
  readonly source?: SourceLocation;
}

/** Every personalisation field kind. */
export type PersonalisationField = TextFieldDef;
