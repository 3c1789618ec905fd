import { useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, type RefObject } from 'react';
import type { PartId } from '../../domain/index.ts';
import type { CameraRigHandle } from './CameraRig.tsx';
import type { PartMeshes } from './partMeshes.ts';
import { partScreenPoint, type ScreenPoint } from './partScreenPoint.ts';
import { surfaceMapsSettledAt } from './surfaceMapStore.ts';
import { useFirstFrame } from './useFirstFrame.ts';

/**
 * What end-to-end tests and the first-frame benchmark can see of the 3D preview, as
 * `window.__atelierPreview` (the DOM cannot look inside a WebGL canvas). Installed always: it
 * costs one counter per frame.
 *
 * @example
 * await page.waitForFunction(() => window.__atelierPreview?.ready);
 * const point = await page.evaluate(() => window.__atelierPreview!.partScreenPoint('toeCap'));
 */
export interface AtelierPreviewTestApi {
  /** True once a frame showing the model has been drawn. */
  ready: boolean;
  /** Frames drawn so far; stays put while nothing changes (frameloop="demand"). */
  framesRendered: number;
  /** `performance.now()` when the first frame showing the model had been drawn, or null before. */
  firstFrameAt: number | null;
  /** `performance.now()` when the last material map asked for had arrived, or null while any is on its way (or before the first frame). */
  readonly surfaceMapsLoadedAt: number | null;
  /** A point on the visible surface of a part, in CSS pixels relative to the canvas; null if none is visible. */
  partScreenPoint(partId: PartId): ScreenPoint | null;
  /** Turns the camera toward a part (null: the overview) without changing the design's focus; resolves at rest. */
  focus(partId: PartId | null): Promise<void>;
  /** Looks at the whole product from a direction (toward the camera), without animation; for screenshots. */
  lookFrom(x: number, y: number, z: number): Promise<void>;
}

declare global {
  interface Window {
    __atelierPreview?: AtelierPreviewTestApi;
  }
}

const api: AtelierPreviewTestApi = {
  ready: false,
  framesRendered: 0,
  firstFrameAt: null,
  get surfaceMapsLoadedAt() {
    return surfaceMapsSettledAt();
  },
  partScreenPoint: () => null,
  focus: () => Promise.resolve(),
  lookFrom: () => Promise.resolve(),
};
if (typeof window !== 'undefined') window.__atelierPreview = api;

/**
 * Connects `window.__atelierPreview` to the mounted preview: counts frames, records the first
 * frame with the model, and answers screen-point and focus requests. Call it inside the Canvas,
 * once the model has loaded.
 */
export function usePreviewTestApi(parts: PartMeshes, rig: RefObject<CameraRigHandle | null>): void {
  const gl = useThree((state) => state.gl);
  const get = useThree((state) => state.get);

  useFrame(() => {
    api.framesRendered += 1;
  });

  useFirstFrame(() => {
    // Wait for the GPU to finish the frame (one pixel read), so the time is when it was drawn.
    const context = gl.getContext();
    context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4));
    api.firstFrameAt ??= performance.now();
    api.ready = true;
  });

  useLayoutEffect(() => {
    api.partScreenPoint = (partId) => {
      const { camera, size } = get();
      return partScreenPoint(parts, partId, camera, size.width, size.height);
    };
    api.focus = (partId) => rig.current?.focus(partId) ?? Promise.resolve();
    api.lookFrom = (x, y, z) => rig.current?.lookFrom(x, y, z) ?? Promise.resolve();
    return () => {
      api.ready = false;
      api.partScreenPoint = () => null;
      api.focus = () => Promise.resolve();
      api.lookFrom = () => Promise.resolve();
    };
  }, [gl, get, parts, rig]);
}
