import { useSelector } from '@xstate/react';
import { useId } from 'react';
import { contactProblems } from '../machines/index.ts';
import { capturePreview } from './capturePreview.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/** Props of {@link CheckoutForm}. */
export interface CheckoutFormProps {
  /** The form's id, so that {@link PlaceOrderButton} in the review's footer submits it. */
  readonly formId: string;
}

/**
 * The checkout: name and email, sent by {@link PlaceOrderButton}. Problems show beside their field
 * once the customer has tried to order (`aria-invalid`, linked by `aria-describedby`); a failed
 * attempt is an alert with the reason, and the button becomes "Try again", which sends the very
 * same order.
 */
export function CheckoutForm({ formId }: CheckoutFormProps) {
  const actor = useConfiguratorActor();
  const contact = useSelector(actor, (snapshot) => snapshot.context.contact);
  const attempted = useSelector(actor, (snapshot) => snapshot.context.checkoutAttempted);
  const sizeChosen = useSelector(actor, (snapshot) => snapshot.context.sizeId !== null);
  const submitError = useSelector(actor, (snapshot) => snapshot.context.submitError);
  const pendingRetry = useSelector(actor, (snapshot) => snapshot.context.submission !== null);
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const id = useId();
  const problems = attempted ? contactProblems(contact) : {};

  const setContact = (change: Partial<typeof contact>) => actor.send({ type: 'checkout.contact', contact: { ...contact, ...change } });
  const placeOrder = async () => {
    // The pictures are taken once; a retry sends the order exactly as it was first sent.
    if (pendingRetry) return actor.send({ type: 'order.submit' });
    const picture = await capturePreview('preview');
    actor.send({ type: 'order.submit', previewImages: picture ? [picture] : [] });
  };

  return (
    <form
      id={formId}
      className="checkout"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void placeOrder();
      }}
    >
      <h3 id={`${id}-heading`} className="checkout__heading">Your details</h3>
      <div className="review__fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            value={contact.name}
            disabled={busy}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? `${id}-name-error` : undefined}
            onChange={(event) => setContact({ name: event.target.value })}
          />
          {problems.name && <p id={`${id}-name-error`} className="field__hint field__hint--error">{problems.name}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            value={contact.email}
            disabled={busy}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={problems.email ? `${id}-email-error` : `${id}-email-hint`}
            onChange={(event) => setContact({ email: event.target.value })}
          />
          {problems.email
            ? <p id={`${id}-email-error`} className="field__hint field__hint--error">{problems.email}</p>
            : <p id={`${id}-email-hint`} className="field__hint">The order confirmation goes here.</p>}
        </div>
      </div>
      {attempted && !sizeChosen && <p className="field__hint field__hint--error">Choose your size above to place the order.</p>}
      {submitError && (
        <div role="alert" className="checkout__error">
          <p>{submitError.message}</p>
        </div>
      )}
    </form>
  );
}

/** Props of {@link PlaceOrderButton}. */
export interface PlaceOrderButtonProps {
  readonly formId: string;
}

/** "Place order" (or "Try again" after a failure the customer can retry): submits the checkout form. */
export function PlaceOrderButton({ formId }: PlaceOrderButtonProps) {
  const actor = useConfiguratorActor();
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const retryable = useSelector(actor, (snapshot) => snapshot.context.submitError?.retryable === true);
  return (
    <button type="submit" form={formId} className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
      {busy ? 'Placing your order…' : retryable ? 'Try again' : 'Place order'}
    </button>
  );
}
