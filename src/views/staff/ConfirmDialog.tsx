import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question, e.g. "Revoke the token ERP?". */
  readonly title: string;
  /** What happens if confirmed. */
  readonly children: ReactNode;
  /** The button that does it, e.g. "Revoke token". */
  readonly confirm: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A modal question before something that cannot be undone (revoking a token, disabling a webhook
 * endpoint): the browser's `<dialog>` keeps the focus inside, Escape cancels, and the focus goes
 * back to the button that opened it. The safe choice has the focus first.
 */
export function ConfirmDialog({ title, children, confirm, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="staff-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        // Escape: closed by the page, so that the page's state says it is closed.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="staff-form__actions">
        <button type="button" className="button button--primary staff-button--danger" onClick={onConfirm}>{confirm}</button>
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </dialog>
  );
}
