import { createPortal, useThree } from '@react-three/fiber';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { Scene, type Texture } from 'three';
import { prefilterEnvironment } from './prefilterEnvironment.ts';

/** Props of {@link StudioEnvironment}. */
export interface StudioEnvironmentProps {
  /** The studio: drei Lightformers and a `<color attach="background">` for the walls. */
  readonly children: ReactNode;
}

/**
 * Image-based lighting made from its children, like drei's `<Environment>` with Lightformers, but
 * prefiltered by {@link prefilterEnvironment} (fast in software WebGL). The studio is captured
 * once, when it mounts: it does not keep the frame loop busy.
 */
export function StudioEnvironment({ children }: StudioEnvironmentProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  const [studio] = useState(() => new Scene());

  // Children mount (and Lightformers set their colours) in layout effects that run before this one.
  useLayoutEffect(() => {
    const environment = prefilterEnvironment(gl, studio);
    setEnvironment(scene, environment.texture);
    invalidate();
    return () => {
      setEnvironment(scene, null);
      environment.dispose();
    };
  }, [gl, scene, studio, invalidate]);

  return createPortal(children, studio);
}

function setEnvironment(scene: Scene, texture: Texture | null): void {
  scene.environment = texture;
}
