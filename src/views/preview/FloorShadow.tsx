import { memo, useEffect, useMemo } from 'react';
import { bakeFloorShadow } from './bakeFloorShadow.ts';
import type { PartMeshes } from './partMeshes.ts';

const NONE: readonly string[] = [];

/** Props of {@link FloorShadow}. */
export interface FloorShadowProps {
  readonly parts: PartMeshes;
  /** Variant meshes the design hides, which cast no shadow (see ModelVariant). */
  readonly hiddenMeshes?: readonly string[];
}

/**
 * The soft shadow under the product: a texture baked from the model (see bakeFloorShadow) on a
 * transparent plane just above the ground. It is seen from above only, so a view from below
 * (the outsole) looks through it.
 */
export const FloorShadow = memo(function FloorShadow({ parts, hiddenMeshes = NONE }: FloorShadowProps) {
  const hiddenKey = hiddenMeshes.join(',');
  // Re-baked only when what is hidden changes (a few milliseconds), not for every new array.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shadow = useMemo(() => bakeFloorShadow(parts, hiddenMeshes), [parts, hiddenKey]);
  useEffect(() => () => shadow.texture.dispose(), [shadow]);
  return (
    <mesh rotation-x={-Math.PI / 2} position={[shadow.centreX, 0.0002, shadow.centreZ]} renderOrder={-1}>
      <planeGeometry args={[shadow.size, shadow.size]} />
      <meshBasicMaterial map={shadow.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
});
