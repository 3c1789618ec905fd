import type { DefaultMaterial } from '../shared/material.ts';

/** Ids of the configurable parts; each is the name of one node, one mesh and one material. */
export const PART_IDS = [
  'toeCap',
  'vamp',
  'quarter',
  'eyestay',
  'heelCounter',
  'tongue',
  'laces',
  'lining',
  'sidePanel',
  'heelTab',
  'midsole',
  'outsole',
] as const;

/** A configurable part id. */
export type SneakerPartId = (typeof PART_IDS)[number];

const leather = (colour: string): DefaultMaterial => ({ colour, roughness: 0.55, metalness: 0, doubleSided: false });

/**
 * Default look of every mesh: a white leather court shoe with forest-green accents, chalk
 * lining and midsole, and a gum outsole. Colours are swatches of the product palette
 * (models/sneaker/product.yaml) and roughness that of the default material, so the first
 * frame matches what the configurator applies. Nothing is double-sided: every part is a closed
 * shell or faces the only side it can be seen from.
 */
export const DEFAULT_MATERIALS: Record<SneakerPartId | 'fixed_eyelets' | 'fixed_aglets' | 'fixed_stitches', DefaultMaterial> = {
  toeCap: leather('#f3f2ee'),
  vamp: leather('#f3f2ee'),
  quarter: leather('#f3f2ee'),
  eyestay: leather('#f3f2ee'),
  heelCounter: leather('#f3f2ee'),
  tongue: leather('#f3f2ee'),
  laces: { colour: '#f3f2ee', roughness: 0.9, metalness: 0, doubleSided: false },
  lining: { colour: '#e6dfcf', roughness: 0.9, metalness: 0, doubleSided: false },
  sidePanel: leather('#234b32'),
  heelTab: leather('#234b32'),
  midsole: { colour: '#e6dfcf', roughness: 0.7, metalness: 0, doubleSided: false },
  outsole: { colour: '#b9803f', roughness: 0.75, metalness: 0, doubleSided: false },
  fixed_eyelets: { colour: '#c8ccd0', roughness: 0.35, metalness: 1, doubleSided: false },
  fixed_aglets: { colour: '#d9d9d6', roughness: 0.4, metalness: 0, doubleSided: false },
  // Tonal waxed thread: a shade darker than the white leather, so it reads on it and on colours.
  fixed_stitches: { colour: '#cfc8b8', roughness: 0.8, metalness: 0, doubleSided: false },
};
