import type { CatalogEntry } from '../catalog/index.ts';
import { evaluateCondition } from '../product/index.ts';
import type { Assignment } from '../product/index.ts';
import { artworkPlacementKeys, isArtworkField, type ArtworkFieldDef } from './personalisationModel.ts';
import { formatMoney, type PriceLine } from '../pricing/index.ts';
import { artworkResolution } from '../artwork/index.ts';

/** What the shop knows of an uploaded artwork (inspected and stored by the server). */
export interface ArtworkMeta {
  /** Content id, as `POST /api/artworks` answered. */
  readonly id: string;
  readonly format: 'png' | 'jpeg' | 'svg';
  readonly widthPx: number;
  readonly heightPx: number;
  /** True for SVG: it prints sharp at any size. */
  readonly vector: boolean;
  /** Distinct colours (thread colours for embroidery, screens for screen print). */
  readonly colours: number;
  /** Those colours as `#rrggbb`, for the factory's threads and inks (absent for artworks stored before it was kept). */
  readonly palette?: readonly string[];
  /** Where the browser loads it from. */
  readonly url: string;
}

/** An artwork's box in its field's area, in millimetres from the area's top-left. */
export interface ArtworkBox {
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** One artwork field as the customer sees it now. */
export interface ArtworkStatus {
  readonly field: ArtworkFieldDef;
  /** False while the field's condition does not hold: it is not shown nor ordered. */
  readonly offered: boolean;
  readonly artwork: ArtworkMeta | null;
  readonly box: ArtworkBox | null;
  /** The print resolution at the placed size; null for vector artwork or none. */
  readonly dpi: number | null;
  /** What stops the order, in words for the customer. */
  readonly problems: readonly string[];
  /** What the customer should know but may order anyway (a soft print). */
  readonly warnings: readonly string[];
  /** Surcharges for the artwork (per colour, by print method). */
  readonly prices: readonly PriceLine[];
}

/**
 * Every artwork field of a product for a complete design: the artwork placed (by default as
 * large as the area allows, centred across its top), its print resolution, what stops the order
 * (too low a resolution, outside the area, too many colours for the method) and its surcharges.
 */
export function artworkStatus(entry: CatalogEntry, design: Assignment, values: Readonly<Record<string, string>>, artworks: ReadonlyMap<string, ArtworkMeta>): ArtworkStatus[] {
  return (entry.ruleSet.personalisation ?? []).filter(isArtworkField).map((field) => {
    const offered = field.when === undefined || evaluateCondition(field.when, (attribute) => design[attribute]);
    const id = values[field.id];
    const none = { field, offered, artwork: null, box: null, dpi: null, warnings: [], prices: [] };
    if (!id) return { ...none, problems: [] };
    const artwork = artworks.get(id);
    if (!artwork) return { ...none, problems: [`The ${field.label.toLowerCase()} could not be found: upload it again.`] };
    const box = placedBox(field, artwork, values);
    const problems: string[] = [];
    const warnings: string[] = [];
    const inside = box.xMm >= -0.01 && box.yMm >= -0.01 && box.xMm + box.widthMm <= field.widthMm + 0.01 && box.yMm + box.heightMm <= field.heightMm + 0.01;
    if (!inside) problems.push(`Keep the artwork inside the print area (${field.widthMm} × ${field.heightMm} mm): move it or make it smaller.`);
    // Judged by the same rule the upload was (150 DPI at least, 300 to print sharp).
    const resolution = artworkResolution(artwork, Math.max(box.widthMm, 1e-3));
    const dpi = resolution.dpi;
    if (resolution.level === 'refused') problems.push(resolution.message!);
    else if (resolution.level === 'warning') warnings.push(resolution.message!);
    const holds = (rule: { when: ArtworkFieldDef['maxColours'][number]['when'] }) => evaluateCondition(rule.when, (attribute) => design[attribute]);
    for (const rule of field.maxColours) {
      if (holds(rule) && artwork.colours > rule.max) problems.push(`${rule.message} This artwork has ${artwork.colours} colours.`);
    }
    const prices: PriceLine[] = [];
    if (field.price > 0) prices.push({ ruleId: `personalisation:${field.id}`, label: field.label, amount: field.price });
    for (const [index, rule] of field.pricePerColour.entries()) {
      if (holds(rule)) prices.push({ ruleId: `personalisation:${field.id}:colours:${index}`, label: `${rule.message} (${artwork.colours} × ${formatMoney(rule.amount, entry.product.currency)})`, amount: rule.amount * artwork.colours });
    }
    return { field, offered, artwork, box, dpi, problems, warnings, prices };
  });
}

/** Where the artwork sits: as placed by the customer, or as large as the area allows, centred across its top. */
export function placedBox(field: ArtworkFieldDef, artwork: Pick<ArtworkMeta, 'widthPx' | 'heightPx'>, values: Readonly<Record<string, string>>): ArtworkBox {
  const aspect = artwork.heightPx / Math.max(1, artwork.widthPx);
  const fitted = Math.min(field.widthMm, field.heightMm / aspect);
  const keys = artworkPlacementKeys(field.id);
  const widthMm = numberOr(values[keys.width], fitted);
  const heightMm = widthMm * aspect;
  return { xMm: numberOr(values[keys.x], (field.widthMm - widthMm) / 2), yMm: numberOr(values[keys.y], 0), widthMm, heightMm };
}

function numberOr(text: string | undefined, fallback: number): number {
  const value = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : fallback;
}
