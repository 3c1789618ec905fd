/*
 * The print zones: where personal text and artwork go on the shirt, and where each zone lives in
 * the print atlas, the one 2048 × 2048 texture the app draws every zone into and lays over the
 * body and sleeves through their second UV set (TEXCOORD_1).
 *
 * Atlas convention (glTF's): UV (0, 0) is the top-left corner of the atlas image, u runs right
 * and v runs DOWN. A zone's rect [u0, v0, u1, v1] therefore has its top edge at v0; artwork drawn
 * upright into that rect of a canvas (row 0 at the top) appears upright on the shirt, and not
 * mirrored, seen from outside: on the front u runs toward the wearer's left (+X), on the back
 * toward the wearer's right (−X), on the left sleeve from the front of the sleeve toward its back.
 * three.js flips textures unless told not to: a CanvasTexture for the atlas needs
 * `flipY = false`, as GLTFLoader sets for glTF's own textures.
 *
 * Every zone has the same scale, 1024 atlas pixels per 280 mm (half the atlas for the chest
 * zone's width), so artwork keeps its aspect in every zone. Vertices outside every zone map to
 * the blank corner {@link BLANK_UV}, which the app never draws into, and no triangle spans two
 * regions (the mesh is split along every zone's edge). The front and back rects share the edge
 * u = 0.5, so texture filtering (mipmaps especially) can bleed a texel of one zone into the
 * other's edge: draw artwork a few pixels inside its rect, or sample the atlas without mipmaps.
 */

/** Width and height of the print atlas in pixels. */
export const ATLAS_SIZE = 2048;

/** Atlas pixels per millimetre of fabric, the same in every zone. */
export const ATLAS_PX_PER_MM = (ATLAS_SIZE * 0.5) / 280;

/** Where every vertex outside a zone maps to: the middle of the blank corner [0.95, 1]². */
export const BLANK_UV: readonly [number, number] = [0.975, 0.975];
/** The corner of the atlas that is never drawn into. */
export const BLANK_RECT: readonly [number, number, number, number] = [0.95, 0.95, 1, 1];

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
  const u1 = u0 + (widthMm * ATLAS_PX_PER_MM) / ATLAS_SIZE;
  const v1 = v0 + (heightMm * ATLAS_PX_PER_MM) / ATLAS_SIZE;
  return { widthMm, heightMm, uv: [u0, v0, u1, v1], mesh: meshes[0] === 'body' ? 'body' : 'sleeves', meshes, placement };
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
  return {
    atlasSize: ATLAS_SIZE,
    uvOrigin: 'top-left',
    blank: BLANK_RECT,
    zones: PRINT_ZONES,
  };
}
