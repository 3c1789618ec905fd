import type { StudioDraft, StudioOpening } from '../../api/studioClient.ts';
import type { AutosaveState } from './draftAutosave.ts';
import { savedAtText } from './studioTimes.ts';

/** Props of {@link DraftRestoreBanner}. */
export interface DraftRestoreBannerProps {
  readonly draft: StudioDraft;
  /** The version published now: a draft from an earlier one is said to be. */
  readonly publishedVersion: string;
  readonly busy: boolean;
  readonly onRestore: () => void;
  readonly onDiscard: () => void;
}

/** On opening the studio: the merchandiser's unpublished draft, to restore or discard. */
export function DraftRestoreBanner({ draft, publishedVersion, busy, onRestore, onDiscard }: DraftRestoreBannerProps) {
  return (
    <section aria-labelledby="studio-draft-offer" className="staff-notice studio-draft-banner">
      <p id="studio-draft-offer">
        <strong>You have an unpublished draft from <time dateTime={draft.updatedAt}>{savedAtText(draft.updatedAt)}</time>.</strong>{' '}
        {draft.basedOn === publishedVersion
          ? 'The editor shows the published files; restore the draft to go on with it. Typing here without restoring replaces it.'
          : <>It started from version <code>{draft.basedOn}</code>, and the product has been published again since: restore it to compare before publishing.</>}
      </p>
      <div className="studio-draft-banner__actions">
        <button type="button" className="button button--primary button--small" disabled={busy} onClick={onRestore}>Restore</button>
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={onDiscard}>Discard</button>
      </div>
    </section>
  );
}

/** Who else has a draft of the product, so two merchandisers do not undo each other. */
export function OthersEditingNotice({ others }: { readonly others: StudioOpening['othersEditing'] }) {
  if (others.length === 0) return null;
  return (
    <ul aria-label="Others editing this product" className="studio-others">
      {others.map((other) => (
        <li key={other.email} className="staff-notice">
          {other.email} has a draft of this product, saved <time dateTime={other.updatedAt}>{savedAtText(other.updatedAt)}</time>. Whoever publishes second is asked to compare first.
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link AutosaveStatus}. */
export interface AutosaveStatusProps {
  readonly state: AutosaveState;
  /** Another tab saved: keep this tab's text over it. */
  readonly onKeepMine: () => void;
  /** Another tab saved: open what it saved. */
  readonly onOpenStored: () => void;
}

/** Where the draft's autosave stands, and the choice to make when another tab saved since. */
export function AutosaveStatus({ state, onKeepMine, onOpenStored }: AutosaveStatusProps) {
  if (state.status === 'changed') {
    return (
      <div role="alert" className="staff-alert studio-autosave studio-autosave--changed">
        <p>
          {state.stored
            ? <>Your draft was saved in another tab or window at <time dateTime={state.stored.updatedAt}>{savedAtText(state.stored.updatedAt)}</time>. Nothing from this tab is saved until you choose which text to keep.</>
            : 'Your draft was published or discarded in another tab or window. Nothing from this tab is saved until you choose.'}
        </p>
        <div className="studio-draft-banner__actions">
          <button type="button" className="button button--primary button--small" onClick={onKeepMine}>Keep this tab&apos;s text</button>
          {state.stored && <button type="button" className="button button--secondary button--small" onClick={onOpenStored}>Open the other tab&apos;s draft</button>}
        </div>
      </div>
    );
  }
  return <p role="status" className="studio-autosave">{autosaveText(state)}</p>;
}

function autosaveText(state: Exclude<AutosaveState, { status: 'changed' }>): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'pending':
      return 'Unsaved changes: your draft is saved when you pause typing.';
    case 'saving':
      return 'Saving your draft…';
    case 'saved':
      return `Draft saved ${savedAtText(state.updatedAt)}. Only you see it until you publish.`;
    case 'failed':
      return `Your draft could not be saved: ${state.message} It is tried again in a few seconds; keep this page open.`;
    default:
      throw new Error(`[Atelier] unknown autosave state ${JSON.stringify(state satisfies never)}`);
  }
}
