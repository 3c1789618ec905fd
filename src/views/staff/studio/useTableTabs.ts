import { createRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
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
  /** Whether a tab's editor is made: once its tab is or was shown, or its table was edited from elsewhere (see {@link TableTabs.handle}). */
  isMounted(tab: TableTab): boolean;
  /**
   * The editor of a table by its name as the rules file writes it, made at once if it was not
   * (call it from an event handler: a rule card's grid editing the CSV); null for a name the draft
   * has no table of.
   */
  handle(name: string): YamlEditorHandle | null;
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
 * workbench opened with; the page opens a new workbench for other files. `shown` is the tab shown
 * now (a table's editor is made when its tab is first shown).
 *
 * @example
 * const tables = useTableTabs('rules/sneaker.rules.yaml', { 'sneaker.sole-colours.csv': 'midsole.colour,outsole.colour\n…' });
 * tables.texts(); // { 'sneaker.sole-colours.csv': '…as edited' }
 */
export function useTableTabs(rulesFile: string, opened: Readonly<Record<string, string>> = {}, shown?: string): TableTabs {
  // A table's editor is made when first needed: a Renault-size product names 75 tables of up to a
  // megabyte, most never opened while editing the rules; until then the draft reads the table as opened.
  const [mounted, setMounted] = useState<ReadonlySet<TableTab>>(() => new Set());
  const mount = (tab: TableTab) => setMounted((before) => (before.has(tab) ? before : new Set(before).add(tab)));
  // While rendering (not in an effect), so a tab shown with flushSync has its editor at once.
  if (shown !== undefined && isTableTab(shown) && !mounted.has(shown)) mount(shown);
  const [tableTabs] = useState((): Omit<TableTabs, 'isMounted' | 'handle'> => {
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
  return {
    ...tableTabs,
    isMounted: (tab) => mounted.has(tab) || tab === shown,
    handle: (name) => {
      const tab: TableTab = `table:${name}`;
      if (!tableTabs.tabs.includes(tab)) return null;
      const ref = tableTabs.editor(tab);
      if (!ref.current) flushSync(() => mount(tab));
      return ref.current;
    },
  };
}
