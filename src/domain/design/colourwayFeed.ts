import type { CatalogEntry } from '../catalog/index.ts';
import { resolveDesign, type ConfigurationSpace } from '../engine/index.ts';
import { priceDesign } from '../pricing/index.ts';
import { attributeById, attributeDisplayName, optionById, type Assignment, type PartId, type PresetDef } from '../product/index.ts';
import { designHighlights } from './designHighlights.ts';
import { partLooks, type PartLook } from './partLooks.ts';

/**
 * A product's colourways (its presets: the shipped ones and the customers' designs approved into
 * the catalogue) as the catalogue exports them: each completed by the engine into a whole design,
 * priced, and written as a schema.org `ProductGroup` (JSON-LD) or a CSV feed. The 3D model with a
 * material variant per colourway is written on the server from the same {@link ColourwayVariant}s.
 */

/** One colourway as a sellable variant: its whole design, its price and how each part looks. */
export interface ColourwayVariant {
  readonly preset: PresetDef;
  /** `<productId>-<presetId>`: the variant's stock keeping unit in feeds. */
  readonly sku: string;
  /** The preset's choices completed by the engine (attributes it leaves open take their defaults). */
  readonly design: Assignment;
  /** Unit price in minor units (cents), with the price rules the design meets. */
  readonly price: number;
  readonly currency: string;
  /** Each part's material, appearance and colour: what the model's variant gives its meshes. */
  readonly looks: Readonly<Record<PartId, PartLook>>;
}

/**
 * Every preset of the catalogue entry as a variant, in the file's order.
 *
 * @example colourwayVariants(entry, space).map((variant) => variant.sku) // ['sneaker-classic-white', …]
 */
export function colourwayVariants(entry: CatalogEntry, space: ConfigurationSpace): ColourwayVariant[] {
  const { product, ruleSet } = entry;
  return product.presets.map((preset) => {
    const design = resolveDesign(space, ruleSet, preset.choices).assignment;
    const price = priceDesign(product, ruleSet, design);
    return { preset, sku: `${product.id}-${preset.id}`, design, price: price.unitTotal, currency: price.currency, looks: partLooks(product, design) };
  });
}

/** Where a feed points: the product's page, and a colourway's page and picture. */
export interface FeedLinks {
  /** The configurator page of the product, e.g. `https://shop.example/?product=sneaker`. */
  readonly productUrl: string;
  /** The page that opens the configurator on this colourway. */
  readonly variantUrl: (variant: ColourwayVariant) => string;
  /** A picture of the colourway (a PNG). */
  readonly pictureUrl: (variant: ColourwayVariant) => string;
}

/** The schema.org types a feed holds (a plain JSON object: serialise it with `JSON.stringify`). */
export type JsonLd = { readonly [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | readonly JsonLdValue[];

/**
 * The product as a schema.org `ProductGroup`: one `Product` in `hasVariant` per colourway, each with
 * its colours and materials, every attribute as a `PropertyValue`, an `Offer` with its price, its
 * picture and page, and its designer as `creator` when the colourway credits one. `variesBy` names
 * colour and material, what colourways differ in.
 */
export function productGroupJsonLd(entry: CatalogEntry, variants: readonly ColourwayVariant[], links: FeedLinks): JsonLd {
  const { product } = entry;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProductGroup',
    '@id': `${links.productUrl}#product-group`,
    productGroupID: product.id,
    name: product.name,
    description: product.description,
    url: links.productUrl,
    variesBy: ['https://schema.org/color', 'https://schema.org/material'],
    hasVariant: variants.map((variant): JsonLd => {
      const highlights = designHighlights(product, variant.design);
      return {
        '@type': 'Product',
        '@id': `${links.productUrl}#${variant.sku}`,
        sku: variant.sku,
        name: `${product.name} – ${variant.preset.name}`,
        description: variant.preset.description || highlights.words,
        inProductGroupWithID: product.id,
        color: highlights.colours.map((colour) => colour.label).join(' / '),
        material: highlights.materials.map((material) => material.label).join(' / '),
        image: links.pictureUrl(variant),
        url: links.variantUrl(variant),
        additionalProperty: attributeRows(entry, variant).map((row): JsonLd => ({ '@type': 'PropertyValue', propertyID: row.attributeId, name: row.name, value: row.value })),
        offers: { '@type': 'Offer', price: moneyText(variant.price, variant.currency), priceCurrency: variant.currency, availability: 'https://schema.org/InStock', url: links.variantUrl(variant) },
        ...(variant.preset.credit ? { creator: { '@type': 'Person', name: variant.preset.credit } } : {}),
      };
    }),
  };
}

/**
 * The feed as CSV (RFC 4180, CRLF line ends): a row per colourway with its sku, name, price,
 * currency, picture and page, its designer, then one column per attribute (its option's label).
 * A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a
 * leading `'`: credits are customers' words.
 */
export function colourwayFeedCsv(entry: CatalogEntry, variants: readonly ColourwayVariant[], links: FeedLinks): string {
  const { product } = entry;
  const header = ['sku', 'product_id', 'colourway_id', 'colourway', 'price', 'currency', 'picture_url', 'url', 'co_created_by', ...product.attributes.map((attribute) => attributeDisplayName(product, attribute))];
  const rows = variants.map((variant) => [
    variant.sku, product.id, variant.preset.id, variant.preset.name, moneyText(variant.price, variant.currency), variant.currency, links.pictureUrl(variant), links.variantUrl(variant), variant.preset.credit ?? '',
    ...attributeRows(entry, variant).map((row) => row.value),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Each attribute of the product with the label of the option the variant's design holds. */
function attributeRows(entry: CatalogEntry, variant: ColourwayVariant): { attributeId: string; name: string; value: string }[] {
  const { product } = entry;
  return product.attributes.map((attribute) => ({
    attributeId: attribute.id,
    name: attributeDisplayName(product, attribute),
    value: optionById(attributeById(product, attribute.id), variant.design[attribute.id]!).label,
  }));
}

/** Minor units as the decimal text feeds want: 11900 EUR → "119.00" (the currency's own digits). */
export function moneyText(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
