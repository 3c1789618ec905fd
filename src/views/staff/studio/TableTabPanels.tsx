import { useState } from 'react';
import type { Diagnostic, DraftVocabulary } from '../../../domain/studio/index.ts';
import { isTableTab, tableNameOf, type TableTab, type TableTabs } from './useTableTabs.ts';
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
 * A table's editor is made when its tab is first shown: a Renault-size product names 75 tables
 * of up to a megabyte, most never opened while editing the rules; until then the draft reads
 * the table as it was opened.
 */
export function TableTabPanels({ tables, shown, diagnostics, vocabulary, onChange }: TableTabPanelsProps) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  // Derived while rendering (not in an effect), so a tab shown with flushSync has its editor at once.
  if (isTableTab(shown) && !opened.has(shown)) setOpened(new Set(opened).add(shown));
  return tables.tabs.map((tab) => (
    <div key={tab} role="tabpanel" id={`studio-panel-${tab}`} aria-labelledby={`studio-tab-${tab}`} hidden={shown !== tab} className="studio-panel">
      {(opened.has(tab) || shown === tab) && <YamlEditor
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
