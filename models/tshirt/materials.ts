import type { DefaultMaterial } from '../shared/material.ts';

/** Ids of the t-shirt's parts; each is the name of one node, one mesh and one material. */
export const TSHIRT_PART_IDS = ['body', 'sleeves', 'sleevesLong', 'collar', 'collarV'] as const;

/** A t-shirt part id. */
export type TshirtPartId = (typeof TSHIRT_PART_IDS)[number];

/** The parts that carry the print atlas in TEXCOORD_1 (printZones.ts). */
export const PRINTED_PARTS: readonly TshirtPartId[] = ['body', 'sleeves', 'sleevesLong'];

const jersey: DefaultMaterial = { colour: '#f2f1ec', roughness: 0.92, metalness: 0, doubleSided: false };

/**
 * Default look of every part: white cotton jersey, matt. The app replaces these with the chosen
 * colours; nothing is double-sided because every part has a real inner face.
 */
export const DEFAULT_MATERIALS: Record<TshirtPartId, DefaultMaterial> = {
  body: jersey,
  sleeves: jersey,
  sleevesLong: jersey,
  collar: jersey,
  collarV: jersey,
};
