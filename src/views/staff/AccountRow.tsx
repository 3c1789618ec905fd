import type { StaffAccount } from '../../domain/index.ts';
import { changeRolesButtonId } from './AccountRolesEditor.tsx';
import { StaffTime } from './StaffTime.tsx';

/** Props of {@link AccountRow}. */
export interface AccountRowProps {
  readonly account: StaffAccount;
  /** Whether this is the signed-in account. */
  readonly isYou: boolean;
  /** A change of the page is on its way: the buttons wait. */
  readonly busy: boolean;
  /** The id of the roles form when it is open for this account, else undefined. */
  readonly editorId: string | undefined;
  /** Opens (or closes) the roles form of this account. */
  readonly onChangeRoles: () => void;
  readonly onDisabled: (account: StaffAccount, disabled: boolean) => void;
}

/**
 * One account in the accounts table: email, roles, status, last sign-in, "Change roles" (which
 * opens the roles form below the table) and "Disable" or "Enable". The buttons' names end with
 * the account's email for screen readers, which hear them out of the table.
 */
export function AccountRow({ account, isYou, busy, editorId, onChangeRoles, onDisabled }: AccountRowProps) {
  return (
    <tr>
      <th scope="row" className="staff-table__key">
        {account.email}
        {isYou && <span className="staff-tag">you</span>}
      </th>
      <td>{account.roles.join(', ')}</td>
      <td>{account.disabled ? <span className="staff-badge staff-badge--off">Disabled</span> : <span className="staff-badge staff-badge--on">Active</span>}</td>
      <td><StaffTime iso={account.lastLoginAt} none="Never" /></td>
      <td className="staff-table__actions">
        <button id={changeRolesButtonId(account)} type="button" className="button button--secondary button--small" aria-expanded={editorId !== undefined} aria-controls={editorId} aria-disabled={busy || undefined} onClick={() => busy || onChangeRoles()}>
          Change roles<span className="sr-only"> of {account.email}</span>
        </button>
        <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => busy || onDisabled(account, !account.disabled)}>
          {account.disabled ? 'Enable' : 'Disable'}<span className="sr-only"> {account.email}</span>
        </button>
      </td>
    </tr>
  );
}
