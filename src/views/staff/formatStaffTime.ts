const FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * An instant of the staff API (ISO 8601) as staff read it, in their own time zone.
 *
 * @example formatStaffTime('2026-11-25T12:00:00.000Z') // '25 Nov 2026, 13:00' in Paris
 */
export function formatStaffTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : FORMAT.format(time);
}
