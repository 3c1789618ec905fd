import type { CSSProperties } from 'react';
import { useSurfaceMapProgress } from './surfaceMapStore.ts';

/** Props of {@link SurfaceMapProgress}. */
export interface SurfaceMapProgressProps {
  /** Accessible name of the progress bar. */
  readonly label: string;
}

/**
 * The material maps streaming in after the first frame, as a small labelled progress bar in a
 * corner of the preview (the product is already on screen, in flat materials). Renders nothing
 * once every map asked for has arrived or failed.
 */
export function SurfaceMapProgress({ label }: SurfaceMapProgressProps) {
  const { requested, settled } = useSurfaceMapProgress();
  if (settled >= requested) return null;
  const percent = Math.round((100 * settled) / requested);
  return (
    <div style={corner}>
      <span aria-hidden="true">Materials</span>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={requested} aria-valuenow={settled} aria-valuetext={`${settled} of ${requested} material maps`} style={track}>
        <div style={{ ...bar, width: `${percent}%` }} />
      </div>
    </div>
  );
}

const corner: CSSProperties = {
  position: 'absolute',
  left: 12,
  bottom: 12,
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  padding: '4px 10px',
  borderRadius: 999,
  background: 'rgba(255, 255, 255, 0.8)',
  color: '#2a2f38',
  font: '500 14px/1.2 system-ui, sans-serif',
  pointerEvents: 'none',
};

const track: CSSProperties = {
  width: 64,
  height: 4,
  borderRadius: 2,
  background: 'rgba(30, 35, 45, 0.15)',
  overflow: 'hidden',
};

const bar: CSSProperties = {
  height: '100%',
  borderRadius: 2,
  background: 'rgba(30, 35, 45, 0.6)',
  transition: 'width 120ms linear',
};
