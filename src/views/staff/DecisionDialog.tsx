import { useId, useRef, useState } from 'react';
import { APPROVAL_REASONS, MAX_REVIEW_NOTE, REJECTION_REASONS, REVIEW_REASON_LABELS, type ReviewReason } from '../../domain/requests/index.ts';
import { StaffDialog } from './StaffDialog.tsx';

/** Props of {@link DecisionDialog}. */
export interface DecisionDialogProps {
  /** What is decided, e.g. "Approve “Night runner”?". */
  readonly title: string;
  readonly decision: 'approve' | 'reject';
  readonly onDecide: (reason: ReviewReason, note: string) => void;
  readonly onCancel: () => void;
}

/**
 * The approve or reject dialog of the review page: a reason from the decision's fixed list (a
 * select) and a note (needed with "Other"). The browser's `<dialog>` keeps the focus inside,
 * Escape cancels, and the reason has the focus first.
 */
export function DecisionDialog({ title, decision, onDecide, onCancel }: DecisionDialogProps) {
  const id = useId();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const reasons: readonly ReviewReason[] = decision === 'approve' ? APPROVAL_REASONS : REJECTION_REASONS;
  const [reason, setReason] = useState<ReviewReason>(reasons[0]!);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <StaffDialog title={title} initialFocus={reasonRef} onCancel={onCancel}>
      <form
        className="staff-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason === 'other' && note.trim() === '') {
            setProblem('Say in the note why: the reason “Other” needs one.');
            return;
          }
          onDecide(reason, note.trim());
        }}
      >
        <div className="field staff-field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select ref={reasonRef} id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value as ReviewReason)}>
            {reasons.map((code) => <option key={code} value={code}>{code === 'other' ? 'Other' : `${code}: ${REVIEW_REASON_LABELS[code]}`}</option>)}
          </select>
        </div>
        <div className="field staff-field">
          <label htmlFor={`${id}-note`}>Note{reason === 'other' ? '' : ' (optional)'}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            maxLength={MAX_REVIEW_NOTE}
            rows={3}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => {
              setNote(event.target.value);
              setProblem(null);
            }}
          />
          {problem && <p id={`${id}-problem`} className="field__hint field__hint--error" role="alert">{problem}</p>}
        </div>
        <div className="staff-form__actions">
          <button type="submit" className={`button button--primary${decision === 'reject' ? ' staff-button--danger' : ''}`}>{decision === 'approve' ? 'Approve' : 'Reject'}</button>
          <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </StaffDialog>
  );
}
