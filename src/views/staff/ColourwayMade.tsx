import { useEffect, useId, useRef } from 'react';
import type { MadeColourway } from '../api/colourwayClient.ts';
import { STAFF_HEADING_ID } from './StaffPageHeading.tsx';
import { StaffLink } from './StaffLink.tsx';
import { studioPath } from './studio/studioPath.ts';

/** A colourway just made, as the review page tells where it went. */
export interface MadeColourwayNote {
  readonly name: string;
  readonly productId: string;
  readonly productName: string;
  /** The draft was behind the published version and started again from it. */
  readonly restarted?: MadeColourway['restarted'];
}

/** Props of {@link ColourwayMade}. */
export interface ColourwayMadeProps {
  readonly made: MadeColourwayNote;
  /** The account opens the rules studio (merchandiser role), where the draft is published. */
  readonly canPublish: boolean;
  readonly onDismiss: () => void;
}

/**
 * Where a colourway went once made: into the designer's own studio draft of the product, which
 * customers see only once it is published from the rules studio (the merchandiser's page: a
 * designer without the role has a merchandiser continue from the draft there and publish it).
 * Takes the focus when it appears; "Done" gives it back to the heading.
 */
export function ColourwayMade({ made, canPublish, onDismiss }: ColourwayMadeProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="staff-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>Colourway “{made.name}” made</h2>
      <p>“{made.name}” is in your studio draft of the {made.productName}, not yet published: customers see it among the presets once the draft is published from the rules studio.</p>
      {made.restarted && (
        <p>
          A newer version of the {made.productName} was published since your draft was started, so your draft now starts from it
          {made.restarted.carried.length > 0 ? <>, with your earlier colourways {made.restarted.carried.map((name) => `“${name}”`).join(', ')}</> : null}.
          {made.restarted.dropped.map((gone) => <span key={gone.name}> “{gone.name}” was left out: {gone.reason}.</span>)}
        </p>
      )}
      <p className="staff-links">
        {canPublish
          ? <StaffLink to={studioPath(made.productId)} className="button button--secondary">Open the draft in the rules studio</StaffLink>
          : <span>A merchandiser publishes it: in the rules studio, they see your draft under your email and continue from it. Tell them it is ready.</span>}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onDismiss();
            document.getElementById(STAFF_HEADING_ID)?.focus();
          }}
        >
          Done
        </button>
      </p>
    </section>
  );
}
