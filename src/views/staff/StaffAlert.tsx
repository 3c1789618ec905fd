import { useEffect, useRef } from 'react';
import type { StaffFailure } from '../../machines/index.ts';

/** Props of {@link StaffAlert}. */
export interface StaffAlertProps {
  /** What failed last; null when nothing did. */
  readonly failure: StaffFailure | null;
  /** The count of failures so far: each new one takes the focus here. */
  readonly failures: number;
}

/**
 * Why a request failed, in an alert that is always in the page (so that what appears in it is
 * announced) and takes the focus at each new failure, so keyboard users start from the reason.
 */
export function StaffAlert({ failure, failures }: StaffAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures > 0) ref.current?.focus();
  }, [failures]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="staff-alert">
      {failure && <p>{failure.message}</p>}
    </div>
  );
}
