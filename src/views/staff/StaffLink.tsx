import type { MouseEvent, ReactNode } from 'react';
import { useStaffNavigation } from './StaffNavigationContext.ts';

/** Props of {@link StaffLink}. */
export interface StaffLinkProps {
  /** A path of the staff area, e.g. `/staff/tokens`. */
  readonly to: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A real link to a staff page (it opens in a new tab, can be copied, and works without scripts)
 * that changes the page in place on a plain click. Marked `aria-current="page"` where it points
 * to the page shown.
 */
export function StaffLink({ to, className, children }: StaffLinkProps) {
  const { path, navigate } = useStaffNavigation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified and middle clicks keep what the browser does with them (new tab, new window, download).
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={onClick} aria-current={path === to ? 'page' : undefined}>
      {children}
    </a>
  );
}
