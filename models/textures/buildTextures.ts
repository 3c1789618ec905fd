/**
 * Writes the material map sets: `public/textures/<kind>.webp` for every surface kind, generated
 * by `surfaceMaps.ts` and compressed with sharp. Run with `npm run textures` after changing a
 * recipe, and commit the files (the unit tests check they match the generator and the budget).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { SURFACE_KINDS } from '../../src/domain/product/materialSurface.ts';
import { isEntryPoint } from '../../src/cli/isEntryPoint.ts';
import { generateSurfaceMap, type SurfaceMap } from './surfaceMaps.ts';

/** Where the maps are written, served as `/textures/<kind>.webp`. */
export const TEXTURE_DIR = fileURLToPath(new URL('../../public/textures/', import.meta.url));

/**
 * WebP settings. Lossy RGB (the normals survive it: the tests compare the decoded file with the
 * generator) with sharp's YUV conversion for crisper colour edges; the tone in alpha is quantised a little, which its smooth shades hide.
 */
const WEBP = { quality: 78, alphaQuality: 60, smartSubsample: true, effort: 4 } as const;

/** A map encoded as WebP. */
export function encodeSurfaceMap(map: SurfaceMap): Promise<Buffer> {
  return sharp(Buffer.from(map.pixels), { raw: { width: map.size, height: map.size, channels: 4 } }).webp(WEBP).toBuffer();
}

async function main(): Promise<void> {
  await mkdir(TEXTURE_DIR, { recursive: true });
  let total = 0;
  for (const kind of SURFACE_KINDS) {
    const data = await encodeSurfaceMap(generateSurfaceMap(kind));
    await writeFile(`${TEXTURE_DIR}${kind}.webp`, data);
    total += data.length;
    console.log(`${kind}.webp  ${(data.length / 1024).toFixed(1)} KB`);
  }
  console.log(`all maps: ${(total / 1024).toFixed(1)} KB`);
}

if (isEntryPoint(import.meta.url)) await main();
