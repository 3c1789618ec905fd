// `npm run rules -- import-table`: a spreadsheet's rows replace a table rule's, on temp copies of
// the shipped files. The CSVs are made from the loaded rule and product (ids, labels, header order),
// so the tests hold whatever the palettes are.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/rulesCli.ts';
import { readCsv } from '../../src/domain/shared/index.ts';
import { loadCatalogEntry, type CatalogEntry, type Rule } from '../../src/domain/index.ts';

const root = resolve(import.meta.dirname, '../..');
const RULES = 'rules/sneaker.rules.yaml';
const PRODUCT = 'models/sneaker/product.yaml';

type TableRule = Extract<Rule, { kind: 'allowed-combinations' | 'forbidden-combinations' }>;

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'atelier-import-table-'));
  cpSync(join(root, 'rules'), join(temp, 'rules'), { recursive: true });
  cpSync(join(root, PRODUCT), join(temp, PRODUCT));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

function load(rulesText = readFileSync(join(temp, RULES), 'utf8')): CatalogEntry {
  const loaded = loadCatalogEntry({ file: PRODUCT, text: readFileSync(join(temp, PRODUCT), 'utf8') }, { file: RULES, text: rulesText });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

/** The first allowed-combinations table of the shipped sneaker with two attributes and three or more rows. */
function tableRule(entry: CatalogEntry): TableRule {
  const rule = entry.ruleSet.rules.find((candidate): candidate is TableRule => candidate.kind === 'allowed-combinations' && candidate.attributes.length === 2 && candidate.rows.length >= 3);
  if (!rule) throw new Error('the shipped sneaker rules have no allowed-combinations table to import into');
  return rule;
}

function labelOf(entry: CatalogEntry, attributeId: string, optionId: string): string {
  return entry.product.attributes.find((attribute) => attribute.id === attributeId)!.options.find((option) => option.id === optionId)!.label;
}

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, temp);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function writeCsv(lines: readonly string[]): string {
  const file = join(temp, 'table.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

describe('import-table', () => {
  it('reads options by id or by label in any case, with the header in any order, and shows the change without writing', () => {
    const entry = load();
    const rule = tableRule(entry);
    const [first, second] = rule.attributes;
    // A row the rules can do without (the presets need the others): the first whose removal still loads.
    const without = (index: number) => rule.rows.filter((_, other) => other !== index);
    const dropped = rule.rows.findIndex((_, index) => cli('import-table', writeCsv([rule.attributes.join(','), ...without(index).map((row) => row.join(','))]), '--rule', rule.id).code === 0);
    expect(dropped).toBeGreaterThanOrEqual(0);
    const kept = without(dropped);
    // Header reversed; every other row by its labels, upper-cased, one in quotes.
    const lines = [`${second},${first}`, ...kept.map(([a, b], index) => (index % 2 === 0 ? `${b},${a}` : `"${labelOf(entry, second!, b!).toUpperCase()}",${labelOf(entry, first!, a!)}`))];
    const before = readFileSync(join(temp, RULES), 'utf8');

    const result = cli('import-table', writeCsv(lines), '--rule', rule.id, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { rowsBefore: number; rowsAfter: number; added: string[][]; removed: string[][]; yaml: string; written: boolean; file: string };
    expect(report).toMatchObject({ rowsBefore: rule.rows.length, rowsAfter: kept.length, added: [], removed: [rule.rows[dropped]], written: false, file: RULES });
    expect(report.yaml).toContain(`- [${kept[0]!.join(', ')}]`);
    expect(readFileSync(join(temp, RULES), 'utf8')).toBe(before);

    const text = cli('import-table', writeCsv(lines), '--rule', rule.id);
    expect(text.stdout).toMatch(/^ +rows:\n +- \[/);
    expect(text.stdout).toContain(`  - ${rule.rows[dropped]!.join(', ')}`);
    expect(text.stdout).toContain(`${rule.rows.length} → ${kept.length} rows (0 added, 1 removed). Nothing was written: add --write to change the file.`);
  });

  it('names every unknown option and attribute at its CSV line and column, with a did-you-mean, and writes nothing', () => {
    const entry = load();
    const rule = tableRule(entry);
    const [first, second] = rule.attributes;
    const [a, b] = rule.rows[0]!;
    const typo = `${b!.slice(0, -1)}x`;
    const before = readFileSync(join(temp, RULES), 'utf8');

    const bad = cli('import-table', writeCsv([`${first},${second}`, `${a},${b}`, `${a},${typo}`]), '--rule', rule.id, '--write');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`table.csv:3:${a!.length + 2} ${second}: unknown option "${typo}" of "${second}". Fix: did you mean "${b}"?`);
    expect(bad.stderr).toContain('nothing was written');

    const header = cli('import-table', writeCsv([`${first},${second!.slice(0, -1)}`, `${a},${b}`]), '--rule', rule.id, '--write');
    expect(header.code).toBe(1);
    expect(header.stderr).toContain(`table.csv:1:${first!.length + 2} header: unknown attribute "${second!.slice(0, -1)}". Fix: did you mean "${second}"?`);
    expect(readFileSync(join(temp, RULES), 'utf8')).toBe(before);
  });

  it('with --write replaces only the rule\'s rows: every comment and other line stays, and the rules still load', () => {
    const entry = load();
    const rule = tableRule(entry);
    const rows = [...rule.rows.slice(1), rule.rows[0]!];
    const before = readFileSync(join(temp, RULES), 'utf8');

    const result = cli('import-table', writeCsv([rule.attributes.join(';'), ...rows.map((row) => row.join(';'))]), '--rule', rule.id, '--rules', RULES, '--write');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote the rows of "${rule.id}" in ${RULES}`);

    const after = readFileSync(join(temp, RULES), 'utf8');
    expect(after).not.toBe(before);
    const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line));
    expect(comments(after)).toEqual(comments(before));
    // Outside the rule's rows, the file is the same byte for byte.
    const otherLines = (text: string) => text.split('\n').filter((line) => !/^\s*- \[/.test(line));
    expect(otherLines(after)).toEqual(otherLines(before));
    const reloaded = tableRule(load(after));
    expect(reloaded.id).toBe(rule.id);
    expect(reloaded.rows).toEqual(rows);
  });

  it('refuses to write rows under which the rules no longer load (a preset breaks them)', () => {
    const rule = tableRule(load());
    const before = readFileSync(join(temp, RULES), 'utf8');
    // The presets are not all one combination of the rule's attributes, so some one-row table leaves a preset out.
    const results = rule.rows.map((row) => cli('import-table', writeCsv([rule.attributes.join(','), row.join(',')]), '--rule', rule.id, '--write'));
    const refused = results.find((result) => result.code === 1);
    expect(refused?.stderr).toContain('would no longer load; nothing was written');
    expect(refused?.stderr).toMatch(/product\.yaml:\d+:\d+ presets\[\d+\]\.choices: preset "[^"]+" is not a valid design/);
    expect(results.every((result) => result.code === 1)).toBe(true);
    expect(readFileSync(join(temp, RULES), 'utf8')).toBe(before);
  });

  it('says how to create a rule that does not exist, and refuses a rule that is not a table', () => {
    const entry = load();
    const missing = cli('import-table', writeCsv(['a,b', 'c,d']), '--rule', 'no-such-table', '--rules', RULES);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no rule "no-such-table"\. Fix: .*create it under "rules:" with id: no-such-table, kind: allowed-combinations/);
    const other = entry.ruleSet.rules.find((rule) => rule.kind === 'requires')!;
    const notTable = cli('import-table', writeCsv(['a,b', 'c,d']), '--rule', other.id);
    expect(notTable.code).toBe(1);
    expect(notTable.stderr).toContain(`rule "${other.id}" is a requires rule, not a table`);
    expect(cli('import-table', 'x.csv').code).toBe(2);
  });
});

describe('the CSV reader', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, CRLF, a BOM and ; as delimiter', () => {
    const csv = readCsv('\uFEFFa;b\r\n"x;1";"say ""hi""\nthere"\r\n\r\nlast;\n');
    expect(csv.ok && csv.delimiter).toBe(';');
    expect(csv.ok && csv.records.map((record) => record.map((cell) => cell.text))).toEqual([['a', 'b'], ['x;1', 'say "hi"\nthere'], ['last', '']]);
    expect(csv.ok && csv.records[2]!.map((cell) => [cell.line, cell.column])).toEqual([[5, 1], [5, 6]]);
  });

  it('says where a quoted field is never closed', () => {
    expect(readCsv('a,b\nc,"d\n')).toMatchObject({ ok: false, line: 2, column: 3, message: 'a quoted field is never closed' });
  });
});
