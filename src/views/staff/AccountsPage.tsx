import { useState } from 'react';
import type { StaffAccount, StaffRole } from '../../domain/index.ts';
import { createStaffPageMachine, type StaffChangeDone } from '../../machines/index.ts';
import { changeAccount, createAccount, listAccounts, type StaffConnection } from '../api/staffClient.ts';
import { AccountRolesEditor } from './AccountRolesEditor.tsx';
import { AccountRow } from './AccountRow.tsx';
import { describeRoles } from './describeRoles.ts';
import { NewAccountForm, type NewAccount } from './NewAccountForm.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** A change the accounts page makes. */
type AccountChange =
  | { readonly kind: 'add'; readonly account: NewAccount }
  | { readonly kind: 'roles'; readonly account: StaffAccount; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'disabled'; readonly account: StaffAccount; readonly disabled: boolean };

const ROLES_EDITOR_ID = 'staff-account-roles';

const accountsPage = createStaffPageMachine<null, readonly StaffAccount[], AccountChange, StaffAccount>();

/** Sends one change of the accounts page and says what it did. */
async function makeAccountChange(connection: StaffConnection, change: AccountChange): Promise<StaffChangeDone<StaffAccount>> {
  switch (change.kind) {
    case 'add': {
      const account = await createAccount(connection, change.account);
      return { outcome: account, said: `Account ${account.email} added with ${describeRoles(account.roles)}.` };
    }
    case 'roles': {
      const account = await changeAccount(connection, change.account.id, { roles: change.roles });
      return { outcome: account, said: `${account.email} now has ${describeRoles(account.roles)}.` };
    }
    case 'disabled': {
      const account = await changeAccount(connection, change.account.id, { disabled: change.disabled });
      return {
        outcome: account,
        said: account.disabled ? `${account.email} is disabled: it cannot sign in, and its sessions have ended.` : `${account.email} is enabled again: it can sign in.`,
      };
    }
    default:
      throw new Error(`[Atelier] unknown account change ${JSON.stringify(change satisfies never)}`);
  }
}

/**
 * Admin: the staff accounts. "Add an account" (email, roles, first password, checked against the
 * password policy before it is sent), then every account with its roles, status and last
 * sign-in; accounts are disabled or enabled from their row, and their roles changed in a form
 * below the table that their row's "Change roles" opens. The server keeps
 * the last admin (and says so in the alert).
 */
export function AccountsPage({ session, connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(accountsPage, { load: () => listAccounts(connection), change: (change) => makeAccountChange(connection, change) }, null);
  const send = (change: AccountChange) => actor.send({ type: 'change.submit', change });
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  return (
    <StaffPageFrame title="Staff accounts" lead="Who may sign in to the staff area, and with which roles." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      <NewAccountForm onSubmit={(account) => send({ kind: 'add', account })} busy={view.busy} failure={view.error} changes={view.changes} failures={view.failures} />
      {view.data && (
        <StaffTable caption="Accounts">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                isYou={account.id === session.account.id}
                busy={view.busy}
                editorId={editing?.id === account.id ? ROLES_EDITOR_ID : undefined}
                onChangeRoles={() => setEditing(editing?.id === account.id ? null : account)}
                onDisabled={(changed, disabled) => send({ kind: 'disabled', account: changed, disabled })}
              />
            ))}
          </tbody>
        </StaffTable>
      )}
      {editing && (
        <AccountRolesEditor
          key={editing.id}
          id={ROLES_EDITOR_ID}
          account={editing}
          busy={view.busy}
          onSave={(roles) => send({ kind: 'roles', account: editing, roles })}
          onClose={() => setEditing(null)}
        />
      )}
    </StaffPageFrame>
  );
}
