import { formatStaffTime } from '../formatStaffTime.ts';

const CLOCK = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

/**
 * When a draft was saved, as the studio says it: the time alone for today ("10:02"), else the
 * date and time ("25 Nov 2026, 10:02"), in the reader's time zone.
 */
export function savedAtText(iso: string, now: Date = new Date()): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toDateString() === now.toDateString() ? CLOCK.format(time) : formatStaffTime(iso);
}
