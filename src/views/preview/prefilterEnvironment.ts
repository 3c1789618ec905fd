import {
  BackSide,
  BoxGeometry,
  CubeCamera,
  HalfFloatType,
  LinearMipmapLinearFilter,
  LinearSRGBColorSpace,
  Mesh,
  NoBlending,
  ShaderChunk,
  ShaderMaterial,
  WebGLCubeRenderTarget,
  type CompressedTextureMipmap,
  type Object3D,
  type WebGLRenderer,
} from 'three';

/*
 * Why not three's PMREMGenerator (which drei's <Environment> relies on): since r18x it prefilters
 * at least 256×256 per face with 256 GGX samples per texel plus a 768-texel integration for the
 * rough levels, tens of millions of texture reads. That is nothing on a GPU but 10–15 s in
 * software WebGL (SwiftShader), where our first-frame budget is 1.5 s. A studio of large soft
 * lights needs far less: 128² faces and 48 samples per texel, well under a million reads.
 * The result has the same layout as three's PMREM (cube mip levels 128…8, roughness per level
 * from PMREMGenerator.lodToRoughness), so materials use it exactly as they would use three's.
 */

const SIZE = 128;
/** The smallest level is 8×8 per face, as in three (it holds the diffuse irradiance). */
const LOD_MIN = 3;
const SAMPLES = 48;

/**
 * Captures a scene of light sources (emissive panels around the origin) into a cube map and
 * prefilters it for image-based lighting. Assign the result's texture to `scene.environment`;
 * dispose of it when done.
 */
export function prefilterEnvironment(renderer: WebGLRenderer, studio: Object3D): WebGLCubeRenderTarget {
  const source = new WebGLCubeRenderTarget(SIZE, { type: HalfFloatType, generateMipmaps: true, minFilter: LinearMipmapLinearFilter, colorSpace: LinearSRGBColorSpace });
  const target = new WebGLCubeRenderTarget(SIZE, { type: HalfFloatType, generateMipmaps: false, minFilter: LinearMipmapLinearFilter, colorSpace: LinearSRGBColorSpace, depthBuffer: false });
  const maxLod = Math.log2(SIZE) - LOD_MIN;
  // Levels to allocate and render into, as three's PMREMGenerator declares them.
  const levels: CompressedTextureMipmap[] = [];
  for (let lod = 0; lod <= maxLod; lod++) levels.push({ width: SIZE >> lod, height: SIZE >> lod } as CompressedTextureMipmap);
  target.texture.mipmaps = levels;
  target.texture.isPMREMTexture = true;
  target.texture.name = 'Studio PMREM';

  const autoClear = renderer.autoClear;
  renderer.autoClear = true;
  new CubeCamera(0.1, 100, source).update(renderer, studio);

  const material = ggxMaterial(source);
  const box = new Mesh(new BoxGeometry(1, 1, 1), material);
  const camera = new CubeCamera(0.1, 10, target);
  for (let lod = 0; lod <= maxLod; lod++) {
    const roughness = maxLod > 0 ? 1 - Math.sqrt(1 - lod / maxLod) : 0;
    const alpha = roughness * roughness;
    material.uniforms.roughness!.value = roughness;
    // Read the source mip whose texels are about as large as the solid angle one sample covers.
    material.uniforms.lodBias!.value = roughness > 0 ? Math.log2(SIZE) + 0.5 * Math.log2(6 / (SAMPLES * alpha * alpha)) + 0.5 : 0;
    camera.activeMipmapLevel = lod;
    // WebGLRenderer does not scale the target's viewport to the active mip level.
    const size = SIZE >> lod;
    target.viewport.set(0, 0, size, size);
    camera.update(renderer, box);
  }
  target.viewport.set(0, 0, SIZE, SIZE);
  renderer.autoClear = autoClear;

  box.geometry.dispose();
  material.dispose();
  source.dispose();
  return target;
}

/** GGX prefiltering with V = N (the split-sum approximation), importance-sampled on a Hammersley set. */
function ggxMaterial(source: WebGLCubeRenderTarget): ShaderMaterial {
  return new ShaderMaterial({
    name: 'StudioGGXPrefilter',
    uniforms: { envMap: { value: source.texture }, roughness: { value: 0 }, lodBias: { value: 0 } },
    vertexShader: ShaderChunk.cube_vert,
    fragmentShader: /* glsl */ `
      #define SAMPLES ${SAMPLES}
      varying vec3 vWorldDirection;
      uniform samplerCube envMap;
      uniform float roughness;
      uniform float lodBias;
      #include <common>

      float radicalInverse( int i ) {
        uint bits = uint( i );
        bits = ( bits << 16u ) | ( bits >> 16u );
        bits = ( ( bits & 0x55555555u ) << 1u ) | ( ( bits & 0xAAAAAAAAu ) >> 1u );
        bits = ( ( bits & 0x33333333u ) << 2u ) | ( ( bits & 0xCCCCCCCCu ) >> 2u );
        bits = ( ( bits & 0x0F0F0F0Fu ) << 4u ) | ( ( bits & 0xF0F0F0F0u ) >> 4u );
        bits = ( ( bits & 0x00FF00FFu ) << 8u ) | ( ( bits & 0xFF00FF00u ) >> 8u );
        return float( bits ) * 2.3283064365386963e-10;
      }

      void main() {
        vec3 N = normalize( vWorldDirection );
        if ( roughness < 0.001 ) {
          gl_FragColor = vec4( textureLod( envMap, N, 0.0 ).rgb, 1.0 );
          return;
        }
        float alpha = roughness * roughness;
        float alpha2 = alpha * alpha;
        vec3 up = abs( N.z ) < 0.999 ? vec3( 0.0, 0.0, 1.0 ) : vec3( 1.0, 0.0, 0.0 );
        vec3 tangent = normalize( cross( up, N ) );
        vec3 bitangent = cross( N, tangent );
        vec3 sum = vec3( 0.0 );
        float weight = 0.0;
        for ( int i = 0; i < SAMPLES; i ++ ) {
          vec2 Xi = vec2( float( i ) / float( SAMPLES ), radicalInverse( i ) );
          float invQ = 1.0 / ( 1.0 - Xi.x + alpha2 * Xi.x );
          float NdotL = ( 1.0 - Xi.x - alpha2 * Xi.x ) * invQ;
          if ( NdotL > 0.0 ) {
            float phi = 2.0 * PI * Xi.y;
            float sinTheta = 2.0 * alpha * sqrt( Xi.x * ( 1.0 - Xi.x ) ) * invQ;
            vec3 L = N * NdotL + ( tangent * cos( phi ) + bitangent * sin( phi ) ) * sinTheta;
            float lod = max( log2( alpha2 * invQ ) + lodBias, 0.0 );
            sum += textureLod( envMap, L, lod ).rgb * NdotL;
            weight += NdotL;
          }
        }
        gl_FragColor = vec4( sum / weight, 1.0 );
      }
    `,
    side: BackSide,
    blending: NoBlending,
    depthTest: false,
    depthWrite: false,
  });
}
