import type { ReactNode } from 'react';
import { StaffAlert } from './StaffAlert.tsx';
import { StaffPageHeading } from './StaffPageHeading.tsx';
import { StaffStatus } from './StaffStatus.tsx';
import type { StaffPageView } from './useStaffPage.ts';

/** Props of {@link StaffPageFrame}. */
export interface StaffPageFrameProps {
  readonly title: string;
  /** A line under the heading on what the page is for. */
  readonly lead?: ReactNode;
  readonly view: StaffPageView<unknown, unknown, unknown>;
  /** Asks for the data again after it could not be loaded. */
  readonly onReload: () => void;
  readonly children: ReactNode;
}

/**
 * What every staff page with data has: its heading (focused on arrival), a lead, the alert of
 * the last failure, the polite status of the last change, "Loading…", and "Try again" when the
 * data could not be loaded.
 */
export function StaffPageFrame({ title, lead, view, onReload, children }: StaffPageFrameProps) {
  return (
    <div className="staff-page">
      <StaffPageHeading>{title}</StaffPageHeading>
      {lead && <p className="staff-page__lead">{lead}</p>}
      <StaffAlert failure={view.error} failures={view.failures} />
      <StaffStatus status={view.status} />
      {view.loading && <p className="staff-loading">Loading…</p>}
      {view.failed && (
        <p>
          <button type="button" className="button button--secondary" onClick={onReload}>Try again</button>
        </p>
      )}
      {children}
    </div>
  );
}
