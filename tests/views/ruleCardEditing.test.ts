// @vitest-environment jsdom
// The rule cards edit the draft through the rules editor: on a real CodeMirror state with its
// history, each card or grid edit is one transaction (one undo takes it back), and the controls
// are labelled form controls. Ids come from the shipped files, never written out here.
import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { readFileSync } from 'node:fs';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProduct, loadRules } from '../../src/domain/index.ts';
import { cardEdit, draftVocabulary, readGridTable, ruleCards, type RuleCard } from '../../src/domain/studio/index.ts';
import { RuleCardList } from '../../src/views/staff/studio/RuleCardList.tsx';
import type { YamlEditorHandle } from '../../src/views/staff/studio/YamlEditor.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const rulesText = readFileSync('rules/sneaker.rules.yaml', 'utf8');
const product = loadProduct('models/sneaker/product.yaml', readFileSync('models/sneaker/product.yaml', 'utf8'));
if (!product.ok) throw new Error(JSON.stringify(product.problems));
const vocabulary = draftVocabulary(product.value);

/** A rules editor as the studio's handle, over a real CodeMirror state with undo history. */
function editorOver(text: string) {
  let state = EditorState.create({ doc: text, extensions: [history()] });
  const handle: YamlEditorHandle = {
    text: () => state.doc.toString(),
    moveTo: () => {},
    apply: (edit) => {
      state = state.update({ changes: { from: edit.from, to: edit.to, insert: edit.insert }, selection: { anchor: edit.from + edit.insert.length } }).state;
    },
  };
  return { handle, undo: () => undo({ state, dispatch: (transaction) => (state = transaction.state) }) };
}

function cardsOf(text: string, tables: Record<string, string> = {}): RuleCard[] {
  const ruleSet = loadRules(product.ok ? product.value : (undefined as never), 'rules/sneaker.rules.yaml', text, { readTable: (name) => tables[name] });
  if (!ruleSet.ok) throw new Error(JSON.stringify(ruleSet.problems));
  return ruleCards(product.ok ? product.value : (undefined as never), ruleSet.value, []);
}

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const render = (editor: ReturnType<typeof editorOver>) => act(() => root.render(createElement(RuleCardList, { cards: cardsOf(editor.handle.text()), stale: false, onShow: () => {}, edit: { rules: () => editor.handle, vocabulary: () => vocabulary } })));
const button = (name: RegExp) => [...container.querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''));
const labelled = (name: string) => {
  const label = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent === name);
  return label ? document.getElementById(label.htmlFor) : null;
};

