import { useState } from 'react';
import type { Draft } from '../../../domain/studio/index.ts';
import { StaffRequestError } from '../../../machines/index.ts';
import type { StaffConnection } from '../../api/staffClient.ts';
import { discardStudioDraft, openOthersDraft, openStudio, publishStudioDraft, type DraftPublishAnswer, type OtherDraft, type StudioDraft, type StudioOpening, type StudioTexts } from '../../api/studioClient.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { PublishPanel, type PublishFailure } from './PublishPanel.tsx';
import { AutosaveStatus, colourwaysText, DraftRestoreBanner, namesText, OthersEditingNotice } from './StudioDraftNotices.tsx';
import { StudioWorkbench } from './StudioWorkbench.tsx';
import { ThreeWayDifference } from './ThreeWayDifference.tsx';
import { useDraftAutosave } from './useDraftAutosave.ts';
import './studioDrafts.css';

/** Props of {@link StudioSession}. */
export interface StudioSessionProps {
  readonly connection: StaffConnection;
  readonly productId: string;
  readonly opening: StudioOpening;
}

/** The texts in the editor (the CSV tables among them), the version they started from, and a key that changes whenever other texts are opened. */
interface Opened extends TextsAndTables {
  readonly key: number;
  readonly basedOn: string;
}

/** The two files' text and the CSV tables the rules file names, by name as written. */
interface TextsAndTables extends StudioTexts {
  readonly tables?: Readonly<Record<string, string>>;
}

/**
 * The studio around its editor: the draft saved on the server as the merchandiser types, the
 * offer to restore an unpublished draft, who else is editing the product (and continuing from
 * their draft: a designer's colourways are published so), publishing the draft, and, when the
 * product was published again since the draft started, the three-way difference.
 */
