import { buildHeelTab } from './heelTab.ts';
import { buildEyeletRings, buildLaces, eyelets } from './laces.ts';
import { DEFAULT_MATERIALS, PART_IDS } from './materials.ts';
import type { MeshBuilder } from '../shared/meshBuilder.ts';
import { PrintableMesh } from '../shared/printableMesh.ts';
import { PRINT_ZONES } from './printZones.ts';
import { rockerLift, rockerSlope } from './sneakerShape.ts';
import { buildMidsole, buildOutsole } from './sole.ts';
import { buildTongue } from './tongue.ts';
import { buildCollarRoll, buildLining } from './lining.ts';
import { buildUpperLeather, panelStitchLines } from './upperParts.ts';
import { buildStitches } from './stitches.ts';
import { vec3 } from '../shared/vec.ts';
import type { GlbPart } from '../shared/writeGlb.ts';

/**
 * Builds every mesh of the sneaker, in metres, Y up, toe toward +X, lateral side toward +Z,
 * origin at the centre of the footprint on the ground. The twelve configurable parts come first
 * (in {@link PART_IDS} order), then the fixed trim. The meshes named by a print zone (the heel
 * tab and the tongue) carry the print atlas's UVs too.
 */
export function buildSneakerParts(): GlbPart[] {
  const leather = buildUpperLeather();
  const lining = buildLining();
  const collarRoll = buildCollarRoll();
  const tongue = buildTongue();
  const heelTab = buildHeelTab();
  const eyeletList = eyelets();
  const rings = buildEyeletRings(eyeletList);
  const { laces, aglets } = buildLaces(eyeletList, [
    leather.eyestay,
    leather.vamp,
    leather.quarter,
    leather.sidePanel,
    tongue,
    collarRoll,
    rings,
  ]);
  lining.append(collarRoll);

  const meshes: Record<(typeof PART_IDS)[number] | 'fixed_eyelets' | 'fixed_aglets' | 'fixed_stitches', MeshBuilder> = {
    ...leather,
    tongue,
    laces,
    lining,
    heelTab,
    midsole: buildMidsole(),
    outsole: buildOutsole(),
    fixed_eyelets: rings,
    fixed_aglets: aglets,
    fixed_stitches: buildStitches(panelStitchLines()),
  };
  const names = [...PART_IDS, 'fixed_eyelets', 'fixed_aglets', 'fixed_stitches'] as const;
  const printed = new Set<string>(Object.values(PRINT_ZONES).flatMap((zone) => zone.meshes));
  return names.map((name) => {
    const mesh = meshes[name];
    // Toe spring and heel bevel: bend the finished shoe, carrying the normals along.
    mesh.transform((p, n) => {
      const slope = rockerSlope(p.x);
      return { p: vec3(p.x, p.y + rockerLift(p.x), p.z), n: vec3(n.x - slope * n.y, n.y, n.z) };
    });
    mesh.compact();
    const printUvs = printed.has(name) ? (mesh instanceof PrintableMesh ? mesh.printUvs : null) : undefined;
    if (printUvs === null) throw new Error(`${name}: carries a print zone but has no print UVs`);
    return { name, mesh, material: DEFAULT_MATERIALS[name], ...(printUvs ? { printUvs } : {}) };
  });
}
