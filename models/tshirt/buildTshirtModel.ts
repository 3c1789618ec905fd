/**
 * Generates public/models/tshirt.glb from the parametric t-shirt, and models/tshirt/printZones.json
 * from the same print-zone constants (run with `npm run models`, after the sneaker, or
 * `npm run models:tshirt` alone). Deterministic: the same source always writes the same bytes.
 */
import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../shared/writeModelFiles.ts';
import { printZonesDocument } from './printZones.ts';
import { buildTshirtParts } from './tshirtModel.ts';

await writeModelFiles({
  glbPath: fileURLToPath(new URL('../../public/models/tshirt.glb', import.meta.url)),
  printZonesPath: fileURLToPath(new URL('./printZones.json', import.meta.url)),
  parts: buildTshirtParts(),
  // One root node, `tshirt`, that the app scales for the fit.
  layout: { scene: 'tshirt', root: 'tshirt' },
  printZones: printZonesDocument(),
});