export function StudioSession({ connection, productId, opening }: StudioSessionProps) {
  const [studio, setStudio] = useState(opening);
  const { published } = studio;
  const [opened, setOpened] = useState<Opened>({ key: 0, basedOn: published.rulesVersion, ...publishedTexts(published) });
  const [offer, setOffer] = useState<StudioDraft | null>(opening.myDraft);
  const { autosave, state } = useDraftAutosave(connection, productId, { basedOn: published.rulesVersion, revision: opening.myDraft?.revision ?? 0 });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PublishFailure | null>(null);
  const [moved, setMoved] = useState<Extract<DraftPublishAnswer, { kind: 'moved' }> | null>(null);
  const [kept, setKept] = useState<TextsAndTables | null>(null);
  const [done, setDone] = useState<{ readonly rulesVersion: string; readonly already: boolean } | null>(null);
  /** Another person's draft I am asked to replace my own with. */
  const [asking, setAsking] = useState<OtherDraft | null>(null);
  /** Whose draft the editor continues from, said in the page's live status. */
  const [continued, setContinued] = useState<{ readonly email: string; readonly colourwaysAdded: readonly string[] } | null>(null);
  const fileNames = { rules: `Rules file (${published.rules.file})`, product: `Product file (${published.product.file})` };

  const reopen = (texts: TextsAndTables, basedOn: string, revision: number) => {
    autosave.reset(basedOn, revision);
    setOpened((before) => ({ key: before.key + 1, basedOn, ...texts }));
  };
  /** Runs a request of the studio's own, its refusal shown in the Publish panel's alert. */
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof StaffRequestError ? { message: error.message, problems: error.problems } : { message: String(error), problems: [] });
    } finally {
      setBusy(false);
    }
  };
  const refresh = async () => {
    const fresh = await openStudio(connection, productId);
    setStudio(fresh);
    return fresh;
  };

  const restore = (draft: StudioDraft) => {
    reopen(draft, draft.basedOn, draft.revision);
    setOffer(null);
  };
  const discard = () => act(async () => {
    await discardStudioDraft(connection, productId);
    reopen(publishedTexts(published), published.rulesVersion, 0);
    setOffer(null);
    setContinued(null);
  });
  const continueFrom = (other: OtherDraft) => act(async () => {
    setAsking(null);
    let theirs: Awaited<ReturnType<typeof openOthersDraft>>;
    try {
      theirs = await openOthersDraft(connection, productId, other.id);
    } catch (error) {
      // Published or discarded since the page opened: the list is read again.
      if (error instanceof StaffRequestError && error.code === 'not_found') await refresh();
      throw error;
    }
    // Restore's path, over my own revision; then saved at once, so the draft is mine to publish
    // (theirs stays theirs, and is told it is behind once I publish).
    const texts: TextsAndTables = { product: theirs.product, rules: theirs.rules, tables: theirs.tables };
    reopen(texts, theirs.basedOn, autosave.knownRevision);
    autosave.edited(() => ({ product: texts.product, rules: texts.rules, tables: texts.tables ?? {} }));
    autosave.flush();
    setOffer(null);
    setDone(null);
    setMoved(null);
    setKept(null);
    setContinued({ email: theirs.email, colourwaysAdded: other.colourwaysAdded });
  });
  /** My own draft (saved, or typed and not yet) is replaced only once I say so. */
  const askToContinue = (other: OtherDraft) => (autosave.hasDraft ? setAsking(other) : void continueFrom(other));
  const openStored = () => act(async () => {
    const fresh = await refresh();
    if (fresh.myDraft) restore(fresh.myDraft);
  });
  const startAgain = () => act(async () => {
    const fresh = await refresh();
    // The old draft stays stored until the first edit replaces it; its text stays here to copy.
    setKept(moved?.mine ?? null);
    setMoved(null);
    reopen(publishedTexts(fresh.published), fresh.published.rulesVersion, fresh.myDraft?.revision ?? 0);
  });
  const publish = (note: { message: string; graceHours: number }) => act(async () => {
    setDone(null);
    const saved = await autosave.saved();
    if (saved.status === 'changed' || saved.status === 'failed') return;
    const answer = await publishStudioDraft(connection, productId, note);
    if (answer.kind === 'moved') {
      setMoved(answer);
      return;
    }
    const fresh = await refresh();
    setKept(null);
    setContinued(null);
    setDone(answer);
    reopen(publishedTexts(fresh.published), fresh.published.rulesVersion, 0);
  });
  const edited = (draft: () => Draft) => {
    // Typing over the published files replaces the offered draft (the banner said so).
    if (offer) setOffer(null);
    if (done) setDone(null);
    autosave.edited(() => {
      const { product, rules, tables } = draft();
      return { product: product.text, rules: rules.text, tables: tables ?? {} };
    });
  };

  return (
    <div className="studio-session">
      {done && (
        <p role="status" className="staff-notice studio-published">
          {done.already
            ? <>Published: your draft differs from the current version <code>{done.rulesVersion}</code> only in comments or layout, so customers see no change; the files are kept as you wrote them.{' '}</>
            : <>Published: version <code>{done.rulesVersion}</code> is the current one, and customers get it from now on.{' '}</>}
          <a href={`/?product=${encodeURIComponent(productId)}`} target="_blank" rel="noreferrer">Open the customer page</a>
        </p>
      )}
      {offer && <DraftRestoreBanner draft={offer} publishedVersion={published.rulesVersion} busy={busy} onRestore={() => restore(offer)} onDiscard={discard} />}
      <OthersEditingNotice others={studio.othersEditing} busy={busy} onContinue={askToContinue} />
      <p role="status" className="studio-autosave">{continued ? continuedText(continued) : ''}</p>
      {asking && (
        <ConfirmDialog title={`Continue from ${asking.email}'s draft?`} confirm="Replace my draft" onCancel={() => setAsking(null)} onConfirm={() => void continueFrom(asking)}>
          <p>Your own draft of this product, with its unsaved changes, is replaced by {asking.email}&apos;s, and saved as yours. Their draft stays theirs.</p>
        </ConfirmDialog>
      )}
      <p className="studio-version">
        {opened.basedOn === published.rulesVersion
          ? <>Editing from rules version <code>{published.rulesVersion}</code> (the current one): <code>{published.rules.file}</code> and <code>{published.product.file}</code>.</>
          : <>Editing your draft from rules version <code>{opened.basedOn}</code>; <code>{published.rulesVersion}</code> is the current one.</>}
      </p>
      <AutosaveStatus state={state} onKeepMine={() => autosave.keepMine()} onOpenStored={openStored} />
      {moved && <ThreeWayDifference {...moved} fileNames={fileNames} busy={busy} onStartAgain={startAgain} />}
      {kept && <KeptText texts={kept} fileNames={fileNames} onDone={() => setKept(null)} />}
      <StudioWorkbench
        key={opened.key}
        sources={{ rulesVersion: opened.basedOn, product: { file: published.product.file, text: opened.product }, rules: { file: published.rules.file, text: opened.rules }, tables: opened.tables ?? {} }}
        onEdit={edited}
        footer={(check) => (
          <PublishPanel
            check={check.answer}
            checking={check.checking}
            hasDraft={autosave.hasDraft}
            draftInDoubt={state.status === 'changed'}
            busy={busy}
            failure={failure}
            onPublish={(note) => void publish(note)}
          />
        )}
      />
    </div>
  );
}

/** "Continuing from x@y's draft: 2 colourways added (“A”, “B”)." */
function continuedText({ email, colourwaysAdded }: { readonly email: string; readonly colourwaysAdded: readonly string[] }): string {
  const added = colourwaysAdded.length > 0 ? `: ${colourwaysText(colourwaysAdded)} added (${namesText(colourwaysAdded)})` : '';
  return `Continuing from ${email}'s draft${added}. It is your draft now: publish it below.`;
}

/** The published version's texts, its CSV tables among them, as the editor opens them. */
function publishedTexts(published: StudioOpening['published']): TextsAndTables {
  return { product: published.product.text, rules: published.rules.text, tables: published.tables };
}

/** The text of a draft that could not be published, kept to copy changes from after starting again. */
function KeptText({ texts, fileNames, onDone }: { readonly texts: TextsAndTables; readonly fileNames: Readonly<Record<keyof StudioTexts, string>>; readonly onDone: () => void }) {
  return (
    <section aria-labelledby="studio-kept" className="studio-kept">
      <h2 id="studio-kept">Your earlier text, to copy from</h2>
      <p>The editor now shows the published version. Copy your changes across from here; this text is not saved.</p>
      {(['rules', 'product'] as const).map((file) => (
        <label key={file} className="studio-kept__file">
          {fileNames[file]}
          <textarea readOnly value={texts[file]} rows={8} spellCheck={false} />
        </label>
      ))}
      {Object.entries(texts.tables ?? {}).map(([name, text]) => (
        <label key={name} className="studio-kept__file">
          Table {name}
          <textarea readOnly value={text} rows={8} spellCheck={false} />
        </label>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={onDone}>Done copying</button>
    </section>
  );
}
