import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../../domain/studio/index.ts';

/**
 * The checks' diagnostics of one file as CodeMirror's, clamped to the text as it is now (an
 * answer may be about the text of a moment ago), each with its one-step fix as an action.
 */
export function editorDiagnostics(diagnostics: readonly Diagnostic[], file: string, length: number): EditorDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.file === file).map((diagnostic) => {
    const from = Math.min(diagnostic.from, length);
    const to = Math.min(Math.max(diagnostic.to, from), length);
    const edit = diagnostic.edit;
    return {
      from,
      to,
      severity: diagnostic.severity,
      source: diagnostic.code === 'load' ? 'loading' : diagnostic.code,
      message: `${diagnostic.message}. Fix: ${diagnostic.fix}`,
      ...(edit && edit.to <= length
        ? { actions: [{ name: edit.label, apply: (view) => view.dispatch({ changes: { from: edit.from, to: edit.to, insert: edit.insert } }) }] satisfies EditorDiagnostic['actions'] }
        : {}),
    };
  });
}
