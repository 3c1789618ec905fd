import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link StaffTable}. */
export interface StaffTableProps {
  /** The table's name, shown as its caption. */
  readonly caption: string;
  /** `<thead>` and `<tbody>`. */
  readonly children: ReactNode;
  /** Whether the table takes the focus when it appears (a new page of the audit log asked for by a button that is gone meanwhile). */
  readonly focusOnMount?: boolean;
}

/**
 * A data table with its caption, in a region that scrolls sideways on a narrow screen. The region
 * is named by the caption and focusable, so keyboard users can scroll it too.
 */
export function StaffTable({ caption, children, focusOnMount = false }: StaffTableProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
    // Only when the table appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div ref={ref} className="staff-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="staff-table">
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
