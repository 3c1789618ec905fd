import { Color, Mesh, MeshPhysicalMaterial, MeshStandardMaterial, type Material } from 'three';
import type { PartId, PartLook } from '../../domain/index.ts';
import type { PartMeshes } from './partMeshes.ts';
import { surfaceTextureOf } from './surfaceMapStore.ts';
import { addSurfaceShader, setSurface } from './surfaceShader.ts';

/**
 * Clearcoat and sheen are never quite zero. three compiles a separate shader for a material with
 * and without each of them, so a design mixing leather, suede and rubber would need several, and
 * switching a part from leather to suede would compile a new one mid-session (a visible stall in
 * software WebGL). A trace of both keeps the whole model on one shader, compiled once; it is far
 * below anything visible.
 */
const TRACE = 1e-3;

/** The glow added to the part under the pointer: enough to notice, not enough to change its colour. */
const HIGHLIGHT = new Color('#8fa3c7');
const HIGHLIGHT_INTENSITY = 0.14;
const WHITE = new Color('#ffffff');

const cache = new WeakMap<PartMeshes, ReadonlyMap<PartId, MeshPhysicalMaterial>>();
const appliedLooks = new WeakMap<MeshPhysicalMaterial, PartLook>();
const baseEmissive = new WeakMap<MeshPhysicalMaterial, { colour: Color; intensity: number }>();

/**
 * Gives every part one MeshPhysicalMaterial of its own (clearcoat and sheen need the physical
 * model; glTF materials load as MeshStandardMaterial) and puts it on the part's meshes, keeping the
 * model's textures and settings. Decorative meshes get physical materials too, so that the whole
 * model shares one shader. Done once per loaded model; later calls return the same materials,
 * which {@link applyPartLook} then changes in place.
 */
export function partMaterialsOf(parts: PartMeshes): ReadonlyMap<PartId, MeshPhysicalMaterial> {
  const cached = cache.get(parts);
  if (cached) return cached;
  const materials = new Map<PartId, MeshPhysicalMaterial>();
  for (const [partId, meshes] of parts.meshes) {
    const source = firstMaterial(meshes[0]!);
    const material = toPhysical(source);
    material.name = partId;
    for (const mesh of meshes) mesh.material = material;
    baseEmissive.set(material, { colour: material.emissive.clone(), intensity: material.emissiveIntensity });
    materials.set(partId, material);
  }
  for (const mesh of parts.fixed) mesh.material = toPhysical(firstMaterial(mesh));
  cache.set(parts, materials);
  return materials;
}

/**
 * Sets a part's material to a look: colour, roughness, metalness, clearcoat, sheen and its
 * surface map (once that map has arrived; call again when it does). Returns whether anything
 * changed, so the caller draws a frame only then. Every change is a uniform change: the shader
 * was made with a trace of clearcoat and sheen and the surface-map code from the start.
 */
export function applyPartLook(material: MeshPhysicalMaterial, look: PartLook): boolean {
  const surface = look.appearance.surface;
  const surfaceChanged = setSurface(material, surface, surface ? surfaceTextureOf(surface.kind) : null);
  const previous = appliedLooks.get(material);
  if (previous && sameLook(previous, look)) return surfaceChanged;
  appliedLooks.set(material, look);
  const { roughness, metalness, clearcoat, sheen } = look.appearance;
  material.color.set(look.colour);
  material.roughness = roughness;
  material.metalness = metalness;
  material.clearcoat = Math.max(TRACE, clearcoat);
  // A lacquer is glossier than the leather under it.
  material.clearcoatRoughness = Math.min(0.25, roughness * 0.5);
  material.sheen = Math.max(TRACE, sheen);
  // Fibres scatter a paler version of their own colour at grazing angles (suede, knit).
  material.sheenColor.copy(material.color).lerp(WHITE, 0.35);
  material.sheenRoughness = 0.8;
  return true;
}

function sameLook(a: PartLook, b: PartLook): boolean {
  return (
    a.colour === b.colour &&
    a.appearance.roughness === b.appearance.roughness &&
    a.appearance.metalness === b.appearance.metalness &&
    a.appearance.clearcoat === b.appearance.clearcoat &&
    a.appearance.sheen === b.appearance.sheen &&
    a.appearance.surface === b.appearance.surface
  );
}

/** Shows or hides the hover highlight of a part's material. */
export function setHighlighted(material: MeshPhysicalMaterial, highlighted: boolean): void {
  const base = baseEmissive.get(material);
  if (highlighted) {
    material.emissive.copy(HIGHLIGHT);
    material.emissiveIntensity = HIGHLIGHT_INTENSITY;
  } else if (base) {
    material.emissive.copy(base.colour);
    material.emissiveIntensity = base.intensity;
  }
}

function firstMaterial(mesh: Mesh): Material {
  const material = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
  if (!material) throw new Error(`[Atelier] model mesh "${mesh.name}" has no material`);
  return material;
}

/**
 * A blank part material, configured like every part material (so it shares their shader):
 * physical, with a trace of clearcoat and sheen, and the surface-map shader.
 */
export function createPartMaterial(): MeshPhysicalMaterial {
  const material = new MeshPhysicalMaterial({ clearcoat: TRACE, sheen: TRACE });
  addSurfaceShader(material);
  return material;
}

function toPhysical(source: Material): MeshPhysicalMaterial {
  const material = source instanceof MeshPhysicalMaterial ? source.clone() : createPartMaterial();
  material.clearcoat = Math.max(TRACE, material.clearcoat);
  material.sheen = Math.max(TRACE, material.sheen);
  if (source instanceof MeshPhysicalMaterial) {
    addSurfaceShader(material);
    return material;
  }
  if (source instanceof MeshStandardMaterial) {
    // MeshPhysicalMaterial.copy expects physical properties on the source; the standard ones are
    // what a glTF material has, and copying them resets the defines, so restore PHYSICAL after.
    MeshStandardMaterial.prototype.copy.call(material, source);
    material.defines = { STANDARD: '', PHYSICAL: '' };
  } else {
    material.side = source.side;
  }
  return material;
}
