// @vitest-environment jsdom
// The studio's tabs of the CSV tables a rules file names, on real CodeMirror editors: each table
// in its own panel, the check's diagnostics at its cells, typing read back as the draft's tables,
// and a cell's one-step fix applied in the table's editor. The diagnostics come from the domain's
// check of the shipped sneaker with its sole colour pairings moved to a CSV table.
import { EditorView } from '@codemirror/view';
import { readFileSync } from 'node:fs';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDraft, type Diagnostic, type Draft } from '../../src/domain/studio/index.ts';
import { TableTabPanels } from '../../src/views/staff/studio/TableTabPanels.tsx';
import { useTableTabs, type TableTabs } from '../../src/views/staff/studio/useTableTabs.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const RULES_FILE = 'rules/sneaker.rules.yaml';
const SOLES = 'sneaker.sole-colours.csv';
const NOTES = 'sneaker.notes.csv';
const rulesText = readFileSync(RULES_FILE, 'utf8').replace(
  /( {4}attributes: \[midsole\.colour, outsole\.colour\]\n {4}rows:\n)(?: {6}- \[.*\]\n)+/,
  (_whole, head: string) => head.replace('rows:\n', `rows: { csv: ${SOLES} }\n`),
);
const soles = 'midsole.colour,outsole.colour\ngum,gum\noptic-white,optic-whit\nvolt,black\nblack,black\nchalk,gum\n';
const opened = { [SOLES]: soles, [NOTES]: 'a table the rules do not read\n' };
const draft: Draft = { product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') }, rules: { file: RULES_FILE, text: rulesText }, tables: opened };

let container: HTMLDivElement;
let root: Root;
let tables: TableTabs;
let changes = 0;

function Tabs({ diagnostics }: { readonly diagnostics: readonly Diagnostic[] }) {
  tables = useTableTabs(RULES_FILE, opened, `table:${SOLES}`);
  return createElement(TableTabPanels, { tables, shown: `table:${SOLES}`, diagnostics, vocabulary: () => null, onChange: () => { changes += 1; } });
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  changes = 0;
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const panel = (name: string) => document.getElementById(`studio-panel-table:${name}`)!;
const viewIn = (name: string) => EditorView.findFromDOM(panel(name).querySelector<HTMLElement>('.cm-editor')!)!;

describe('the tabs of a draft\'s CSV tables', () => {
  it('shows each table in its own panel, named by its file beside the rules file, only the chosen one visible', () => {
    act(() => root.render(createElement(Tabs, { diagnostics: [] })));
    expect(tables.tabs).toEqual([`table:${SOLES}`, `table:${NOTES}`]);
    expect(tables.tabOf(`rules/${SOLES}`)).toBe(`table:${SOLES}`);
    expect(tables.tabOf(RULES_FILE)).toBeUndefined();
    expect(panel(SOLES).hidden).toBe(false);
    expect(panel(NOTES).hidden).toBe(true);
    // A table's editor is made when its tab is first shown.
    expect(panel(NOTES).querySelector('.cm-editor')).toBeNull();
    expect(panel(SOLES).querySelector('[contenteditable]')!.getAttribute('aria-label')).toMatch(new RegExp(`^Table ${SOLES.replace(/\./g, '\\.')} rules/${SOLES.replace(/\./g, '\\.')}, CSV`));
    expect(viewIn(SOLES).state.doc.toString()).toBe(soles);
  });

  it('marks the check\'s diagnostic at the bad cell in the table\'s own editor, and applies its one-step fix there', () => {
    const diagnostics = checkDraft(draft).diagnostics;
    const typo = diagnostics.find((diagnostic) => diagnostic.file === `rules/${SOLES}`)!;
    expect(typo).toMatchObject({ line: 3, column: 13, severity: 'error', edit: { insert: 'optic-white' } });
    act(() => root.render(createElement(Tabs, { diagnostics })));
    expect(panel(SOLES).querySelector('.cm-lintRange-error')?.textContent).toBe('optic-whit');
    expect(panel(NOTES).querySelector('.cm-lintRange-error')).toBeNull();
    act(() => tables.editor(`table:${SOLES}`).current!.apply(typo.edit!));
    expect(tables.texts()[SOLES]).toBe(soles.replace('optic-whit\n', 'optic-white\n'));
    expect(checkDraft({ ...draft, tables: tables.texts() }).diagnostics.filter((diagnostic) => diagnostic.file === `rules/${SOLES}`)).toEqual([]);
  });

  it('makes a table\'s editor, hidden, when a rule card edits the table before its tab was shown', () => {
    act(() => root.render(createElement(Tabs, { diagnostics: [] })));
    expect(panel(NOTES).querySelector('.cm-editor')).toBeNull();
    let handle: ReturnType<TableTabs['handle']> = null;
    act(() => { handle = tables.handle(NOTES); });
    expect(panel(NOTES).querySelector('.cm-editor')).not.toBeNull();
    expect(panel(NOTES).hidden).toBe(true);
    act(() => handle!.apply({ from: 0, to: 0, insert: 'new,', label: 'Add' }));
    expect(tables.texts()[NOTES]).toBe(`new,${opened[NOTES]}`);
    expect(tables.handle('no-such.csv')).toBeNull();
  });

  it('reads what is typed into a table back as the draft\'s tables, the others as opened', () => {
    act(() => root.render(createElement(Tabs, { diagnostics: [] })));
    const view = viewIn(SOLES);
    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'grey,black\n' } }));
    expect(changes).toBe(1);
    expect(tables.texts()).toEqual({ [SOLES]: `${soles}grey,black\n`, [NOTES]: opened[NOTES] });
  });
});
