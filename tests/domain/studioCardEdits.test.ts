// Cards and text are two views of one draft: an edit made on a card (or in a table's grid) is a
// change of the rules text that touches only what the card shows, and reading the text again
// gives the card as edited, every other rule as it was.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProduct, loadRules, type Product, type Rule, type RuleSet } from '../../src/domain/index.ts';
import {
  applyChange, cardEdit, csvGridEdit, draftVocabulary, gridEdit, pastedGridEdits, readGridTable, ruleChips, ruleSentence, ruleSlots, unusedRuleId,
  type CardEdit, type EditResult, type GridColumn, type GridEdit,
} from '../../src/domain/studio/index.ts';

const shipped = (id: string) => {
  const product = loadProduct(`models/${id}/product.yaml`, readFileSync(`models/${id}/product.yaml`, 'utf8'));
  if (!product.ok) throw new Error(JSON.stringify(product.problems));
  return { product: product.value, file: `rules/${id}.rules.yaml`, text: readFileSync(`rules/${id}.rules.yaml`, 'utf8') };
};
const files = { sneaker: shipped('sneaker'), tshirt: shipped('tshirt') };

function load(product: Product, text: string, tables: Record<string, string> = {}, deleted?: string): RuleSet {
  const loaded = loadRules(product, 'rules/x.rules.yaml', text, { readTable: (name) => tables[name] });
  // A deleted rule's examples name it until they are changed too (the studio shows that at the example).
  if (!loaded.ok && deleted && loaded.problems.every((problem) => problem.message === `no rule has the id "${deleted}"`)) {
    return load(product, text.replace(/\nexamples:[\s\S]*?(?=\n\S|$)/, '\n'), tables);
  }
  if (!loaded.ok) throw new Error(`the edited text does not load: ${loaded.problems.map((problem) => `${problem.location?.line}: ${problem.message}`).join('; ')}\n${text}`);
  return loaded.value;
}

/** What a card shows of a rule, apart from where it is written. */
const face = (rule: Rule, product: Product) => ({ id: rule.id, kind: rule.kind, message: rule.message, sentence: ruleSentence(rule, product), chips: ruleChips(rule, product) });

function applied(text: string, result: EditResult): string {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return applyChange(text, result.change);
}

/** The characters of rule `id`'s lines in the text (from its "- id:" line to its last line). */
function ruleSpan(text: string, ruleSet: RuleSet, id: string): { from: number; to: number } {
  const index = ruleSet.rules.findIndex((rule) => rule.id === id);
  const lineOffset = (line: number) => text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  const from = lineOffset(ruleSet.rules[index]!.source!.line);
  const next = ruleSet.rules[index + 1];
  return { from: text.lastIndexOf('\n', from) + 1, to: next ? lineOffset(next.source!.line) : text.length };
}

