/** Props of {@link LoadingIndicator}. */
export interface LoadingIndicatorProps {
  /** What is loading, in words; shown and announced. */
  readonly label?: string;
}

/** A calm spinner with its label, announced politely while something loads. */
export function LoadingIndicator({ label = 'Loading the 3D preview…' }: LoadingIndicatorProps) {
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span className="loading__label">{label}</span>
    </div>
  );
}
