import { useCallback, useEffect, useState } from 'react';

/** Where the staff area is, and how to go elsewhere in it. */
export interface StaffLocation {
  /** The path without a trailing slash, e.g. `/staff/accounts`. */
  readonly path: string;
  /** How many times the page changed in this tab (links, Back, Forward): 0 on the page first loaded. */
  readonly navigations: number;
  /** Goes to a path of the staff area without reloading (a history entry, like a real link). */
  readonly navigate: (path: string) => void;
}

function currentPath(): string {
  return window.location.pathname.replace(/\/+$/, '') || '/';
}

/**
 * Client-side routing by pathname: `history.pushState` for links and the browser's Back and
 * Forward (`popstate`). Every staff path is also a real address the server answers with the app.
 */
export function useStaffLocation(): StaffLocation {
  const [location, setLocation] = useState(() => ({ path: currentPath(), navigations: 0 }));

  useEffect(() => {
    const onPopState = () => setLocation((before) => ({ path: currentPath(), navigations: before.navigations + 1 }));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((path: string) => {
    if (path !== window.location.pathname) window.history.pushState(null, '', path);
    setLocation((before) => ({ path: currentPath(), navigations: before.navigations + 1 }));
    window.scrollTo({ top: 0 });
  }, []);

  return { ...location, navigate };
}
