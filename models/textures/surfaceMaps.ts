/**
 * The procedural surface of every material kind: a height field (the relief light plays on) and a
 * tone (how much a point sits in a cavity: the gaps of a weave, the holes of a mesh, the creases of
 * a grain). {@link generateSurfaceMap} turns a kind into one tileable RGBA map: a tangent-space
 * normal map in RGB and the tone in alpha. Pure and deterministic: the same kind gives the same
 * pixels on every run.
 */
import type { SurfaceKind } from '../../src/domain/product/materialSurface.ts';
import { periodicCells, periodicFbm, periodicNoise, seedOf, smoothstep } from './tileableNoise.ts';

/** A point of a surface: height 0–1 and tone 0 (deepest cavity) – 1 (top). */
interface SurfacePoint {
  readonly height: number;
  readonly tone: number;
}

type Surface = (u: number, v: number) => SurfacePoint;

/** How a kind is drawn: its surface, the map's size and how steep its relief is. */
interface SurfaceRecipe {
  /** Pixels along each side; a power of two (mipmaps). Smooth surfaces need fewer. */
  readonly size: number;
  /** The slope of the steepest twentieth of the map, as the normal map's x/y (0.5 is about 27°). */
  readonly slope: number;
  readonly surface: (seed: number) => Surface;
}

/** A generated map: `size` × `size` RGBA pixels, rows from v = 0 down. */
export interface SurfaceMap {
  readonly kind: SurfaceKind;
  readonly size: number;
  readonly pixels: Uint8Array;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Pebbled full-grain leather: rounded pebbles of two sizes between fine creases. */
function leather(seed: number): Surface {
  const pebbles = periodicCells(seed, 22);
  const fine = periodicCells(seed + 1, 60);
  const noise = periodicFbm(seed + 2, 8, 4);
  return (u, v) => {
    const big = pebbles(u, v);
    const small = fine(u, v);
    const pebble = Math.sqrt(smoothstep(0, 0.5, big.f2 - big.f1));
    const finePebble = Math.sqrt(smoothstep(0, 0.4, small.f2 - small.f1));
    const n = noise(u, v);
    return { height: 0.65 * pebble + 0.25 * finePebble + 0.1 * n, tone: clamp01(0.45 + 0.35 * pebble + 0.2 * finePebble + 0.08 * n) };
  };
}

/** Suede: a dense nap of short fibres lying one way, with the soft blotches brushing leaves. */
function suede(seed: number): Surface {
  const fibres = periodicFbm(seed, 32, 3, [1, 0.25]);
  const fuzz = periodicNoise(seed + 1, 160);
  const blotches = periodicFbm(seed + 2, 2, 4);
  return (u, v) => {
    const f = 0.65 * fibres(u, v) + 0.35 * fuzz(u, v);
    const b = blotches(u, v);
    return { height: 0.5 + 0.5 * f, tone: clamp01(0.62 + 0.15 * f + 0.55 * b) };
  };
}

/** Nubuck: sanded, so finer and flatter than suede, with a gentle writing effect. */
function nubuck(seed: number): Surface {
  const fibres = periodicFbm(seed, 96, 3);
  const blotches = periodicFbm(seed + 2, 4, 3);
  const grain = periodicCells(seed + 3, 30);
  return (u, v) => {
    const f = fibres(u, v);
    const g = smoothstep(0, 0.5, grain(u, v).f2 - grain(u, v).f1);
    return { height: 0.5 + 0.35 * f + 0.15 * g, tone: clamp01(0.78 + 0.1 * f + 0.18 * blotches(u, v) + 0.05 * g) };
  };
}

/** Patent leather: a lacquer with the faint orange peel of a sprayed coat. */
function patent(seed: number): Surface {
  const peel = periodicFbm(seed, 10, 3);
  return (u, v) => ({ height: 0.5 + 0.5 * peel(u, v), tone: 1 });
}

/** Plain weave: threads crossing over and under, with fibres along each thread. */
function canvas(seed: number): Surface {
  const threads = 24;
  const warpFibres = periodicFbm(seed, 6, 3, [4, 24]);
  const weftFibres = periodicFbm(seed + 1, 6, 3, [24, 4]);
  const slub = periodicNoise(seed + 2, 4, 24);
  return (u, v) => {
    const x = u * threads;
    const y = v * threads;
    const i = Math.floor(x);
    const j = Math.floor(y);
    const profile = (t: number) => Math.sqrt(Math.max(0, 1 - ((t - 0.5) / 0.46) ** 2));
    const warpOver = (i + j) % 2 === 0;
    // The thread on top bows up over the crossing; the one under dips.
    const warp = profile(x - i) * (warpOver ? 0.75 + 0.25 * Math.sin(Math.PI * (y - j)) : 0.55) * (1 + 0.08 * slub(u, v)) + 0.06 * warpFibres(u, v);
    const weft = profile(y - j) * (warpOver ? 0.55 : 0.75 + 0.25 * Math.sin(Math.PI * (x - i))) + 0.06 * weftFibres(u, v);
    const height = Math.max(warp, weft);
    return { height, tone: clamp01(0.35 + 0.65 * height) };
  };
}

/** Engineered mesh: staggered oval holes in a knitted web. */
function mesh(seed: number): Surface {
  const rows = 10;
  const columns = 9;
  const yarn = periodicFbm(seed, 24, 3);
  return (u, v) => {
    const y = v * rows;
    const j = Math.floor(y);
    const x = u * columns + (j % 2) * 0.5;
    const i = Math.floor(x);
    const d = Math.hypot((x - i - 0.5) / 0.36, (y - j - 0.5) / 0.3);
    const hole = 1 - smoothstep(0.85, 1, d);
    const web = (1 - hole) * (0.65 + 0.35 * smoothstep(1, 1.7, d)) + 0.08 * yarn(u, v);
    return { height: 0.05 + 0.95 * clamp01(web), tone: clamp01(0.08 + 0.92 * (1 - hole) * (0.8 + 0.2 * smoothstep(1, 1.6, d))) };
  };
}

/** One knitted loop: the V of two slanted legs in a wale (x) and course (y) cell, 0 off the yarn. */
function stitch(x: number, y: number, width = 0.2): number {
  const leg = (x0: number, y0: number, x1: number, y1: number) => {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const t = clamp01(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy));
    const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
    return Math.sqrt(Math.max(0, 1 - (d / width) ** 2));
  };
  return Math.max(leg(0.08, 0.98, 0.46, 0.04), leg(0.92, 0.98, 0.54, 0.04));
}

