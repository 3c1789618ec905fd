import { useModelProgress } from './modelLoader.ts';

/** Props of {@link PreviewProgress}. */
export interface PreviewProgressProps {
  readonly url: string;
  /** Accessible name of the progress bar. */
  readonly label: string;
}

/**
 * The model's download progress over the canvas, as an accessible progress bar. Renders nothing
 * once the model is in (or failed: the error boundary around the preview takes over then).
 */
export function PreviewProgress({ url, label }: PreviewProgressProps) {
  const progress = useModelProgress(url);
  if (progress.done || progress.failed) return null;
  const percent = progress.totalBytes ? Math.min(100, Math.round((100 * progress.loadedBytes) / progress.totalBytes)) : 0;
  return (
    <div style={overlay}>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`} style={track}>
        <div style={{ ...bar, width: `${percent}%` }} />
      </div>
    </div>
  );
}

const overlay = {
  position: 'absolute',
  inset: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  pointerEvents: 'none',
} as const;

const track = {
  width: 'min(40%, 240px)',
  height: 4,
  borderRadius: 2,
  background: 'rgba(30, 35, 45, 0.12)',
  overflow: 'hidden',
} as const;

const bar = {
  height: '100%',
  borderRadius: 2,
  background: 'rgba(30, 35, 45, 0.55)',
  transition: 'width 120ms linear',
} as const;
