import { useId, useState } from 'react';
import { allowDesignSignals, designSignalsAllowed } from './api/designSignalClient.ts';

/**
 * The customer's switch for design signals: whether the shop may count, anonymously, what is done
 * with designs on this browser (reviewed, shared, ordered: the choices only, never text, name or
 * email), so that its designers learn which designs customers make. Off, and says why, when the
 * browser asks not to be tracked (Do Not Track, Global Privacy Control).
 */
export function DesignSignalsChoice() {
  const id = useId();
  const browser = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { globalPrivacyControl?: boolean });
  const browserDeclines = browser?.doNotTrack === '1' || browser?.globalPrivacyControl === true;
  const [allowed, setAllowed] = useState(designSignalsAllowed);
  return (
    <div className="signals-choice">
      <input
        id={id}
        type="checkbox"
        checked={allowed}
        disabled={browserDeclines}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          allowDesignSignals(event.target.checked);
          setAllowed(designSignalsAllowed());
        }}
      />
      <label htmlFor={id}>Help our designers: count my design anonymously</label>
      <p id={`${id}-hint`} className="field__hint">
        {browserDeclines
          ? 'Your browser asks sites not to track you, so nothing is counted.'
          : 'Only the choices are counted (never your text, name or email), so that popular designs can join the catalogue.'}
      </p>
    </div>
  );
}
