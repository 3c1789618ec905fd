import { memo, useEffect, useMemo } from 'react';
import { bakeFloorShadow } from './bakeFloorShadow.ts';
import type { PartMeshes } from './partMeshes.ts';

/** Props of {@link FloorShadow}. */
export interface FloorShadowProps {
  readonly parts: PartMeshes;
}

/**
 * The soft shadow under the shoe: a texture baked once from the model (see bakeFloorShadow) on a
 * transparent plane just above the ground. It is seen from above only, so a view from below
 * (the outsole) looks through it.
 */
export const FloorShadow = memo(function FloorShadow({ parts }: FloorShadowProps) {
  const shadow = useMemo(() => bakeFloorShadow(parts), [parts]);
  useEffect(() => () => shadow.texture.dispose(), [shadow]);
  return (
    <mesh rotation-x={-Math.PI / 2} position={[shadow.centreX, 0.0002, shadow.centreZ]} renderOrder={-1}>
      <planeGeometry args={[shadow.size, shadow.size]} />
      <meshBasicMaterial map={shadow.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
});
