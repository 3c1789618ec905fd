import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { StaffAccount, StaffRole } from '../../domain/index.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

/** The id of an account's "Change roles" button, for the focus to return to. */
export function changeRolesButtonId(account: Pick<StaffAccount, 'id'>): string {
  return `staff-change-roles-${account.id}`;
}

/** Props of {@link AccountRolesEditor}. */
export interface AccountRolesEditorProps {
  readonly account: StaffAccount;
  /** The id of the form, for the button that opens it (`aria-controls`). */
  readonly id: string;
  readonly busy: boolean;
  readonly onSave: (roles: readonly StaffRole[]) => void;
  /** Closes the form; the focus goes back to the account's "Change roles" button. */
  readonly onClose: () => void;
}

/**
 * The roles of one account as checkboxes, below the accounts table (a form inside a table row
 * would scroll sideways with it on a phone). It takes the focus when it opens; "Save roles" sends
 * the change and closes it at once (the page's alert says so if the server refuses, e.g. for the
 * last admin).
 */
export function AccountRolesEditor({ account, id, busy, onSave, onClose }: AccountRolesEditorProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [roles, setRoles] = useState(account.roles);
  useEffect(() => headingRef.current?.focus(), []);

  const close = () => {
    onClose();
    document.getElementById(changeRolesButtonId(account))?.focus();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    onSave(roles);
    close();
  };

  return (
    <form id={id} className="staff-card staff-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="staff-form__heading">Roles of {account.email}</h2>
      <RoleCheckboxes legend="Roles" roles={roles} onChange={setRoles} />
      <div className="staff-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>Save roles</button>
        <button type="button" className="button button--quiet" onClick={close}>Cancel</button>
      </div>
    </form>
  );
}
