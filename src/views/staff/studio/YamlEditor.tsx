import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, tooltips } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { Diagnostic, DiagnosticEdit, DraftVocabulary } from '../../../domain/studio/index.ts';
import { editorDiagnostics } from './editorDiagnostics.ts';
import { mirrorEditorStyles } from './editorStyles.ts';
import { studioCompletions } from './studioCompletions.ts';
import { GO_TO_DEFINITION_KEY, studioLanguageExtensions } from './studioLanguageExtensions.ts';
import { SymbolAtCursor } from './SymbolAtCursor.tsx';
import type { StudioLanguage, SymbolInfo } from './useStudioLanguage.ts';

// How long the cursor rests before the bar under the editor says what is under it (reading the YAML on every keystroke would slow typing).
const CURSOR_INFO_DELAY_MS = 300;

/** What the studio asks of an editor. */
export interface YamlEditorHandle {
  /** The text as it is now. */
  text(): string;
  /** Puts the cursor at an offset, scrolls it into view and focuses the editor. */
  moveTo(offset: number): void;
  /** Applies a diagnostic's one-step fix. */
  apply(edit: DiagnosticEdit): void;
}

/** Props of {@link YamlEditor}. */
export interface YamlEditorProps {
  readonly file: string;
  /** The editor's accessible name, e.g. "Rules file rules/sneaker.rules.yaml". */
  readonly label: string;
  /** The id of the text that describes the editor (its problems' summary). */
  readonly describedBy: string;
  readonly initialText: string;
  /** Every diagnostic of the draft; the editor shows its own file's. */
  readonly diagnostics: readonly Diagnostic[];
  /** The last vocabulary that loaded, read when completion is asked for. */
  readonly vocabulary: () => DraftVocabulary | null;
  /** Called after every change of the text. */
  readonly onChange: () => void;
  readonly handle: Ref<YamlEditorHandle>;
  /** Hover docs, go to definition, and fixes beyond a typo's (the studio's {@link StudioLanguage}). */
  readonly language?: StudioLanguage;
}

/**
 * A CodeMirror 6 editor for one YAML file of the draft: highlighting, the checks' diagnostics
 * (underlined, in the gutter, with their fixes as actions), completion of the draft's ids and,
 * given the studio's language, hover docs, F12 or Control-click to an id's definition, and a
 * line under the editor saying what the id at the cursor is. Tab is not taken by the editor, so
 * the keyboard can always leave it.
 */
export function YamlEditor({ file, label, describedBy, initialText, diagnostics, vocabulary, onChange, handle, language }: YamlEditorProps) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is made once; these change with every render.
  const latest = useRef({ onChange, vocabulary, language });
  useEffect(() => {
    latest.current = { onChange, vocabulary, language };
  }, [onChange, vocabulary, language]);
  const [cursor, setCursor] = useState<SymbolInfo | null>(null);
  const cursorTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // The shop's CSP refuses CodeMirror's own <style> element: its theme goes through the CSSOM.
    mirrorEditorStyles();
    const completions = studioCompletions(() => latest.current.vocabulary());
    const created = new EditorView({
      parent: parent.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          // Completions and lint messages float above the page, never clipped by the editor's frame.
          tooltips({ parent: document.body }),
          // Long messages and rows stay in view on a phone or beside the cards, without scrolling sideways.
          EditorView.lineWrapping,
          // One source for the editor's life: autocompletion tells its sources apart by identity.
          EditorState.languageData.of(() => [{ autocomplete: completions }]),
          ...studioLanguageExtensions(file, () => latest.current.language),
          EditorView.contentAttributes.of({ 'aria-label': language ? `${label} ${GO_TO_DEFINITION_KEY} goes to the definition of the id at the cursor.` : label, 'aria-describedby': describedBy }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange();
            // The line under the editor follows the cursor's moves, not typing (it would read the file at every pause).
            if (update.selectionSet && !update.docChanged) {
              clearTimeout(cursorTimer.current);
              cursorTimer.current = setTimeout(() => {
                const state = view.current?.state;
                setCursor(state ? latest.current.language?.describe(file, state.doc.toString(), state.selection.main.head) ?? null : null);
              }, CURSOR_INFO_DELAY_MS);
            }
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      clearTimeout(cursorTimer.current);
      created.destroy();
      view.current = null;
    };
    // The document is the editor's from here on; a new file is a new editor (keyed by the page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, editorDiagnostics(diagnostics, file, editor.state.doc.length, latest.current.language?.fixesOf)));
  }, [diagnostics, file]);

  useImperativeHandle(handle, () => ({
    text: () => view.current?.state.doc.toString() ?? initialText,
    moveTo(offset) {
      const editor = view.current;
      if (!editor) return;
      const anchor = Math.min(offset, editor.state.doc.length);
      editor.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
      editor.focus();
    },
    apply(edit) {
      const editor = view.current;
      if (!editor || edit.to > editor.state.doc.length) return;
      // Its own undo step (a user event the history never joins to typing before it), not merged with an adjacent edit made just before.
      editor.dispatch({ changes: { from: edit.from, to: edit.to, insert: edit.insert }, selection: { anchor: edit.from + edit.insert.length }, userEvent: 'studio.edit' });
      editor.focus();
    },
  }), [initialText]);

  const goToDefinition = () => {
    const state = view.current?.state;
    if (state) latest.current.language?.goToDefinition(file, state.doc.toString(), state.selection.main.head);
  };
  return (
    <>
      <div ref={parent} className="studio-editor" />
      {language && <SymbolAtCursor info={cursor} onGoToDefinition={goToDefinition} />}
    </>
  );
}
