/*
 * The sneaker's print zones: where personal text goes on the heel tab and the tongue, and where
 * each zone lives in the print atlas (models/shared/printAtlas.ts: 2048 × 2048, origin top-left,
 * v down), the texture the app draws every zone into and lays over the `heelTab` and `tongue`
 * meshes through their second UV set (TEXCOORD_1). Artwork drawn upright into a zone's rect
 * appears upright, and not mirrored, seen from outside: on the heel tab read from behind the shoe
 * (left to right from the medial side to the lateral, top up), on the tongue read from the front
 * (left to right from the lateral side to the medial, top toward the tongue's top edge).
 *
 * Both zones have the same scale, {@link ATLAS_PX_PER_MM} (about 400 dpi, so small text stays
 * crisp up close), and lie mapped by arc length on the leather, so artwork keeps its size and
 * aspect. Every other vertex of the two meshes maps to the blank corner, which the app never
 * draws into, and no triangle spans a zone's edge (the meshes are split along it). The zones'
 * rects are 48 px apart, so texture filtering never bleeds one into the other.
 */
import { atlasRect, printZonesDocument as atlasDocument, type AtlasRect } from '../shared/printAtlas.ts';

/** Atlas pixels per millimetre of leather, the same in both zones. */
export const ATLAS_PX_PER_MM = 16;

/** Ids of the print zones; each is also the name of the mesh it is printed on. */
export type SneakerPrintZoneId = 'heelTab' | 'tongue';

/** A print zone: its size on the leather, its rect in the atlas and the mesh that carries it. */
export interface SneakerPrintZone {
  readonly widthMm: number;
  readonly heightMm: number;
  /** [u0, v0, u1, v1]: left, top, right, bottom edges in atlas UV (v down). */
  readonly uv: AtlasRect;
  /** The mesh the zone is printed on. */
  readonly mesh: SneakerPrintZoneId;
  /** Every mesh carrying the zone in TEXCOORD_1. */
  readonly meshes: readonly SneakerPrintZoneId[];
  /** Where the zone sits on the shoe, for people. */
  readonly placement: string;
}

function zone(widthMm: number, heightMm: number, u0: number, v0: number, mesh: SneakerPrintZoneId, placement: string): SneakerPrintZone {
  return { widthMm, heightMm, uv: atlasRect(widthMm, heightMm, u0, v0, ATLAS_PX_PER_MM), mesh, meshes: [mesh], placement };
}

/**
 * How far below the bend where the heel tab rises free above the collar (along the tab's centre
 * line) the heel-tab zone starts. Above the bend the tab tips back and narrows to its rounded
 * top; below it, on the heel counter, it is flat from top to bottom and curves only round the heel.
 */
export const HEEL_TAB_ZONE_DROP = 0.002;
/** How far below the tongue's top edge (along its centre line) the tongue zone starts. */
export const TONGUE_ZONE_DROP = 0.005;

/** The two zones; geometry (heelTab.ts, tongue.ts) places them, printZones.json publishes them. */
export const PRINT_ZONES: Readonly<Record<SneakerPrintZoneId, SneakerPrintZone>> = {
  heelTab: zone(
    24,
    9,
    0,
    0,
    'heelTab',
    `outer (rear-facing) face of the heel tab, centred across it, its top ${HEEL_TAB_ZONE_DROP * 1000} mm below the bend where the tab rises above the collar; read from behind, image top up`,
  ),
  tongue: zone(
    30,
    10,
    0,
    192 / 2048,
    'tongue',
    `outer face of the tongue, centred across it, its top ${TONGUE_ZONE_DROP * 1000} mm below the tongue's top edge; read from the front of the shoe, image top toward the top edge`,
  ),
};

/**
 * The document written to models/sneaker/printZones.json, read by the app (atlas layout) and the
 * print export (zone sizes).
 */
export function printZonesDocument(): object {
  return atlasDocument(PRINT_ZONES);
}
