import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/** Props of {@link StaffDialog}. */
export interface StaffDialogProps {
  /** The dialog's heading and accessible name, e.g. "Revoke the token ERP?". */
  readonly title: string;
  /** The element that has the focus first: the safe choice of a question, the first field of a form. */
  readonly initialFocus: RefObject<HTMLElement | null>;
  /** Escape, or the dialog closed by the browser: the page closes it, so that its state says it is closed. */
  readonly onCancel: () => void;
  /** The id of what the dialog says, read out with its name. */
  readonly describedBy?: string;
  readonly children: ReactNode;
}

/**
 * The staff pages' modal dialog: the browser's `<dialog>` opened as a modal (it keeps the focus
 * inside and gives it back to the button that opened it when it closes), the focus on
 * `initialFocus` first, Escape cancelling, named by its heading.
 *
 * @example
 * <StaffDialog title="Revoke the token ERP?" initialFocus={cancelRef} onCancel={close}>…</StaffDialog>
 */
export function StaffDialog({ title, initialFocus, onCancel, describedBy, children }: StaffDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => dialog.close();
    // Opened once, when mounted: the focus is not moved again while the person works in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="staff-dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
