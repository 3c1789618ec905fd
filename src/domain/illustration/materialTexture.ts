import type { MaterialAppearance, OptionId } from '../productModel.ts';

/** How a material is suggested in 2D (swatches and the illustration): a surface pattern or finish. */
export type MaterialTexture = 'grain' | 'nap' | 'weave' | 'mesh' | 'knit' | 'gloss' | 'metallic' | 'speckle' | 'plain';

// Woven and knitted structures cannot be read from the physical parameters, so they are named here.
const BY_MATERIAL: Readonly<Record<OptionId, MaterialTexture>> = {
  leather: 'grain',
  canvas: 'weave',
  textile: 'weave',
  'flat-cotton': 'weave',
  mesh: 'mesh',
  knit: 'knit',
  cork: 'speckle',
};

/**
 * The 2D texture of a material: named for known structures, otherwise read from its appearance
 * (a glossy top coat, metal, or a soft fibre sheen). Presentation only; no rule depends on it.
 */
export function materialTexture(materialId: OptionId, appearance: MaterialAppearance | undefined): MaterialTexture {
  const named = BY_MATERIAL[materialId];
  if (named) return named;
  if (!appearance) return 'plain';
  if (appearance.metalness >= 0.4) return 'metallic';
  if (appearance.clearcoat >= 0.5) return 'gloss';
  if (appearance.sheen >= 0.4) return 'nap';
  return 'plain';
}
