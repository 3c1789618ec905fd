/**
 * The product model: what a customer can configure. Products are data (models/<id>/product.yaml),
 * read by {@link loadProduct}; this file only declares their shape after loading.
 */

import type { MaterialSurface } from './materialSurface.ts';

/** `<part>.<attribute>` for per-part attributes (`toeCap.colour`), or a bare id for product-wide ones. */
export type AttributeId = string;
/** An option's id, unique within its attribute (`suede`, `navy`). */
export type OptionId = string;
/** A part's id; also the name of its mesh in the product's glTF model. */
export type PartId = string;

/** How a material looks in the preview (physically based parameters). */
export interface MaterialAppearance {
  readonly roughness: number;
  readonly metalness: number;
  /** Glossy top coat, 0–1 (patent leather). */
  readonly clearcoat: number;
  /** Soft fibre sheen, 0–1 (suede, nubuck, knit). */
  readonly sheen: number;
  /** The material's relief and fine tonal variation (a map set), if it has one; without, the surface is smooth. */
  readonly surface?: MaterialSurface;
}

/** One choice of an attribute. */
export interface OptionDef {
  readonly id: OptionId;
  readonly label: string;
  /** The code fulfilment uses on bills of materials. */
  readonly code: string;
  /** `#rrggbb` for colour options. */
  readonly hex?: string;
  /** For material options. */
  readonly appearance?: MaterialAppearance;
  /**
   * For options that change the model's shape: the variant meshes shown while this option is
   * chosen (e.g. `sleevesLong` for long sleeves). Meshes named by another option of the same
   * attribute are hidden then.
   */
  readonly show?: readonly string[];
  /** For options that change the model's proportions (a fit): the whole model's scale [x, y, z]. */
  readonly scale?: readonly [number, number, number];
  /**
   * `retired: true` in product.yaml: the option stays so rules, old designs and orders can still
   * name it, but it is never offered (the engine excludes it) and lint never reports it as dead or unused.
   */
  readonly retired?: true;
  /**
   * Families the option belongs to (`tags: [dark, earth]` in product.yaml), so a rule can say
   * `quarter.colour: { tag: dark }` and cover a colour added later without new rows.
   */
  readonly tags?: readonly string[];
}

/**
 * What an attribute controls, which decides how views render it and how the preview applies it:
 * a part's material or colour, or a choice of a section (a fit, a sleeve length, a print method).
 */
export type AttributeKind = 'material' | 'colour' | 'choice';

/** A finite choice, usually per part. */
export interface AttributeDef {
  readonly id: AttributeId;
  /**
   * Label within its part ("Material", "Colour"); for a section's choices the whole name
   * customers read ("Fit", "Front print method").
   */
  readonly label: string;
  readonly kind: AttributeKind;
  /** The part or section it belongs to. */
  readonly partId: PartId;
  readonly options: readonly OptionDef[];
}

/**
 * A group of attributes in the option panel: a `part` of the product (mapped to meshes of its
 * model, with a material and a colour) or a `section` of choices that are not one part (the fit and
 * cut, a print zone's method).
 */
export interface PartDef {
  readonly id: PartId;
  readonly label: string;
  readonly kind: 'part' | 'section';
  readonly attributeIds: readonly AttributeId[];
  /** For parts: the model's meshes that show it (its id, and variant meshes such as `sleevesLong`). */
  readonly meshes: readonly string[];
  /** For sections: the part the camera turns to while the section is edited. */
  readonly focus?: PartId;
  /** Where the 3D preview looks from while it is edited: a direction [x, y, z] from the model toward the camera. */
  readonly view?: ViewDirection;
}

/** A direction from the model toward the camera, in the model's axes (y up); need not be unit length. */
export type ViewDirection = readonly [number, number, number];

/** A preset camera angle the customer picks with a button beside the 3D preview (product.yaml `views`). */
export interface CameraView {
  readonly id: string;
  /** The button's text, e.g. "Side". */
  readonly label: string;
  readonly direction: ViewDirection;
  /** A part to frame closer (a detail view) instead of the whole model. */
  readonly focus?: PartId;
}

/**
 * A way of naming sizes (EU, US, UK shoe sizes; a shirt's letter sizes), from `sizeSystems:` in
 * product.yaml. Its id is the key each size's code is written under.
 */
