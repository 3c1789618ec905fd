import { useMachine } from '@xstate/react';
import { useContext, useId } from 'react';
import type { DesignDocument } from '../domain/index.ts';
import { MAX_CREATOR_NAME } from '../domain/requests/index.ts';
import { MAX_TITLE_LENGTH } from '../machines/index.ts';
import { GallerySubmissionMachineContext } from './ConfiguratorActorContext.ts';

/** Props of {@link GallerySubmit}. */
export interface GallerySubmitProps {
  readonly design: DesignDocument;
  readonly remixOf: string | null;
}

/**
 * "Share with the community": name the design and send it to the public gallery, where others
 * vote on it and remix it. Personal text and artwork never go public. The refusal reason (e.g. a
 * title that names another brand) is an alert beside the title box.
 */
export function GallerySubmit({ design, remixOf }: GallerySubmitProps) {
  const machine = useContext(GallerySubmissionMachineContext);
  const [snapshot, send] = useMachine(machine, { input: { design, remixOf } });
  const id = useId();
  const { title, error, candidate } = snapshot.context;

  if (snapshot.matches('submitted') && candidate) {
    return (
      <div className="gallery-submit" role="status">
        <p>
          {candidate.joined ? 'Someone had already shared this exact design: your vote of confidence was added to it. ' : 'Your design is in the community gallery. '}
          <a href={`/gallery?product=${encodeURIComponent(design.productId)}#candidate-${candidate.id}`}>See it in the gallery</a>
        </p>
      </div>
    );
  }
  return (
    <form
      className="gallery-submit"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send({ type: 'submit' });
      }}
    >
      <h3 id={`${id}-heading`} className="checkout__heading">Share with the community</h3>
      <p className="field__hint">Others can vote for it and remix it; the best designs become shop colourways. The gallery shows the shop's drawing of your choices: your personal text and artwork stay private.</p>
      <div className="field">
        <label htmlFor={`${id}-title`}>Design name</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={MAX_TITLE_LENGTH * 2}
          disabled={snapshot.matches('submitting')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => send({ type: 'title.change', title: event.target.value })}
        />
        {error && <p id={`${id}-error`} role="alert" className="field__hint field__hint--error">{error}</p>}
      </div>
      <fieldset className="gallery-submit__credit">
        <legend>Credit (optional)</legend>
        <p className="field__hint" id={`${id}-credit-hint`}>If the shop's designers pick your design for the catalogue, it says "co-created by" this name. The email stays private: the shop uses it only about your credit.</p>
        <div className="field">
          <label htmlFor={`${id}-creator-name`}>Your name as credited</label>
          <input id={`${id}-creator-name`} value={snapshot.context.creatorName} maxLength={MAX_CREATOR_NAME * 2} autoComplete="nickname" disabled={snapshot.matches('submitting')} aria-describedby={`${id}-credit-hint`} onChange={(event) => send({ type: 'creator.change', creatorName: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-creator-email`}>Your email (private)</label>
          <input id={`${id}-creator-email`} type="email" value={snapshot.context.creatorEmail} autoComplete="email" disabled={snapshot.matches('submitting')} aria-describedby={`${id}-credit-hint`} onChange={(event) => send({ type: 'creator.change', creatorEmail: event.target.value })} />
        </div>
      </fieldset>
      <button type="submit" className="button button--secondary" disabled={snapshot.matches('submitting')}>
        {snapshot.matches('submitting') ? 'Sending…' : 'Submit to the gallery'}
      </button>
    </form>
  );
}
