import { formatMoney, orderSizeCodes, type ShippingAddressInput } from '../../domain/index.ts';
import { createStaffPageMachine, type StaffOrder } from '../../machines/index.ts';
import { listOrders, ORDER_EXPORT_URLS } from '../api/staffClient.ts';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

const ordersPage = createStaffPageMachine<null, readonly StaffOrder[], never, never>();

/** The order's size as its label, or its codes for an order from before sizes had labels. */
function describeSize(order: StaffOrder): string {
  if (order.size.label) return order.size.label;
  return Object.entries(orderSizeCodes(order.size)).map(([system, code]) => `${system.toUpperCase()} ${code}`).join(' · ') || '—';
}

/** An address as its lines. */
function AddressLines({ address }: { readonly address: ShippingAddressInput | undefined }) {
  if (!address) return <>Not given</>;
  return (
    <address className="staff-address">
      {[address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country].filter((line) => line.trim() !== '').map((line) => <span key={line}>{line}</span>)}
    </address>
  );
}

/**
 * Fulfilment: the newest orders with the customer's contact and shipping address, and the
 * export of every order as CSV or NDJSON (the session is enough: no token in the page).
 */
export function OrdersPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(ordersPage, { load: () => listOrders(connection) }, null);
  return (
    <StaffPageFrame title="Orders" lead="Orders of the last seven days, newest first, with contact details and shipping addresses." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      <section className="staff-card" aria-labelledby="staff-orders-export">
        <h2 id="staff-orders-export">Export every order</h2>
        <p>For the order system or a spreadsheet. Machines use an API token with the fulfilment role instead.</p>
        <p className="staff-links">
          <a className="button button--secondary" href={ORDER_EXPORT_URLS.csv} download="atelier-orders.csv">Download CSV</a>
          <a className="button button--secondary" href={ORDER_EXPORT_URLS.ndjson} download="atelier-orders.ndjson">Download NDJSON</a>
        </p>
      </section>
      {view.data?.length === 0 && <p>No order in the last seven days.</p>}
      {view.data && view.data.length > 0 && (
        <StaffTable caption="Recent orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Product</th>
              <th scope="col">Size</th>
              <th scope="col">Quantity</th>
              <th scope="col">Total</th>
              <th scope="col">Contact</th>
              <th scope="col">Ships to</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((order) => (
              <tr key={order.id}>
                <th scope="row" className="staff-table__key"><a href={`/api/orders/${encodeURIComponent(order.id)}`}>{order.orderNumber}</a></th>
                <td><StaffTime iso={order.createdAt} /></td>
                <td>{order.product.name}</td>
                <td className="staff-table__nowrap">{describeSize(order)}</td>
                <td>{order.quantity}</td>
                <td className="staff-table__nowrap">{formatMoney(order.price.total, order.price.currency)}</td>
                <td>{order.contact.name}<span className="staff-table__note"><a href={`mailto:${order.contact.email}`}>{order.contact.email}</a></span></td>
                <td><AddressLines address={order.shippingAddress} /></td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
    </StaffPageFrame>
  );
}
