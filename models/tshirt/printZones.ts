/*
 * The print zones: where personal text and artwork go on the shirt, and where each zone lives in
 * the print atlas (models/shared/printAtlas.ts: 2048 × 2048, origin top-left, v down), the one
 * texture the app draws every zone into and lays over the body and sleeves through their second
 * UV set (TEXCOORD_1). Artwork drawn upright into a zone's rect appears upright on the shirt, and
 * not mirrored, seen from outside: on the front u runs toward the wearer's left (+X), on the back
 * toward the wearer's right (−X), on the left sleeve from the front of the sleeve toward its back.
 *
 * Every zone has the same scale, 1024 atlas pixels per 280 mm (half the atlas for the chest
 * zone's width), so artwork keeps its aspect in every zone. Vertices outside every zone map to
 * the blank corner {@link BLANK_UV}, which the app never draws into, and no triangle spans two
 * regions (the mesh is split along every zone's edge). The front and back rects share the edge
 * u = 0.5, so texture filtering (mipmaps especially) can bleed a texel of one zone into the
 * other's edge: draw artwork a few pixels inside its rect, or sample the atlas without mipmaps.
 */
import { ATLAS_SIZE, atlasRect, BLANK_RECT, BLANK_UV, printZonesDocument as atlasDocument } from '../shared/printAtlas.ts';

export { ATLAS_SIZE, BLANK_RECT, BLANK_UV };

/** Atlas pixels per millimetre of fabric, the same in every zone. */
export const ATLAS_PX_PER_MM = (ATLAS_SIZE * 0.5) / 280;

/** Ids of the print zones. */
export type PrintZoneId = 'front' | 'back' | 'leftSleeve';

/** A print zone: its size on the fabric, its rect in the atlas and the meshes that carry it. */
export interface PrintZone {
  readonly widthMm: number;
  readonly heightMm: number;
  /** [u0, v0, u1, v1]: left, top, right, bottom edges in atlas UV (v down). */
  readonly uv: readonly [number, number, number, number];
  /** The mesh the zone is printed on (the short-sleeve mesh for the sleeve zone). */
  readonly mesh: 'body' | 'sleeves';
  /** Every mesh carrying the zone in TEXCOORD_1 (the long sleeves carry the sleeve zone too). */
  readonly meshes: readonly ('body' | 'sleeves' | 'sleevesLong')[];
  /** Where the zone sits on the shirt, for people. */
  readonly placement: string;
}

function zone(
  widthMm: number,
  heightMm: number,
  u0: number,
  v0: number,
  meshes: PrintZone['meshes'],
  placement: string,
): PrintZone {
  const uv = atlasRect(widthMm, heightMm, u0, v0, ATLAS_PX_PER_MM);
  return { widthMm, heightMm, uv, mesh: meshes[0] === 'body' ? 'body' : 'sleeves', meshes, placement };
}

/** How far below the front neck (the crew rib's fold at the centre front) the chest zone starts. */
export const FRONT_ZONE_DROP = 0.09;
/** How far below the back neck the back zone starts. */
export const BACK_ZONE_DROP = 0.1;
/** How far down the left sleeve's outer line, from the shoulder point, the sleeve zone starts. */
export const SLEEVE_ZONE_START = 0.04;

/** The three zones; geometry (body.ts, sleeve.ts) places them, printZones.json publishes them. */
export const PRINT_ZONES: Readonly<Record<PrintZoneId, PrintZone>> = {
  front: zone(280, 360, 0, 0, ['body'], `centred on the chest, its top ${FRONT_ZONE_DROP * 1000} mm below the front neck`),
  back: zone(280, 360, 0.5, 0, ['body'], `centred on the upper back, its top ${BACK_ZONE_DROP * 1000} mm below the back neck`),
  leftSleeve: zone(
    80,
    80,
    0,
    0.7,
    ['sleeves', 'sleevesLong'],
    `outer side of the wearer's left sleeve (+X), its top ${SLEEVE_ZONE_START * 1000} mm below the shoulder point, image top toward the shoulder`,
  ),
};

/**
 * The document written to models/tshirt/printZones.json, read by the app (atlas layout) and the
 * print export (zone sizes).
 */
export function printZonesDocument(): object {
  return atlasDocument(PRINT_ZONES);
}
