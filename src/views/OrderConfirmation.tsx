import { useSelector } from '@xstate/react';
import { useId, useLayoutEffect, useRef } from 'react';
import { formatMoney, wordingOf } from '../domain/index.ts';
import { useCheckoutActor, useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { GallerySubmit } from './GallerySubmit.tsx';
import { ShareLink } from './ShareLink.tsx';
import { useDesignDocument } from './useDesignDocument.ts';

/**
 * After the order: its number, total, production time and where the confirmation went; the share
 * link; sharing the design with the community gallery; and a fresh start. Shown while the session
 * is `ordered`.
 */
export function OrderConfirmation() {
  const actor = useConfiguratorActor();
  const order = useSelector(useCheckoutActor(), (snapshot) => snapshot.context.placedOrder);
  const remixOf = useSelector(actor, (snapshot) => snapshot.context.remixOf);
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const design = useDesignDocument();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useLayoutEffect(() => headingRef.current?.focus(), []);
  if (!order) return null;

  return (
    <section className="review confirmation" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="review__heading">Thank you: order {order.orderNumber}</h2>
      <p className="confirmation__next">
        Nothing has been charged yet. The shop checks your order, then emails {order.email} to confirm it and to ask for payment; it is made once paid.
      </p>
      <dl className="confirmation__facts">
        <div><dt>Order number</dt><dd data-testid="order-number">{order.orderNumber}</dd></div>
        <div><dt>Total</dt><dd>{formatMoney(order.total, order.currency)}</dd></div>
        <div><dt>Made in</dt><dd>{order.leadTimeDays} days after payment</dd></div>
        <div><dt>The shop writes to</dt><dd>{order.email}</dd></div>
      </dl>
      <p className="field__hint">
        Your order is stored with the shop. Keep its <a href={`/api/orders/${encodeURIComponent(order.id)}`}>order record</a> for your reference.
      </p>
      <ShareLink />
      <GallerySubmit design={design} remixOf={remixOf} />
      <div className="review__actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'design.new' })}>Design another {wordingOf(product).unit}</button>
      </div>
    </section>
  );
}
