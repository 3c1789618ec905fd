import { useSelector } from '@xstate/react';
import type { PartId, Product } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import type { PartSections } from './usePartSections.ts';

/** Props of {@link PartStepper}. */
export interface PartStepperProps {
  readonly product: Product;
  readonly sections: PartSections;
}

/**
 * The phone's part-by-part flow: "Part 3 of 12", the part's name, and Previous / Next. A step opens
 * that part alone, scrolls to it and turns the preview to it (the session's focused part, which the
 * preview highlights). The current part is the one the customer last worked on. Shown on narrow
 * screens only (styles.css); wide screens show every section at once.
 */
export function PartStepper({ product, sections }: PartStepperProps) {
  const actor = useConfiguratorActor();
  const focusedPart = useSelector(actor, (snapshot) => snapshot.context.focusedPart);
  const parts = product.parts;
  const index = currentStep(parts.map((part) => part.id), focusedPart, sections.expanded);
  const part = parts[index]!;

  const go = (next: number) => {
    const target = parts[next]!;
    sections.showOnly(target.id);
    actor.send({ type: 'part.focus', partId: target.id });
  };

  return (
    <nav className="part-steps" aria-label="Parts, step by step">
      <button type="button" className="button button--secondary part-steps__button" disabled={index === 0} onClick={() => go(index - 1)}>
        <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M12 4 6 10l6 6" /></svg>
        Previous
      </button>
      <p className="part-steps__position" aria-live="polite" aria-atomic="true">
        <span className="part-steps__count">Part {index + 1} of {parts.length}</span>
        <strong className="part-steps__name">{part.label}</strong>
      </p>
      <button type="button" className="button button--secondary part-steps__button" disabled={index === parts.length - 1} onClick={() => go(index + 1)}>
        Next
        <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="m8 4 6 6-6 6" /></svg>
      </button>
    </nav>
  );
}

/** The step the customer is on: the part they focused last, else the first open section, else the first part. */
function currentStep(parts: readonly PartId[], focusedPart: PartId | null, expanded: ReadonlySet<PartId>): number {
  const focused = focusedPart === null ? -1 : parts.indexOf(focusedPart);
  if (focused >= 0) return focused;
  const open = parts.findIndex((part) => expanded.has(part));
  return open >= 0 ? open : 0;
}
