import type { CatalogEntry } from '../catalog/index.ts';
import type { DesignDocument } from '../design/index.ts';
import { canonicalKey, partMaterialAndColour } from '../design/index.ts';
import { estimateLeadTime, type LeadTimeEstimate } from '../pricing/index.ts';
import { personalisationPrices, personalisationStatus } from '../personalisation/index.ts';
import { orderTotal, priceDesign, type PriceLine } from '../pricing/index.ts';
import { artworkPlacements, printPlacements, type ArtworkPlacement, type PrintPlacement } from '../personalisation/index.ts';
import { artworkStatus, type ArtworkMeta } from '../personalisation/index.ts';
import { modelParts, optionById, sizeSystemsOf, type Product, type SizeDef } from '../product/index.ts';

/** The schema id every order document carries. */
export const ORDER_SCHEMA = 'atelier.order/1';

/** An option as fulfilment needs it. */
export interface CodedOption {
  readonly id: string;
  readonly label: string;
  readonly code: string;
}

/** One line of the bill of materials: a part with its material and colour. */
export interface BillOfMaterialsLine {
  readonly part: string;
  readonly partLabel: string;
  readonly material: CodedOption;
  readonly colour: CodedOption & { readonly hex: string };
}

/** One of the product's other choices as fulfilment needs it, e.g. the fit or a print method. */
export interface SpecificationLine {
  readonly attribute: string;
  /** "Fit", "Front print method". */
  readonly label: string;
  readonly option: CodedOption;
}

/**
 * The size of an order: its id, its label as the customer chose it, and its code in every size
 * system of the product (`codes`, keyed by system id, in the product's order). `eu`, `us` and
 * `uk` repeat the codes of those systems when the product has them, for readers written when
 * every size had all three.
 */
export interface OrderSize {
  readonly id: string;
  readonly label: string;
  readonly codes: Readonly<Record<string, string>>;
  readonly eu?: string;
  readonly us?: string;
  readonly uk?: string;
}

/**
 * An order's size as stored: orders placed before size systems were data have only `eu`, `us`
 * and `uk` (see {@link orderSizeCodes}).
 */
export type StoredOrderSize = Partial<OrderSize>;

/** The systems sizes had before products named their own: what a stored `eu`, `us`, `uk` mean. */
const LEGACY_SIZE_KEYS = ['eu', 'us', 'uk'] as const;

/** The size as an order document writes it (see {@link OrderSize}). */
export function orderSize(size: SizeDef, product: Pick<Product, 'sizeSystems'>): OrderSize {
  const codes: Record<string, string> = {};
  for (const system of sizeSystemsOf(product)) {
    const code = size.codes[system.id];
    if (code !== undefined) codes[system.id] = code;
  }
  const legacy: { eu?: string; us?: string; uk?: string } = {};
  for (const key of LEGACY_SIZE_KEYS) if (codes[key] !== undefined) legacy[key] = codes[key];
  return { id: size.id, label: size.label, codes, ...legacy };
}

/**
 * A stored order's size codes by system id: its `codes`, or for an order from before size systems
 * were data, its `eu`, `us` and `uk`.
 */
export function orderSizeCodes(size: StoredOrderSize): Readonly<Record<string, string>> {
  if (size.codes) return size.codes;
  const codes: Record<string, string> = {};
  for (const key of LEGACY_SIZE_KEYS) if (typeof size[key] === 'string') codes[key] = size[key];
  return codes;
}

/**
 * What the factory makes: a validated design with size, quantity, bill of materials, price and
 * lead time. Published as JSON Schema at `/schemas/order.schema.json`.
 */
export interface OrderDocument {
  readonly schema: typeof ORDER_SCHEMA;
  readonly status: 'exported';
  readonly createdAt: string;
  readonly product: { readonly id: string; readonly name: string };
  readonly rulesVersion: string;
  readonly canonicalKey: string;
  readonly design: DesignDocument;
  readonly billOfMaterials: readonly BillOfMaterialsLine[];
  /** The choices of the product's sections (empty for a product made only of parts). */
  readonly specification: readonly SpecificationLine[];
  /** Where and how each personal text is printed: zone, box and size in millimetres, font, colour, method. */
  readonly print: readonly PrintPlacement[];
  /** Where and how each uploaded artwork is printed: zone, box in millimetres, method, file, resolution. */
  readonly printArtwork: readonly ArtworkPlacement[];
  readonly size: OrderSize;
  readonly quantity: number;
  readonly price: {
    readonly currency: string;
    readonly base: number;
    readonly surcharges: readonly PriceLine[];
    readonly unitTotal: number;
    readonly total: number;
  };
  readonly leadTime: LeadTimeEstimate;
}

/** Largest quantity of one design in a single order. */
export const MAX_QUANTITY = 20;

/**
 * Builds the order document of a validated design. Prices and lead time are recomputed here from
 * the rules, never taken from the caller.
 */
export function createOrderDocument(
  entry: CatalogEntry, design: DesignDocument, size: SizeDef, quantity: number, now: Date, artworks: ReadonlyMap<string, ArtworkMeta> = new Map(),
): OrderDocument {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new Error(`[Atelier] quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}`);
  }
  const { product, ruleSet } = entry;
  const price = priceDesign(product, ruleSet, design.choices, [
    ...personalisationPrices(personalisationStatus(entry, design.choices, design.personalisation)),
    ...artworkStatus(entry, design.choices, design.personalisation, artworks).filter((status) => status.offered).flatMap((status) => status.prices),
  ]);
  const billOfMaterials = modelParts(product).map((part): BillOfMaterialsLine => {
    const { material, colour } = partMaterialAndColour(product, design.choices, part);
    if (!material || !colour) throw new Error(`[Atelier] the design has no material or colour for part "${part.id}"; a complete design has both`);
    return {
      part: part.id,
      partLabel: part.label,
      material: { id: material.id, label: material.label, code: material.code },
      colour: { id: colour.id, label: colour.label, code: colour.code, hex: colour.hex ?? '#000000' },
    };
  });
  return {
    schema: ORDER_SCHEMA,
    status: 'exported',
    createdAt: now.toISOString(),
    product: { id: product.id, name: product.name },
    rulesVersion: design.rulesVersion,
    canonicalKey: canonicalKey(design),
    design,
    billOfMaterials,
    specification: product.attributes.filter((attribute) => attribute.kind === 'choice').map((attribute): SpecificationLine => {
      const option = optionById(attribute, design.choices[attribute.id]!);
      return { attribute: attribute.id, label: attribute.label, option: { id: option.id, label: option.label, code: option.code } };
    }),
    print: printPlacements(entry, design),
    printArtwork: artworkPlacements(entry, design, artworks),
    size: orderSize(size, product),
    quantity,
    price: { ...price, total: orderTotal(price, quantity).total },
    leadTime: estimateLeadTime(product, ruleSet, design.choices),
  };
}
