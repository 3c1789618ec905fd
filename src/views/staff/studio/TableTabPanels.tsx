import type { Diagnostic, DraftVocabulary } from '../../../domain/studio/index.ts';
import { tableNameOf, type TableTab, type TableTabs } from './useTableTabs.ts';
import { YamlEditor } from './YamlEditor.tsx';

/** Props of {@link TableTabPanels}. */
export interface TableTabPanelsProps {
  readonly tables: TableTabs;
  /** The tab shown now (a table's or a YAML file's). */
  readonly shown: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly vocabulary: () => DraftVocabulary | null;
  /** Called after every change of a table's text. */
  readonly onChange: () => void;
}

/** A table tab's name as its tab and the problems list say it. */
export const tableTabName = (tab: TableTab): string => `Table ${tableNameOf(tab)}`;

/**
 * The panels of the draft's CSV tables, beside the rules and product files' panels: each table's
 * text in a plain editor, with the checks' diagnostics at its cells (a row's unknown option, a
 * header that does not name the rule's attributes) and completion of the draft's option ids.
 * A table's editor is made when its tab is first shown (or its table is edited from a rule card).
 */
export function TableTabPanels({ tables, shown, diagnostics, vocabulary, onChange }: TableTabPanelsProps) {
  return tables.tabs.map((tab) => (
    <div key={tab} role="tabpanel" id={`studio-panel-${tab}`} aria-labelledby={`studio-tab-${tab}`} hidden={shown !== tab} className="studio-panel">
      {(tables.isMounted(tab) || shown === tab) && <YamlEditor
        file={tables.fileOf(tab)}
        label={`${tableTabName(tab)} ${tables.fileOf(tab)}, CSV: the first row names the rule's attributes, each row below is one combination. Tab leaves the editor; Control and Space lists completions.`}
        describedBy="studio-summary"
        initialText={tables.initialText(tab)}
        diagnostics={diagnostics}
        vocabulary={vocabulary}
        onChange={onChange}
        handle={tables.editor(tab)}
      />}
    </div>
  ));
}