describe('editing from the cards', () => {
  // A requires rule with an option the card can remove (one of several in a list).
  const [card, chip] = cardsOf(rulesText).filter((candidate) => candidate.kind === 'requires').flatMap((candidate) => candidate.chips.map((each) => [candidate, each] as const))
    .find(([candidate, each]) => each.option !== undefined && cardEdit(rulesText, { kind: 'remove-option', ruleId: candidate.id, attribute: each.attribute, option: each.option }).ok)!;

  it('removes an option from its chip in one undoable change of the text', () => {
    const editor = editorOver(rulesText);
    render(editor);
    act(() => button(new RegExp(`^✕Remove ${chip.label} from ${card.id}$`))!.click());
    expect(editor.handle.text()).not.toBe(rulesText);
    render(editor);
    expect(cardsOf(editor.handle.text()).find((candidate) => candidate.id === card.id)!.chips.map((candidate) => candidate.label)).not.toContain(chip.label);
    editor.undo();
    expect(editor.handle.text()).toBe(rulesText);
  });

  it('edits the message in a labelled field, and adds a rule from the form', () => {
    const editor = editorOver(rulesText);
    render(editor);
    act(() => button(new RegExp(`^Edit ${card.id}$`))!.click());
    const field = labelled('Message a customer reads') as HTMLTextAreaElement;
    expect(field.value).toBe(card.message);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, 'Changed: see the card.');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(new RegExp(`^Save the message of ${card.id}$`))!.click());
    expect(cardsOf(editor.handle.text()).find((candidate) => candidate.id === card.id)!.message).toBe('Changed: see the card.');

    const message = container.querySelector<HTMLTextAreaElement>('#studio-new-rule-message')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(message, 'A new rule.');
      message.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(/^Add the rule$/)!.click());
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/new-rule is written at the end/);
    expect(cardsOf(editor.handle.text()).at(-1)).toMatchObject({ id: 'new-rule', message: 'A new rule.' });

    // A different rule starts from two attributes that share options, so it loads as added.
    const kind = labelled('Kind') as HTMLSelectElement;
    act(() => {
      kind.value = 'different';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(message, 'Never alike.');
      message.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(/^Add the rule$/)!.click());
    expect(cardsOf(editor.handle.text()).at(-1)).toMatchObject({ id: 'new-rule-2', kind: 'different', message: 'Never alike.' });
  });

  it('changes, deletes and pastes a table\'s rows in its grid, refusing unknown values by row and column', () => {
    const table = cardsOf(rulesText).find((candidate) => candidate.kind === 'allowed-combinations')!;
    const editor = editorOver(rulesText);
    render(editor);
    act(() => button(new RegExp(`^Edit the table ${table.id}$`))!.click());
    const read = () => {
      const grid = readGridTable(editor.handle.text(), table.id);
      if (!grid.ok) throw new Error(grid.message);
      return grid.table;
    };
    const before = read();
    const column = vocabulary.attributes.find((attribute) => attribute.id === before.attributes[1])!;
    const cell = container.querySelector<HTMLSelectElement>(`select[aria-label="Row 1, ${column.name}"]`)!;
    const other = column.options.find((option) => option.id !== before.rows[0]![1])!;
    act(() => {
      cell.value = other.id;
      cell.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(read().rows[0]).toEqual([before.rows[0]![0], other.id]);
    editor.undo();
    expect(editor.handle.text()).toBe(rulesText);

    render(editor);
    act(() => button(/^✕Delete row 2 /)!.click());
    expect(read().rows).toEqual([before.rows[0], ...before.rows.slice(2)]);

    const paste = labelled('Paste rows from a spreadsheet') as HTMLTextAreaElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(paste, `${before.rows[0]![0]}\tno-such-option`);
      paste.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(/^Add the pasted rows$/)!.click());
    expect(container.querySelector('.studio-grid__problems')?.textContent).toMatch(new RegExp(`row ${before.rows.length}, column 2 \\(${column.name}\\): "no-such-option" is not an option`));
  });

  it('edits a table kept in a CSV file in the table\'s own editor, leaving the rules file as it is', () => {
    const table = cardsOf(rulesText).find((candidate) => candidate.kind === 'allowed-combinations')!;
    const grid = readGridTable(rulesText, table.id);
    if (!grid.ok) throw new Error(grid.message);
    // The same rule with its rows moved to a CSV file beside the rules file.
    const start = rulesText.indexOf(`- id: ${table.id}`);
    const rowsAt = rulesText.indexOf('rows:', start);
    const end = rulesText.indexOf('\n\n', rowsAt);
    const rules = `${rulesText.slice(0, rowsAt)}rows: { csv: pairs.csv }${rulesText.slice(end)}`;
    const csv = `${grid.table.attributes.join(',')}\n${grid.table.rows.map((row) => row.join(',')).join('\n')}\n`;
    const rulesEditor = editorOver(rules);
    const csvEditor = editorOver(csv);
    act(() => root.render(createElement(RuleCardList, { cards: cardsOf(rules, { 'pairs.csv': csv }), stale: false, onShow: () => {}, edit: { rules: () => rulesEditor.handle, table: (name) => (name === 'pairs.csv' ? csvEditor.handle : null), vocabulary: () => vocabulary } })));
    act(() => button(new RegExp(`^Edit the table ${table.id}$`))!.click());
    const column = vocabulary.attributes.find((attribute) => attribute.id === grid.table.attributes[0])!;
    const other = column.options.find((option) => option.id !== grid.table.rows[0]![0])!;
    const cell = container.querySelector<HTMLSelectElement>(`select[aria-label="Row 1, ${column.name}"]`)!;
    act(() => {
      cell.value = other.id;
      cell.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(csvEditor.handle.text().split('\n')[1]).toBe([other.id, ...grid.table.rows[0]!.slice(1)].join(','));
    expect(rulesEditor.handle.text()).toBe(rules);
  });
});
