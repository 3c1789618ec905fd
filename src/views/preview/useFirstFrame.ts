import { addAfterEffect, useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';

/**
 * Calls `onFirstFrame` once, right after the first frame drawn with the calling component mounted
 * (with frameloop="demand" there may be no second one to wait for). Call it inside the Canvas.
 */
export function useFirstFrame(onFirstFrame: () => void): void {
  const drew = useRef(false);
  const done = useRef(false);
  const callback = useRef(onFirstFrame);
  useLayoutEffect(() => {
    callback.current = onFirstFrame;
  });
  useFrame(() => {
    drew.current = true;
  });
  // A layout effect, so that it is listening before the first frame is drawn.
  useLayoutEffect(
    () =>
      addAfterEffect(() => {
        if (done.current || !drew.current) return;
        done.current = true;
        callback.current();
      }),
    [],
  );
}
