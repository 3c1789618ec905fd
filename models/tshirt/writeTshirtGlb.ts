import { Document, NodeIO } from '@gltf-transform/core';
import { srgbToLinear, type DefaultMaterial } from '../sneaker/materials.ts';
import { MeshQuantization, quantisedNormals } from '../shared/meshQuantization.ts';
import type { PrintableMesh } from '../shared/printableMesh.ts';

/** One part of the shirt: its node, mesh and material all carry `name`. */
export interface TshirtPart {
  readonly name: string;
  readonly mesh: PrintableMesh;
  readonly material: DefaultMaterial;
  /** Whether the mesh carries the print atlas's UVs (TEXCOORD_1). */
  readonly printed: boolean;
}

/**
 * Packs the parts into a binary glTF under one root node, `tshirt` (the app scales it for the
 * fit): one child node, mesh and material per part, positions as floats, normals
 * (KHR_mesh_quantization) and both UV sets as normalised 16-bit integers.
 */
export async function encodeTshirtGlb(parts: readonly TshirtPart[]): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene('tshirt');
  doc.getRoot().setDefaultScene(scene);
  const root = doc.createNode('tshirt');
  scene.addChild(root);
  const uvAccessor = (name: string, uvs: readonly number[]) =>
    doc
      .createAccessor(name)
      .setType('VEC2')
      .setArray(Uint16Array.from(uvs, (u) => Math.round(u * 65535)))
      .setNormalized(true)
      .setBuffer(buffer);
  for (const { name, mesh, material, printed } of parts) {
    const position = doc.createAccessor(`${name}_position`).setType('VEC3').setArray(new Float32Array(mesh.positions)).setBuffer(buffer);
    const normal = quantisedNormals(doc, `${name}_normal`, mesh.normals).setBuffer(buffer);
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
      .setAttribute('TEXCOORD_0', uvAccessor(`${name}_uv`, mesh.uvs))
      .setIndices(indices)
      .setMaterial(mat);
    if (printed) primitive.setAttribute('TEXCOORD_1', uvAccessor(`${name}_printUv`, mesh.printUvs));
    root.addChild(doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive)));
  }
  return new NodeIO().registerExtensions([MeshQuantization]).writeBinary(doc);
}
