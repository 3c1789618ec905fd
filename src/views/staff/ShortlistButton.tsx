import { useState } from 'react';
import { StaffRequestError } from '../../machines/index.ts';

/** Props of {@link ShortlistButton}. */
export interface ShortlistButtonProps {
  /** What the button shortlists, for screen readers: e.g. "the design Laces colour: red". */
  readonly what: string;
  readonly onShortlist: () => Promise<void>;
}

/**
 * "Shortlist": puts a design in the review queue (the Review page). It says what happened beside
 * it (a polite live region): shortlisted, or why not.
 */
export function ShortlistButton({ what, onShortlist }: ShortlistButtonProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  return (
    <span className="staff-shortlist">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={state.kind === 'busy' || state.kind === 'done' || undefined}
        onClick={() => {
          if (state.kind === 'busy' || state.kind === 'done') return;
          setState({ kind: 'busy' });
          onShortlist().then(() => setState({ kind: 'done' }), (error: unknown) => setState({ kind: 'failed', message: error instanceof StaffRequestError ? error.message : 'The design could not be shortlisted: try again.' }));
        }}
      >
        {state.kind === 'done' ? 'Shortlisted' : 'Shortlist'}<span className="sr-only"> {what}</span>
      </button>
      <span role="status" className="staff-table__note">{state.kind === 'done' ? 'In the review queue' : state.kind === 'failed' ? state.message : ''}</span>
    </span>
  );
}
