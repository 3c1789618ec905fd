import { useSelector } from '@xstate/react';
import { Fragment } from 'react';
import { formatMoney, wordingOf } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/**
 * What the design costs and how long it takes, with the reasons: the price breakdown (base plus
 * each surcharge), the production time with what adds to it, the rules' advice, and how many
 * designs the customer's choices still allow. Everything comes from the session's summary.
 */
export function PriceSummary() {
  const actor = useConfiguratorActor();
  const { price, leadTime, alerts, remainingDesigns } = useSelector(actor, (snapshot) => snapshot.context.summary);
  const wording = useSelector(actor, (snapshot) => wordingOf(snapshot.context.entry.product));
  const money = (amount: number) => formatMoney(amount, price.currency);

  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="sr-only">Price and delivery</h2>
      <div className="summary__card">
        <h3 className="summary__title">Price</h3>
        <table className="price-table">
          <caption className="sr-only">Price breakdown</caption>
          <tbody>
            <tr>
              <th scope="row">Base price</th>
              <td>{money(price.base)}</td>
            </tr>
            {price.surcharges.map((line) => (
              <tr key={line.ruleId}>
                <th scope="row">{line.label}</th>
                <td>{line.amount >= 0 ? '+' : '−'}{money(Math.abs(line.amount))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{money(price.unitTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="summary__card">
        <h3 className="summary__title">Made in {leadTime.totalDays} days</h3>
        <ul className="summary__list">
          <li>{leadTime.baseDays} days to make each {wording.unit}</li>
          {leadTime.extras.map((extra) => (
            <li key={extra.ruleId}>
              {extra.message} <span className="summary__days">+{extra.days} days</span>
            </li>
          ))}
        </ul>
        {leadTime.extras.length > 1 && <p className="summary__note">Made-to-order parts are produced side by side, so only the longest counts.</p>}
      </div>
      <div className="summary__card">
        <h3 className="summary__title">Your design</h3>
        <div role="status" aria-label="Notices" className="notices">
          {alerts.length > 0 && (
            <ul>
              {alerts.map((alert) => (
                <li key={alert.ruleId} className="notice">{alert.message}</li>
              ))}
            </ul>
          )}
        </div>
        {/* For the curious, out of the way: the size of the space the rules leave open. */}
        <details className="summary__details">
          <summary>Design details</summary>
          <p className="summary__count">
            <strong>{withBreaks(remainingDesigns.toLocaleString('en-GB'))}</strong> {remainingDesigns === 1n ? 'design' : 'designs'} still possible with your choices
          </p>
        </details>
      </div>
    </section>
  );
}

/** "205,393,620,831,672" may wrap only after its commas. */
function withBreaks(number: string) {
  return number.split(',').map((group, index) => (
    <Fragment key={index}>
      {index > 0 && <>,<wbr /></>}
      {group}
    </Fragment>
  ));
}
