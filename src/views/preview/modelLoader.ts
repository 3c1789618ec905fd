import { useLoader } from '@react-three/fiber';
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

const NOT_STARTED: ModelProgress = { loadedBytes: 0, totalBytes: null, done: false, failed: false };
const progressByUrl = new Map<string, ModelProgress>();
const listeners = new Set<() => void>();

function report(url: string, progress: ModelProgress): void {
  progressByUrl.set(url, progress);
  for (const listener of listeners) listener();
}

/**
 * three's GLTFLoader, reporting bytes received to {@link useModelProgress}.
 *
 * useLoader.preload() cannot take an onProgress callback, and the preloaded request is the one
 * that downloads the file, so the progress is reported by the loader itself. No Draco, KTX2 or
 * Meshopt decoder is registered: the model is a plain .glb and nothing is fetched from another host.
 */
class TrackedGLTFLoader extends GLTFLoader {
  override load(url: string, onLoad: (gltf: GLTF) => void, onProgress?: (event: ProgressEvent) => void, onError?: (error: unknown) => void): void {
    report(url, NOT_STARTED);
    super.load(
      url,
      (gltf) => {
        const last = progressByUrl.get(url) ?? NOT_STARTED;
        report(url, { ...last, loadedBytes: last.totalBytes ?? last.loadedBytes, done: true });
        onLoad(gltf);
      },
      (event) => {
        report(url, { loadedBytes: event.loaded, totalBytes: event.lengthComputable && event.total > 0 ? event.total : null, done: false, failed: false });
        onProgress?.(event);
      },
      (error) => {
        report(url, { ...(progressByUrl.get(url) ?? NOT_STARTED), failed: true });
        onError?.(error);
      },
    );
  }
}

/** Where a product's model is served (`/models/<file>`, under Vite's base path). */
export function modelUrlOf(product: Product): string {
  return `${import.meta.env.BASE_URL}models/${product.model}`;
}

/**
 * Starts downloading and parsing a model so that {@link useProductModel} finds it ready.
 * Idempotent: calling it again for the same URL does nothing.
 */
export function preloadProductModel(url: string): void {
  useLoader.preload(TrackedGLTFLoader, url);
}

/** The loaded glTF of a model; suspends while it loads. Every caller gets the same, cached object. */
export function useProductModel(url: string): GLTF {
  return useLoader(TrackedGLTFLoader, url);
}

/** Live download progress of a model, for the loading indicator. */
export function useModelProgress(url: string): ModelProgress {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => progressByUrl.get(url) ?? NOT_STARTED,
  );
}
