import { Color, CompressedCubeTexture, DataUtils, HalfFloatType, LinearFilter, LinearMipmapLinearFilter, LinearSRGBColorSpace, Vector3, type CompressedTextureImageData, type CompressedTextureMipmap } from 'three';

/*
 * Why the studio's light is computed here, on the CPU, rather than by drei's <Environment> with
 * Lightformers (or three's PMREMGenerator): both render the lights into a cube map and prefilter
 * it with shaders on the GPU. In software WebGL (SwiftShader, our first-frame benchmark) every new
 * shader costs 150–400 ms to build and three r18x prefilters at least 256² per face with 256
 * samples per texel: 10–15 s in all, or 0.3–0.8 s with a lean GPU prefilter of our own. The studio
 * is a handful of rectangles, so the prefiltered map can be integrated directly from them: about
 * 30 ms of JavaScript, no shader, and the same result (three's PMREM layout: cube mip levels from
 * 64² to 8², the roughness of each level as in PMREMGenerator.lodToRoughness).
 */

/** A rectangular softbox or strip light facing the centre of the studio. */
export interface StudioLight {
  /** Centre, in metres; the light faces the origin. */
  readonly position: readonly [number, number, number];
  /** Width and height, in metres. */
  readonly size: readonly [number, number];
  /** Radiance relative to white (1 = a white surface at exposure 1). */
  readonly intensity: number;
  /** sRGB colour; white by default. */
  readonly colour?: string;
}

/** A studio: the colour of its walls and its lights. */
export interface Studio {
  /** sRGB colour of everything that is not a light. */
  readonly walls: string;
  readonly lights: readonly StudioLight[];
}

const SIZE = 32;
/** The smallest level is 8×8 per face, as in three (it holds the diffuse irradiance). */
const LOD_MIN = 2;
/** Samples per side of a light when integrating it over a lobe, by level (sharp levels need more). */
const LIGHT_SAMPLES = [1, 6, 5, 4];
/** Level 0 (a mirror) is supersampled this many times per side to smooth the lights' edges. */
const MIRROR_SUPERSAMPLING = 2;

/** A light in the numbers the integration loops use (plain numbers: these loops run a million times). */
interface PreparedLight {
  /** Centre. */
  readonly cx: number;
  readonly cy: number;
  readonly cz: number;
  /** Unit direction from the origin toward the centre. */
  readonly dx: number;
  readonly dy: number;
  readonly dz: number;
  /** Unit normal, facing the origin. */
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Unit axes along the width and the height. */
  readonly ux: number;
  readonly uy: number;
  readonly uz: number;
  readonly vx: number;
  readonly vy: number;
  readonly vz: number;
  /** centre · normal, the plane's offset. */
  readonly offset: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
  /** Radiance above the walls', per channel (linear). */
  readonly excess: readonly [number, number, number];
  /** Angular radius of the light seen from the origin. */
  readonly angularRadius: number;
}

/**
 * Builds the prefiltered environment map of a studio, ready for `scene.environment`: a cube
 * texture marked as a PMREM, so three samples it as it is (no PMREMGenerator, no render pass).
 */
export function createStudioEnvironment(studio: Studio): CompressedCubeTexture {
  const walls = new Color(studio.walls);
  const lights = studio.lights.map((light) => prepare(light, walls));
  const maxLod = Math.log2(SIZE) - LOD_MIN;

  const lobes = Array.from({ length: maxLod + 1 }, (_, lod) => {
    const roughness = 1 - Math.sqrt(1 - lod / maxLod);
    return roughness > 0 ? prepareLobe(roughness) : null;
  });
  const faces: (CompressedTextureImageData & { readonly mipmaps: CompressedTextureMipmap[] })[] = [];
  for (let face = 0; face < 6; face++) {
    const mipmaps: CompressedTextureMipmap[] = [];
    for (let lod = 0; lod <= maxLod; lod++) {
      const size = SIZE >> lod;
      mipmaps.push({ data: renderFace(face, size, lobes[lod] ?? null, LIGHT_SAMPLES[lod] ?? 4, lights, walls), width: size, height: size });
    }
    faces.push({ width: SIZE, height: SIZE, mipmaps });
  }

  // Uncompressed RGBA levels: three uploads them with texSubImage2D. Its types allow compressed
  // formats only, so the format is left out: a texture's format is RGBA unless told otherwise.
  const texture = new CompressedCubeTexture(faces, undefined, HalfFloatType);
  // Mip levels live on each face (as for compressed cube maps); the texture's own list stays empty.
  texture.mipmaps = [];
  texture.colorSpace = LinearSRGBColorSpace;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.magFilter = LinearFilter;
  texture.generateMipmaps = false;
  texture.isPMREMTexture = true;
  texture.name = 'Studio environment';
  texture.needsUpdate = true;
  return texture;
}

