import { useSyncExternalStore } from 'react';
import { ImageBitmapLoader, LinearFilter, LinearMipmapLinearFilter, NoColorSpace, RepeatWrapping, Texture } from 'three';
import type { SurfaceKind } from '../../domain/index.ts';

/** Where a kind's map set is served (`/textures/<kind>.webp`, under Vite's base path). */
export function surfaceMapUrl(kind: SurfaceKind): string {
  return `${import.meta.env.BASE_URL}textures/${kind}.webp`;
}

type MapState = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly texture: Texture } | { readonly status: 'failed' };

/** How far the maps asked for have got. */
export interface SurfaceMapProgress {
  /** Maps asked for so far (each kind once). */
  readonly requested: number;
  /** Of those, the ones that have arrived or failed (a failed map leaves its parts smooth). */
  readonly settled: number;
}

const states = new Map<SurfaceKind, MapState>();
const listeners = new Set<() => void>();
let progress: SurfaceMapProgress = { requested: 0, settled: 0 };
/** `performance.now()` when the last map asked for arrived; null while any is on its way. */
let settledAt: number | null = null;

function changed(): void {
  const all = [...states.values()];
  progress = { requested: all.length, settled: all.filter((state) => state.status !== 'loading').length };
  settledAt = progress.settled === progress.requested ? performance.now() : null;
  for (const listener of listeners) listener();
}

// The maps are data, not colours: no colour conversion, and the tone in alpha must not be
// premultiplied into the normals. An ImageBitmap is decoded off the main thread.
const loader = new ImageBitmapLoader().setOptions({ imageOrientation: 'none', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });

function textureOf(image: ImageBitmap): Texture {
  const texture = new Texture(image);
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.colorSpace = NoColorSpace;
  // An ImageBitmap is uploaded as decoded; the generator wrote row 0 at v = 0.
  texture.flipY = false;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.anisotropy = 4;
  texture.needsUpdate = true;
  return texture;
}

/**
 * Starts downloading the map sets of these kinds, each once. Call it after the first frame: the
 * model is drawn with flat materials first and the maps stream in after.
 */
export function requestSurfaceMaps(kinds: Iterable<SurfaceKind>): void {
  let added = false;
  for (const kind of kinds) {
    if (states.has(kind)) continue;
    states.set(kind, { status: 'loading' });
    added = true;
    loader.load(
      surfaceMapUrl(kind),
      (image) => {
        states.set(kind, { status: 'loaded', texture: textureOf(image) });
        changed();
      },
      undefined,
      () => {
        // The part keeps its flat material: a missing map costs detail, not the preview.
        console.warn(`[Atelier] the surface map ${surfaceMapUrl(kind)} could not be loaded; parts of this material stay smooth`);
        states.set(kind, { status: 'failed' });
        changed();
      },
    );
  }
  if (added) changed();
}

/** A kind's map once it has arrived, else null. */
export function surfaceTextureOf(kind: SurfaceKind): Texture | null {
  const state = states.get(kind);
  return state?.status === 'loaded' ? state.texture : null;
}

/** When the last map asked for arrived (`performance.now()`), or null while some are on their way or none was asked for. */
export function surfaceMapsSettledAt(): number | null {
  return progress.requested > 0 ? settledAt : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Live progress of the maps asked for; a new object whenever a map arrives. */
export function useSurfaceMapProgress(): SurfaceMapProgress {
  return useSyncExternalStore(subscribe, () => progress);
}
