import { useId, type InputHTMLAttributes } from 'react';
import type { Problem } from '../../domain/index.ts';
import { apiErrorSentence } from '../api/readApiError.ts';

/** Props of {@link StaffTextField}. */
export interface StaffTextFieldProps extends Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'min' | 'max' | 'spellCheck' | 'required'> {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A line under the field on what to enter. */
  readonly hint?: string;
  /** What is wrong with the value, from the request check or the server. */
  readonly problem?: Problem | undefined;
}

/**
 * A labelled text box with its hint and its problem: `aria-invalid` and both lines in its
 * description, so a screen reader reads what to enter and what is wrong.
 */
export function StaffTextField({ label, value, onChange, hint, problem, type = 'text', ...input }: StaffTextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  return (
    <div className="field staff-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && <p id={hintId} className="field__hint">{hint}</p>}
      {problem && <p id={problemId} className="field__hint field__hint--error">{apiErrorSentence(problem)}</p>}
    </div>
  );
}