describe('editing a rule from its card', () => {
  const { product, text } = files.sneaker;
  const before = load(product, text);
  const rule = (ruleSet: RuleSet, id: string) => ruleSet.rules.find((candidate) => candidate.id === id)!;

  it('removes an option chip from the list it is in, keeping the rest of the line', () => {
    const result = cardEdit(text, { kind: 'remove-option', ruleId: 'patent-toe-on-firm-vamp', attribute: 'vamp.material', option: 'nubuck' });
    const after = applied(text, result);
    expect(after).toContain('then: { vamp.material: [leather] }');
    expect(ruleChips(rule(load(product, after), 'patent-toe-on-firm-vamp'), product).map((chip) => chip.option)).not.toContain('nubuck');
  });

  it('removes a table\'s rows that hold the option, and refuses to leave a rule with nothing to say', () => {
    const after = load(product, applied(text, cardEdit(text, { kind: 'remove-option', ruleId: 'gum-on-gum', attribute: 'midsole.colour', option: 'optic-white' })));
    const table = rule(after, 'gum-on-gum') as Extract<Rule, { rows: unknown }>;
    expect(table.rows.some((row) => row[0] === 'optic-white')).toBe(false);
    expect(table.rows.length).toBe((rule(before, 'gum-on-gum') as typeof table).rows.filter((row) => row[0] !== 'optic-white').length);

    const refused = cardEdit(text, { kind: 'remove-option', ruleId: 'patent-toe-on-firm-vamp', attribute: 'toeCap.material', option: 'patent' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/Delete the rule/);
  });

  it('adds an option to the place the card names, written in that place\'s style', () => {
    const slot = ruleSlots(text, 'knit-is-one-piece').find((candidate) => candidate.section === 'then' && candidate.attribute === 'vamp.material')!;
    const after = applied(text, cardEdit(text, { kind: 'add-option', ruleId: 'knit-is-one-piece', path: slot.path, option: 'mesh' }));
    expect(after).toContain('then: { vamp.material: [knit, mesh], quarter.material: knit }');
    const edited = rule(load(product, after), 'knit-is-one-piece');
    expect(edited.kind === 'requires' && JSON.stringify(edited.then)).toContain('mesh');
  });

  it('changes the message, quoting it when YAML would read it otherwise', () => {
    const message = 'Never the same colour: # it would hide the logo';
    const after = load(product, applied(text, cardEdit(text, { kind: 'message', ruleId: 'logo-contrast', message })));
    expect(rule(after, 'logo-contrast').message).toBe(message);
    expect(cardEdit(text, { kind: 'message', ruleId: 'logo-contrast', message: '  ' }).ok).toBe(false);
  });

  it('changes the attributes a different rule compares', () => {
    const after = load(product, applied(text, cardEdit(text, { kind: 'attributes', ruleId: 'logo-contrast', attributes: ['quarter.colour', 'vamp.colour'] })));
    expect(rule(after, 'logo-contrast')).toMatchObject({ kind: 'different', attributes: ['quarter.colour', 'vamp.colour'] });
  });

  it('deletes a rule with the comment above it, leaving one blank line between its neighbours', () => {
    const after = applied(text, cardEdit(text, { kind: 'delete-rule', ruleId: 'logo-contrast' }));
    expect(after).not.toContain('Every colour, also one added later');
    expect(after).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
    expect(load(product, after, {}, 'logo-contrast').rules.map((candidate) => candidate.id)).toEqual(before.rules.map((candidate) => candidate.id).filter((id) => id !== 'logo-contrast'));
  });

  it('adds a new rule after the last one, with an id of its own', () => {
    const id = unusedRuleId(text, 'logo-contrast');
    expect(id).toBe('logo-contrast-2');
    const after = load(product, applied(text, cardEdit(text, { kind: 'add-rule', rule: { kind: 'excludes', id, message: 'Waxed laces skip knit.', when: { attribute: 'laces.material', options: ['waxed-cotton'] }, then: { attribute: 'vamp.material', options: ['knit', 'mesh'] } } })));
    expect(after.rules.at(-1)).toMatchObject({ id, kind: 'excludes', message: 'Waxed laces skip knit.' });
    expect(after.rules.slice(0, -1).map((candidate) => face(candidate, product))).toEqual(before.rules.map((candidate) => face(candidate, product)));
    expect(cardEdit(text, { kind: 'add-rule', rule: { kind: 'same', id: 'logo-contrast', message: 'x', attributes: ['quarter.colour', 'vamp.colour'] } })).toMatchObject({ ok: false });
  });
});

describe('an edit and the cards read again (property, shipped files)', () => {
  for (const [name, { product, text }] of Object.entries(files)) {
    const ruleSet = load(product, text);
    const faces = new Map<string, unknown>();
    const optionsOf = (attribute: string) => product.attributes.find((candidate) => candidate.id === attribute)?.options.map((option) => option.id) ?? [];

    /** Every edit a card offers on the file, with what the edited rule must then show. */
    /** A card's edit, or a table grid's (`grid`: its edits of the rule's rows), with what the rule must then show. */
    type Edit = CardEdit | { kind: 'grid'; ruleId: string; edits: GridEdit[] };
    const edits: { edit: Edit; expect: (after: RuleSet) => void }[] = [];
    const ruleOf = (after: RuleSet, id: string) => after.rules.find((candidate) => candidate.id === id);
    for (const rule of ruleSet.rules) {
      for (const chip of ruleChips(rule, product)) {
        if (chip.option === undefined) continue;
        const option = chip.option;
        edits.push({ edit: { kind: 'remove-option', ruleId: rule.id, attribute: chip.attribute, option }, expect: (after) => {
          const edited = ruleOf(after, rule.id)!;
          expect(ruleChips(edited, product).some((candidate) => candidate.attribute === chip.attribute && candidate.option === option)).toBe(false);
        } });
      }
      for (const slot of ruleSlots(text, rule.id)) {
        const option = optionsOf(slot.attribute).find((candidate) => !slot.options.includes(candidate));
        if (!option) continue;
        edits.push({ edit: { kind: 'add-option', ruleId: rule.id, path: slot.path, option }, expect: (after) => {
          expect(ruleChips(ruleOf(after, rule.id)!, product).some((candidate) => candidate.attribute === slot.attribute && candidate.option === option)).toBe(true);
        } });
      }
      edits.push({ edit: { kind: 'delete-rule', ruleId: rule.id }, expect: (after) => expect(ruleOf(after, rule.id)).toBeUndefined() });
      if ((rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations') && rule.rows.length > 1) {
        const rows = rule.rows;
        const columns = rule.attributes.map(optionsOf);
        rows.forEach((row, at) => row.forEach((written, column) => {
          const option = columns[column]!.find((candidate) => candidate !== written)!;
          edits.push({ edit: { kind: 'grid', ruleId: rule.id, edits: [{ kind: 'set-cell', row: at, column, option }] }, expect: (after) => {
            expect((ruleOf(after, rule.id) as typeof rule).rows).toEqual(rows.map((each, index) => (index === at ? each.map((cell, c) => (c === column ? option : cell)) : each)));
          } });
        }));
        const added = columns.map((options) => options.at(-1)!);
        edits.push({ edit: { kind: 'grid', ruleId: rule.id, edits: [{ kind: 'add-row', cells: added, after: 0 }, { kind: 'delete-row', row: rows.length }] }, expect: (after) => {
          expect((ruleOf(after, rule.id) as typeof rule).rows).toEqual([rows[0], added, ...rows.slice(1, -1)]);
        } });
      }
      if (rule.kind === 'different' || rule.kind === 'same') {
        const first = optionsOf(rule.attributes[0]!).join();
        const alike = product.attributes.filter((attribute) => optionsOf(attribute.id).join() === first).map((attribute) => attribute.id);
        const attributes = [...alike.slice(-1), ...rule.attributes.slice(0, 1)].filter((id, index, all) => all.indexOf(id) === index);
        if (attributes.length >= 2) edits.push({ edit: { kind: 'attributes', ruleId: rule.id, attributes }, expect: (after) => expect(ruleOf(after, rule.id)).toMatchObject({ attributes }) });
      }
    }

    it(`keeps the ${name}'s text outside the rule, and every other card, as they were`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...edits), fc.string({ unit: fc.constantFrom('a', 'B', ' ', ':', '#', '"', '\'', '-', 'é', '[') , minLength: 1, maxLength: 24 }), ({ edit, expect: expectation }, words) => {
          const message = words.trim() === '' ? 'x' : words;
          const cases: { edit: Edit; expect: (after: RuleSet) => void }[] = [
            { edit, expect: expectation },
            ...('ruleId' in edit ? [{ edit: { kind: 'message' as const, ruleId: edit.ruleId, message }, expect: (after: RuleSet) => expect(ruleOf(after, edit.ruleId)!.message).toBe(message.trim()) }] : []),
          ];
          for (const { edit: each, expect: check } of cases) {
            const result = each.kind === 'grid' ? gridEdit(text, each.ruleId, each.edits) : cardEdit(text, each);
            if (!result.ok) {
              // Refused only when the edit would leave a rule with nothing to say, the file with no rule, or the option is named by a tag.
              expect(result.message).toMatch(/leave the rule empty|only rule|by a tag/);
              continue;
            }
            const after = load(product, applyChange(text, result.change), {}, each.kind === 'delete-rule' ? each.ruleId : undefined);
            check(after);
            if (each.kind !== 'add-rule') {
              const span = ruleSpan(text, ruleSet, each.ruleId);
              // The change is inside the rule's lines (a deleted rule takes a comment above and a blank line with it).
              if (each.kind !== 'delete-rule') expect(result.change.from >= span.from && result.change.to <= span.to, JSON.stringify(result.change)).toBe(true);
              const others = (rules: RuleSet) => rules.rules.filter((rule) => rule.id !== each.ruleId).map((rule) => face(rule, product));
              expect(others(after)).toEqual(faces.get(each.ruleId) ?? faces.set(each.ruleId, others(ruleSet)).get(each.ruleId));
            }
          }
        }),
        { numRuns: 15, seed: 13 },
      );
    });
  }
});

