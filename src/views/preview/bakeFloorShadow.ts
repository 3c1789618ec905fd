import { DataTexture, LinearFilter, RGBAFormat, SRGBColorSpace, type Mesh, type Object3D } from 'three';
import type { PartMeshes } from './partMeshes.ts';

/*
 * Why not drei's <ContactShadows>: it renders the model from below into a depth target and blurs
 * it four times on the GPU, with three shaders of its own to build. In software WebGL that is a
 * quarter of a second of the first frame, for a shadow that never changes (the shoe does not move;
 * only the camera does). The same picture comes from the model's triangles seen from above,
 * rasterised once into a small height grid and blurred, in a few milliseconds of JavaScript.
 */

/** A floor shadow texture and where it lies on the ground. */
export interface FloorShadow {
  readonly texture: DataTexture;
  /** Side of the square it covers, in metres. */
  readonly size: number;
  readonly centreX: number;
  readonly centreZ: number;
}

const RESOLUTION = 128;
/** The height (m) above which a surface no longer darkens the floor. */
const MAX_REACH = 0.1;
/** sRGB of the shadow: a cool near-black, like a real one under daylight-balanced softboxes. */
const SHADOW_RGB = [0x1f, 0x25, 0x30] as const;

/**
 * Bakes a soft contact shadow for a model standing on the ground (y = 0): darkest where the model
 * touches the floor and fading with the height of what is above each point, with a crisp core
 * along the sole and a wide soft penumbra. Variant meshes the design hides (`hiddenMeshes`, by
 * name: the long sleeves under short ones) cast nothing.
 */
export function bakeFloorShadow(parts: PartMeshes, hiddenMeshes: readonly string[] = []): FloorShadow {
  const { bounds } = parts;
  const size = Math.max(bounds.max.x - bounds.min.x, bounds.max.z - bounds.min.z) * 1.6;
  const centreX = (bounds.min.x + bounds.max.x) / 2;
  const centreZ = (bounds.min.z + bounds.max.z) / 2;
  // What stands higher than this above the floor (a shirt's sleeves) casts nothing under soft,
  // high studio light; only what is near the floor darkens it.
  const reach = Math.min(MAX_REACH, Math.max(0.02, (bounds.max.y - Math.max(0, bounds.min.y)) * 0.9));
  const cell = size / RESOLUTION;

  // Nearness to the floor of the lowest surface above each cell: 1 touches, 0 is out of reach.
  const nearness = new Float32Array(RESOLUTION * RESOLUTION);
  const hidden = new Set(hiddenMeshes);
  const shown = (mesh: Mesh): boolean => {
    for (let object: Object3D | null = mesh; object && object !== parts.root; object = object.parent) if (hidden.has(object.name)) return false;
    return true;
  };
  const meshes: Mesh[] = [...[...parts.meshes.values()].flat(), ...parts.fixed].filter(shown);
  for (const mesh of meshes) {
    const position = mesh.geometry.getAttribute('position');
    if (!position) continue;
    const index = mesh.geometry.getIndex();
    const e = mesh.matrixWorld.elements;
    const corners = index ? index.count : position.count;
    const gx = [0, 0, 0];
    const gz = [0, 0, 0];
    for (let corner = 0; corner < corners; corner += 3) {
      let lowest = Infinity;
      for (let k = 0; k < 3; k++) {
        const i = index ? index.getX(corner + k) : corner + k;
        const x = position.getX(i);
        const y = position.getY(i);
        const z = position.getZ(i);
        lowest = Math.min(lowest, e[1]! * x + e[5]! * y + e[9]! * z + e[13]!);
        // Grid coordinates; rows run from +z to -z, the texture's bottom row lying toward +z.
        gx[k] = (e[0]! * x + e[4]! * y + e[8]! * z + e[12]! - centreX) / cell + RESOLUTION / 2;
        gz[k] = RESOLUTION / 2 - (e[2]! * x + e[6]! * y + e[10]! * z + e[14]! - centreZ) / cell;
      }
      const height = Math.max(0, lowest);
      if (height < reach) fillTriangle(nearness, gx, gz, 1 - height / reach);
    }
  }

  fillEnclosed(nearness);

  // Darkness: a wide penumbra from the nearness itself, a crisp core from where it touches.
  const soft = blur(nearness, Math.round(0.018 / cell));
  const core = blur(nearness.map((value) => value ** 4), Math.max(1, Math.round(0.003 / cell)));
  const data = new Uint8Array(RESOLUTION * RESOLUTION * 4);
  for (let i = 0; i < nearness.length; i++) {
    const alpha = 1 - (1 - 0.5 * soft[i]!) * (1 - 0.75 * core[i]!);
    data.set(SHADOW_RGB, 4 * i);
    data[4 * i + 3] = Math.round(255 * alpha);
  }

  const texture = new DataTexture(data, RESOLUTION, RESOLUTION, RGBAFormat);
  texture.colorSpace = SRGBColorSpace;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearFilter;
  texture.needsUpdate = true;
  return { texture, size, centreX, centreZ };
}

