import { writeFile } from 'node:fs/promises';
import { encodeGlb, type GlbLayout, type GlbPart } from './writeGlb.ts';

/** What a product's build script writes. */
export interface ModelFiles {
  /** Absolute path of the .glb (public/models/<product>.glb). */
  readonly glbPath: string;
  /** Absolute path of the print zones' JSON (models/<product>/printZones.json). */
  readonly printZonesPath: string;
  /** The parts, in the order the .glb lists them. */
  readonly parts: readonly GlbPart[];
  /** How the parts hang in the glTF scene. */
  readonly layout: GlbLayout;
  /** The print zones' document (shared/printAtlas.ts's `printZonesDocument`). */
  readonly printZones: object;
}

/**
 * Writes a product's .glb ({@link encodeGlb}) and its print zones' JSON (two-space indented,
 * with a final newline), then logs each part's triangle and vertex counts and the .glb's size.
 * Deterministic: the same files give the same bytes.
 */
export async function writeModelFiles(files: ModelFiles): Promise<void> {
  const bytes = await encodeGlb(files.parts, files.layout);
  await writeFile(files.glbPath, bytes);
  await writeFile(files.printZonesPath, `${JSON.stringify(files.printZones, null, 2)}\n`);
  let total = 0;
  for (const { name, mesh } of files.parts) {
    total += mesh.triangleCount;
    console.log(`${name.padEnd(14)} ${String(mesh.triangleCount).padStart(6)} triangles ${String(mesh.vertexCount).padStart(6)} vertices`);
  }
  console.log(`${'total'.padEnd(14)} ${String(total).padStart(6)} triangles, ${bytes.byteLength} bytes → ${files.glbPath}`);
  console.log(`print zones → ${files.printZonesPath}`);
}
