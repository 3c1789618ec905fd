import type { CameraControlsImpl } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useId, useLayoutEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { MathUtils } from 'three';

/** One step of the camera asked for from the keyboard or a button. */
export type CameraNudge = 'left' | 'right' | 'up' | 'down' | 'in' | 'out';
/** Moves the camera one step; set by {@link CameraNudgeBridge} once the camera controls exist. */
export type CameraNudger = (nudge: CameraNudge) => void;

/** One turn step: eighteen presses go round the product. */
const TURN = MathUtils.degToRad(20);
/** One zoom step, as a share of the camera's distance (the rig's limits still hold). */
const ZOOM = 0.18;

const KEYS: Readonly<Record<string, CameraNudge>> = {
  ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', '+': 'in', '=': 'in', '-': 'out', _: 'out',
};

const BUTTONS: readonly { readonly nudge: CameraNudge; readonly label: string; readonly icon: string }[] = [
  { nudge: 'left', label: 'Turn left', icon: 'M12.5 5 7.5 10l5 5' },
  { nudge: 'right', label: 'Turn right', icon: 'M7.5 5l5 5-5 5' },
  { nudge: 'in', label: 'Zoom in', icon: 'M10 5v10M5 10h10' },
  { nudge: 'out', label: 'Zoom out', icon: 'M5 10h10' },
];

/**
 * Inside the Canvas: gives {@link CameraKeyControls} a way to move the default camera controls
 * (the rig's, made default), within the rig's limits, gliding as a drag would.
 */
export function CameraNudgeBridge({ nudgerRef }: { readonly nudgerRef: RefObject<CameraNudger | null> }) {
  const controls = useThree((state) => state.controls) as CameraControlsImpl | null;
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    if (!controls) return undefined;
    nudgerRef.current = (nudge) => {
      switch (nudge) {
        case 'left': void controls.rotate(-TURN, 0, true); break;
        case 'right': void controls.rotate(TURN, 0, true); break;
        case 'up': void controls.rotate(0, -TURN / 2, true); break;
        case 'down': void controls.rotate(0, TURN / 2, true); break;
        case 'in': void controls.dolly(controls.distance * ZOOM, true); break;
        case 'out': void controls.dolly(-controls.distance * ZOOM, true); break;
        default: throw new Error(`[Atelier] unknown camera step ${JSON.stringify(nudge satisfies never)}`);
      }
      // frameloop="demand": the glide starts at the next frame, which nothing else asks for.
      invalidate();
    };
    return () => { nudgerRef.current = null; };
  }, [controls, invalidate, nudgerRef]);
  return null;
}

/** Props of {@link CameraKeyControls}. */
export interface CameraKeyControlsProps {
  readonly productName: string;
  readonly nudgerRef: RefObject<CameraNudger | null>;
  /** The canvas (in its labelled picture). */
  readonly children: ReactNode;
}

/**
 * The 3D view for the keyboard: a focusable stage (arrow keys turn the product, + and − zoom, as
 * its instructions say) and buttons that do the same for a pointer, a touch or a switch. The stage
 * is an `application`, so that a screen reader in browse mode lets its arrow keys through.
 */
export function CameraKeyControls({ productName, nudgerRef, children }: CameraKeyControlsProps) {
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const nudge = KEYS[event.key];
    if (!nudge || !nudgerRef.current) return;
    event.preventDefault();
    nudgerRef.current(nudge);
  };
  return (
    <div className="preview-stage">
      <div className="preview-stage__view" role="application" aria-roledescription="3D view" tabIndex={0} aria-label={`Turn and zoom the ${productName}`} aria-describedby={`${id}-hint`} onKeyDown={onKeyDown}>
        {children}
        <p id={`${id}-hint`} className="preview-stage__hint">Arrow keys turn the {productName.toLowerCase()}; + and − zoom.</p>
      </div>
      <div className="preview-stage__buttons" role="toolbar" aria-label="3D view">
        {BUTTONS.map((button) => (
          <button key={button.nudge} type="button" className="preview-stage__button" onClick={() => nudgerRef.current?.(button.nudge)}>
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d={button.icon} /></svg>
            <span className="sr-only">{button.label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
