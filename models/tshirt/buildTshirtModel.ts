/**
 * Generates public/models/tshirt.glb from the parametric t-shirt, and models/tshirt/printZones.json
 * from the same print-zone constants (run with `npm run models:tshirt`). Deterministic: the same
 * source always writes the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printZonesDocument } from './printZones.ts';
import { buildTshirtParts } from './tshirtModel.ts';
import { encodeTshirtGlb } from './writeTshirtGlb.ts';

const OUTPUT = fileURLToPath(new URL('../../public/models/tshirt.glb', import.meta.url));
const ZONES = fileURLToPath(new URL('./printZones.json', import.meta.url));

const parts = buildTshirtParts();
const bytes = await encodeTshirtGlb(parts);
await writeFile(OUTPUT, bytes);
await writeFile(ZONES, `${JSON.stringify(printZonesDocument(), null, 2)}\n`);

let total = 0;
for (const { name, mesh } of parts) {
  total += mesh.triangleCount;
  console.log(`${name.padEnd(14)} ${String(mesh.triangleCount).padStart(6)} triangles ${String(mesh.vertexCount).padStart(6)} vertices`);
}
console.log(`${'total'.padEnd(14)} ${String(total).padStart(6)} triangles, ${bytes.byteLength} bytes → ${OUTPUT}`);
console.log(`print zones → ${ZONES}`);
