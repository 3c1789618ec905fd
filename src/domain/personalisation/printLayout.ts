import type { CatalogEntry } from '../catalog/index.ts';
import type { DesignDocument } from '../design/index.ts';
import { artworkStatus, type ArtworkMeta, type ArtworkStatus } from './artworkPlacement.ts';
import { PRINT_DPI } from '../artwork/index.ts';
import { personalisationStatus } from './personalisation.ts';
import { FONT_FAMILIES } from './fontMetrics.ts';
import type { PersonalisationStatus } from './personalisation.ts';
import { textBoxInZone, type PrintZone } from './printAtlas.ts';

/**
 * One personal text as it is printed: in which zone, in which box of it (millimetres from the
 * zone's top-left), at which size, in which font and colour. The preview draws it into the print
 * atlas; the print files render it at 300 DPI; both from this one layout.
 */
export interface TextPrint {
  readonly fieldId: string;
  readonly label: string;
  readonly zoneId: string;
  readonly zone: PrintZone;
  readonly text: string;
  readonly fontId: string;
  /** The CSS family the browser registers the font under. */
  readonly family: string;
  readonly colourId: string;
  readonly colourCode: string;
  readonly hex: string;
  readonly box: { readonly xMm: number; readonly yMm: number; readonly widthMm: number; readonly heightMm: number };
  readonly fontSizeMm: number;
  readonly textWidthMm: number;
  readonly capHeightMm: number;
}

/**
 * The texts of a design laid out in their print zones: every offered field holding text, set as
 * the domain's check set it (as large as the box allows, centred). Only texts that would be made
 * are laid out: a refused text (too wide, an emoji, a blocked word) is not drawn, so the preview
 * shows exactly what prints; the field's alert says why it is missing.
 */
export function textPrints(entry: CatalogEntry, statuses: readonly PersonalisationStatus[]): TextPrint[] {
  const prints: TextPrint[] = [];
  for (const status of statuses) {
    const zone = entry.printAtlas?.zones[status.field.placement];
    const setting = status.check?.setting;
    if (!status.offered || !zone || !setting || status.check!.text.length === 0 || status.check!.problems.length > 0) continue;
    const colour = entry.product.colours?.find((candidate) => candidate.id === status.colour);
    prints.push({
      fieldId: status.field.id,
      label: status.field.label,
      zoneId: status.field.placement,
      zone,
      text: status.check!.text,
      fontId: status.font,
      family: FONT_FAMILIES[status.font]?.family ?? 'sans-serif',
      colourId: status.colour,
      colourCode: colour?.code ?? '',
      hex: status.hex,
      box: textBoxInZone(zone, status.field.widthMm, status.field.heightMm),
      fontSizeMm: setting.fontSizeMm,
      textWidthMm: setting.widthMm,
      capHeightMm: setting.capHeightMm,
    });
  }
  return prints;
}

const MM_PER_INCH = 25.4;

/** The pixel size of a zone's print file at {@link PRINT_DPI}. */
export function zonePixels(zone: PrintZone): { width: number; height: number } {
  return { width: Math.round((zone.widthMm / MM_PER_INCH) * PRINT_DPI), height: Math.round((zone.heightMm / MM_PER_INCH) * PRINT_DPI) };
}

/** What the factory needs to place one personal text: the zone, the box, the size, the font, the colour, the method. */
export interface PrintPlacement {
  readonly zone: string;
  readonly field: string;
  readonly label: string;
  readonly text: string;
  readonly method: { readonly id: string; readonly label: string; readonly code: string } | null;
  readonly font: { readonly id: string; readonly family: string };
  readonly colour: { readonly id: string; readonly code: string; readonly hex: string };
  /** The zone's physical size, which the PNG covers. */
  readonly zoneSizeMm: { readonly width: number; readonly height: number };
  /** The text's box within the zone, from its top-left. */
  readonly positionMm: { readonly x: number; readonly y: number };
  readonly sizeMm: { readonly width: number; readonly height: number };
  readonly fontSizeMm: number;
  readonly dpi: number;
  readonly pixels: { readonly width: number; readonly height: number };
}