function prepare(light: StudioLight, walls: Color): PreparedLight {
  const centre = new Vector3(...light.position);
  const direction = centre.clone().normalize();
  const normal = direction.clone().negate();
  const up = Math.abs(normal.y) > 0.99 ? new Vector3(0, 0, 1) : new Vector3(0, 1, 0);
  const u = new Vector3().crossVectors(up, normal).normalize();
  const v = new Vector3().crossVectors(normal, u);
  const colour = new Color(light.colour ?? '#ffffff').multiplyScalar(light.intensity);
  const [width, height] = light.size;
  return {
    cx: centre.x, cy: centre.y, cz: centre.z,
    dx: direction.x, dy: direction.y, dz: direction.z,
    nx: normal.x, ny: normal.y, nz: normal.z,
    ux: u.x, uy: u.y, uz: u.z,
    vx: v.x, vy: v.y, vz: v.z,
    offset: centre.dot(normal),
    halfWidth: width / 2,
    halfHeight: height / 2,
    excess: [colour.r - walls.r, colour.g - walls.g, colour.b - walls.b],
    angularRadius: Math.atan(Math.hypot(width, height) / 2 / centre.length()),
  };
}

/** One face of one mip level (a mirror when `lobe` is null), as half floats (RGBA). */
function renderFace(face: number, size: number, lobe: Lobe | null, samples: number, lights: readonly PreparedLight[], walls: Color): Uint16Array {
  const data = new Uint16Array(size * size * 4);
  const direction: Direction = new Float64Array(3);
  const radiance = new Float64Array(3);
  const n = MIRROR_SUPERSAMPLING;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      radiance[0] = walls.r;
      radiance[1] = walls.g;
      radiance[2] = walls.b;
      if (lobe) {
        cubeDirection(face, (x + 0.5) / size, (y + 0.5) / size, direction);
        addLobe(direction, lobe, samples, lights, radiance);
      } else {
        // A mirror: the average of a few rays through the texel, each seeing a light or the walls.
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            cubeDirection(face, (x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, direction);
            const hit = lightHit(direction, lights);
            if (hit) {
              radiance[0]! += hit.excess[0] / (n * n);
              radiance[1]! += hit.excess[1] / (n * n);
              radiance[2]! += hit.excess[2] / (n * n);
            }
          }
        }
      }
      const i = 4 * (y * size + x);
      data[i] = DataUtils.toHalfFloat(radiance[0]!);
      data[i + 1] = DataUtils.toHalfFloat(radiance[1]!);
      data[i + 2] = DataUtils.toHalfFloat(radiance[2]!);
      data[i + 3] = HALF_ONE;
    }
  }
  return data;
}

/** A unit direction (x, y, z), reused between texels: the loops allocate nothing. */
type Direction = Float64Array;

const HALF_ONE = DataUtils.toHalfFloat(1);

/**
 * The world direction of a texel of a cube face (u, v in 0…1, v = 0 on the first row): the
 * WebGL cube-map layout, with x mirrored because three mirrors x when it samples a cube texture
 * that is not a render target.
 */
function cubeDirection(face: number, u: number, v: number, out: Direction): void {
  const s = 2 * u - 1;
  const t = 2 * v - 1;
  let x: number;
  let y: number;
  let z: number;
  switch (face) {
    case 0: x = 1; y = -t; z = -s; break;
    case 1: x = -1; y = -t; z = s; break;
    case 2: x = s; y = 1; z = t; break;
    case 3: x = s; y = -1; z = -t; break;
    case 4: x = s; y = -t; z = 1; break;
    default: x = -s; y = -t; z = -1; break;
  }
  const length = Math.sqrt(x * x + y * y + z * z);
  out[0] = -x / length;
  out[1] = y / length;
  out[2] = z / length;
}

