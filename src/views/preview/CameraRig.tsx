import { AdaptiveDpr, CameraControls, CameraControlsImpl } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { MathUtils, PerspectiveCamera, Sphere, Vector3, type Camera, type Mesh } from 'three';
import type { CameraView, PartId, Product } from '../../domain/index.ts';
import { frameMeshes } from './modelFraming.ts';
import type { PartMeshes } from './partMeshes.ts';
import { cameraTargetOf, viewDirectionOf } from './partViews.ts';

/** What the rest of the preview may ask of the camera. */
export interface CameraRigHandle {
  /** Turns the camera toward a part or section (or back to the overview for null); resolves when it comes to rest. */
  focus(partId: PartId | null, animate?: boolean): Promise<void>;
  /** Looks at the whole shoe from a direction (x, y, z toward the camera; need not be unit length), at once. */
  lookFrom(x: number, y: number, z: number): Promise<void>;
  /** Glides to one of the product's preset camera angles; resolves when the camera comes to rest. */
  showView(view: CameraView): Promise<void>;
}

/** Props of {@link CameraRig}. */
export interface CameraRigProps {
  /** Its parts' and sections' `view`s say where the camera looks from. */
  readonly product: Product;
  readonly parts: PartMeshes;
  readonly focusedPart: PartId | null;
  readonly ref?: Ref<CameraRigHandle>;
}

/** Just above the ground plane, so the customer cannot orbit under the floor. */
const MAX_POLAR = MathUtils.degToRad(86);
/** How much of the way from the shoe's centre toward a focused part the camera aims. */
const AIM_TOWARD_PART = 0.4;
/** Distance when focused, relative to the distance that fits the whole shoe. */
const FOCUS_DISTANCE = 0.82;
/** Empty space around the shoe in the overview, relative to its bounding sphere. */
const FRAMING_MARGIN = 0.95;
/** How much of the frame (each way) the model's box fills in a preset view, and a part's in a detail. */
const PRESET_FILL = 0.86;
const DETAIL_FILL = 0.6;
/** CSS pixels at the foot of the preview taken by the camera view buttons, which the model keeps clear of. */
const CONTROLS_HEIGHT = 64;
const { ACTION } = CameraControlsImpl;

/**
 * camera-controls eases with the time since the previous frame. In frameloop="demand" the first
 * frame after an idle spell reports the whole idle time, which would make every animation jump to
 * its end, so that frame counts as an ordinary one. Later frames keep their real duration, so a
 * slow device (software WebGL) still finishes a turn in the same time, in fewer frames.
 */
class DemandCameraControls extends CameraControlsImpl {
  private moving = false;
  private readonly current = new Vector3();
  private readonly end = new Vector3();

  override update(delta: number): boolean {
    const step = this.moving ? Math.min(delta, 0.25) : Math.min(delta, 1 / 30);
    // The easing approaches its end for many frames after the last visible pixel of movement
    // (camera-controls stops at 1e-5); in software WebGL each of those frames costs a lot, so
    // finish the move once what is left is about half a pixel on a 500-pixel-high canvas.
    if (this.moving) {
      const left = this.distanceLeft();
      if (left > 0 && left < 5e-4 * this.distance) {
        this.stop();
        this._needsUpdate = true;
      }
    }
    this.moving = super.update(step);
    return this.moving;
  }

  /** How far the camera (or what it looks at) still has to go, in metres. */
  private distanceLeft(): number {
    return Math.max(
      this.getPosition(this.current, false).distanceTo(this.getPosition(this.end, true)),
      this.getTarget(this.current, false).distanceTo(this.getTarget(this.end, true)),
    );
  }
}

/**
 * The camera: orbit and zoom within limits (not under the floor, not into or far away from the
 * shoe), no panning, and a smooth turn toward the focused part that keeps the shoe in view.
 * While it moves, frames are drawn at the canvas's reduced "performance" resolution.
 */
