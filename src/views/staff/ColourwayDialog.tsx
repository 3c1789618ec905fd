import { useId, useRef, useState } from 'react';
import { fieldProblem, type StaffFailure } from '../../machines/index.ts';
import { StaffDialog } from './StaffDialog.tsx';

/** What the designer typed: the colourway's name, its line of description, its credit (empty: none). */
export interface ColourwayFields {
  readonly name: string;
  readonly description: string;
  readonly credit: string;
}

/** Props of {@link ColourwayDialog}. */
export interface ColourwayDialogProps {
  /** What is made a colourway, e.g. "Make “Night runner” a colourway of the Sneaker". */
  readonly title: string;
  /** The product's name, for the refusal of a draft saved elsewhere. */
  readonly productName: string;
  /** The credit to start from: the creator's public name, or empty. */
  readonly creatorName: string;
  /** The request is on its way: the button waits (aria-disabled, so it keeps the focus). */
  readonly busy: boolean;
  /** Why the server refused this dialog's last request; null when it did not. */
  readonly refusal: StaffFailure | null;
  readonly onMake: (fields: ColourwayFields) => void;
  readonly onCancel: () => void;
}

// The server's limits (colourwayRoutes.ts), so the fields stop where the server would refuse.
const MAX_NAME = 80;
const MAX_DESCRIPTION = 200;
const MAX_CREDIT = 80;

/**
 * "Make colourway…" of the review page: the colourway's name (needed), a one-line description and
 * the credit (the creator's public name to start with; emptied, no credit). The browser's
 * `<dialog>` keeps the focus inside, Escape cancels, the name has the focus first. The dialog stays
 * open until the colourway is made, so a refusal (the rule the design breaks, a name taken, the
 * draft saved from another tab) is read here, beside what was typed, and sent again with one key.
 */
export function ColourwayDialog({ title, productName, creatorName, busy, refusal, onMake, onCancel }: ColourwayDialogProps) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<ColourwayFields>({ name: '', description: '', credit: creatorName });
  const [missingName, setMissingName] = useState(false);
  const nameProblem = missingName ? 'Give the colourway the name customers will read, e.g. “Forest Runner”.' : fieldProblem(refusal, 'name')?.message;
  const refused = refusal && !fieldProblem(refusal, 'name') ? refusalSentence(refusal, productName) : null;
  const set = (key: keyof ColourwayFields) => (event: { target: { value: string } }) => {
    setFields({ ...fields, [key]: event.target.value });
    if (key === 'name') setMissingName(false);
  };
  return (
    <StaffDialog title={title} initialFocus={nameRef} onCancel={onCancel}>
      <form
        className="staff-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          if (fields.name.trim() === '') {
            setMissingName(true);
            nameRef.current?.focus();
            return;
          }
          onMake(fields);
        }}
      >
        <p className="field__hint">It goes into your studio draft of the {productName} as a preset, checked against the rules; customers see it once the draft is published.</p>
        <div className="field staff-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={fields.name}
            maxLength={MAX_NAME}
            required
            autoComplete="off"
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? `${id}-name-problem` : undefined}
            onChange={set('name')}
          />
          {nameProblem && <p id={`${id}-name-problem`} className="field__hint field__hint--error" role="alert">{nameProblem}</p>}
        </div>
        <div className="field staff-field">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <input id={`${id}-description`} value={fields.description} maxLength={MAX_DESCRIPTION} autoComplete="off" onChange={set('description')} />
        </div>
        <div className="field staff-field">
          <label htmlFor={`${id}-credit`}>Credit (optional)</label>
          <input id={`${id}-credit`} value={fields.credit} maxLength={MAX_CREDIT} autoComplete="off" aria-describedby={`${id}-credit-hint`} onChange={set('credit')} />
          <p id={`${id}-credit-hint`} className="field__hint">Customers read “Co-created by {fields.credit.trim() || '…'}” under the colourway. Empty: no credit.</p>
        </div>
        {refused && <p className="field__hint field__hint--error" role="alert">{refused}</p>}
        <div className="staff-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>{busy ? 'Making colourway…' : 'Make colourway'}</button>
          <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </StaffDialog>
  );
}

/** A refusal in the designer's words: the server's sentence names the rule a design breaks; a draft saved elsewhere asks for another try. */
function refusalSentence(refusal: StaffFailure, productName: string): string {
  if (refusal.code === 'draft_changed') return `Your studio draft of the ${productName} was saved from another tab meanwhile, so nothing was added. Press “Make colourway” again: it goes into the draft as it is now.`;
  return `Not made: ${refusal.message}`;
}
