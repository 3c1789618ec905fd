import { Document, NodeIO, type Node } from '@gltf-transform/core';
import { indexAccessor, positionAccessor, uvAccessor } from './accessors.ts';
import { createGltfMaterial, type DefaultMaterial } from './material.ts';
import type { MeshBuilder } from './meshBuilder.ts';
import { MeshQuantization, quantisedNormals } from './meshQuantization.ts';

/** One named part of a product model: its node, mesh and material all carry `name`. */
export interface GlbPart {
  readonly name: string;
  readonly mesh: MeshBuilder;
  readonly material: DefaultMaterial;
  /** The print atlas's UVs (TEXCOORD_1), two per vertex, on the meshes that carry a print zone. */
  readonly printUvs?: readonly number[];
}

/** How the parts hang in the glTF scene. */
export interface GlbLayout {
  /** Name of the glTF scene (the product id). */
  readonly scene: string;
  /**
   * Name of one root node holding every part's node (the app transforms the whole product
   * through it); without it, the parts' nodes sit at the top of the scene.
   */
  readonly root?: string;
}

/**
 * Packs the parts into a binary glTF, in order: one node, one mesh (one primitive) and one
 * material per part; positions as floats, normals as normalised 16-bit integers
 * (KHR_mesh_quantization), UVs and print UVs (where a part has them) as normalised 16-bit
 * integers, indices as 16-bit integers where they fit. Deterministic: the same parts always give
 * the same bytes. Throws on a non-finite coordinate or on print UVs that do not match the
 * vertices.
 *
 * @example
 * const bytes = await encodeGlb(buildTshirtParts(), { scene: 'tshirt', root: 'tshirt' });
 */
export async function encodeGlb(parts: readonly GlbPart[], layout: GlbLayout): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene(layout.scene);
  doc.getRoot().setDefaultScene(scene);
  let parent: { addChild(node: Node): unknown } = scene;
  if (layout.root !== undefined) {
    const root = doc.createNode(layout.root);
    scene.addChild(root);
    parent = root;
  }
  for (const { name, mesh, material, printUvs } of parts) {
    checkVertexData(name, mesh, printUvs);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', positionAccessor(doc, buffer, `${name}_position`, mesh.positions))
      .setAttribute('NORMAL', quantisedNormals(doc, `${name}_normal`, mesh.normals).setBuffer(buffer))
      .setAttribute('TEXCOORD_0', uvAccessor(doc, buffer, `${name}_uv`, mesh.uvs))
      .setIndices(indexAccessor(doc, buffer, `${name}_indices`, mesh.indices, mesh.vertexCount))
      .setMaterial(createGltfMaterial(doc, name, material));
    if (printUvs) primitive.setAttribute('TEXCOORD_1', uvAccessor(doc, buffer, `${name}_printUv`, printUvs));
    parent.addChild(doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive)));
  }
  return new NodeIO().registerExtensions([MeshQuantization]).writeBinary(doc);
}

function checkVertexData(name: string, mesh: MeshBuilder, printUvs: readonly number[] | undefined): void {
  if (printUvs && printUvs.length !== 2 * mesh.vertexCount)
    throw new Error(`${name}: ${printUvs.length / 2} print UVs for ${mesh.vertexCount} vertices`);
  for (const values of [mesh.positions, mesh.normals, mesh.uvs, printUvs ?? []])
    for (const value of values) if (!Number.isFinite(value)) throw new Error(`${name}: non-finite vertex data`);
}
