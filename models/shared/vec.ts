/** A 3D point or direction in metres (Y up, toe toward +X, lateral side toward +Z). */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Creates a {@link Vec3}. */
export const vec3 = (x: number, y: number, z: number): Vec3 => ({ x, y, z });

/** `a + b`. */
export const add = (a: Vec3, b: Vec3): Vec3 => vec3(a.x + b.x, a.y + b.y, a.z + b.z);

/** `a - b`. */
export const sub = (a: Vec3, b: Vec3): Vec3 => vec3(a.x - b.x, a.y - b.y, a.z - b.z);

/** `a * s`. */
export const scale = (a: Vec3, s: number): Vec3 => vec3(a.x * s, a.y * s, a.z * s);

/** `a + b * s`. */
export const addScaled = (a: Vec3, b: Vec3, s: number): Vec3 => vec3(a.x + b.x * s, a.y + b.y * s, a.z + b.z * s);

/** Dot product. */
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;

/** Cross product `a × b`. */
export const cross = (a: Vec3, b: Vec3): Vec3 =>
  vec3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);

/** Euclidean length. */
export const length = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);

/** Distance between two points. */
export const distance = (a: Vec3, b: Vec3): number => length(sub(a, b));

/** Unit vector along `a`, or `fallback` when `a` is (nearly) zero. */
export function normalize(a: Vec3, fallback: Vec3 = vec3(0, 1, 0)): Vec3 {
  const len = length(a);
  return len > 1e-12 ? scale(a, 1 / len) : fallback;
}

/**
 * `a * (1 - t) + b * t`, written so that `t = 1` returns `b` bit-exactly (seams between
 * surface sheets rely on that to land on identical coordinates).
 */
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 =>
  vec3(a.x * (1 - t) + b.x * t, a.y * (1 - t) + b.y * t, a.z * (1 - t) + b.z * t);
