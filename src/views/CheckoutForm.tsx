import { useSelector } from '@xstate/react';
import { useId, useMemo } from 'react';
import { checkShippingAddress, shippingCountries, type ShippingAddressField, type ShippingAddressInput } from '../domain/index.ts';
import { contactProblems } from '../machines/index.ts';
import { capturePreview } from './capturePreview.ts';
import { useCheckoutActor, useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { domIds } from './domIds.ts';

/** Props of {@link CheckoutForm}. */
export interface CheckoutFormProps {
  /** The form's id, so that {@link PlaceOrderButton} in the review's footer submits it. */
  readonly formId: string;
}

/** The address fields as the form shows them: label, autocomplete token, and whether it may be left empty. */
const ADDRESS_FIELDS: readonly { field: Exclude<ShippingAddressField, 'country'>; label: string; autoComplete: string; optional?: boolean }[] = [
  { field: 'line1', label: 'Street and number', autoComplete: 'address-line1' },
  { field: 'line2', label: 'Flat, floor, company (optional)', autoComplete: 'address-line2', optional: true },
  { field: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { field: 'city', label: 'Town or city', autoComplete: 'address-level2' },
];

/**
 * The checkout: name, email and the shipping address (checked for the chosen country: its postal
 * code format), sent by {@link PlaceOrderButton}. Problems show beside their field
 * once the customer has tried to order (`aria-invalid`, linked by `aria-describedby`); a failed
 * attempt is an alert with the reason, and the button becomes "Try again", which sends the very
 * same order.
 */
export function CheckoutForm({ formId }: CheckoutFormProps) {
  const actor = useConfiguratorActor();
  const checkout = useCheckoutActor();
  const contact = useSelector(checkout, (snapshot) => snapshot.context.contact);
  const attempted = useSelector(checkout, (snapshot) => snapshot.context.checkoutAttempted);
  const sizeChosen = useSelector(checkout, (snapshot) => snapshot.context.sizeId !== null);
  const submitError = useSelector(checkout, (snapshot) => snapshot.context.submitError);
  const pendingRetry = useSelector(checkout, (snapshot) => snapshot.context.submission !== null);
  const busy = useSelector(checkout, (snapshot) => snapshot.hasTag('busy'));
  const id = useId();
  const address = useSelector(checkout, (snapshot) => snapshot.context.address);
  const shipsTo = useSelector(actor, (snapshot) => snapshot.context.entry.product.shipsTo);
  const countries = useMemo(() => shippingCountries(shipsTo ?? []), [shipsTo]);
  const problems = attempted ? contactProblems(contact) : {};
  const checked = checkShippingAddress(address, shipsTo ?? []);
  const addressProblems = attempted && !checked.ok ? checked.problems : {};
  const setAddress = (change: Partial<ShippingAddressInput>) => actor.send({ type: 'checkout.address', address: { ...address, ...change } });

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
          <label htmlFor={domIds.checkoutField('name')}>Name</label>
          <input
            id={domIds.checkoutField('name')}
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
          <label htmlFor={domIds.checkoutField('email')}>Email</label>
          <input
            id={domIds.checkoutField('email')}
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
            : <p id={`${id}-email-hint`} className="field__hint">The shop confirms your order here and asks for payment.</p>}
        </div>
      </div>
      <fieldset className="checkout__address">
        <legend className="checkout__heading">Shipping address</legend>
        <div className="review__fields">
          <div className="field">
            <label htmlFor={domIds.checkoutField('address-country')}>Country</label>
            <select
              id={domIds.checkoutField('address-country')}
              name="country"
              autoComplete="country"
              value={address.country}
              disabled={busy}
              aria-invalid={addressProblems.country ? true : undefined}
              aria-describedby={addressProblems.country ? `${id}-country-error` : undefined}
              onChange={(event) => setAddress({ country: event.target.value })}
            >
              <option value="" disabled>Choose a country</option>
              {countries.map((country) => <option key={country.code} value={country.code}>{country.name}</option>)}
            </select>
            {addressProblems.country && <p id={`${id}-country-error`} className="field__hint field__hint--error">{addressProblems.country}</p>}
          </div>
          {ADDRESS_FIELDS.map(({ field, label, autoComplete }) => (
            <div className="field" key={field}>
              <label htmlFor={domIds.checkoutField(`address-${field}`)}>{label}</label>
              <input
                id={domIds.checkoutField(`address-${field}`)}
                name={field}
                autoComplete={`shipping ${autoComplete}`}
                value={address[field]}
                disabled={busy}
                aria-invalid={addressProblems[field] ? true : undefined}
                aria-describedby={addressProblems[field] ? `${id}-${field}-error` : undefined}
                onChange={(event) => setAddress({ [field]: event.target.value })}
              />
              {addressProblems[field] && <p id={`${id}-${field}-error`} className="field__hint field__hint--error">{addressProblems[field]}</p>}
            </div>
          ))}
        </div>
      </fieldset>
      {attempted && !sizeChosen && <p className="field__hint field__hint--error">Choose your size above to place the order.</p>}
      {submitError && (
        <div id={domIds.checkoutField('error')} role="alert" tabIndex={-1} className="checkout__error">
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
  const checkout = useCheckoutActor();
  const busy = useSelector(checkout, (snapshot) => snapshot.hasTag('busy'));
  const retryable = useSelector(checkout, (snapshot) => snapshot.context.submitError?.retryable === true);
  return (
    <button type="submit" form={formId} className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
      {busy ? 'Placing your order…' : retryable ? 'Try again' : 'Place order'}
    </button>
  );
}
