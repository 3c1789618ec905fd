/**
 * Where personal prints go on a product's model: the zones of one square "print atlas" texture
 * that the model's second UV set (TEXCOORD_1) maps onto its printable surfaces. Written by each
 * model generator as `models/<id>/printZones.json` from the same constants as the geometry, and
 * read with the catalog; the preview draws texts into the atlas, the print files use the sizes.
 */
export interface PrintAtlas {
  /** Width and height of the atlas texture, in pixels. */
  readonly atlasSize: number;
  readonly zones: Readonly<Record<string, PrintZone>>;
}

/** One print zone: its physical size, its rectangle of the atlas and the meshes that show it. */
export interface PrintZone {
  readonly widthMm: number;
  readonly heightMm: number;
  /** [u0, v0, u1, v1] of the atlas, origin top-left (v = 0 is the top of the zone as printed). */
  readonly uv: readonly [number, number, number, number];
  /** Mesh names that carry the zone in TEXCOORD_1. */
  readonly meshes: readonly string[];
}

/** Where a field's box sits in its zone, in millimetres from the zone's top-left: centred across, `topMm` below its top. */
export function textBoxInZone(zone: PrintZone, widthMm: number, heightMm: number, topMm = 0): { xMm: number; yMm: number; widthMm: number; heightMm: number } {
  return { xMm: (zone.widthMm - widthMm) / 2, yMm: topMm, widthMm, heightMm };
}
