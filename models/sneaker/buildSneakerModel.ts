/**
 * Generates public/models/sneaker.glb from the parametric sneaker, and models/sneaker/printZones.json
 * from the same print-zone constants (run with `npm run models`, which builds the t-shirt too).
 * Deterministic: the same source always writes the same bytes.
 */
import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../shared/writeModelFiles.ts';
import { printZonesDocument } from './printZones.ts';
import { buildSneakerParts } from './sneakerModel.ts';

await writeModelFiles({
  glbPath: fileURLToPath(new URL('../../public/models/sneaker.glb', import.meta.url)),
  printZonesPath: fileURLToPath(new URL('./printZones.json', import.meta.url)),
  parts: buildSneakerParts(),
  layout: { scene: 'sneaker' },
  printZones: printZonesDocument(),
});