function lightHit(direction: Direction, lights: readonly PreparedLight[]): PreparedLight | null {
  const x = direction[0]!;
  const y = direction[1]!;
  const z = direction[2]!;
  let nearest: PreparedLight | null = null;
  let nearestDistance = Infinity;
  for (let l = 0; l < lights.length; l++) {
    const light = lights[l]!;
    const facing = x * light.nx + y * light.ny + z * light.nz;
    if (facing >= 0) continue;
    const distance = light.offset / facing;
    if (distance <= 0 || distance >= nearestDistance) continue;
    const px = x * distance - light.cx;
    const py = y * distance - light.cy;
    const pz = z * distance - light.cz;
    if (Math.abs(px * light.ux + py * light.uy + pz * light.uz) <= light.halfWidth && Math.abs(px * light.vx + py * light.vy + pz * light.vz) <= light.halfHeight) {
      nearest = light;
      nearestDistance = distance;
    }
  }
  return nearest;
}

interface Lobe {
  readonly alpha2: number;
  /** ∫ D(h) (n·l) dω over the sphere, to normalise the lobe. */
  readonly norm: number;
  /** Beyond this angle from the texel's direction the lobe is negligible. */
  readonly cutoff: number;
}

/** GGX distribution of the half vector for V = N (the split-sum prefiltering assumption). */
function ggx(cosAngle: number, alpha2: number): number {
  const cosHalf2 = (1 + cosAngle) / 2;
  const d = cosHalf2 * (alpha2 - 1) + 1;
  return alpha2 / (Math.PI * d * d);
}

function prepareLobe(roughness: number): Lobe {
  const alpha = roughness * roughness;
  const alpha2 = alpha * alpha;
  const steps = 256;
  let norm = 0;
  let cutoff = Math.PI / 2;
  const peak = ggx(1, alpha2);
  for (let i = 0; i < steps; i++) {
    const theta = ((i + 0.5) / steps) * (Math.PI / 2);
    const value = ggx(Math.cos(theta), alpha2);
    norm += value * Math.cos(theta) * 2 * Math.PI * Math.sin(theta) * (Math.PI / 2 / steps);
    if (value < peak * 1e-3 && cutoff === Math.PI / 2) cutoff = theta;
  }
  return { alpha2, norm, cutoff };
}

/** Adds what each light contributes to the prefiltered radiance around `normal`. */
function addLobe(direction: Direction, lobe: Lobe, samples: number, lights: readonly PreparedLight[], radiance: Float64Array): void {
  const x = direction[0]!;
  const y = direction[1]!;
  const z = direction[2]!;
  for (let l = 0; l < lights.length; l++) {
    const light = lights[l]!;
    const towardLight = x * light.dx + y * light.dy + z * light.dz;
    if (Math.acos(Math.min(1, towardLight)) > lobe.cutoff + light.angularRadius) continue;
    const patchArea = (4 * light.halfWidth * light.halfHeight) / (samples * samples);
    let weight = 0;
    for (let j = 0; j < samples; j++) {
      const b = ((j + 0.5) / samples - 0.5) * 2 * light.halfHeight;
      for (let i = 0; i < samples; i++) {
        const a = ((i + 0.5) / samples - 0.5) * 2 * light.halfWidth;
        const px = light.cx + a * light.ux + b * light.vx;
        const py = light.cy + a * light.uy + b * light.vy;
        const pz = light.cz + a * light.uz + b * light.vz;
        const distance2 = px * px + py * py + pz * pz;
        const distance = Math.sqrt(distance2);
        const cosine = (x * px + y * py + z * pz) / distance;
        if (cosine <= 0) continue;
        const solidAngle = (patchArea * -(px * light.nx + py * light.ny + pz * light.nz)) / (distance * distance2);
        weight += ggx(cosine, lobe.alpha2) * cosine * solidAngle;
      }
    }
    weight /= lobe.norm;
    radiance[0]! += light.excess[0] * weight;
    radiance[1]! += light.excess[1] * weight;
    radiance[2]! += light.excess[2] * weight;
  }
}
