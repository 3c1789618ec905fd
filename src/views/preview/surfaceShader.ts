import { DataTexture, RepeatWrapping, RGBAFormat, type MeshPhysicalMaterial, type Texture, type WebGLProgramParametersWithUniforms } from 'three';
import type { MaterialSurface } from '../../domain/index.ts';

/**
 * The uniforms of a material's surface map. One object per material, handed to its shader when it
 * is compiled; changing a value is a uniform update, never a new shader.
 */
interface SurfaceUniforms {
  readonly surfaceMap: { value: Texture };
  /** Repeats of the map per metre of the model. */
  readonly surfaceScale: { value: number };
  readonly surfaceRelief: { value: number };
  readonly surfaceShade: { value: number };
  readonly surfaceRoughness: { value: number };
}

/**
 * A 1×1 map that changes nothing: a normal straight out of the surface and a tone of 1. Parts show
 * it until their own map has arrived (and the first frame is drawn with it), so that the shader
 * never changes when the maps stream in.
 */
const FLAT = new DataTexture(new Uint8Array([128, 128, 255, 255]), 1, 1, RGBAFormat);
FLAT.wrapS = RepeatWrapping;
FLAT.wrapT = RepeatWrapping;
FLAT.needsUpdate = true;

const uniformsOf = new WeakMap<MeshPhysicalMaterial, SurfaceUniforms>();

/** Every part material shares one shader; the key says so to three's program cache. */
const PROGRAM_KEY = 'atelier-surface-1';

const VERTEX_DECLARATIONS = /* glsl */ `
varying vec3 vSurfacePosition;
varying vec3 vSurfaceNormal;
varying mat3 vSurfaceAxes;
`;

// The model's own coordinates, in metres: the maps are laid on by position, not by the model's
// texture coordinates, which are stretched differently on every part.
const VERTEX_MAIN = /* glsl */ `
vSurfacePosition = position;
vSurfaceNormal = normal;
vSurfaceAxes = normalMatrix;
`;

const FRAGMENT_DECLARATIONS = /* glsl */ `
uniform sampler2D surfaceMap;
uniform float surfaceScale;
uniform float surfaceRelief;
uniform float surfaceShade;
uniform float surfaceRoughness;
varying vec3 vSurfacePosition;
varying vec3 vSurfaceNormal;
varying mat3 vSurfaceAxes;
`;

/*
 * Triplanar mapping: the map is projected along the three axes and blended by how squarely the
 * surface faces each, so it tiles over any shape without seams or stretching. The three samples
 * are read once; their alpha (the tone) darkens cavities and roughens them.
 */
const FRAGMENT_SAMPLE = /* glsl */ `
vec3 surfaceAxisNormal = normalize(vSurfaceNormal);
vec3 surfaceBlend = pow(abs(surfaceAxisNormal), vec3(4.0));
surfaceBlend /= surfaceBlend.x + surfaceBlend.y + surfaceBlend.z;
vec3 surfacePoint = vSurfacePosition * surfaceScale;
vec4 surfaceX = texture2D(surfaceMap, surfacePoint.zy);
vec4 surfaceY = texture2D(surfaceMap, surfacePoint.xz);
vec4 surfaceZ = texture2D(surfaceMap, surfacePoint.xy);
float surfaceTone = surfaceX.a * surfaceBlend.x + surfaceY.a * surfaceBlend.y + surfaceZ.a * surfaceBlend.z;
diffuseColor.rgb *= mix(1.0, surfaceTone, surfaceShade);
`;

const FRAGMENT_ROUGHNESS = /* glsl */ `
roughnessFactor = clamp(roughnessFactor + (1.0 - surfaceTone) * surfaceRoughness, 0.03, 1.0);
`;

