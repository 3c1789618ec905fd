import type { DraftVocabulary, EditResult } from '../../../domain/studio/index.ts';
import type { YamlEditorHandle } from './YamlEditor.tsx';

/** What the rule cards need to edit the draft: the editors their edits go through, and the product's names. */
export interface CardEditing {
  /** The rules file's editor: its text now, and where a card's change is applied (one transaction, one undo step). */
  readonly rules: () => YamlEditorHandle | null;
  /** The editor of a CSV table the rules file names (`rows: { csv: <name> }`), when the studio has it open. */
  readonly table?: (name: string) => YamlEditorHandle | null;
  /** The product's attributes and options with their names, from the last check that read them. */
  readonly vocabulary: () => DraftVocabulary | null;
}

/** A vocabulary attribute (a grid's column, a form's choice). */
export type VocabularyAttribute = DraftVocabulary['attributes'][number];

/**
 * Applies an edit's change through an editor, as one transaction of its history, and gives the
 * keyboard focus back to where it was (the editor takes it when it applies a change): the
 * merchandiser keeps working in the card. Answers the refusal's message, or null when applied.
 */
export function applyEdit(editor: YamlEditorHandle | null, result: EditResult, label: string, fallbackFocus?: HTMLElement | null): string | null {
  if (!result.ok) return result.message;
  if (!editor) return 'the editor is not ready yet: try again in a moment';
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  editor.apply({ ...result.change, label });
  // The control may have gone with the edit (a removed chip's button): then the card takes focus.
  (focused?.isConnected ? focused : fallbackFocus)?.focus();
  return null;
}

/** An option's label by its id, or the id when the product has no such option. */
export function optionLabel(attribute: { readonly options: readonly { readonly id: string; readonly label: string }[] } | undefined, option: string): string {
  return attribute?.options.find((candidate) => candidate.id === option)?.label ?? option;
}
