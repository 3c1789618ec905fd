import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic, DiagnosticEdit } from '../../../domain/studio/index.ts';

/**
 * The checks' diagnostics of one file as CodeMirror's, clamped to the text as it is now (an
 * answer may be about the text of a moment ago), each with its one-step fix and its further
 * fixes (`fixesOf`: an option removed from the product file) as actions. An action edits the text
 * as it is when pressed: moved by the edits made since the diagnostic was set (one undoable step).
 */
export function editorDiagnostics(diagnostics: readonly Diagnostic[], file: string, length: number, fixesOf: (diagnostic: Diagnostic) => readonly DiagnosticEdit[] = () => []): EditorDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.file === file).map((diagnostic) => {
    const from = Math.min(diagnostic.from, length);
    const to = Math.min(Math.max(diagnostic.to, from), length);
    const edits = [...(diagnostic.edit ? [diagnostic.edit] : []), ...fixesOf(diagnostic)].filter((edit) => edit.to <= length);
    return {
      from,
      to,
      severity: diagnostic.severity,
      source: diagnostic.code === 'load' ? 'loading' : diagnostic.code,
      message: `${diagnostic.message}. Fix: ${diagnostic.fix}`,
      ...(edits.length > 0
        ? {
          actions: edits.map((edit) => ({
            name: edit.label,
            // `at` is where the diagnostic is now: typing before it since the check moved it.
            apply: (view, at) => {
              const shift = at - from;
              if (edit.from + shift < 0 || edit.to + shift > view.state.doc.length) return;
              view.dispatch({ changes: { from: edit.from + shift, to: edit.to + shift, insert: edit.insert }, userEvent: 'input.fix' });
            },
          })) satisfies EditorDiagnostic['actions'],
        }
        : {}),
    };
  });
}
