import { useId, useState, type FormEvent } from 'react';
import { MAX_TOKEN_DAYS, ROLE_DESCRIPTIONS, TOKEN_ROLES, type TokenRole } from '../../domain/index.ts';
import { fieldProblem, type StaffFailure } from '../../machines/index.ts';
import { apiErrorSentence } from '../api/readApiError.ts';
import { capitalise } from '../capitalise.ts';
import { StaffTextField } from './StaffTextField.tsx';
import { useSentChange } from './useSentChange.ts';

/** A token as the form asks for it. */
export interface NewToken {
  readonly name: string;
  readonly role: TokenRole;
  readonly expiresInDays: number;
}

/** Props of {@link NewTokenForm}. */
export interface NewTokenFormProps {
  readonly onSubmit: (token: NewToken) => void;
  readonly busy: boolean;
  readonly failure: StaffFailure | null;
  readonly changes: number;
  readonly failures: number;
}

const DEFAULT_DAYS = '90';

/**
 * "Create a token" for a machine (the order system, a print house): its name, its one role (a
 * fieldset of radios; never admin) and how many days it lives. Empty again once created.
 */
export function NewTokenForm({ onSubmit, busy, failure, changes, failures }: NewTokenFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('fulfilment');
  const [days, setDays] = useState(DEFAULT_DAYS);
  const sentChange = useSentChange(changes, failures);
  if (sentChange.done) {
    sentChange.reset();
    setName('');
    setDays(DEFAULT_DAYS);
  }
  const mine = sentChange.refused ? failure : null;
  const roleProblem = fieldProblem(mine, 'role');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Waiting for the page's last change: the button says so (aria-disabled), and nothing is sent.
    if (busy) return;
    sentChange.sent();
    // An empty or non-numeric box becomes NaN, which the request check refuses in words.
    onSubmit({ name, role, expiresInDays: days.trim() === '' ? Number.NaN : Number(days) });
  };

  return (
    <form className="staff-card staff-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Create a token</h2>
      <StaffTextField label="Name" autoComplete="off" value={name} onChange={setName} hint="The system that will use it, e.g. ERP or Print house Lyon." problem={fieldProblem(mine, 'name')} />
      <fieldset className="staff-choices" aria-describedby={roleProblem ? `${id}-role-problem` : undefined}>
        <legend>Role</legend>
        {TOKEN_ROLES.map((option) => (
          <div key={option} className="staff-choice">
            <input id={`${id}-${option}`} type="radio" name={`${id}-role`} value={option} checked={role === option} onChange={() => setRole(option)} aria-describedby={`${id}-${option}-about`} />
            <label htmlFor={`${id}-${option}`}>{capitalise(option)}</label>
            <span id={`${id}-${option}-about`} className="staff-choice__about">{capitalise(ROLE_DESCRIPTIONS[option])}</span>
          </div>
        ))}
        {roleProblem && <p id={`${id}-role-problem`} className="field__hint field__hint--error">{apiErrorSentence(roleProblem)}</p>}
      </fieldset>
      <StaffTextField label="Expires in (days)" type="number" inputMode="numeric" min={1} max={MAX_TOKEN_DAYS} value={days} onChange={setDays} hint={`1 to ${MAX_TOKEN_DAYS} days. Create the next token before this one expires.`} problem={fieldProblem(mine, 'expiresInDays')} />
      <div className="staff-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>Create token</button>
      </div>
    </form>
  );
}
