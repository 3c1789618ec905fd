import { createContext, useContext } from 'react';

/** What links and headings of the staff area need to know about navigation. */
export interface StaffNavigation {
  /** The current path, e.g. `/staff/accounts`. */
  readonly path: string;
  /** Goes to a path of the staff area without reloading. */
  readonly navigate: (path: string) => void;
  /**
   * Whether a page that appears takes the focus to its heading: after a link, Back or Forward, a
   * sign-in or a sign-out in this tab; not on the page first loaded, where the browser starts at the top.
   */
  readonly focusOnArrival: boolean;
}

/** Provided by `StaffApp`. */
export const StaffNavigationContext = createContext<StaffNavigation>({
  path: '/staff',
  navigate: (path) => window.location.assign(path),
  focusOnArrival: false,
});

/** The staff area's navigation (see {@link StaffNavigation}). */
export function useStaffNavigation(): StaffNavigation {
  return useContext(StaffNavigationContext);
}