/**
 * A garment standing on its hem touches the floor only along a thin ring, yet the floor inside it
 * is in its shade: cells the ring encloses (not reachable from the border without crossing it)
 * take the darkness of the ring round them, so the shadow is one patch, darkest in the middle.
 */
function fillEnclosed(nearness: Float32Array): void {
  const wall = new Uint8Array(nearness.length);
  let ring = 0;
  for (let i = 0; i < nearness.length; i++) {
    if (nearness[i]! <= 0) continue;
    ring = Math.max(ring, nearness[i]!);
    // Thickened by a cell, so a ring drawn from thin, steep triangles has no gaps.
    const [column, row] = [i % RESOLUTION, Math.floor(i / RESOLUTION)];
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const [c, r] = [column + dc, row + dr];
        if (c >= 0 && r >= 0 && c < RESOLUTION && r < RESOLUTION) wall[r * RESOLUTION + c] = 1;
      }
  }
  const outside = new Uint8Array(nearness.length);
  const stack: number[] = [];
  for (let k = 0; k < RESOLUTION; k++)
    for (const i of [k, (RESOLUTION - 1) * RESOLUTION + k, k * RESOLUTION, k * RESOLUTION + RESOLUTION - 1])
      if (!wall[i] && !outside[i]) {
        outside[i] = 1;
        stack.push(i);
      }
  while (stack.length > 0) {
    const i = stack.pop()!;
    const [column, row] = [i % RESOLUTION, Math.floor(i / RESOLUTION)];
    for (const [c, r] of [[column + 1, row], [column - 1, row], [column, row + 1], [column, row - 1]] as const) {
      if (c < 0 || r < 0 || c >= RESOLUTION || r >= RESOLUTION) continue;
      const j = r * RESOLUTION + c;
      if (!wall[j] && !outside[j]) {
        outside[j] = 1;
        stack.push(j);
      }
    }
  }
  for (let i = 0; i < nearness.length; i++) if (!outside[i] && nearness[i]! < ring) nearness[i] = ring;
}

/** Raises the cells whose centres lie inside a triangle (or, for a tiny one, its centre's cell) to `value`. */
function fillTriangle(grid: Float32Array, gx: readonly number[], gz: readonly number[], value: number): void {
  const [x0, x1, x2] = gx as [number, number, number];
  const [z0, z1, z2] = gz as [number, number, number];
  const area = (x1 - x0) * (z2 - z0) - (x2 - x0) * (z1 - z0);
  const minX = Math.max(0, Math.ceil(Math.min(x0, x1, x2) - 0.5));
  const maxX = Math.min(RESOLUTION - 1, Math.floor(Math.max(x0, x1, x2) - 0.5));
  const minZ = Math.max(0, Math.ceil(Math.min(z0, z1, z2) - 0.5));
  const maxZ = Math.min(RESOLUTION - 1, Math.floor(Math.max(z0, z1, z2) - 0.5));
  let filled = false;
  if (area !== 0) {
    for (let row = minZ; row <= maxZ; row++) {
      const pz = row + 0.5;
      for (let column = minX; column <= maxX; column++) {
        const px = column + 0.5;
        const w0 = ((x1 - px) * (z2 - pz) - (x2 - px) * (z1 - pz)) / area;
        const w1 = ((x2 - px) * (z0 - pz) - (x0 - px) * (z2 - pz)) / area;
        if (w0 < 0 || w1 < 0 || w0 + w1 > 1) continue;
        const i = row * RESOLUTION + column;
        if (grid[i]! < value) grid[i] = value;
        filled = true;
      }
    }
  }
  if (!filled) {
    const column = Math.floor((x0 + x1 + x2) / 3);
    const row = Math.floor((z0 + z1 + z2) / 3);
    if (column >= 0 && column < RESOLUTION && row >= 0 && row < RESOLUTION) {
      const i = row * RESOLUTION + column;
      if (grid[i]! < value) grid[i] = value;
    }
  }
}

/** An approximately Gaussian blur: three box blurs of the given radius, each along rows then columns. */
function blur(source: Float32Array, radius: number): Float32Array {
  const a = Float32Array.from(source);
  const b = new Float32Array(source.length);
  for (let pass = 0; pass < 3; pass++) {
    boxBlur(a, b, radius, 1, RESOLUTION);
    boxBlur(b, a, radius, RESOLUTION, 1);
  }
  return a;
}

/** A running-sum box blur along one axis (`step` between neighbours, `lineStep` between lines). */
function boxBlur(source: Float32Array, target: Float32Array, radius: number, step: number, lineStep: number): void {
  const width = 2 * radius + 1;
  for (let line = 0; line < RESOLUTION; line++) {
    const start = line * lineStep;
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += sample(source, start, step, k);
    for (let position = 0; position < RESOLUTION; position++) {
      target[start + position * step] = sum / width;
      sum += sample(source, start, step, position + radius + 1) - sample(source, start, step, position - radius);
    }
  }
}

function sample(source: Float32Array, start: number, step: number, position: number): number {
  return position < 0 || position >= RESOLUTION ? 0 : source[start + position * step]!;
}
