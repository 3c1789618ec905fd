import { Vector3, type Box3 } from 'three';
import type { PartId, Product, ViewDirection } from '../../domain/index.ts';

/*
 * Where the camera looks from. The directions are data: each product's `view` (the overview) and
 * its parts' and sections' `view`s in product.yaml, from the model toward the camera (y up).
 */

/** The overview when a product names none: three-quarter front, slightly above. */
export const DEFAULT_HERO_DIRECTION: ViewDirection = [0.78, 0.42, 1];

/** What the camera should frame for a part or section id: which part's bounds, from which direction. */
export interface CameraTarget {
  /** The part whose bounds to frame; null for the whole model. */
  readonly partId: PartId | null;
  /** The direction to look from, when the product names one. */
  readonly view?: ViewDirection;
}

/**
 * Resolves a focused part or section to a camera target: a section frames its `focus` part, from
 * its own `view` or else that part's.
 */
export function cameraTargetOf(product: Product, focusedId: PartId | null): CameraTarget {
  if (focusedId === null) return { partId: null, view: product.view ?? DEFAULT_HERO_DIRECTION };
  const focused = product.parts.find((part) => part.id === focusedId);
  if (!focused) return { partId: null, view: product.view ?? DEFAULT_HERO_DIRECTION };
  if (focused.kind === 'part') return focused.view ? { partId: focused.id, view: focused.view } : { partId: focused.id };
  const part = product.parts.find((candidate) => candidate.id === focused.focus);
  const view = focused.view ?? part?.view;
  return { partId: part?.id ?? null, ...(view ? { view } : {}) };
}

/**
 * A good direction to look at a part from (unit vector, from the model toward the camera): the
 * product's own, or else from where the part sticks out of the model's centre, lifted a little.
 */
export function viewDirectionOf(target: CameraTarget, partBounds: Box3 | undefined, modelBounds: Box3): Vector3 {
  if (target.view) return new Vector3(...target.view).normalize();
  if (!partBounds) return new Vector3(...DEFAULT_HERO_DIRECTION).normalize();
  const outward = partBounds.getCenter(new Vector3()).sub(modelBounds.getCenter(new Vector3()));
  outward.y = Math.max(outward.y, 0) + 0.5 * outward.length() + 1e-3;
  return outward.normalize();
}
