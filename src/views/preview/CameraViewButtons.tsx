import type { CameraView } from '../../domain/index.ts';

/** Props of {@link CameraViewButtons}. */
export interface CameraViewButtonsProps {
  /** The product's preset angles (product.yaml `views`), in order. */
  readonly views: readonly CameraView[];
  /** Called with the angle the customer picked; the camera glides there. */
  onPick(view: CameraView): void;
}

/**
 * A row of labelled buttons over the foot of the 3D preview, one per preset camera angle
 * (side, front, back, top, a detail). They only move the camera: nothing about the design changes.
 */
export function CameraViewButtons({ views, onPick }: CameraViewButtonsProps) {
  if (views.length === 0) return null;
  return (
    <div role="group" aria-label="Camera views" className="camera-views">
      {views.map((view) => (
        <button key={view.id} type="button" className="camera-views__button" onClick={() => onPick(view)}>
          {view.label}
        </button>
      ))}
    </div>
  );
}
