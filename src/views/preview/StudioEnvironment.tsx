import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import type { Scene, Texture } from 'three';
import { createStudioEnvironment, type Studio } from './studioEnvironment.ts';

/** Props of {@link StudioEnvironment}. */
export interface StudioEnvironmentProps {
  readonly studio: Studio;
}

/**
 * Image-based lighting from a studio of rectangular lights (see studioEnvironment.ts), set as the
 * scene's environment when it mounts. Nothing is fetched and nothing is redrawn afterwards.
 */
export function StudioEnvironment({ studio }: StudioEnvironmentProps) {
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    const environment = createStudioEnvironment(studio);
    setEnvironment(scene, environment);
    invalidate();
    return () => {
      setEnvironment(scene, null);
      environment.dispose();
    };
  }, [studio, scene, invalidate]);
  return null;
}

function setEnvironment(scene: Scene, texture: Texture | null): void {
  scene.environment = texture;
}
