import { Document, NodeIO } from '@gltf-transform/core';
import { srgbToLinear, type DefaultMaterial } from './materials.ts';
import type { MeshBuilder } from './meshBuilder.ts';
import { MeshQuantization, quantisedNormals } from '../shared/meshQuantization.ts';

/** One named part of the model: its node, mesh and material all carry `name`. */
export interface NamedPart {
  readonly name: string;
  readonly mesh: MeshBuilder;
  readonly material: DefaultMaterial;
  /** The print atlas's UVs (TEXCOORD_1), two per vertex, on the meshes that carry a print zone. */
  readonly printUvs?: readonly number[];
}

/**
 * Packs the parts into a binary glTF: one node, one mesh and one material per part, positions
 * as floats, normals (KHR_mesh_quantization), UVs and print UVs (where a part has them) as
 * normalised 16-bit integers.
 */
export async function encodeGlb(parts: readonly NamedPart[]): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene('sneaker');
  doc.getRoot().setDefaultScene(scene);
  const uvAccessor = (name: string, uvs: readonly number[]) =>
    doc
      .createAccessor(name)
      .setType('VEC2')
      .setArray(Uint16Array.from(uvs, (u) => Math.round(u * 65535)))
      .setNormalized(true)
      .setBuffer(buffer);
  for (const { name, mesh, material, printUvs } of parts) {
    const position = doc
      .createAccessor(`${name}_position`)
      .setType('VEC3')
      .setArray(new Float32Array(mesh.positions))
      .setBuffer(buffer);
    const normal = quantisedNormals(doc, `${name}_normal`, mesh.normals).setBuffer(buffer);
    const uv = uvAccessor(`${name}_uv`, mesh.uvs);
    const indexArray = mesh.vertexCount <= 65535 ? Uint16Array.from(mesh.indices) : Uint32Array.from(mesh.indices);
    const indices = doc.createAccessor(`${name}_indices`).setType('SCALAR').setArray(indexArray).setBuffer(buffer);
    const mat = doc
      .createMaterial(name)
      .setBaseColorFactor([...srgbToLinear(material.colour), 1])
      .setRoughnessFactor(material.roughness)
      .setMetallicFactor(material.metalness)
      .setDoubleSided(material.doubleSided);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', position)
      .setAttribute('NORMAL', normal)
      .setAttribute('TEXCOORD_0', uv)
      .setIndices(indices)
      .setMaterial(mat);
    if (printUvs) {
      if (printUvs.length !== 2 * mesh.vertexCount) throw new Error(`${name}: ${printUvs.length / 2} print UVs for ${mesh.vertexCount} vertices`);
      primitive.setAttribute('TEXCOORD_1', uvAccessor(`${name}_printUv`, printUvs));
    }
    const gltfMesh = doc.createMesh(name).addPrimitive(primitive);
    scene.addChild(doc.createNode(name).setMesh(gltfMesh));
  }
  return new NodeIO().registerExtensions([MeshQuantization]).writeBinary(doc);
}
