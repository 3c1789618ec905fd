import { buildBody } from './body.ts';
import { buildCollarRib } from './collarRib.ts';
import { DEFAULT_MATERIALS, PRINTED_PARTS, TSHIRT_PART_IDS, type TshirtPartId } from './materials.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';
import { buildSleeves } from './sleeve.ts';
import { torsoLayout } from './torsoGrid.ts';
import type { GlbPart } from '../shared/writeGlb.ts';

/**
 * Builds every mesh of the t-shirt (size M, regular fit), in metres, Y up, front toward +Z,
 * centred on x = 0 with the hem on the ground, in {@link TSHIRT_PART_IDS} order. All five are
 * present; the app shows one of `sleeves`/`sleevesLong` and one of `collar`/`collarV`.
 */
export function buildTshirtParts(): GlbPart[] {
  const layout = torsoLayout();
  const meshes: Record<TshirtPartId, PrintableMesh> = {
    body: buildBody(layout),
    sleeves: buildSleeves('short'),
    sleevesLong: buildSleeves('long'),
    collar: buildCollarRib('crew'),
    collarV: buildCollarRib('v'),
  };
  return TSHIRT_PART_IDS.map((name) => {
    const mesh = meshes[name];
    mesh.compact();
    return { name, mesh, material: DEFAULT_MATERIALS[name], ...(PRINTED_PARTS.includes(name) ? { printUvs: mesh.printUvs } : {}) };
  });
}
