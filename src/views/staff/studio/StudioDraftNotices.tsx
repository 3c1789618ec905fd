import type { OtherDraft, StudioDraft } from '../../api/studioClient.ts';
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

/** Props of {@link OthersEditingNotice}. */
export interface OthersEditingNoticeProps {
  readonly others: readonly OtherDraft[];
  readonly busy: boolean;
  /** Open this draft in the editor as my own (a designer's colourways, to publish). */
  readonly onContinue: (other: OtherDraft) => void;
}

/**
 * Who else has a draft of the product, so two merchandisers do not undo each other, and what each
 * adds, to continue from it: a designer's colourways wait in the designer's draft for a
 * merchandiser to publish them.
 */
export function OthersEditingNotice({ others, busy, onContinue }: OthersEditingNoticeProps) {
  if (others.length === 0) return null;
  return (
    <ul aria-label="Others editing this product" className="studio-others">
      {others.map((other) => (
        <li key={other.id} className="staff-notice studio-draft-banner">
          <p>
            {other.email} has a draft of this product, saved <time dateTime={other.updatedAt}>{savedAtText(other.updatedAt)}</time>
            {other.colourwaysAdded.length > 0 ? <>, adding {colourwaysText(other.colourwaysAdded)}: {namesText(other.colourwaysAdded)}</> : null}.
            {' '}Whoever publishes second is asked to compare first.
          </p>
          <div className="studio-draft-banner__actions">
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onContinue(other)}>
              Continue from this draft<span className="sr-only"> by {other.email}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** "1 colourway", "2 colourways". */
export function colourwaysText(names: readonly string[]): string {
  return `${names.length} colourway${names.length === 1 ? '' : 's'}`;
}

/** "“A”, “B”". */
export function namesText(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
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
