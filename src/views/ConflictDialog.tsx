import { useSelector } from '@xstate/react';
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { attributeById, attributeDisplayName, optionById } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { domIds } from './domIds.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Shown while the session is in its `conflict` state: why the chosen option is not available with
 * the design, the smallest change that makes it available, "Apply change" and "Keep my design".
 * A modal `<dialog>`: focus moves in and stays in, Escape keeps the design, and focus returns to
 * the option's radio when it closes.
 */
export function ConflictDialog() {
  const actor = useConfiguratorActor();
  const conflict = useSelector(actor, (snapshot) => snapshot.context.conflict);
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const canAccept = useSelector(actor, (snapshot) => snapshot.can({ type: 'conflict.accept' }));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const target = conflict?.explanation.target;

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !target) return;
    if (!dialog.open) dialog.showModal();
    (applyRef.current ?? keepRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The radio the customer chose, whichever way the conflict ended (after a repair it is checked).
      document.getElementById(domIds.optionInput(target.attribute, target.option))?.focus();
    };
  }, [target]);

  if (!conflict || !target) return null;
  const attribute = attributeById(product, target.attribute);
  const wanted = `${attributeDisplayName(product, attribute)}: ${optionById(attribute, target.option).label}`;
  const cancel = () => actor.send({ type: 'conflict.cancel' });

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Handled here rather than by the dialog's own close, so the session decides what Escape does.
      event.preventDefault();
      cancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="conflict"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-reason conflict-repair"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id="conflict-title" className="conflict__title">{wanted} is not available with your design</h2>
      <p id="conflict-reason" className="conflict__reason">{conflict.reason}</p>
      <div id="conflict-repair" className="conflict__repair">
        {conflict.repairText ? (
          <>
            <p className="conflict__repair-label">To get it:</p>
            <p className="conflict__repair-text">{conflict.repairText}</p>
            <p className="conflict__hint">You can undo this afterwards.</p>
          </>
        ) : (
          <p className="conflict__repair-text">No change to your other choices makes this option available.</p>
        )}
      </div>
      <div className="conflict__actions">
        <button type="button" ref={keepRef} className="button button--secondary" onClick={cancel}>
          Keep my design
        </button>
        {canAccept && (
          <button type="button" ref={applyRef} className="button button--primary" onClick={() => actor.send({ type: 'conflict.accept' })}>
            Apply change
          </button>
        )}
      </div>
    </dialog>
  );
}
