import { Vector3, type Box3 } from 'three';
import type { PartId } from '../../domain/index.ts';

/*
 * Where the camera looks from when a part is focused. Model axes: toe toward +x, lateral side
 * toward +z, up +y. Directions point from the shoe toward the camera; they need not be unit length.
 */

/** The overview a product page opens on: three-quarter front, lateral side, slightly above. */
export const HERO_DIRECTION: Readonly<Vector3> = new Vector3(0.78, 0.42, 1);

const PART_DIRECTIONS: Readonly<Record<PartId, Readonly<Vector3>>> = {
  toeCap: new Vector3(1, 0.45, 0.65),
  vamp: new Vector3(0.75, 0.75, 0.75),
  quarter: new Vector3(-0.35, 0.4, 1),
  eyestay: new Vector3(0.35, 1.1, 0.6),
  heelCounter: new Vector3(-1, 0.38, 0.45),
  heelTab: new Vector3(-1, 0.6, 0.28),
  sidePanel: new Vector3(0.05, 0.28, 1),
  tongue: new Vector3(1, 1.05, 0.3),
  laces: new Vector3(0.7, 1.15, 0.4),
  lining: new Vector3(-0.85, 1.25, 0.35),
  midsole: new Vector3(0.35, 0.12, 1),
  // From below the ground plane: the tread is the point of the outsole.
  outsole: new Vector3(0.25, -0.55, 1),
};

/**
 * A good direction to look at a part from (unit vector, from the shoe toward the camera). Parts
 * without an entry are seen from where they stick out of the shoe's centre, lifted a little.
 */
export function viewDirectionOf(partId: PartId | null, partBounds: Box3 | undefined, shoeBounds: Box3): Vector3 {
  if (partId === null) return HERO_DIRECTION.clone().normalize();
  const known = PART_DIRECTIONS[partId];
  if (known) return known.clone().normalize();
  if (!partBounds) return HERO_DIRECTION.clone().normalize();
  const outward = partBounds.getCenter(new Vector3()).sub(shoeBounds.getCenter(new Vector3()));
  outward.y = Math.max(outward.y, 0) + 0.5 * outward.length() + 1e-3;
  return outward.normalize();
}
