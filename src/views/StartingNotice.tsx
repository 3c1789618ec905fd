import { useId, useState } from 'react';
import type { StartingDesign } from './startingDesign.ts';

/** Props of {@link StartingNotice}. */
export interface StartingNoticeProps {
  readonly notice: NonNullable<StartingDesign['notice']>;
  /** False when another live region says it already (default true: a warning is an alert, the rest a status). */
  readonly live?: boolean;
}

/**
 * What the customer should know about the design the page opened with: a shared or remixed design
 * restored as it was, what changed since it was made, or why it could not be opened. A warning is
 * an alert, so screen readers read it at once; the customer can dismiss it.
 */
export function StartingNotice({ notice, live = true }: StartingNoticeProps) {
  const [open, setOpen] = useState(true);
  const id = useId();
  if (!open) return null;
  return (
    <div className={`notice notice--${notice.tone}`} role={live ? (notice.tone === 'warning' ? 'alert' : 'status') : 'region'} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="notice__title">{notice.title}</p>
      <ul className="notice__lines">
        {notice.lines.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <button type="button" className="button button--quiet notice__close" onClick={() => setOpen(false)}>Dismiss</button>
    </div>
  );
}