// Whiteout blend of the three tangent-space normals with the surface's own (after Ben Golus,
// "Normal Mapping for a Triplanar Shader"), then into view space like three's own normal.
const FRAGMENT_NORMAL = /* glsl */ `
if (surfaceRelief > 0.0) {
  vec3 surfaceFacing = surfaceAxisNormal * faceDirection;
  vec3 tangentX = vec3((surfaceX.xy * 2.0 - 1.0) * surfaceRelief, surfaceX.z * 2.0 - 1.0);
  vec3 tangentY = vec3((surfaceY.xy * 2.0 - 1.0) * surfaceRelief, surfaceY.z * 2.0 - 1.0);
  vec3 tangentZ = vec3((surfaceZ.xy * 2.0 - 1.0) * surfaceRelief, surfaceZ.z * 2.0 - 1.0);
  tangentX = vec3(tangentX.xy + surfaceFacing.zy, abs(tangentX.z) * surfaceFacing.x);
  tangentY = vec3(tangentY.xy + surfaceFacing.xz, abs(tangentY.z) * surfaceFacing.y);
  tangentZ = vec3(tangentZ.xy + surfaceFacing.xy, abs(tangentZ.z) * surfaceFacing.z);
  vec3 surfaceObjectNormal = normalize(tangentX.zyx * surfaceBlend.x + tangentY.xzy * surfaceBlend.y + tangentZ.xyz * surfaceBlend.z);
  normal = normalize(vSurfaceAxes * surfaceObjectNormal);
}
`;

function inject(source: string, include: string, code: string): string {
  const marker = `#include <${include}>`;
  if (!source.includes(marker)) throw new Error(`[Atelier] the material shader has no ${marker}: three's shader chunks changed; update surfaceShader.ts`);
  return source.replace(marker, `${marker}\n${code}`);
}

/**
 * Gives a part material the surface-map shader: triplanar relief, tone and roughness from a map
 * set, all off (a flat map) until {@link setSurface} gives it a map. Call once per material,
 * before it is first drawn; every material so prepared shares one compiled shader.
 */
export function addSurfaceShader(material: MeshPhysicalMaterial): void {
  const uniforms: SurfaceUniforms = {
    surfaceMap: { value: FLAT },
    surfaceScale: { value: 1 },
    surfaceRelief: { value: 0 },
    surfaceShade: { value: 0 },
    surfaceRoughness: { value: 0 },
  };
  uniformsOf.set(material, uniforms);
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = inject(inject(shader.vertexShader, 'common', VERTEX_DECLARATIONS), 'begin_vertex', VERTEX_MAIN);
    let fragment = inject(shader.fragmentShader, 'common', FRAGMENT_DECLARATIONS);
    fragment = inject(fragment, 'color_fragment', FRAGMENT_SAMPLE);
    fragment = inject(fragment, 'roughnessmap_fragment', FRAGMENT_ROUGHNESS);
    fragment = inject(fragment, 'normal_fragment_maps', FRAGMENT_NORMAL);
    shader.fragmentShader = fragment;
  };
  material.customProgramCacheKey = () => PROGRAM_KEY;
}

/**
 * Lays a surface on a material: its map (null while it has not arrived: the part stays smooth)
 * and its settings. Returns whether anything changed.
 */
export function setSurface(material: MeshPhysicalMaterial, surface: MaterialSurface | undefined, map: Texture | null): boolean {
  const uniforms = uniformsOf.get(material);
  if (!uniforms) throw new Error(`[Atelier] material "${material.name}" has no surface shader: create it with createPartMaterial or partMaterialsOf`);
  const on = surface !== undefined && map !== null;
  const next = {
    map: on ? map : FLAT,
    scale: on ? 1000 / surface.tileMm : 1,
    relief: on ? surface.relief : 0,
    shade: on ? surface.shade : 0,
    roughness: on ? surface.roughnessVariation : 0,
  };
  if (
    uniforms.surfaceMap.value === next.map &&
    uniforms.surfaceScale.value === next.scale &&
    uniforms.surfaceRelief.value === next.relief &&
    uniforms.surfaceShade.value === next.shade &&
    uniforms.surfaceRoughness.value === next.roughness
  )
    return false;
  uniforms.surfaceMap.value = next.map;
  uniforms.surfaceScale.value = next.scale;
  uniforms.surfaceRelief.value = next.relief;
  uniforms.surfaceShade.value = next.shade;
  uniforms.surfaceRoughness.value = next.roughness;
  return true;
}
