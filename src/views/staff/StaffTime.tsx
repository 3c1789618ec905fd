import { formatStaffTime } from './formatStaffTime.ts';

/** An instant as a `<time>` element, or `none` (e.g. "Never") when there is none. */
export function StaffTime({ iso, none = '—' }: { readonly iso: string | null; readonly none?: string }) {
  if (iso === null) return <>{none}</>;
  return <time dateTime={iso}>{formatStaffTime(iso)}</time>;
}