export interface SizeSystem {
  /** `eu`, `letter`: letters and digits, the key in each size of product.yaml. */
  readonly id: string;
  /** What customers read before the code: "EU" (for "EU 42"), "Size" (for "Size M"). */
  readonly label: string;
}

/** The systems of a product without `sizeSystems:`: EU, US and UK, in that order. */
export const DEFAULT_SIZE_SYSTEMS: readonly SizeSystem[] = [{ id: 'eu', label: 'EU' }, { id: 'us', label: 'US' }, { id: 'uk', label: 'UK' }];

/** A size, with its code in every size system of its product. */
export interface SizeDef {
  /** `<first system id>-<its code in lower case>`, e.g. `eu-42`, `letter-m`. */
  readonly id: string;
  /** What the size list shows: the file's `label`, or the systems' labels and codes ("EU 42 · US 8.5 · UK 8"). */
  readonly label: string;
  /** The size's code in each of the product's systems, keyed by system id: `{ eu: '42', us: '8.5', uk: '8' }`. */
  readonly codes: Readonly<Record<string, string>>;
}

/** A named full or partial set of choices (a colourway). */
export interface PresetDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Who designed it, for "co-created by …" (`credit:`; a colourway made from a customer's design). */
  readonly credit?: string;
  /** The design it came from (`from: candidate:<id>`), linking the colourway back to its candidate. */
  readonly from?: string;
  readonly choices: Readonly<Record<AttributeId, OptionId>>;
}

/** The colours a material comes in (an implicit compatibility table, generated by the loader). */
export interface MaterialPalette {
  readonly materialId: OptionId;
  readonly materialLabel: string;
  readonly colourIds: readonly OptionId[];
}

/** The 2D drawings the configurator ships, for customers without WebGL. */
export const ILLUSTRATIONS = ['sneaker', 'tshirt'] as const;
/** One of {@link ILLUSTRATIONS}. */
export type ProductIllustrationKind = (typeof ILLUSTRATIONS)[number];

/** A configurable product, loaded and validated. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly currency: string;
  /** Base price in minor units (cents). */
  readonly basePrice: number;
  readonly baseLeadTimeDays: number;
  /** File name of the glTF binary model, served from `/models/`. */
  readonly model: string;
  /** Where the 3D preview's overview looks from (default: three-quarter, slightly above). */
  readonly view?: ViewDirection;
  /** Preset camera angles offered as buttons beside the 3D preview, in order (none when absent). */
  readonly views?: readonly CameraView[];
  /** Which shipped 2D drawing shows the product without WebGL (the loader sets it; default the sneaker's). */
  readonly illustration?: ProductIllustrationKind;
  readonly parts: readonly PartDef[];
  readonly attributes: readonly AttributeDef[];
  readonly palettes: readonly MaterialPalette[];
  /** Every named colour of the product's palette (personal text colours are chosen from it). */
  readonly colours?: readonly OptionDef[];
  readonly sizes: readonly SizeDef[];
  /** How sizes are named, in order (the first is the main one); the loader always sets it, default {@link DEFAULT_SIZE_SYSTEMS}. */
  readonly sizeSystems?: readonly SizeSystem[];
  readonly presets: readonly PresetDef[];
  /** The words the shop uses for this product (one "pair" of sneakers, one "shirt"); the loader always sets it. */
  readonly wording?: ProductWording;
  /** ISO 3166-1 alpha-2 codes of the countries the product ships to, e.g. `['DE', 'FR', 'GB']`; the loader always sets it. */
  readonly shipsTo?: readonly string[];
}

/**
 * The product's own words, from `wording:` in its product.yaml, so that a t-shirt is never
 * spoken of in pairs.
 */
export interface ProductWording {
  /** What one of the product is called: "pair", "shirt". */
  readonly unit: string;
  /** And more than one: "pairs", "shirts". */
  readonly units: string;
  /** Under the size field: what the sizes mean, e.g. "EU, US and UK sizes." (empty: no hint). */
  readonly sizeHint: string;
}

/**
 * A number of the product in its own words.
 *
 * @example countOf(sneaker, 1) // "1 pair"; countOf(tshirt, 3) // "3 shirts"
 */
export function countOf(product: Pick<Product, 'wording'>, count: number): string {
  const wording = wordingOf(product);
  return `${count} ${count === 1 ? wording.unit : wording.units}`;
}

