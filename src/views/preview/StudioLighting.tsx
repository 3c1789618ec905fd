import { memo } from 'react';
import type { Studio } from './studioEnvironment.ts';
import { StudioEnvironment } from './StudioEnvironment.tsx';

/**
 * A product photographer's set-up around the shoe (toe toward +x, lateral side toward +z): a big
 * key softbox high over the lateral side (so the flank the camera sees shades from top to bottom
 * instead of being lit flat from the front), a broad overhead fill, two tall strips that draw long
 * highlights along the flanks, a cool rim from behind and a faint bounce from the floor, all in a
 * dark room so that the shapes read.
 */
const STUDIO: Studio = {
  walls: '#2b2d31',
  lights: [
    { position: [-0.5, 4, 2.5], size: [4, 3], intensity: 5 },
    { position: [0, 6, 0.01], size: [7, 7], intensity: 1.5 },
    { position: [-4, 1.2, 2.5], size: [1, 6], intensity: 4 },
    { position: [4, 1.2, -2.5], size: [1, 6], intensity: 3 },
    { position: [-3, 2.5, -4], size: [4, 2], intensity: 3, colour: '#eef3ff' },
    { position: [0, -3, 0.01], size: [10, 10], intensity: 0.5 },
  ],
};

/** The key softbox's direction, as a directional light for crisp shading (the environment alone reads a little flat). */
const KEY_LIGHT_POSITION: [number, number, number] = [-0.3, 1.3, 0.7];

/**
 * The studio: image-based lighting computed from the set-up above (no HDR file, no preset,
 * nothing fetched) and a key light. Computed once; an idle preview draws nothing. It needs no
 * model: mount it first, so that it is ready while the model downloads.
 */
export const StudioLighting = memo(function StudioLighting() {
  return (
    <>
      <StudioEnvironment studio={STUDIO} />
      <directionalLight position={KEY_LIGHT_POSITION} intensity={1.4} />
    </>
  );
});
