import { GO_TO_DEFINITION_KEY } from './studioLanguageExtensions.ts';
import type { SymbolInfo } from './useStudioLanguage.ts';
import './studioLanguage.css';

/** Props of {@link SymbolAtCursor}. */
export interface SymbolAtCursorProps {
  /** The id at the editor's cursor; null where there is none. */
  readonly info: SymbolInfo | null;
  readonly onGoToDefinition: () => void;
}

/**
 * Under the editor: what the id at the cursor is (the hover docs, for the keyboard and screen
 * readers too) and a button to its definition in the product file, reached with Tab from the editor.
 */
export function SymbolAtCursor({ info, onGoToDefinition }: SymbolAtCursorProps) {
  if (!info?.doc) return <p className="studio-cursor studio-cursor--empty">Put the cursor on an id to see what it is; {GO_TO_DEFINITION_KEY} goes to its definition.</p>;
  return (
    <div className="studio-cursor">
      <p className="studio-cursor__text">
        <strong>{info.doc.title}</strong>
        {info.doc.lines.length > 0 && <span> · {info.doc.lines[0]}</span>}
      </p>
      {info.definition && (
        <button type="button" className="button button--secondary button--small" onClick={onGoToDefinition} aria-keyshortcuts={GO_TO_DEFINITION_KEY}>
          Go to definition ({GO_TO_DEFINITION_KEY})<span className="sr-only"> of {info.doc.title} in the product file</span>
        </button>
      )}
    </div>
  );
}
