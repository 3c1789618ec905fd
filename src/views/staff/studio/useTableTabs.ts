import { createRef, useState, type RefObject } from 'react';
import { tableFileOf } from '../../../domain/index.ts';
import type { YamlEditorHandle } from './YamlEditor.tsx';

/** The studio's tab of one CSV table the rules file names: `table:<name as written>`. */
export type TableTab = `table:${string}`;

/** The tabs of a draft's CSV tables, beside its two YAML files' tabs. */
export interface TableTabs {
  /** One per table, in the order the draft holds them. */
  readonly tabs: readonly TableTab[];
  /** A tab's editor and tab button (made once: a workbench keeps its tables for its life). */
  editor(tab: TableTab): RefObject<YamlEditorHandle | null>;
  button(tab: TableTab): RefObject<HTMLButtonElement | null>;
  /** The tab of a table's file (`rules/sneaker.sole-colours.csv`), if the file is one of the tables. */
  tabOf(file: string): TableTab | undefined;
  /** A table tab's file, as diagnostics name it. */
  fileOf(tab: TableTab): string;
  /** The table's text as the draft opened it. */
  initialText(tab: TableTab): string;
  /** Every table's text as it is in its editor now, by name as the rules file writes it. */
  texts(): Record<string, string>;
}

/** Whether a tab is a table's. */
export const isTableTab = (tab: string): tab is TableTab => tab.startsWith('table:');

/** A table tab's name as the rules file writes it (`sneaker.sole-colours.csv`). */
export const tableNameOf = (tab: TableTab): string => tab.slice('table:'.length);

/**
 * The tabs of the CSV tables a draft holds (`rows: { csv: <name> }` in its rules file), each a
 * plain editor of the table's text beside the rules and product files. The tables are those the
 * workbench opened with; the page opens a new workbench for other files.
 *
 * @example
 * const tables = useTableTabs('rules/sneaker.rules.yaml', { 'sneaker.sole-colours.csv': 'midsole.colour,outsole.colour\n…' });
 * tables.texts(); // { 'sneaker.sole-colours.csv': '…as edited' }
 */
export function useTableTabs(rulesFile: string, opened: Readonly<Record<string, string>> = {}): TableTabs {
  const [tableTabs] = useState((): TableTabs => {
    const names = Object.keys(opened);
    const tabs = names.map((name): TableTab => `table:${name}`);
    const editors = new Map(tabs.map((tab) => [tab, createRef<YamlEditorHandle>()]));
    const buttons = new Map(tabs.map((tab) => [tab, createRef<HTMLButtonElement>()]));
    const byFile = new Map(tabs.map((tab) => [tableFileOf(rulesFile, tableNameOf(tab)), tab]));
    const known = <T>(refs: Map<TableTab, T>, tab: TableTab): T => {
      const ref = refs.get(tab);
      if (!ref) throw new Error(`[Atelier] "${tab}" is not a table of this draft; its tables are ${tabs.join(', ') || 'none'}`);
      return ref;
    };
    return {
      tabs,
      editor: (tab) => known(editors, tab),
      button: (tab) => known(buttons, tab),
      tabOf: (file) => byFile.get(file),
      fileOf: (tab) => tableFileOf(rulesFile, tableNameOf(tab)),
      initialText: (tab) => opened[tableNameOf(tab)] ?? '',
      texts: () => Object.fromEntries(names.map((name) => [name, editors.get(`table:${name}`)?.current?.text() ?? opened[name]!])),
    };
  });
  return tableTabs;
}
