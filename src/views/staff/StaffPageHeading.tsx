import { useEffect, useRef, type ReactNode } from 'react';
import { useStaffNavigation } from './StaffNavigationContext.ts';

/** The id of the heading of the page shown, for focus to return to. */
export const STAFF_HEADING_ID = 'staff-page-heading';

/**
 * The page's `<h1>`. When the page appears after a navigation, a sign-in or a sign-out, the focus
 * moves here, so a screen reader announces the new page and Tab continues from its top.
 */
export function StaffPageHeading({ children }: { readonly children: ReactNode }) {
  const { focusOnArrival } = useStaffNavigation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnArrival) ref.current?.focus();
    // Only when the page appears: a page is mounted anew for each path.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <h1 id={STAFF_HEADING_ID} ref={ref} tabIndex={-1} className="staff-page__heading">{children}</h1>;
}
