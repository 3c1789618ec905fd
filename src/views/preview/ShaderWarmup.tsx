import { BufferGeometry, Float32BufferAttribute, type MeshPhysicalMaterial } from 'three';
import { createPartMaterial } from './partMaterials.ts';

/*
 * A degenerate triangle (zero area: it covers no pixel) wearing a part material. Both are kept for
 * the page's lifetime: three keeps a compiled program only while a material uses it, and this one
 * must survive until the model has drawn.
 */
let warmup: { geometry: BufferGeometry; material: MeshPhysicalMaterial } | null = null;

function warmupOf(): { geometry: BufferGeometry; material: MeshPhysicalMaterial } {
  if (!warmup) {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(new Array(9).fill(0), 3));
    geometry.setAttribute('normal', new Float32BufferAttribute([0, 1, 0, 0, 1, 0, 0, 1, 0], 3));
    geometry.setAttribute('uv', new Float32BufferAttribute(new Array(6).fill(0), 2));
    warmup = { geometry, material: createPartMaterial() };
  }
  return warmup;
}

/**
 * Builds the model's shader while the model is still downloading: the fallback of the Suspense
 * around the scene. It draws an invisible triangle with a part material, because drivers build
 * the shader, or (ANGLE on Vulkan, SwiftShader) its pipeline, only when something is drawn with
 * it; that takes a good part of a second in software WebGL and would otherwise delay the first
 * frame with the shoe. Mount it after the studio lights, which are part of the shader.
 */
export function ShaderWarmup() {
  const { geometry, material } = warmupOf();
  return <mesh geometry={geometry} material={material} frustumCulled={false} />;
}
