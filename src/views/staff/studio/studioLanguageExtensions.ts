import type { Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import type { StudioLanguage, SymbolInfo } from './useStudioLanguage.ts';

/** The key that goes to the definition of the id at the cursor, as the editor's label and the docs say it. */
export const GO_TO_DEFINITION_KEY = 'F12';

/**
 * The editor's language features for one file of the draft: hover docs of the id under the
 * pointer, F12 (and Control- or Command-click) to the id's definition in the product file. The
 * language is read when asked, so the editor is made once.
 */
export function studioLanguageExtensions(file: string, language: () => StudioLanguage | undefined): Extension[] {
  const goTo = (view: EditorView, offset: number) => language()?.goToDefinition(file, view.state.doc.toString(), offset) ?? false;
  return [
    hoverTooltip((view, pos) => {
      const info = language()?.describe(file, view.state.doc.toString(), pos);
      if (!info?.doc) return null;
      return { pos: info.symbol.from, end: info.symbol.to, above: true, create: () => ({ dom: symbolDocElement(info) }) };
    }, { hoverTime: 350 }),
    keymap.of([{ key: GO_TO_DEFINITION_KEY, run: (view) => goTo(view, view.state.selection.main.head) }]),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (event.button !== 0 || !(event.ctrlKey || event.metaKey)) return false;
        const offset = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (offset === null || !goTo(view, offset)) return false;
        // Taken: not a second cursor (the editor's own Control-click).
        event.preventDefault();
        return true;
      },
    }),
  ];
}

/** The hover tooltip's content: the id's title, what it is, and how to go to its definition. */
function symbolDocElement(info: SymbolInfo): HTMLElement {
  const root = document.createElement('div');
  root.className = 'studio-hover';
  const title = document.createElement('p');
  title.className = 'studio-hover__title';
  title.textContent = info.doc!.title;
  root.append(title);
  for (const line of info.doc!.lines) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    root.append(paragraph);
  }
  if (info.definition) {
    const hint = document.createElement('p');
    hint.className = 'studio-hover__hint';
    hint.textContent = `${GO_TO_DEFINITION_KEY} or Control-click: its definition in the product file.`;
    root.append(hint);
  }
  return root;
}
