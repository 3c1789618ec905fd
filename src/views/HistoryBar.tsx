import { useSelector } from '@xstate/react';
import { useLayoutEffect, useRef } from 'react';
import { formatMoney } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';

/** Props of {@link HistoryBar}. */
export interface HistoryBarProps {
  /** Offer "Review design" (default true; the studio's try-it pane has no review: no orders, sharing or gallery there). */
  readonly review?: boolean;
}

/**
 * The sticky bar under the design: Undo, Redo, Start over, the price and production time (shown
 * here on phones, where the header has no room for them) and Review design. Each button is
 * enabled exactly when the session would accept its event. Hidden during the review, which has
 * its own actions.
 */
export function HistoryBar({ review = true }: HistoryBarProps = {}) {
  const actor = useConfiguratorActor();
  const canUndo = useSelector(actor, (snapshot) => snapshot.can({ type: 'history.undo' }));
  const canRedo = useSelector(actor, (snapshot) => snapshot.can({ type: 'history.redo' }));
  const canReset = useSelector(actor, (snapshot) => snapshot.can({ type: 'design.reset' }));
  const canReview = useSelector(actor, (snapshot) => snapshot.can({ type: 'design.review' }));
  const undoLabel = useSelector(actor, (snapshot) => snapshot.context.history.past.at(-1)?.label);
  const redoLabel = useSelector(actor, (snapshot) => snapshot.context.history.future[0]?.label);
  // Hidden during the review and after ordering: the design is not being edited then.
  const reviewing = useSelector(actor, (snapshot) => snapshot.matches('reviewing') || snapshot.matches('ordered'));
  const price = useSelector(actor, (snapshot) => snapshot.context.summary.price);
  const days = useSelector(actor, (snapshot) => snapshot.context.summary.leadTime.totalDays);
  const reviewRef = useRef<HTMLButtonElement>(null);
  const wasReviewing = useRef(reviewing);

  // Back from the review: put focus where the customer left, not at the top of the page.
  useLayoutEffect(() => {
    if (wasReviewing.current && !reviewing) reviewRef.current?.focus();
    wasReviewing.current = reviewing;
  }, [reviewing]);

  return (
    <nav className="history-bar" aria-label="Design actions" hidden={reviewing}>
      <div className="history-bar__group">
        <button type="button" className="button button--quiet" disabled={!canUndo} onClick={() => actor.send({ type: 'history.undo' })} aria-keyshortcuts="Control+Z Meta+Z" title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M7.5 5 3.5 9l4 4M4 9h8a4.5 4.5 0 0 1 0 9h-2" /></svg>
          <span className="history-bar__text">Undo</span>
        </button>
        <button type="button" className="button button--quiet" disabled={!canRedo} onClick={() => actor.send({ type: 'history.redo' })} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="m12.5 5 4 4-4 4M16 9H8a4.5 4.5 0 0 0 0 9h2" /></svg>
          <span className="history-bar__text">Redo</span>
        </button>
        <button type="button" className="button button--quiet" disabled={!canReset} onClick={() => actor.send({ type: 'design.reset' })} title="Back to the suggested design (you can undo this)">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M3.5 10a6.5 6.5 0 1 0 2-4.7M3.5 3v3.5H7" /></svg>
          <span className="history-bar__text">Start over</span>
        </button>
      </div>
      <p className="history-bar__facts">
        <span className="history-bar__price"><span className="sr-only">Price </span><span>{formatMoney(price.unitTotal, price.currency)}</span></span>
        <span className="history-bar__days">Made in {days} days</span>
      </p>
      {review && (
        <button type="button" ref={reviewRef} className="button button--primary" disabled={!canReview} onClick={() => actor.send({ type: 'design.review' })}>
          Review design
        </button>
      )}
    </nav>
  );
}
