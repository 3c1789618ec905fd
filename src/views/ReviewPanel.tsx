import { useSelector } from '@xstate/react';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { sendDesignSignal } from './api/designSignalClient.ts';
import { DesignSignalsChoice } from './DesignSignalsChoice.tsx';
import { flushSync } from 'react-dom';
import { countOf, formatMoney, MAX_QUANTITY, orderTotal, partMaterialAndColour, personalisedItems, wordingOf, type OrderBlockerTarget, type PartId } from '../domain/index.ts';
import { problemsOf } from '../machines/index.ts';
import { CheckoutForm, PlaceOrderButton } from './CheckoutForm.tsx';
import { useCheckoutActor, useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { domIds } from './domIds.ts';
import { GallerySubmit } from './GallerySubmit.tsx';
import { OrderProblems, problemFieldId } from './OrderProblems.tsx';
import { ShareLink } from './ShareLink.tsx';
import { useDesignDocument } from './useDesignDocument.ts';

/** Props of {@link ReviewPanel}. */
export interface ReviewPanelProps {
  /** Opens a part's section in the option panel and scrolls to it (after the review is left). */
  readonly onRevealPart?: (partId: PartId) => void;
}

/**
 * The last step: what stops the order (each problem a link to its field), the whole design as a
 * table (every part with its material and colour, and every personal text and artwork with its
 * price), size and quantity, the checkout and the total. Shown while the session is `reviewing`.
 * When placing the order fails, focus moves to the first problem, or to the shop's answer.
 */
export function ReviewPanel({ onRevealPart }: ReviewPanelProps = {}) {
  const actor = useConfiguratorActor();
  const checkout = useCheckoutActor();
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const design = useSelector(actor, (snapshot) => snapshot.context.summary.resolved.assignment);
  const price = useSelector(actor, (snapshot) => snapshot.context.summary.price);
  const remixOf = useSelector(actor, (snapshot) => snapshot.context.remixOf);
  const designDocument = useDesignDocument();
  const personalisation = useSelector(actor, (snapshot) => snapshot.context.summary.personalisation);
  const artwork = useSelector(actor, (snapshot) => snapshot.context.summary.artwork);
  const sizeId = useSelector(checkout, (snapshot) => snapshot.context.sizeId);
  const quantity = useSelector(checkout, (snapshot) => snapshot.context.quantity);
  const attempted = useSelector(checkout, (snapshot) => snapshot.context.checkoutAttempted);
  const failures = useSelector(checkout, (snapshot) => snapshot.context.checkoutFailures);
  const submitError = useSelector(checkout, (snapshot) => snapshot.context.submitError);
  const checkoutContext = useSelector(checkout, (snapshot) => snapshot.context);
  const allProblems = useMemo(() => problemsOf(checkoutContext), [checkoutContext]);
  // A design that cannot be made is said at once; what the checkout lacks, once the customer tries to order.
  const problems = attempted ? allProblems : allProblems.filter((problem) => problem.target.kind === 'personalisation');
  const items = useMemo(() => personalisedItems(product, { personalisation, artwork, price }), [product, personalisation, artwork, price]);
  const wording = wordingOf(product);
  const [quantityText, setQuantityText] = useState(String(quantity));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const money = (amount: number) => formatMoney(amount, price.currency);
  const quantityValid = /^\d+$/.test(quantityText) && Number(quantityText) >= 1 && Number(quantityText) <= MAX_QUANTITY;
  const sizeMissing = attempted && sizeId === null;

  // A new view: tell keyboard and screen-reader users where they are.
  useLayoutEffect(() => headingRef.current?.focus(), []);

  // Counted for the designers, anonymously (the design's choices only), once per design reviewed.
  const reviewedKey = `${designDocument.productId}|${designDocument.rulesVersion}|${JSON.stringify(designDocument.choices)}`;
  useEffect(() => {
    sendDesignSignal('reviewed', designDocument, remixOf !== undefined && remixOf !== null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per design, not per new document object
  }, [reviewedKey]);

  // Each failed attempt takes the customer to what needs them: the shop's answer, or the first problem.
  useEffect(() => {
    if (failures === 0) return;
    const target = submitError ? document.getElementById(domIds.checkoutField('error')) : problemsRef.current?.querySelector('a');
    if (!target) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
  }, [failures, submitError]);

  const fix = (target: OrderBlockerTarget) => {
    if (target.kind === 'personalisation') {
      // The field is in the option panel: back to the design, its section open, the field focused.
      flushSync(() => actor.send({ type: 'review.back' }));
      onRevealPart?.(target.partId);
    }
    const field = document.getElementById(problemFieldId(target));
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  };

  const rows = product.parts.map((part) => ({ part, ...partMaterialAndColour(product, design, part) }));

  return (
    <section className="review" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="review__heading">Review your design</h2>
      <OrderProblems ref={problemsRef} problems={problems} onFix={fix} />
      <div className="review__fields">
        <div className="field">
          <label htmlFor={domIds.checkoutField('size')}>Size</label>
          <select
            id={domIds.checkoutField('size')}
            value={sizeId ?? ''}
            aria-invalid={sizeMissing ? true : undefined}
            aria-describedby={sizeMissing ? `${id}-size-error` : wording.sizeHint ? `${id}-size-hint` : undefined}
            onChange={(event) => actor.send({ type: 'review.size', sizeId: event.target.value })}
          >
            <option value="" disabled>Choose your size</option>
            {product.sizes.map((size) => (
              <option key={size.id} value={size.id}>{size.label}</option>
            ))}
          </select>
          {sizeMissing
            ? <p id={`${id}-size-error`} className="field__hint field__hint--error">Choose your size.</p>
            : wording.sizeHint && <p id={`${id}-size-hint`} className="field__hint">{wording.sizeHint}</p>}
        </div>
        <div className="field field--narrow">
          <label htmlFor={`${id}-quantity`}>Quantity</label>
          <input
            id={`${id}-quantity`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            step={1}
            value={quantityText}
            aria-invalid={!quantityValid}
            aria-describedby={`${id}-quantity-hint`}
            onChange={(event) => {
              setQuantityText(event.target.value);
              const next = Number(event.target.value);
              if (Number.isInteger(next) && next >= 1 && next <= MAX_QUANTITY) actor.send({ type: 'review.quantity', quantity: next });
            }}
          />
          <p id={`${id}-quantity-hint`} className={quantityValid ? 'field__hint' : 'field__hint field__hint--error'}>
            {quantityValid ? `1 to ${countOf(product, MAX_QUANTITY)}.` : `Enter a whole number from 1 to ${MAX_QUANTITY}; the order keeps ${quantity}.`}
          </p>
        </div>
      </div>

      <div className="review__table-wrap">
        <table className="review__table">
          <caption className="sr-only">Every part of your {product.name}</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Material</th>
              <th scope="col">Colour</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ part, material, colour, choices }) => part.kind === 'section' ? (
              <tr key={part.id}>
                <th scope="row">{part.label}</th>
                <td colSpan={2}>{choices.map((choice) => choice.label).join(' · ')}</td>
              </tr>
            ) : (
              <tr key={part.id}>
                <th scope="row">{part.label}</th>
                <td>{material?.label}</td>
                <td>
                  <span className="review__colour">
                    <span className="review__chip" aria-hidden="true" style={{ background: colour?.hex }} />
                    {colour?.label}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {items.length > 0 && (
        <div className="review__table-wrap">
          <table className="review__table">
            <caption className="review__caption">Personalisation</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">What is made</th>
                <th scope="col">Price</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.fieldId}>
                  <th scope="row">{item.label}</th>
                  <td>{item.description}</td>
                  <td>{item.amount > 0 ? `+${money(item.amount)}` : 'Included'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <CheckoutForm formId={`${id}-checkout`} />
      <ShareLink />
      <GallerySubmit design={designDocument} remixOf={remixOf} />
      <DesignSignalsChoice />

      <div className="review__footer">
        <dl className="review__total">
          <dt>
            Total <span className="review__each">{quantity} × {money(price.unitTotal)}</span>
          </dt>
          <dd>{money(orderTotal(price, quantity).total)}</dd>
        </dl>
        <div className="review__actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'review.back' })}>
            Back to design
          </button>
          <PlaceOrderButton formId={`${id}-checkout`} />
        </div>
        <p className="review__hint">
          Placing the order sends it to the shop. Nothing is charged now: the shop confirms the order by email and asks for payment then.
        </p>
      </div>

    </section>
  );
}
