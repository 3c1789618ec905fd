import { forwardRef } from 'react';
import type { OrderBlocker, OrderBlockerTarget } from '../domain/index.ts';
import { domIds } from './domIds.ts';

/** Props of {@link OrderProblems}. */
export interface OrderProblemsProps {
  /** What stops the order now (the session's `checkoutProblems`), in the order of the page. */
  readonly problems: readonly OrderBlocker[];
  /** Takes the customer to a problem's field (for a personal text: back to the design, its section open). */
  readonly onFix: (target: OrderBlockerTarget) => void;
}

/** The DOM id of the control a problem is fixed in. */
export function problemFieldId(target: OrderBlockerTarget): string {
  switch (target.kind) {
    case 'personalisation': return domIds.personalisationInput(target.fieldId);
    case 'size': return domIds.checkoutField('size');
    case 'contact': return domIds.checkoutField(target.field);
    case 'address': return domIds.checkoutField(`address-${target.field}`);
    default: {
      const never: never = target;
      throw new Error(`[Atelier] unknown problem target ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The review's error summary: every problem that stops the order, each a link to the field that
 * fixes it. Its links are what focus moves to when placing the order fails, so keyboard and
 * screen-reader users land on the first problem. Renders nothing when the order can go.
 */
export const OrderProblems = forwardRef<HTMLDivElement, OrderProblemsProps>(function OrderProblems({ problems, onFix }, ref) {
  if (problems.length === 0) return null;
  const heading = problems.length === 1 ? 'One problem stops this order' : `${problems.length} problems stop this order`;
  return (
    <div ref={ref} className="order-problems" role="group" aria-labelledby="order-problems-heading">
      <h3 id="order-problems-heading" className="order-problems__heading">{heading}</h3>
      <ul className="order-problems__list">
        {problems.map((problem) => (
          <li key={`${problemFieldId(problem.target)} ${problem.message}`}>
            <a
              href={`#${problemFieldId(problem.target)}`}
              onClick={(event) => {
                event.preventDefault();
                onFix(problem.target);
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
