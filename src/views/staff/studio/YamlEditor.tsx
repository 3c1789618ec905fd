import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, tooltips } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Diagnostic, DiagnosticEdit, DraftVocabulary } from '../../../domain/studio/index.ts';
import { editorDiagnostics } from './editorDiagnostics.ts';
import { studioCompletions } from './studioCompletions.ts';

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
}

/**
 * A CodeMirror 6 editor for one YAML file of the draft: highlighting, the checks' diagnostics
 * (underlined, in the gutter, with their fix as an action) and completion of the draft's ids.
 * Tab is not taken by the editor, so the keyboard can always leave it.
 */
export function YamlEditor({ file, label, describedBy, initialText, diagnostics, vocabulary, onChange, handle }: YamlEditorProps) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is made once; these change with every render.
  const latest = useRef({ onChange, vocabulary });
  useEffect(() => {
    latest.current = { onChange, vocabulary };
  }, [onChange, vocabulary]);

  useEffect(() => {
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
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange();
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The document is the editor's from here on; a new file is a new editor (keyed by the page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, editorDiagnostics(diagnostics, file, editor.state.doc.length)));
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
      editor.dispatch({ changes: { from: edit.from, to: edit.to, insert: edit.insert }, selection: { anchor: edit.from + edit.insert.length } });
      editor.focus();
    },
  }), [initialText]);

  return <div ref={parent} className="studio-editor" />;
}