export const CameraRig = memo(function CameraRig({ product, parts, focusedPart, ref }: CameraRigProps) {
  const controlsRef = useRef<CameraControlsImpl>(null);
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  const invalidate = useThree((state) => state.invalidate);

  const shoe = parts.bounds.getBoundingSphere(new Sphere());
  const fitDistance = fittingDistance(camera, size.width / Math.max(1, size.height), shoe.radius * FRAMING_MARGIN);

  const focus = useCallback(
    (partId: PartId | null, animate = true): Promise<void> => {
      const controls = controlsRef.current;
      if (!controls) return Promise.resolve();
      const framed = cameraTargetOf(product, partId);
      const partBox = framed.partId === null ? undefined : parts.partBounds.get(framed.partId);
      const direction = viewDirectionOf(framed, partBox, parts.bounds);
      const target = shoe.center.clone();
      if (partBox) target.lerp(partBox.getCenter(new Vector3()), AIM_TOWARD_PART);
      // The overview fills the frame with the model, seen from its direction.
      const overview = partBox ? null : frameMeshes(allMeshes(parts), direction, fovOf(camera), size.width / Math.max(1, size.height), PRESET_FILL, CONTROLS_HEIGHT / Math.max(1, size.height));
      if (overview) target.copy(overview.target);
      const distance = partBox ? fitDistance * FOCUS_DISTANCE : (overview?.distance ?? fitDistance);
      const position = direction.multiplyScalar(distance).add(target);
      // A view from below (the outsole) may go under the floor; orbiting elsewhere may not.
      controls.maxPolarAngle = Math.max(MAX_POLAR, Math.acos(MathUtils.clamp((position.y - target.y) / distance, -1, 1)) + 0.05);
      return controls.setLookAt(position.x, position.y, position.z, target.x, target.y, target.z, animate);
    },
    [product, parts, shoe.center, fitDistance, camera, size.width, size.height],
  );

  const lookFrom = useCallback(
    (x: number, y: number, z: number): Promise<void> => {
      const controls = controlsRef.current;
      if (!controls) return Promise.resolve();
      const direction = new Vector3(x, y, z);
      if (direction.lengthSq() === 0) return Promise.reject(new Error('lookFrom needs a direction that is not (0, 0, 0).'));
      const position = direction.normalize().multiplyScalar(fitDistance).add(shoe.center);
      controls.maxPolarAngle = Math.PI;
      const moved = controls.setLookAt(position.x, position.y, position.z, shoe.center.x, shoe.center.y, shoe.center.z, false);
      // frameloop="demand": nothing draws the new view unless a frame is asked for.
      invalidate();
      return moved;
    },
    [shoe.center, fitDistance, invalidate],
  );

  const showView = useCallback(
    (view: CameraView): Promise<void> => {
      const controls = controlsRef.current;
      if (!controls) return Promise.resolve();
      const direction = new Vector3(...view.direction).normalize();
      const focused = view.focus === undefined ? undefined : parts.meshes.get(view.focus);
      const framed = frameMeshes(focused ?? allMeshes(parts), direction, fovOf(camera), size.width / Math.max(1, size.height), focused ? DETAIL_FILL : PRESET_FILL, CONTROLS_HEIGHT / Math.max(1, size.height));
      if (!framed) return Promise.resolve();
      const { target } = framed;
      // A detail comes close, but never inside the zoom limit the customer has.
      const distance = Math.max(framed.distance, controls.minDistance);
      const position = direction.multiplyScalar(distance).add(target);
      controls.maxPolarAngle = Math.max(MAX_POLAR, Math.acos(MathUtils.clamp((position.y - target.y) / distance, -1, 1)) + 0.05);
      return controls.setLookAt(position.x, position.y, position.z, target.x, target.y, target.z, true);
    },
    [parts, size.width, size.height, camera],
  );

  useImperativeHandle(ref, () => ({ focus, lookFrom, showView }), [focus, lookFrom, showView]);

  const controlsReady = useRef(false);
  useLayoutEffect(() => {
    const controls = controlsRef.current;
    if (!controls) return;
    controls.minDistance = shoe.radius * 1.15;
    controls.maxDistance = fitDistance * 2.2;
    controls.smoothTime = 0.3;
    controls.draggingSmoothTime = 0.12;
    controls.restThreshold = 0.005;
    controls.mouseButtons.left = ACTION.ROTATE;
    controls.mouseButtons.middle = ACTION.DOLLY;
    controls.mouseButtons.right = ACTION.NONE;
    controls.mouseButtons.wheel = ACTION.DOLLY;
    controls.touches.one = ACTION.TOUCH_ROTATE;
    controls.touches.two = ACTION.TOUCH_DOLLY;
    controls.touches.three = ACTION.NONE;
  }, [shoe.radius, fitDistance]);

  // The first view is set without animation, before the first frame; later focus changes glide.
  useLayoutEffect(() => {
    void focus(focusedPart, controlsReady.current);
    controlsReady.current = true;
    // Only a change of focused part moves the camera, not a resize or a new handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusedPart]);

  return (
    <>
      <CameraControls ref={controlsRef} impl={DemandCameraControls} makeDefault regress />
      <AdaptiveDpr />
    </>
  );
});

/** Every mesh of the model, configurable or fixed. */
function allMeshes(parts: PartMeshes): Mesh[] {
  return [...[...parts.meshes.values()].flat(), ...parts.fixed];
}

function fovOf(camera: Camera): number {
  return camera instanceof PerspectiveCamera ? camera.fov : 30;
}

/** The camera distance at which a sphere of this radius fills the narrower field of view. */
function fittingDistance(camera: Camera, aspect: number, radius: number): number {
  const verticalFov = MathUtils.degToRad(camera instanceof PerspectiveCamera ? camera.fov : 30);
  const horizontalFov = 2 * Math.atan(Math.tan(verticalFov / 2) * aspect);
  return radius / Math.sin(Math.min(verticalFov, horizontalFov) / 2);
}
