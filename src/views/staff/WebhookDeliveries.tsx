import type { WebhookDelivery, WebhookEndpointListing } from '../../domain/index.ts';
import { createStaffPageMachine, type StaffChangeDone } from '../../machines/index.ts';
import { listDeliveries, redeliver, type StaffConnection } from '../api/staffClient.ts';
import { capitalise } from '../capitalise.ts';
import { StaffAlert } from './StaffAlert.tsx';
import { StaffStatus } from './StaffStatus.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

const deliveriesPanel = createStaffPageMachine<string, readonly WebhookDelivery[], WebhookDelivery, number>();

/** What the receiver answered last: its HTTP status, or why it could not be reached. */
function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.attempts === 0) return 'Not tried yet';
  const status = delivery.lastStatusCode === null ? 'No answer' : `HTTP ${delivery.lastStatusCode}`;
  return delivery.lastError ? `${status}: ${delivery.lastError}` : status;
}

/** Props of {@link WebhookDeliveries}. */
export interface WebhookDeliveriesProps {
  readonly endpoint: WebhookEndpointListing;
  readonly connection: StaffConnection;
  /** The id of the section, for the button that shows it (`aria-controls`). */
  readonly id: string;
}

/**
 * The deliveries to one endpoint, newest first: the event, its status, attempts, the receiver's
 * last answer, when it was last and is next tried, and "Redeliver" (sent again now, with the same
 * `webhook-id`, so a receiver that had it can tell). "Refresh" reads them again.
 */
export function WebhookDeliveries({ endpoint, connection, id }: WebhookDeliveriesProps) {
  const { actor, view } = useStaffPage(deliveriesPanel, {
    load: (endpointId) => listDeliveries(connection, endpointId),
    change: async (delivery): Promise<StaffChangeDone<number>> => {
      const seq = await redeliver(connection, delivery.seq);
      return { outcome: seq, said: `Delivery ${seq} (${delivery.eventType}) is sent again now.` };
    },
  }, endpoint.id);
  return (
    <section id={id} className="staff-section staff-deliveries" aria-labelledby={`${id}-title`}>
      <div className="staff-section__header">
        <h2 id={`${id}-title`}>Deliveries to {endpoint.description || endpoint.url}</h2>
        <button type="button" className="button button--secondary button--small" aria-disabled={view.loading || view.busy || undefined} onClick={() => actor.send({ type: 'page.reload' })}>
          Refresh<span className="sr-only"> the deliveries</span>
        </button>
      </div>
      <StaffAlert failure={view.error} failures={view.failures} />
      <StaffStatus status={view.status} />
      {view.loading && <p className="staff-loading">Loading…</p>}
      {view.data?.length === 0 && <p>Nothing sent yet: a delivery appears here when an event it subscribes to happens.</p>}
      {view.data && view.data.length > 0 && (
        <StaffTable caption={`Deliveries to ${endpoint.url}`}>
          <thead>
            <tr>
              <th scope="col">Delivery</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Last attempt</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((delivery) => (
              <tr key={delivery.seq}>
                <th scope="row" className="staff-table__key">{delivery.seq}</th>
                <td><code>{delivery.eventType}</code><span className="staff-table__note">{delivery.subject}</span></td>
                <td><span className={`staff-badge staff-badge--${delivery.status === 'delivered' ? 'on' : delivery.status === 'failed' ? 'off' : 'wait'}`}>{capitalise(delivery.status)}</span></td>
                <td>{delivery.attempts}</td>
                <td>{lastAnswer(delivery)}</td>
                <td><StaffTime iso={delivery.lastAttemptAt} none="Not yet" /></td>
                <td><StaffTime iso={delivery.nextAttemptAt} /></td>
                <td className="staff-table__actions">
                  <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => actor.send({ type: 'change.submit', change: delivery })}>
                    Redeliver<span className="sr-only"> delivery {delivery.seq}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
    </section>
  );
}
