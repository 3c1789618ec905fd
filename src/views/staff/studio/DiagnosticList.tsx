import type { Diagnostic, DiagnosticEdit } from '../../../domain/studio/index.ts';

/** Props of {@link DiagnosticList}. */
export interface DiagnosticListProps {
  readonly diagnostics: readonly Diagnostic[];
  /** What each file is called in the list ("Rules file"). */
  readonly fileNames: Readonly<Record<string, string>>;
  readonly onGoTo: (diagnostic: Diagnostic) => void;
  readonly onFix: (diagnostic: Diagnostic, edit: DiagnosticEdit) => void;
  /** A diagnostic's fixes beyond its one-step edit (an option removed from the product file: use another, remove it from the rule). */
  readonly fixesOf?: (diagnostic: Diagnostic) => readonly DiagnosticEdit[];
}

const SEVERITY_WORDS: Readonly<Record<Diagnostic['severity'], string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * The draft's problems as text under the editor, for everyone who does not see the squiggles:
 * each with its file, line and column, what is wrong and how to fix it, a button that moves the
 * editor's cursor there and one per fix: a typo's, and for an option the product file no longer
 * has, another option with a similar label or its removal from the rule.
 */
export function DiagnosticList({ diagnostics, fileNames, onGoTo, onFix, fixesOf = () => [] }: DiagnosticListProps) {
  if (diagnostics.length === 0) return <p className="studio-problems__none">No problems: the draft could be published as it is.</p>;
  return (
    <ul className="studio-problems__list">
      {diagnostics.map((diagnostic) => {
        const where = `${fileNames[diagnostic.file] ?? diagnostic.file}, line ${diagnostic.line}, column ${diagnostic.column}`;
        const edits = [...(diagnostic.edit ? [diagnostic.edit] : []), ...fixesOf(diagnostic)];
        return (
          <li key={`${diagnostic.file}:${diagnostic.from}:${diagnostic.code}:${diagnostic.message}`} className={`studio-problem studio-problem--${diagnostic.severity}`}>
            <p className="studio-problem__head">
              <span className={`staff-badge studio-severity studio-severity--${diagnostic.severity}`}>{SEVERITY_WORDS[diagnostic.severity]}</span>
              <code className="studio-problem__where">{diagnostic.line}:{diagnostic.column}</code>
              <span className="studio-problem__file">{fileNames[diagnostic.file] ?? diagnostic.file}</span>
            </p>
            <p className="studio-problem__message">{diagnostic.message}</p>
            <p className="studio-problem__fix">Fix: {diagnostic.fix}</p>
            <p className="studio-problem__actions">
              <button type="button" className="button button--secondary button--small" onClick={() => onGoTo(diagnostic)}>
                Go to {diagnostic.line}:{diagnostic.column}<span className="sr-only"> ({where})</span>
              </button>
              {edits.map((edit) => (
                <button key={edit.label} type="button" className="button button--small" onClick={() => onFix(diagnostic, edit)}>
                  {edit.label}<span className="sr-only"> at {where}</span>
                </button>
              ))}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
