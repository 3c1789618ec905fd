import { useSelector } from '@xstate/react';
import { useId, useMemo, useState } from 'react';
import { holdsPersonalisation } from '../domain/index.ts';
import { sendDesignSignal } from './api/designSignalClient.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { shareUrl } from './shareUrl.ts';
import { useDesignDocument } from './useDesignDocument.ts';

/**
 * The design's share link in a read-only text box with a "Copy link" button: opening the link
 * restores this design's choices (or says what changed, if the rules changed since). Personal text
 * and artwork are never in a link, and the hint says so when the design has some.
 */
export function ShareLink() {
  const actor = useConfiguratorActor();
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const design = useDesignDocument();
  const leftOut = useSelector(actor, (snapshot) => holdsPersonalisation(snapshot.context.summary));
  const remix = useSelector(actor, (snapshot) => snapshot.context.remixOf !== undefined && snapshot.context.remixOf !== null);
  const url = useMemo(() => shareUrl(product, design.rulesVersion, design.choices, design.chosenByCustomer, { personalisationLeftOut: leftOut }), [product, design, leftOut]);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
      sendDesignSignal('shared', design, remix);
    } catch {
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
      setCopied('Press Ctrl+C (⌘C) to copy the selected link.');
    }
  };

  return (
    <div className="share">
      <label htmlFor={`${id}-url`} className="share__label">Share link</label>
      <div className="share__row">
        <input id={`${id}-url`} className="share__url" readOnly value={url} aria-describedby={`${id}-status`} onFocus={(event) => event.target.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>Copy link</button>
      </div>
      <p id={`${id}-status`} className="field__hint" aria-live="polite">{copied ?? (leftOut ? 'Your text and artwork are not in shared links: anyone with the link sees your choices without them.' : 'Anyone with the link sees this exact design.')}</p>
    </div>
  );
}
