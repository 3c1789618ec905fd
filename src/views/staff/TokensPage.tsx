import { useState } from 'react';
import { apiTokenStatus, type ApiToken } from '../../domain/index.ts';
import { createStaffPageMachine, type CreatedApiToken, type StaffChangeDone } from '../../machines/index.ts';
import { createToken, listTokens, revokeToken, type StaffConnection } from '../api/staffClient.ts';
import { capitalise } from '../capitalise.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { NewTokenForm, type NewToken } from './NewTokenForm.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** A change the tokens page makes. */
type TokenChange = { readonly kind: 'create'; readonly token: NewToken } | { readonly kind: 'revoke'; readonly token: ApiToken };

/** What a change answers: a created token comes with its secret, shown once. */
type TokenOutcome = { readonly kind: 'created'; readonly created: CreatedApiToken } | { readonly kind: 'revoked'; readonly token: ApiToken };

const tokensPage = createStaffPageMachine<null, readonly ApiToken[], TokenChange, TokenOutcome>();

async function makeTokenChange(connection: StaffConnection, change: TokenChange): Promise<StaffChangeDone<TokenOutcome>> {
  switch (change.kind) {
    case 'create': {
      const created = await createToken(connection, change.token);
      return { outcome: { kind: 'created', created }, said: `Token ${created.token.name} created. Copy its secret now: it is not shown again.` };
    }
    case 'revoke': {
      const token = await revokeToken(connection, change.token.id);
      return { outcome: { kind: 'revoked', token }, said: `Token ${token.name} revoked: it is refused from now on.` };
    }
    default:
      throw new Error(`[Atelier] unknown token change ${JSON.stringify(change satisfies never)}`);
  }
}

/**
 * Admin: API tokens for the shop's machines. "Create a token" (name, role, days), its secret
 * shown once with "Copy", then every token with its status (active, expired, revoked), creator,
 * expiry and last use; "Revoke" asks first.
 */
export function TokensPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(tokensPage, { load: () => listTokens(connection), change: (change) => makeTokenChange(connection, change) }, null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const now = new Date();
  const created = view.outcome?.kind === 'created' ? view.outcome.created : null;
  return (
    <StaffPageFrame title="API tokens" lead="Tokens let the shop's systems read orders, rules or designs: Authorization: Bearer <secret>." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {created && (
        <SecretOnce
          title={`New token: ${created.token.name}`}
          secret={created.secret}
          use={`Give it to ${created.token.name} as the header Authorization: Bearer <secret>. It has the ${created.token.role} role and expires on ${new Date(created.token.expiresAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}.`}
          onDismiss={() => actor.send({ type: 'outcome.dismiss' })}
        />
      )}
      <NewTokenForm onSubmit={(token) => actor.send({ type: 'change.submit', change: { kind: 'create', token } })} busy={view.busy} failure={view.error} changes={view.changes} failures={view.failures} />
      {view.data && (
        <StaffTable caption="Tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((token) => {
              const status = apiTokenStatus(token, now);
              return (
                <tr key={token.id}>
                  <th scope="row" className="staff-table__key">{token.name}</th>
                  <td>{token.role}</td>
                  <td><span className={`staff-badge staff-badge--${status === 'active' ? 'on' : 'off'}`}>{capitalise(status)}</span></td>
                  <td><StaffTime iso={token.createdAt} />{token.createdBy && <span className="staff-table__note">by {token.createdBy}</span>}</td>
                  <td><StaffTime iso={token.expiresAt} /></td>
                  <td><StaffTime iso={token.lastUsedAt} none="Never" /></td>
                  <td className="staff-table__actions">
                    {status !== 'revoked' && (
                      <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => view.busy || setRevoking(token)}>
                        Revoke<span className="sr-only"> {token.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </StaffTable>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the token ${revoking.name}?`}
          confirm="Revoke token"
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            actor.send({ type: 'change.submit', change: { kind: 'revoke', token: revoking } });
            setRevoking(null);
          }}
        >
          <p>Every request with it is refused from now on. This cannot be undone: a system that still needs access gets a new token.</p>
        </ConfirmDialog>
      )}
    </StaffPageFrame>
  );
}
