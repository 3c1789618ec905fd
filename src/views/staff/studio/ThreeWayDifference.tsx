import type { StudioTexts } from '../../api/studioClient.ts';
import { lineDifference, type DifferenceRow } from './lineDifference.ts';

/** Props of {@link ThreeWayDifference}. */
export interface ThreeWayDifferenceProps {
  readonly basedOn: string;
  readonly current: string | null;
  /** The files the draft started from; null when they were not recorded. */
  readonly base: StudioTexts | null;
  /** The files published now; null when none are, or they were not recorded. */
  readonly theirs: StudioTexts | null;
  readonly mine: StudioTexts;
  readonly fileNames: Readonly<Record<keyof StudioTexts, string>>;
  readonly busy: boolean;
  readonly onStartAgain: () => void;
}

const FILES: readonly (keyof StudioTexts)[] = ['rules', 'product'];

/**
 * Publishing refused because the product was published again since the draft started: for each
 * file, what the other publication changed (base → published now) and what this draft changes
 * (base → yours), line by line, and the way on: start again from the published version, with
 * this draft's text kept to copy from.
 */
export function ThreeWayDifference({ basedOn, current, base, theirs, mine, fileNames, busy, onStartAgain }: ThreeWayDifferenceProps) {
  return (
    <section aria-labelledby="studio-moved" className="studio-moved">
      <h2 id="studio-moved">Someone published this product since your draft started</h2>
      <p>
        Your draft started from version <code>{basedOn}</code>; {current ? <>version <code>{current}</code> is published now</> : 'no version is published now'}.
        Publishing your draft as it is would undo their change, so it was not published. Compare the two changes below, then start again from the published version and copy your changes across.
      </p>
      {FILES.map((file) => (
        <section key={file} aria-label={fileNames[file]} className="studio-moved__file">
          <h3>{fileNames[file]}</h3>
          <div className="studio-moved__sides">
            <Difference title="Published since (your starting point → published now)" before={base?.[file]} after={theirs?.[file]} />
            <Difference title="Yours (your starting point → your draft)" before={base?.[file]} after={mine[file]} />
          </div>
        </section>
      ))}
      <button type="button" className="button button--primary" disabled={busy} onClick={onStartAgain}>Start again from the published version (keep my text to copy)</button>
    </section>
  );
}

function Difference({ title, before, after }: { readonly title: string; readonly before: string | undefined; readonly after: string | undefined }) {
  if (before === undefined || after === undefined) {
    return (
      <figure className="studio-diff">
        <figcaption>{title}</figcaption>
        <p className="studio-diff__none">The files of one of these versions were not kept, so this difference cannot be shown.</p>
      </figure>
    );
  }
  const rows = lineDifference(before, after);
  return (
    <figure className="studio-diff">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? <p className="studio-diff__none">No change.</p> : (
        <pre className="studio-diff__lines">
          {rows.map((row, index) => <DifferenceLine key={index} row={row} />)}
        </pre>
      )}
    </figure>
  );
}

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const SAID = { same: '', added: 'added: ', removed: 'removed: ' } as const;

function DifferenceLine({ row }: { readonly row: DifferenceRow }) {
  if (row.kind === 'gap') return <span className="studio-diff__gap">{`⋯ ${row.lines} unchanged ${row.lines === 1 ? 'line' : 'lines'}\n`}</span>;
  return (
    <span className={`studio-diff__line studio-diff__line--${row.kind}`}>
      <span className="studio-diff__number" aria-hidden="true">{String(row.line).padStart(4)} {MARK[row.kind]} </span>
      <span className="sr-only">{SAID[row.kind]}</span>
      {`${row.text}\n`}
    </span>
  );
}