/** Jersey: rows of V-shaped loops, fine fibres along the yarn. */
function jersey(seed: number, wales = 18, courses = 16, heather = false): Surface {
  const fibres = periodicFbm(seed, 8, 3, [2, 8]);
  const streaks = periodicFbm(seed + 1, 4, 4, [3, 40]);
  return (u, v) => {
    const x = u * wales;
    const y = v * courses;
    const loop = stitch(x - Math.floor(x), y - Math.floor(y));
    const f = fibres(u, v);
    const height = 0.85 * loop + 0.1 * f;
    // Heather: fibres of several shades spun together, so the tone flecks along the yarn.
    const fleck = heather ? 0.5 + 0.5 * streaks(u, v) : 0.85;
    return { height, tone: clamp01((0.5 + 0.5 * loop) * (0.55 + 0.45 * fleck) + 0.05 * f) };
  };
}

/** Engineered knit for an upper: bigger loops, with a tighter tuck row every few courses. */
function knit(seed: number): Surface {
  const loops = jersey(seed, 12, 10);
  return (u, v) => {
    const p = loops(u, v);
    const course = (v * 10) % 5;
    const tuck = course < 1 ? 0.25 * Math.sin(Math.PI * course) : 0;
    return { height: clamp01(p.height * (1 - tuck) + tuck), tone: clamp01(p.tone - 0.1 * tuck) };
  };
}

/** 1×1 rib: raised knit wales beside sunken purl wales. */
function rib(seed: number): Surface {
  const wales = 14;
  const courses = 26;
  const fibres = periodicFbm(seed, 8, 3, [2, 8]);
  return (u, v) => {
    const x = u * wales;
    const fx = x - Math.floor(x);
    const y = v * courses;
    const raised = Math.max(0, Math.sin(2 * Math.PI * fx));
    const loop = stitch(Math.min(1, fx * 2), y - Math.floor(y), 0.24);
    const height = 0.2 + 0.8 * raised ** 0.6 * (0.7 + 0.3 * loop) + 0.05 * fibres(u, v);
    return { height, tone: clamp01(0.5 + 0.5 * raised ** 0.6) };
  };
}

/** Rubber: a moulded matte stipple. */
function rubber(seed: number): Surface {
  const stipple = periodicFbm(seed, 24, 3);
  const specks = periodicCells(seed + 1, 40);
  return (u, v) => {
    const s = stipple(u, v);
    const c = specks(u, v);
    const bump = c.id < 0.3 ? 1 - smoothstep(0.05, 0.22, c.f1) : 0;
    return { height: 0.5 + 0.3 * s + 0.2 * bump, tone: clamp01(0.92 + 0.08 * s) };
  };
}

/** EVA foam: a smooth skin with scattered fine pores. */
function foam(seed: number): Surface {
  const pores = periodicCells(seed, 44);
  const skin = periodicFbm(seed + 1, 6, 3);
  return (u, v) => {
    const c = pores(u, v);
    const pore = c.id < 0.4 ? 1 - smoothstep(0.04, 0.16, c.f1) : 0;
    const s = skin(u, v);
    return { height: 0.75 - 0.6 * pore + 0.1 * s, tone: clamp01(0.95 - 0.55 * pore + 0.05 * s) };
  };
}

