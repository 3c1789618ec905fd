import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, type StaffRole } from '../../domain/index.ts';
import { fieldProblem, type StaffFailure } from '../../machines/index.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { StaffTextField } from './StaffTextField.tsx';
import { useSentChange } from './useSentChange.ts';

/** An account as the form asks for it. */
export interface NewAccount {
  readonly email: string;
  readonly roles: readonly StaffRole[];
  readonly password: string;
}

/** Props of {@link NewAccountForm}. */
export interface NewAccountFormProps {
  readonly onSubmit: (account: NewAccount) => void;
  /** Whether a change of the page is on its way (the form waits). */
  readonly busy: boolean;
  /** The page's last failure: the problems of this form's fields are shown at them. */
  readonly failure: StaffFailure | null;
  readonly changes: number;
  readonly failures: number;
}

/**
 * "Add an account": email, roles (a fieldset of checkboxes with what each allows) and a first
 * password, which the new member of staff is given and changes with the operator. Empty again
 * once the account is added.
 */
export function NewAccountForm({ onSubmit, busy, failure, changes, failures }: NewAccountFormProps) {
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<readonly StaffRole[]>([]);
  const [password, setPassword] = useState('');
  const sentChange = useSentChange(changes, failures);
  if (sentChange.done) {
    sentChange.reset();
    setEmail('');
    setRoles([]);
    setPassword('');
  }
  const mine = sentChange.refused ? failure : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Waiting for the page's last change: the button says so (aria-disabled), and nothing is sent.
    if (busy) return;
    sentChange.sent();
    onSubmit({ email, roles, password });
  };

  return (
    <form className="staff-card staff-form" onSubmit={submit} noValidate aria-labelledby="staff-new-account">
      <h2 id="staff-new-account">Add an account</h2>
      <StaffTextField label="Email" type="email" autoComplete="off" spellCheck={false} value={email} onChange={setEmail} problem={fieldProblem(mine, 'email')} />
      <RoleCheckboxes legend="Roles" roles={roles} onChange={setRoles} problem={fieldProblem(mine, 'roles')} />
      <StaffTextField
        label="First password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters: a passphrase of four or more words. Give it to them in person; the operator can reset it.`}
        problem={fieldProblem(mine, 'password')}
      />
      <div className="staff-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>Add account</button>
      </div>
    </form>
  );
}
