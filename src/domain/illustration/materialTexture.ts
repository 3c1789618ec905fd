import type { MaterialAppearance, OptionId } from '../product/index.ts';
import type { SurfaceKind } from '../product/index.ts';

/** How a material is suggested in 2D (swatches and the illustration): a surface pattern or finish. */
export type MaterialTexture = 'grain' | 'nap' | 'weave' | 'mesh' | 'knit' | 'gloss' | 'metallic' | 'speckle' | 'plain';

// The 2D hint of each surface kind (the 3D preview uses the kind's map set itself).
const BY_SURFACE: Readonly<Record<SurfaceKind, MaterialTexture>> = {
  leather: 'grain',
  suede: 'nap',
  nubuck: 'nap',
  patent: 'gloss',
  canvas: 'weave',
  mesh: 'mesh',
  knit: 'knit',
  rubber: 'plain',
  foam: 'plain',
  cork: 'speckle',
  crepe: 'speckle',
  jersey: 'knit',
  heather: 'knit',
  rib: 'knit',
};

/**
 * The 2D texture of a material: metal, then its surface kind (from `product.yaml`), otherwise read
 * from its appearance (a glossy top coat or a soft fibre sheen). Presentation only; no rule depends on it.
 */
export function materialTexture(_materialId: OptionId, appearance: MaterialAppearance | undefined): MaterialTexture {
  if (!appearance) return 'plain';
  if (appearance.metalness >= 0.4) return 'metallic';
  if (appearance.surface) return BY_SURFACE[appearance.surface.kind];
  if (appearance.clearcoat >= 0.5) return 'gloss';
  if (appearance.sheen >= 0.4) return 'nap';
  return 'plain';
}
