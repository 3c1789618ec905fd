import { Extension, type Accessor, type Document } from '@gltf-transform/core';

/**
 * KHR_mesh_quantization, which lets a NORMAL accessor hold normalised 16-bit integers instead of
 * floats (8 bytes a vertex instead of 12, with padding). The extension has no properties of its
 * own: declaring it is the whole of it. three.js's GLTFLoader and the Khronos validator both
 * know it. Register it on any NodeIO that reads the product models.
 *
 * @example
 * const doc = await new NodeIO().registerExtensions([MeshQuantization]).readBinary(bytes);
 */
export class MeshQuantization extends Extension {
  static override readonly EXTENSION_NAME = 'KHR_mesh_quantization';
  override readonly extensionName = 'KHR_mesh_quantization';

  /** Nothing to read: the accessors carry their own component types. */
  override read(): this {
    return this;
  }

  /** Nothing to write beyond the extension's name in extensionsUsed and extensionsRequired. */
  override write(): this {
    return this;
  }
}

/**
 * Unit normals as a normalised signed 16-bit VEC3 accessor (each component rounded to 1/32767,
 * so a normal stays within 1e-4 of unit length). Declares {@link MeshQuantization} on `doc`.
 */
export function quantisedNormals(doc: Document, name: string, normals: readonly number[]): Accessor {
  if (!doc.getRoot().listExtensionsUsed().some((e) => e.extensionName === MeshQuantization.EXTENSION_NAME))
    doc.createExtension(MeshQuantization).setRequired(true);
  const values = Int16Array.from(normals, (c) => Math.round(Math.max(-1, Math.min(1, c)) * 32767));
  return doc.createAccessor(name).setType('VEC3').setArray(values).setNormalized(true);
}
