import { useState } from 'react';
import type { WebhookEndpointListing } from '../../domain/index.ts';
import { createStaffPageMachine, type CreatedWebhookEndpoint, type StaffChangeDone } from '../../machines/index.ts';
import { createWebhook, disableWebhook, listWebhooks, type StaffConnection } from '../api/staffClient.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { NewWebhookForm, type NewWebhook } from './NewWebhookForm.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';

/** A change the webhooks page makes. */
type WebhookChange = { readonly kind: 'add'; readonly endpoint: NewWebhook } | { readonly kind: 'disable'; readonly endpoint: WebhookEndpointListing };

/** What a change answers: an added endpoint comes with its signing secret, shown once. */
type WebhookOutcome = { readonly kind: 'added'; readonly added: CreatedWebhookEndpoint } | { readonly kind: 'disabled'; readonly endpoint: WebhookEndpointListing };

const webhooksPage = createStaffPageMachine<null, readonly WebhookEndpointListing[], WebhookChange, WebhookOutcome>();

async function makeWebhookChange(connection: StaffConnection, change: WebhookChange): Promise<StaffChangeDone<WebhookOutcome>> {
  switch (change.kind) {
    case 'add': {
      const added = await createWebhook(connection, change.endpoint);
      return { outcome: { kind: 'added', added }, said: `Endpoint ${added.endpoint.url} added. Copy its signing secret now: it is not shown again.` };
    }
    case 'disable': {
      const endpoint = await disableWebhook(connection, change.endpoint.id);
      return { outcome: { kind: 'disabled', endpoint }, said: `Endpoint ${endpoint.url} disabled: nothing more is sent to it.` };
    }
    default:
      throw new Error(`[Atelier] unknown webhook change ${JSON.stringify(change satisfies never)}`);
  }
}

const DELIVERIES_ID = 'staff-webhook-deliveries';

/**
 * Admin: webhook endpoints, told of events such as new orders (Standard Webhooks: signed with the
 * endpoint's secret). "Add an endpoint" (URL, events, description), its signing secret shown
 * once, then every endpoint with "Deliveries" (the delivery log and "Redeliver") and "Disable",
 * which asks first.
 */
export function WebhooksPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(webhooksPage, { load: () => listWebhooks(connection), change: (change) => makeWebhookChange(connection, change) }, null);
  const [disabling, setDisabling] = useState<WebhookEndpointListing | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const added = view.outcome?.kind === 'added' ? view.outcome.added : null;
  const shownEndpoint = view.data?.find((endpoint) => endpoint.id === shown);
  return (
    <StaffPageFrame title="Webhooks" lead="Endpoints of the shop's systems that are told of events as they happen, signed with their own secret." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {added && (
        <SecretOnce
          title={`New endpoint: ${added.endpoint.description || added.endpoint.url}`}
          secret={added.secret}
          use="The receiver checks each delivery's webhook-signature header with it (Standard Webhooks; e.g. the standardwebhooks package)."
          onDismiss={() => actor.send({ type: 'outcome.dismiss' })}
        />
      )}
      <NewWebhookForm onSubmit={(endpoint) => actor.send({ type: 'change.submit', change: { kind: 'add', endpoint } })} busy={view.busy} failure={view.error} changes={view.changes} failures={view.failures} />
      {view.data?.length === 0 && <p>No endpoint yet.</p>}
      {view.data && view.data.length > 0 && (
        <StaffTable caption="Endpoints">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Description</th>
              <th scope="col">Status</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((endpoint) => (
              <tr key={endpoint.id}>
                <th scope="row" className="staff-table__key staff-table__url">{endpoint.url}</th>
                <td>{endpoint.events.join(', ')}</td>
                <td>{endpoint.description || '—'}</td>
                <td>
                  {endpoint.disabledAt === null ? <span className="staff-badge staff-badge--on">Active</span> : <span className="staff-badge staff-badge--off">Disabled</span>}
                </td>
                <td><StaffTime iso={endpoint.createdAt} /></td>
                <td className="staff-table__actions">
                  <button type="button" className="button button--secondary button--small" aria-expanded={shown === endpoint.id} aria-controls={shown === endpoint.id ? DELIVERIES_ID : undefined} onClick={() => setShown(shown === endpoint.id ? null : endpoint.id)}>
                    Deliveries<span className="sr-only"> to {endpoint.url}</span>
                  </button>
                  {endpoint.disabledAt === null && (
                    <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => view.busy || setDisabling(endpoint)}>
                      Disable<span className="sr-only"> {endpoint.url}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
      {shownEndpoint && <WebhookDeliveries key={shownEndpoint.id} id={DELIVERIES_ID} endpoint={shownEndpoint} connection={connection} />}
      {disabling && (
        <ConfirmDialog
          title={`Disable the endpoint ${disabling.url}?`}
          confirm="Disable endpoint"
          onCancel={() => setDisabling(null)}
          onConfirm={() => {
            actor.send({ type: 'change.submit', change: { kind: 'disable', endpoint: disabling } });
            setDisabling(null);
          }}
        >
          <p>Nothing more is sent to it, retries included. To receive events again, add the endpoint anew (with a new secret).</p>
        </ConfirmDialog>
      )}
    </StaffPageFrame>
  );
}
