import { useSelector } from '@xstate/react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { attributeById, formatMoney, MAX_QUANTITY, optionById } from '../domain/index.ts';
import { CheckoutForm, PlaceOrderButton } from './CheckoutForm.tsx';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { GallerySubmit } from './GallerySubmit.tsx';
import { ShareLink } from './ShareLink.tsx';
import { useDesignDocument } from './useDesignDocument.ts';

/**
 * The last step: the whole design as a table (every part with its material and colour), size and
 * quantity, the total, and the order export. Shown while the session is `reviewing`.
 */
export function ReviewPanel() {
  const actor = useConfiguratorActor();
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const design = useSelector(actor, (snapshot) => snapshot.context.summary.resolved.assignment);
  const price = useSelector(actor, (snapshot) => snapshot.context.summary.price);
  const sizeId = useSelector(actor, (snapshot) => snapshot.context.sizeId);
  const quantity = useSelector(actor, (snapshot) => snapshot.context.quantity);
  const remixOf = useSelector(actor, (snapshot) => snapshot.context.remixOf);
  const designDocument = useDesignDocument();
  const canExport = useSelector(actor, (snapshot) => snapshot.can({ type: 'order.export' }));
  const [quantityText, setQuantityText] = useState(String(quantity));
  // Exported during this visit to the review (the session keeps its last export across visits).
  const [exported, setExported] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const money = (amount: number) => formatMoney(amount, price.currency);
  const quantityValid = /^\d+$/.test(quantityText) && Number(quantityText) >= 1 && Number(quantityText) <= MAX_QUANTITY;

  // A new view: tell keyboard and screen-reader users where they are.
  useLayoutEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    const subscription = actor.on('order.exported', () => setExported(true));
    return () => subscription.unsubscribe();
  }, [actor]);

  const rows = product.parts.map((part) => {
    const cells = part.attributeIds.map((attributeId) => {
      const attribute = attributeById(product, attributeId);
      return { kind: attribute.kind, option: optionById(attribute, design[attributeId]!) };
    });
    return {
      part,
      material: cells.find((cell) => cell.kind === 'material')?.option,
      colour: cells.find((cell) => cell.kind === 'colour')?.option,
      choices: cells.filter((cell) => cell.kind === 'choice').map((cell) => cell.option.label).join(' · '),
    };
  });

  return (
    <section className="review" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="review__heading">Review your design</h2>
      <div className="review__fields">
        <div className="field">
          <label htmlFor={`${id}-size`}>Size</label>
          <select
            id={`${id}-size`}
            value={sizeId ?? ''}
            aria-describedby={`${id}-size-hint`}
            onChange={(event) => actor.send({ type: 'review.size', sizeId: event.target.value })}
          >
            <option value="" disabled>Choose your size</option>
            {product.sizes.map((size) => (
              <option key={size.id} value={size.id}>{size.label}</option>
            ))}
          </select>
          <p id={`${id}-size-hint`} className="field__hint">EU, US and UK sizes.</p>
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
            {quantityValid ? `1 to ${MAX_QUANTITY} pairs.` : `Enter a whole number from 1 to ${MAX_QUANTITY}; the order keeps ${quantity}.`}
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
                <td colSpan={2}>{choices}</td>
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

      <CheckoutForm formId={`${id}-checkout`} />
      <ShareLink />
      <GallerySubmit design={designDocument} remixOf={remixOf} />

      <div className="review__footer">
        <dl className="review__total">
          <dt>
            Total <span className="review__each">{quantity} × {money(price.unitTotal)}</span>
          </dt>
          <dd>{money(price.unitTotal * quantity)}</dd>
        </dl>
        <div className="review__actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'review.back' })}>
            Back to design
          </button>
          <button type="button" className="button button--secondary" disabled={!canExport} aria-describedby={`${id}-export-hint`} onClick={() => actor.send({ type: 'order.export' })}>
            Export order
          </button>
          <PlaceOrderButton formId={`${id}-checkout`} />
        </div>
        <p id={`${id}-export-hint`} className="review__hint">
          {canExport
            ? exported
              ? 'Order exported: the file is in your downloads.'
              : 'Downloads your order as a JSON file for the workshop.'
            : 'Choose a size to export your order.'}
        </p>
      </div>

    </section>
  );
}