/** The placement spec of each text of an order, for the factory's print and embroidery set-up. */
export function printPlacements(entry: CatalogEntry, design: DesignDocument): PrintPlacement[] {
  return textPrints(entry, personalisationStatus(entry, design.choices, design.personalisation)).map((print) => {
    return {
      zone: print.zoneId,
      field: print.fieldId,
      label: print.label,
      text: print.text,
      method: methodOf(entry, design, print.zoneId),
      font: { id: print.fontId, family: print.family },
      colour: { id: print.colourId, code: print.colourCode, hex: print.hex },
      zoneSizeMm: { width: print.zone.widthMm, height: print.zone.heightMm },
      positionMm: { x: round(print.box.xMm), y: round(print.box.yMm) },
      sizeMm: { width: print.box.widthMm, height: print.box.heightMm },
      fontSizeMm: round(print.fontSizeMm),
      dpi: PRINT_DPI,
      pixels: zonePixels(print.zone),
    };
  });
}


function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One artwork as it is printed: in which zone, at which box of it (millimetres from the zone's top-left). */
export interface ArtworkPrint {
  readonly fieldId: string;
  readonly label: string;
  readonly zoneId: string;
  readonly zone: PrintZone;
  readonly artwork: ArtworkMeta;
  readonly box: { readonly xMm: number; readonly yMm: number; readonly widthMm: number; readonly heightMm: number };
  /** Print resolution at the placed size; null for vector artwork. */
  readonly dpi: number | null;
}

/**
 * The artworks of a design laid out in their print zones (the field's area is centred across the
 * zone, `topMm` down). Like texts, only artworks that would be made: one with a problem is not drawn.
 */
export function artworkPrints(entry: CatalogEntry, statuses: readonly ArtworkStatus[]): ArtworkPrint[] {
  const prints: ArtworkPrint[] = [];
  for (const status of statuses) {
    const zone = entry.printAtlas?.zones[status.field.placement];
    if (!status.offered || !zone || !status.artwork || !status.box || status.problems.length > 0) continue;
    const area = textBoxInZone(zone, status.field.widthMm, status.field.heightMm, status.field.topMm);
    prints.push({
      fieldId: status.field.id, label: status.field.label, zoneId: status.field.placement, zone, artwork: status.artwork,
      box: { xMm: area.xMm + status.box.xMm, yMm: area.yMm + status.box.yMm, widthMm: status.box.widthMm, heightMm: status.box.heightMm },
      dpi: status.dpi,
    });
  }
  return prints;
}

/** What the factory needs to place one artwork: the zone, the box, the method, the file and its print resolution. */
export interface ArtworkPlacement {
  readonly zone: string;
  readonly field: string;
  readonly label: string;
  readonly artwork: { readonly id: string; readonly format: ArtworkMeta['format']; readonly widthPx: number; readonly heightPx: number; readonly colours: number; readonly palette: readonly string[] };
  readonly method: { readonly id: string; readonly label: string; readonly code: string } | null;
  readonly zoneSizeMm: { readonly width: number; readonly height: number };
  readonly positionMm: { readonly x: number; readonly y: number };
  readonly sizeMm: { readonly width: number; readonly height: number };
  /** The artwork's own resolution at its printed size; null for vector artwork. */
  readonly effectiveDpi: number | null;
  readonly dpi: number;
  readonly pixels: { readonly width: number; readonly height: number };
}

/** The placement spec of each artwork of a design (`artworks`: what the shop knows of the uploaded files). */
export function artworkPlacements(entry: CatalogEntry, design: DesignDocument, artworks: ReadonlyMap<string, ArtworkMeta>): ArtworkPlacement[] {
  return artworkPrints(entry, artworkStatus(entry, design.choices, design.personalisation, artworks)).map((print) => ({
    zone: print.zoneId,
    field: print.fieldId,
    label: print.label,
    artwork: { id: print.artwork.id, format: print.artwork.format, widthPx: print.artwork.widthPx, heightPx: print.artwork.heightPx, colours: print.artwork.colours, palette: print.artwork.palette ?? [] },
    method: methodOf(entry, design, print.zoneId),
    zoneSizeMm: { width: print.zone.widthMm, height: print.zone.heightMm },
    positionMm: { x: round(print.box.xMm), y: round(print.box.yMm) },
    sizeMm: { width: round(print.box.widthMm), height: round(print.box.heightMm) },
    effectiveDpi: print.dpi,
    dpi: PRINT_DPI,
    pixels: zonePixels(print.zone),
  }));
}

/** The print method chosen for a zone (its `<zone>.method` attribute), if the product has one. */
function methodOf(entry: CatalogEntry, design: DesignDocument, zoneId: string): { id: string; label: string; code: string } | null {
  const attribute = entry.product.attributes.find((candidate) => candidate.id === `${zoneId}.method`);
  const option = attribute?.options.find((candidate) => candidate.id === design.choices[attribute.id]);
  return option ? { id: option.id, label: option.label, code: option.code } : null;
}
