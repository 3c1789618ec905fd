import { useEffect, useId, useRef, useState } from 'react';
import { STAFF_HEADING_ID } from './StaffPageHeading.tsx';

/** Props of {@link SecretOnce}. */
export interface SecretOnceProps {
  /** What the secret belongs to, e.g. "API token ERP". */
  readonly title: string;
  readonly secret: string;
  /** Where it goes, e.g. "Give it to the system as Authorization: Bearer …". */
  readonly use: string;
  /** "Done": the page forgets the secret (the focus goes back to the page's heading). */
  readonly onDismiss: () => void;
}

/**
 * A secret the server shows once (an API token, a webhook's signing secret): in a read-only box
 * with "Copy", and the warning that it will not be shown again. It takes the focus when it
 * appears, so nobody misses it, and gives it back to the page's heading when it is done.
 */
export function SecretOnce({ title, secret, use, onDismiss }: SecretOnceProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard (an insecure context, or permission refused): select it for Ctrl+C instead.
      inputRef.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <section className="staff-card staff-secret" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>{title}</h2>
      <p className="staff-secret__warning"><strong>Copy the secret now: it is not shown again.</strong> If it is lost, create a new one and stop using this.</p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>Secret</label>
        <div className="staff-secret__row">
          <input ref={inputRef} id={`${id}-secret`} className="staff-secret__value" readOnly value={secret} spellCheck={false} aria-describedby={`${id}-use`} onFocus={(event) => event.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>Copy</button>
        </div>
        <p id={`${id}-use`} className="field__hint">{use}</p>
      </div>
      <p role="status" className="staff-secret__copied">{copied}</p>
      <div className="staff-form__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            onDismiss();
            document.getElementById(STAFF_HEADING_ID)?.focus();
          }}
        >
          Done, I have copied it
        </button>
      </div>
    </section>
  );
}
