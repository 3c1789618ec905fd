import type { Accessor, Buffer, Document } from '@gltf-transform/core';

/*
 * The vertex and index accessors the product models write, each stored in the one buffer of
 * the document. Normals are in meshQuantization.ts (they need KHR_mesh_quantization).
 */

/** Positions (x, y, z per vertex) as a 32-bit float VEC3 accessor named `name`, stored in `buffer`. */
export function positionAccessor(doc: Document, buffer: Buffer, name: string, positions: readonly number[]): Accessor {
  return doc.createAccessor(name).setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer);
}

/**
 * UVs (u, v per vertex, each in [0, 1]) as a normalised unsigned 16-bit VEC2 accessor named
 * `name`, stored in `buffer`: each coordinate rounded to 1/65535, precise enough for a 2048-pixel
 * atlas, at half the bytes of floats. glTF allows it for TEXCOORD_n without any extension.
 */
export function uvAccessor(doc: Document, buffer: Buffer, name: string, uvs: readonly number[]): Accessor {
  return doc
    .createAccessor(name)
    .setType('VEC2')
    .setArray(Uint16Array.from(uvs, (u) => Math.round(u * 65535)))
    .setNormalized(true)
    .setBuffer(buffer);
}

/**
 * Triangle indices as a SCALAR accessor named `name`, stored in `buffer`: 16-bit while every
 * index fits (`vertexCount` ≤ 65535), 32-bit otherwise.
 */
export function indexAccessor(doc: Document, buffer: Buffer, name: string, indices: readonly number[], vertexCount: number): Accessor {
  const array = vertexCount <= 65535 ? Uint16Array.from(indices) : Uint32Array.from(indices);
  return doc.createAccessor(name).setType('SCALAR').setArray(array).setBuffer(buffer);
}