/** What a product without `wording:` is called: items, with no size hint. */
export const DEFAULT_WORDING: ProductWording = { unit: 'item', units: 'items', sizeHint: '' };

/** A product's words, or {@link DEFAULT_WORDING} for a product built without them. */
export function wordingOf(product: Pick<Product, 'wording'>): ProductWording {
  return product.wording ?? DEFAULT_WORDING;
}

/** A product's size systems, or {@link DEFAULT_SIZE_SYSTEMS} for a product built without them. */
export function sizeSystemsOf(product: Pick<Product, 'sizeSystems'>): readonly SizeSystem[] {
  return product.sizeSystems ?? DEFAULT_SIZE_SYSTEMS;
}

/**
 * A size in its product's words, each system's label and code: "EU 42 · US 8.5 · UK 8", "Size M".
 * Systems the size has no code in are left out.
 *
 * @example sizeCodesText(sneaker.sizeSystems, size42.codes, ' / ') // "EU 42 / US 8.5 / UK 8"
 */
export function sizeCodesText(systems: readonly SizeSystem[], codes: Readonly<Record<string, string>>, separator = ' · '): string {
  return systems.filter((system) => codes[system.id] !== undefined).map((system) => `${system.label} ${codes[system.id]}`).join(separator);
}

/** A size in its product's main (first) system: "EU 42", "Size M". */
export function mainSizeText(systems: readonly SizeSystem[], size: SizeDef): string {
  const main = systems[0];
  return main && size.codes[main.id] !== undefined ? `${main.label} ${size.codes[main.id]}` : size.label;
}

/**
 * Finds a product's size as an order names it: by id (`eu-42`), or by its code in the product's
 * first size system (`{ eu: '42' }` from clients written when every product had EU sizes; for a
 * t-shirt whose first system is `letter`, `{ eu: 'M' }` means its letter size M). The ids sizes
 * had then (`eu-<code in the first system>`) are found too.
 */
export function findSize(product: Pick<Product, 'sizes' | 'sizeSystems'>, wanted: { readonly id: string } | { readonly eu: string }): SizeDef | undefined {
  const main = sizeSystemsOf(product)[0]?.id;
  if ('eu' in wanted) return main === undefined ? undefined : product.sizes.find((size) => size.codes[main] === wanted.eu);
  return product.sizes.find((size) => size.id === wanted.id)
    ?? (main !== undefined && wanted.id.startsWith('eu-') ? product.sizes.find((size) => size.codes[main]?.toLowerCase() === wanted.id.slice(3)) : undefined);
}

/**
 * The id of a part's material or colour attribute: the one place the `<part>.<kind>` key is spelt.
 *
 * @example partAttributeId('toeCap', 'colour') // 'toeCap.colour'
 */
export function partAttributeId(partId: PartId, kind: 'material' | 'colour'): AttributeId {
  return `${partId}.${kind}`;
}

/** Finds an attribute by id or throws, naming the valid ids (a bug, not an input problem). */
export function attributeById(product: Product, attributeId: AttributeId): AttributeDef {
  const attribute = product.attributes.find((candidate) => candidate.id === attributeId);
  if (!attribute) {
    throw new Error(`[Atelier] unknown attribute "${attributeId}" in product "${product.id}"; known: ${product.attributes.map((a) => a.id).join(', ')}`);
  }
  return attribute;
}

/** Finds an option of an attribute by id or throws, naming the valid ids. */
export function optionById(attribute: AttributeDef, optionId: OptionId): OptionDef {
  const option = attribute.options.find((candidate) => candidate.id === optionId);
  if (!option) {
    throw new Error(`[Atelier] unknown option "${optionId}" of "${attribute.id}"; known: ${attribute.options.map((o) => o.id).join(', ')}`);
  }
  return option;
}

/** The customer-facing name of an attribute, e.g. "Toe cap colour". */
export function attributeDisplayName(product: Product, attribute: AttributeDef): string {
  const part = product.parts.find((candidate) => candidate.id === attribute.partId);
  return part && part.kind === 'part' ? `${part.label} ${attribute.label.toLowerCase()}` : attribute.label;
}

/** The parts of the product proper (with meshes, material and colour), without the sections. */
export function modelParts(product: Product): readonly PartDef[] {
  return product.parts.filter((part) => part.kind === 'part');
}

/** Values fixed for some attributes: customer choices, or a whole design. */
export type Assignment = Readonly<Record<AttributeId, OptionId>>;
