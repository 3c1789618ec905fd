import { useId, useRef, type ReactNode } from 'react';
import { StaffDialog } from './StaffDialog.tsx';

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
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <StaffDialog title={title} initialFocus={cancelRef} onCancel={onCancel} describedBy={bodyId}>
      <div id={bodyId}>{children}</div>
      <div className="staff-form__actions">
        <button type="button" className="button button--primary staff-button--danger" onClick={onConfirm}>{confirm}</button>
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </StaffDialog>
  );
}
