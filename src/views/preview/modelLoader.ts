import { useSyncExternalStore } from 'react';
import { GLTFLoader, type GLTF } from 'three/addons/loaders/GLTFLoader.js';
import type { Product } from '../../domain/index.ts';

/** How far the download of a model has got. */
export interface ModelProgress {
  readonly loadedBytes: number;
  /** Null while the server has not said how big the file is. */
  readonly totalBytes: number | null;
  readonly done: boolean;
  readonly failed: boolean;
}

/** A model's download and parse, shared by everyone who asks for the same URL; replaced, never changed, on news. */
interface ModelLoad {
  readonly progress: ModelProgress;
  readonly gltf: GLTF | null;
  readonly error: Error | null;
}

const loads = new Map<string, ModelLoad>();
const listeners = new Set<() => void>();
const NOT_STARTED: ModelProgress = { loadedBytes: 0, totalBytes: null, done: false, failed: false };
const START: ModelLoad = { progress: NOT_STARTED, gltf: null, error: null };
const LOADER = new GLTFLoader();

function update(url: string, change: Partial<ModelLoad>): void {
  loads.set(url, { ...(loads.get(url) ?? START), ...change });
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where a product's model is served (`/models/<file>`, under Vite's base path). */
export function modelUrlOf(product: Product): string {
  return `${import.meta.env.BASE_URL}models/${product.model}`;
}

/**
 * Starts downloading and parsing a model (three's GLTFLoader; no Draco, KTX2 or Meshopt decoder is
 * registered: the model is a plain .glb and nothing is fetched from another host), reporting the
 * bytes received to {@link useModelProgress}. Idempotent: calling it again for the same URL does nothing.
 */
export function preloadProductModel(url: string): void {
  if (loads.has(url)) return;
  loads.set(url, START);
  LOADER.load(
    url,
    (gltf) => {
      const { progress } = loads.get(url)!;
      update(url, { gltf, progress: { ...progress, loadedBytes: progress.totalBytes ?? progress.loadedBytes, done: true } });
    },
    (event) => update(url, { progress: { loadedBytes: event.loaded, totalBytes: event.lengthComputable && event.total > 0 ? event.total : null, done: false, failed: false } }),
    (error) =>
      update(url, {
        error: error instanceof Error ? error : new Error(`[Atelier] the 3D model ${url} could not be loaded`),
        progress: { ...loads.get(url)!.progress, failed: true },
      }),
  );
}

/**
 * The loaded glTF of a model, or null while it loads (starting the load if nobody has); throws
 * the load's error, for the preview's error boundary. Every caller gets the same object.
 *
 * It does not suspend, on purpose: React commits the retry of a Suspense boundary that showed its
 * fallback no sooner than 300 ms after the fallback appeared (it throttles loading states), which
 * held back the first frame with the product by up to that long after the model had arrived. A
 * plain state change renders at once.
 */
export function useProductModel(url: string): GLTF | null {
  preloadProductModel(url);
  const load = useSyncExternalStore(subscribe, () => loads.get(url) ?? START);
  if (load.error) throw load.error;
  return load.gltf;
}

/** Live download progress of a model, for the loading indicator. */
export function useModelProgress(url: string): ModelProgress {
  return useSyncExternalStore(subscribe, () => (loads.get(url) ?? START).progress);
}
