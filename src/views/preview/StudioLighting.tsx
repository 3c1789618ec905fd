import { ContactShadows, Lightformer } from '@react-three/drei';
import { memo } from 'react';
import { Vector3, type Box3 } from 'three';
import { StudioEnvironment } from './StudioEnvironment.tsx';

/** Props of {@link StudioLighting}. */
export interface StudioLightingProps {
  /** Bounds of the product, to size the floor shadow. */
  readonly bounds: Box3;
}

/**
 * A photo studio built in code: softboxes and strip lights as Lightformers in a generated
 * environment map (no HDR file, no preset, nothing fetched), a key light, and a soft contact
 * shadow on the floor. The environment and the floor shadow are rendered once, so an idle preview
 * draws nothing.
 */
export const StudioLighting = memo(function StudioLighting({ bounds }: StudioLightingProps) {
  const size = bounds.getSize(new Vector3());
  const centre = bounds.getCenter(new Vector3());
  const shadowScale = Math.max(size.x, size.z) * 1.9;
  return (
    <>
      <StudioEnvironment>
        {/* The studio's walls: what every surface picks up between the lights. */}
        <color attach="background" args={['#2b2d31']} />
        {/* Key: a large softbox above and in front of the lateral side. */}
        <Lightformer form="rect" intensity={6} position={[2, 3.5, 3]} scale={[4, 3, 1]} target={[0, 0, 0]} />
        {/* Overhead fill, broad and even. */}
        <Lightformer form="rect" intensity={2.5} position={[0, 6, 0]} rotation-x={Math.PI / 2} scale={[7, 7, 1]} />
        {/* Two tall strips that draw long highlights along the flanks. */}
        <Lightformer form="rect" intensity={4} position={[-4, 1.2, 2.5]} scale={[1, 6, 1]} target={[0, 0, 0]} />
        <Lightformer form="rect" intensity={3} position={[4, 1.2, -2.5]} scale={[1, 6, 1]} target={[0, 0, 0]} />
        {/* Rim from behind, to separate the heel and the collar from the backdrop. */}
        <Lightformer form="rect" intensity={3} color="#eef3ff" position={[-3, 2.5, -4]} scale={[4, 2, 1]} target={[0, 0, 0]} />
        {/* A pale floor bouncing light back up into the sole. */}
        <Lightformer form="rect" intensity={0.7} position={[0, -3, 0]} rotation-x={-Math.PI / 2} scale={[10, 10, 1]} />
      </StudioEnvironment>
      <directionalLight position={[centre.x + 0.6, centre.y + 1.2, centre.z + 0.9]} intensity={1.2} />
      {/* On the ground (y = 0, the model's convention), centred on the origin and a hair below it:
          drei blurs the shadow on a plane at the world origin, seen from the shadow camera, which
          must therefore sit below that plane or the blur (and the shadow) comes out empty. */}
      <ContactShadows
        position={[0, -0.0005, 0]}
        scale={shadowScale}
        resolution={256}
        far={Math.max(size.y, 0.05) * 0.9}
        blur={2.2}
        opacity={0.75}
        color="#1f2530"
        frames={1}
      />
    </>
  );
});