/** Agglomerated cork: granules of different shades pressed together, with dark pores. */
function cork(seed: number): Surface {
  const granules = periodicCells(seed, 26, 1);
  const pores = periodicCells(seed + 1, 64);
  const noise = periodicFbm(seed + 2, 16, 3);
  return (u, v) => {
    const g = granules(u, v);
    const p = pores(u, v);
    const edge = smoothstep(0, 0.15, g.f2 - g.f1);
    const pore = p.id < 0.3 ? 1 - smoothstep(0.06, 0.18, p.f1) : 0;
    const n = noise(u, v);
    const height = edge * (0.55 + 0.35 * g.id) + 0.1 * n - 0.4 * pore;
    return { height: clamp01(height), tone: clamp01((0.45 + 0.55 * g.id) * (0.6 + 0.4 * edge) * (1 - 0.7 * pore) + 0.08 * n) };
  };
}

/** Crepe rubber: crinkled ridges of latex sheets pressed together. */
function crepe(seed: number): Surface {
  const ridges = periodicFbm(seed, 5, 5);
  const warpU = periodicFbm(seed + 1, 3, 3);
  const warpV = periodicFbm(seed + 2, 3, 3);
  return (u, v) => {
    const wu = u + 0.06 * warpU(u, v);
    const wv = v + 0.06 * warpV(u, v);
    // Periodic still: the warp is periodic, and so is the noise it is read from.
    const r = 1 - Math.abs(ridges(((wu % 1) + 1) % 1, ((wv % 1) + 1) % 1));
    const height = r * r;
    return { height, tone: clamp01(0.6 + 0.4 * height) };
  };
}

const RECIPES: Readonly<Record<SurfaceKind, SurfaceRecipe>> = {
  leather: { size: 512, slope: 0.9, surface: leather },
  suede: { size: 512, slope: 0.7, surface: suede },
  nubuck: { size: 512, slope: 0.45, surface: nubuck },
  patent: { size: 256, slope: 0.06, surface: patent },
  canvas: { size: 512, slope: 0.8, surface: canvas },
  mesh: { size: 512, slope: 0.8, surface: mesh },
  knit: { size: 512, slope: 0.8, surface: knit },
  rubber: { size: 256, slope: 0.3, surface: rubber },
  foam: { size: 256, slope: 0.35, surface: foam },
  cork: { size: 512, slope: 0.6, surface: cork },
  crepe: { size: 512, slope: 0.6, surface: crepe },
  jersey: { size: 512, slope: 0.7, surface: (seed) => jersey(seed) },
  heather: { size: 512, slope: 0.7, surface: (seed) => jersey(seed, 18, 16, true) },
  rib: { size: 512, slope: 0.8, surface: rib },
};

/** The size in pixels of a kind's map. */
export function surfaceMapSize(kind: SurfaceKind): number {
  return RECIPES[kind].size;
}

/**
 * A kind's map: a tangent-space normal map in RGB (x right, y down the rows, z out of the
 * surface; 128 is zero) and the tone in alpha. The slopes are scaled so that the steepest twentieth
 * of the map has the recipe's slope; the material's `relief` scales them again in the preview.
 */
export function generateSurfaceMap(kind: SurfaceKind): SurfaceMap {
  const { size, slope, surface: recipe } = RECIPES[kind];
  const surface = recipe(seedOf(kind));
  const heights = new Float64Array(size * size);
  const tones = new Float64Array(size * size);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const point = surface(column / size, row / size);
      heights[row * size + column] = point.height;
      tones[row * size + column] = point.tone;
    }
  }
  const at = (row: number, column: number) => heights[(((row + size) % size) * size + ((column + size) % size))]!;
  // Central differences that wrap around the edges: the slopes tile as the heights do.
  const gradients = new Float64Array(size * size * 2);
  const magnitudes: number[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const gx = (at(row, column + 1) - at(row, column - 1)) / 2;
      const gy = (at(row + 1, column) - at(row - 1, column)) / 2;
      gradients[2 * (row * size + column)] = gx;
      gradients[2 * (row * size + column) + 1] = gy;
      magnitudes.push(Math.hypot(gx, gy));
    }
  }
  magnitudes.sort((a, b) => a - b);
  const steep = magnitudes[Math.floor(magnitudes.length * 0.95)]! || 1;
  const scale = slope / steep;
  const pixels = new Uint8Array(size * size * 4);
  for (let index = 0; index < size * size; index += 1) {
    const nx = -gradients[2 * index]! * scale;
    const ny = -gradients[2 * index + 1]! * scale;
    const length = Math.hypot(nx, ny, 1);
    pixels[4 * index] = Math.round(((nx / length) * 0.5 + 0.5) * 255);
    pixels[4 * index + 1] = Math.round(((ny / length) * 0.5 + 0.5) * 255);
    pixels[4 * index + 2] = Math.round(((1 / length) * 0.5 + 0.5) * 255);
    pixels[4 * index + 3] = Math.round(clamp01(tones[index]!) * 255);
  }
  return { kind, size, pixels };
}
