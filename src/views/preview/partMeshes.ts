import { Box3, Mesh, type Object3D } from 'three';
import type { PartId } from '../../domain/index.ts';

/*
 * The one place that knows how the model's glTF names relate to the product's part ids.
 * Everything else in the preview works with part ids and the meshes found here.
 *
 * Convention (models/sneaker/buildSneakerModel.ts): one node, mesh and material per configurable
 * part, named exactly by part id, or by the mesh names the product lists for the part (variants:
 * `sleeves` and `sleevesLong` both show the sleeves); decorative meshes are prefixed `fixed_` and no
 * option changes them.
 */

/** A part and the names of the model's meshes that show it. */
export interface PartMeshNames {
  readonly id: PartId;
  readonly meshes: readonly string[];
}

/** Prefix of a decorative mesh that is not a configurable part (metal eyelets, stitching). */
export const FIXED_PREFIX = 'fixed_';

/** The meshes of a loaded model, grouped by the product part each one shows. */
export interface PartMeshes {
  /** The model's root object, as loaded. */
  readonly root: Object3D;
  /** The meshes of each part found in the model (usually one; several for a multi-primitive mesh). */
  readonly meshes: ReadonlyMap<PartId, readonly Mesh[]>;
  /** Decorative meshes, never configurable nor clickable. */
  readonly fixed: readonly Mesh[];
  /** Part ids the product lists that the model has no mesh for. */
  readonly missing: readonly PartId[];
  /** World-space bounds of each part found. */
  readonly partBounds: ReadonlyMap<PartId, Box3>;
  /** World-space bounds of the whole model. */
  readonly bounds: Box3;
  /** The part an object belongs to, or null for decorative and unknown objects. */
  partOf(object: Object3D): PartId | null;
}

const cache = new WeakMap<Object3D, PartMeshes>();

/**
 * Finds the mesh(es) of every part of a product in a loaded model. A mesh belongs to the part
 * named by itself or its nearest named ancestor (glTF node names are kept by three's loader; a
 * multi-primitive mesh becomes a group named after the node), or else by its material's name.
 * The result is cached per model root, so calling it again is free.
 *
 * @example
 * const parts = findPartMeshes(gltf.scene, modelParts(product));
 * parts.meshes.get('toeCap'); // [Mesh]
 */
export function findPartMeshes(root: Object3D, partList: readonly PartMeshNames[]): PartMeshes {
  const partIds = partList.map((part) => part.id);
  const cached = cache.get(root);
  if (cached && sameIds(cached, partIds)) return cached;

  const partOfName = new Map<string, PartId>();
  for (const part of partList) for (const mesh of part.meshes) partOfName.set(mesh, part.id);
  const known = new Set(partOfName.keys());
  const meshes = new Map<PartId, Mesh[]>();
  const fixed: Mesh[] = [];
  const owner = new WeakMap<Object3D, PartId>();
  const unknown: string[] = [];

  root.updateWorldMatrix(true, true);
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const name = nameOf(object, root, known);
    if (name === null || name.startsWith(FIXED_PREFIX)) {
      if (name === null) unknown.push(object.name || '(unnamed)');
      fixed.push(object);
      return;
    }
    const partId = partOfName.get(name)!;
    owner.set(object, partId);
    const list = meshes.get(partId) ?? [];
    list.push(object);
    meshes.set(partId, list);
  });

  const missing = partIds.filter((id) => !meshes.has(id));
  if (missing.length > 0) console.warn(`[Atelier] the model has no mesh for part(s) ${missing.join(', ')}; name a node or material exactly by its part id`);
  if (unknown.length > 0) console.warn(`[Atelier] model mesh(es) ${unknown.join(', ')} match no part; they are shown but not configurable (prefix decorative meshes with "${FIXED_PREFIX}")`);

  const partBounds = new Map<PartId, Box3>();
  for (const [partId, list] of meshes) {
    const box = new Box3();
    for (const mesh of list) box.expandByObject(mesh);
    partBounds.set(partId, box);
  }
  const bounds = new Box3().setFromObject(root);

  const result: PartMeshes = {
    root,
    meshes,
    fixed,
    missing,
    partBounds,
    bounds,
    partOf: (object) => owner.get(object) ?? null,
  };
  cache.set(root, result);
  return result;
}

/** The part mesh name or `fixed_` name that claims a mesh, or null when nothing does. */
function nameOf(mesh: Mesh, root: Object3D, known: ReadonlySet<string>): string | null {
  for (let object: Object3D | null = mesh; object && object !== root.parent; object = object.parent) {
    if (object.name.startsWith(FIXED_PREFIX)) return object.name;
    if (known.has(object.name)) return object.name;
  }
  const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
  for (const material of materials) {
    if (material.name.startsWith(FIXED_PREFIX)) return material.name;
    if (known.has(material.name)) return material.name;
  }
  return null;
}

function sameIds(parts: PartMeshes, partIds: readonly PartId[]): boolean {
  return partIds.every((id) => parts.meshes.has(id) || parts.missing.includes(id)) && parts.meshes.size + parts.missing.length === partIds.length;
}