describe('a table\'s grid', () => {
  const { product, text } = files.sneaker;
  const vocabulary = draftVocabulary(product);
  const columnsOf = (attributes: readonly string[]): GridColumn[] => attributes.map((id) => vocabulary.attributes.find((attribute) => attribute.id === id)!);

  it('reads a written table, changes a cell, adds and deletes rows, each the lines it is about', () => {
    const table = readGridTable(text, 'sole-pairing');
    expect(table).toMatchObject({ ok: true, table: { attributes: ['midsole.material', 'outsole.material'], source: { kind: 'yaml' } } });
    if (!table.ok) return;
    const rows = table.table.rows;
    const after = applied(text, gridEdit(text, 'sole-pairing', [
      { kind: 'set-cell', row: 1, column: 1, option: 'rubber' },
      { kind: 'add-row', cells: ['eva-foam', 'crepe'] },
      { kind: 'delete-row', row: 0 },
    ]));
    const edited = load(product, after).rules.find((rule) => rule.id === 'sole-pairing') as Extract<Rule, { rows: unknown }>;
    expect(edited.rows).toEqual([['cupsole-rubber', 'rubber'], ...rows.slice(2), ['eva-foam', 'crepe']]);
    const change = gridEdit(text, 'sole-pairing', [{ kind: 'set-cell', row: 1, column: 1, option: 'rubber' }]);
    expect(change).toMatchObject({ ok: true, change: { insert: 'rubber' } });
    expect(gridEdit(text, 'sole-pairing', [0, 1, 2, 3].map(() => ({ kind: 'delete-row' as const, row: 0 })))).toMatchObject({ ok: false });
  });

  it('pastes cells from a spreadsheet by id or label, with a header row, adding whole rows at the end', () => {
    const table = readGridTable(text, 'sole-pairing');
    if (!table.ok) throw new Error(table.message);
    const columns = columnsOf(table.table.attributes);
    const label = (column: number, id: string) => columns[column]!.options.find((option) => option.id === id)!.label;
    const pasted = `${columns[0]!.name}\t${columns[1]!.name}\n${label(0, 'cork')}\trubber\r\neva-foam\t${label(1, 'crepe').toUpperCase()}\n\n`;
    const edits = pastedGridEdits(pasted, columns, { row: 3, column: 0 }, table.table.rows.length);
    expect(edits).toEqual({ ok: true, edits: [
      { kind: 'set-cell', row: 3, column: 0, option: 'cork' }, { kind: 'set-cell', row: 3, column: 1, option: 'rubber' },
      { kind: 'add-row', cells: ['eva-foam', 'crepe'] },
    ] });
    if (!edits.ok) return;
    const edited = load(product, applied(text, gridEdit(text, 'sole-pairing', edits.edits))).rules.find((rule) => rule.id === 'sole-pairing') as Extract<Rule, { rows: unknown }>;
    expect(edited.rows.slice(3)).toEqual([['cork', 'rubber'], ['eva-foam', 'crepe']]);
  });

  it('refuses a paste with a value that is no option, naming its row and column', () => {
    const columns = columnsOf(['midsole.material', 'outsole.material']);
    const refused = pastedGridEdits('cork\trubber\nkork\tcrepe', columns, { row: 0, column: 0 }, 4);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.messages).toEqual([expect.stringMatching(/^row 2, column 1 \(.+\): "kork" is not an option; did you mean "cork"/)]);
    expect(pastedGridEdits('rubber', columns, { row: 5, column: 1 }, 4)).toMatchObject({ ok: false, messages: [expect.stringContaining('paste whole rows')] });
  });

  it('edits a table kept in a CSV file in the CSV\'s text, by its header\'s columns', () => {
    const rulesText = text.replace(/(- id: sole-pairing[\s\S]*?attributes: \[midsole\.material, outsole\.material\]\n\s*rows:)\n(\s*- \[.*\]\n)+/, '$1 { csv: sole.csv }\n');
    const csv = 'outsole.material;midsole.material\r\nrubber;cupsole-rubber\r\ncrepe;Cork\r\n';
    const table = readGridTable(rulesText, 'sole-pairing', csv);
    expect(table).toMatchObject({ ok: true, table: { rows: [['cupsole-rubber', 'rubber'], ['Cork', 'crepe']], source: { kind: 'csv', name: 'sole.csv' } } });
    const result = csvGridEdit(csv, ['midsole.material', 'outsole.material'], [
      { kind: 'set-cell', row: 1, column: 1, option: 'rubber' },
      { kind: 'add-row', cells: ['eva-foam', 'rubber'] },
      { kind: 'delete-row', row: 0 },
    ]);
    const after = applied(csv, result);
    expect(after).toBe('outsole.material;midsole.material\r\nrubber;Cork\r\nrubber;eva-foam\r\n');
    const edited = load(product, rulesText, { 'sole.csv': after }).rules.find((rule) => rule.id === 'sole-pairing') as Extract<Rule, { rows: unknown }>;
    expect(edited.rows).toEqual([['cork', 'rubber'], ['eva-foam', 'rubber']]);
    expect(readGridTable(rulesText, 'sole-pairing')).toMatchObject({ ok: false, message: expect.stringContaining('sole.csv') });
  });
});
