import type { InputHTMLAttributes, ReactNode } from 'react';
import { domIds } from './domIds.ts';

/** Props of {@link PersonalisationInput}: the field, its hint and problems, and the input's own attributes. */
export interface PersonalisationInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  readonly fieldId: string;
  readonly label: string;
  /** The id of the hint under the input. */
  readonly hintId: string;
  /** The id of the problems' alert; the input points at it while `invalid`. */
  readonly problemsId: string;
  readonly invalid: boolean;
  /** What follows the input: its hint, problems and warnings. */
  readonly children?: ReactNode;
}

/**
 * The labelled input of a personal text or an artwork (its id from `domIds`, so the review's
 * problem links reach it), described by its hint and, while invalid, its problems.
 */
export function PersonalisationInput({ fieldId, label, hintId, problemsId, invalid, children, ...input }: PersonalisationInputProps) {
  return (
    <div className="field">
      <label htmlFor={domIds.personalisationInput(fieldId)}>{label}</label>
      <input
        id={domIds.personalisationInput(fieldId)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${hintId} ${problemsId}` : hintId}
        {...input}
      />
      {children}
    </div>
  );
}
