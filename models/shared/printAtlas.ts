/*
 * The print atlas shared by every product model: one square texture the app draws personal text
 * and artwork into and lays over the printable meshes through their second UV set (TEXCOORD_1).
 * Each generator places its print zones in the atlas (models/<product>/printZones.ts) and
 * publishes them as models/<product>/printZones.json with {@link printZonesDocument}.
 *
 * Atlas convention (glTF's): UV (0, 0) is the top-left corner of the atlas image, u runs right
 * and v runs DOWN. A zone's rect [u0, v0, u1, v1] therefore has its top edge at v0; artwork drawn
 * upright into that rect of a canvas (row 0 at the top) appears upright, and not mirrored, on the
 * model seen from outside. three.js flips textures unless told not to: a CanvasTexture for the
 * atlas needs `flipY = false`, as GLTFLoader sets for glTF's own textures.
 */

/** Width and height of the print atlas in pixels. */
export const ATLAS_SIZE = 2048;

/** Where every vertex outside a zone maps to: the middle of the blank corner [0.95, 1]². */
export const BLANK_UV: readonly [number, number] = [0.975, 0.975];
/** The corner of the atlas that is never drawn into. */
export const BLANK_RECT: readonly [number, number, number, number] = [0.95, 0.95, 1, 1];

/** [u0, v0, u1, v1]: left, top, right, bottom edges of a rect in atlas UV (v down). */
export type AtlasRect = readonly [number, number, number, number];

/** The atlas rect of a zone `widthMm` × `heightMm` with its top-left corner at (u0, v0), at `pxPerMm`. */
export function atlasRect(widthMm: number, heightMm: number, u0: number, v0: number, pxPerMm: number): AtlasRect {
  return [u0, v0, u0 + (widthMm * pxPerMm) / ATLAS_SIZE, v0 + (heightMm * pxPerMm) / ATLAS_SIZE];
}

/**
 * The document written to models/<product>/printZones.json, read by the app (atlas layout) and
 * the print export (zone sizes).
 */
export function printZonesDocument(zones: object): object {
  return {
    atlasSize: ATLAS_SIZE,
    uvOrigin: 'top-left',
    blank: BLANK_RECT,
    zones,
  };
}
