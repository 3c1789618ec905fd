import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PartId, Product } from '../domain/index.ts';
import { domIds } from './domIds.ts';

/** Which part sections of the option panel are open, and how to open one from elsewhere. */
export interface PartSections {
  readonly expanded: ReadonlySet<PartId>;
  /** Opens or closes a section (its header button). */
  toggle(partId: PartId): void;
  /** Opens a section, scrolls it into view and moves focus to its header (a click on the preview). */
  reveal(partId: PartId): void;
  /** Opens this section alone and scrolls it into view, keeping focus where it is (a step of the phone's part-by-part flow). */
  showOnly(partId: PartId): void;
}

/**
 * The open/closed state of the part sections: UI state only, so it lives in React, not in the
 * session machine. The first part starts open so the panel never opens empty.
 */
export function usePartSections(product: Product): PartSections {
  const [expanded, setExpanded] = useState<ReadonlySet<PartId>>(() => new Set(product.parts.slice(0, 1).map((part) => part.id)));

  const toggle = useCallback((partId: PartId) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(partId)) next.add(partId);
      return next;
    });
  }, []);

  const reveal = useCallback((partId: PartId) => {
    // The section must be open in the DOM before it can be scrolled to.
    flushSync(() => setExpanded((current) => (current.has(partId) ? current : new Set(current).add(partId))));
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    document.getElementById(domIds.partSection(partId))?.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
    document.getElementById(domIds.partToggle(partId))?.focus({ preventScroll: true });
  }, []);

  const showOnly = useCallback((partId: PartId) => {
    flushSync(() => setExpanded(new Set([partId])));
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    document.getElementById(domIds.partSection(partId))?.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  }, []);

  return { expanded, toggle, reveal, showOnly };
}
