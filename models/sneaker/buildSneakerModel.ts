/**
 * Generates public/models/sneaker.glb from the parametric sneaker, and models/sneaker/printZones.json
 * from the same print-zone constants (run with `npm run models`). Deterministic: the same source
 * always writes the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printZonesDocument } from './printZones.ts';
import { buildSneakerParts } from './sneakerModel.ts';
import { encodeGlb } from './writeGlb.ts';

const OUTPUT = fileURLToPath(new URL('../../public/models/sneaker.glb', import.meta.url));
const ZONES = fileURLToPath(new URL('./printZones.json', import.meta.url));

const parts = buildSneakerParts();
const bytes = await encodeGlb(parts);
await writeFile(OUTPUT, bytes);
await writeFile(ZONES, `${JSON.stringify(printZonesDocument(), null, 2)}\n`);

let total = 0;
for (const { name, mesh } of parts) {
  total += mesh.triangleCount;
  console.log(`${name.padEnd(14)} ${String(mesh.triangleCount).padStart(6)} triangles ${String(mesh.vertexCount).padStart(6)} vertices`);
}
console.log(`${'total'.padEnd(14)} ${String(total).padStart(6)} triangles, ${bytes.byteLength} bytes → ${OUTPUT}`);
console.log(`print zones → ${ZONES}`);
