import { isMap, isSeq, type Node, type YAMLSeq } from 'yaml';
import { knownNamesHint, readCsv } from '../shared/index.ts';
import {
  asChange, contentEnd, findRule, flowList, indentAt, nextLineStart, pairOf, refuse, removeEntry, scalarText, yamlScalar,
  type EditResult, type TextStep,
} from './yamlEdits.ts';

/**
 * A combinations table as its grid shows it: the rule's attributes (the columns) and its rows,
 * each cell as written (an option id; in a CSV file an id or a label), from the rules text or
 * from the table's CSV file.
 */
export interface GridTable {
  readonly attributes: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Where the rows are written: in the rules file, or in a CSV file beside it (`rows: { csv: <name> }`). */
  readonly source: { readonly kind: 'yaml' } | { readonly kind: 'csv'; readonly name: string };
}

/** A column of the grid: an attribute and its options (the shape of the studio's vocabulary). */
export interface GridColumn {
  readonly id: string;
  /** "Midsole colour". */
  readonly name: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
}

/** A change of a table's rows (0-based rows and columns, columns in the rule's attribute order). */
export type GridEdit =
  | { readonly kind: 'set-cell'; readonly row: number; readonly column: number; readonly option: string }
  /** A row after row `after`, or at the end. */
  | { readonly kind: 'add-row'; readonly cells: readonly string[]; readonly after?: number }
  | { readonly kind: 'delete-row'; readonly row: number };

/** The CSV file rule `ruleId` takes its rows from (`rows: { csv: <name> }`), if it does. */
export function tableCsvName(rulesText: string, ruleId: string): string | undefined {
  const found = findRule(rulesText, ruleId);
  const rows = found.ok ? pairOf(found.rule.map, 'rows')?.value : undefined;
  return isMap(rows) ? scalarText(rows.get('csv', true)) : undefined;
}

/** The table of rule `ruleId`, or why it has none to show. The CSV's rows are given for a CSV table. */
export function readGridTable(rulesText: string, ruleId: string, csvText?: string): { readonly ok: true; readonly table: GridTable } | { readonly ok: false; readonly message: string } {
  const found = findRule(rulesText, ruleId);
  if (!found.ok) return found;
  const attributes = pairOf(found.rule.map, 'attributes')?.value;
  const ids = isSeq(attributes) ? attributes.items.map(scalarText) : [];
  if (ids.length === 0 || ids.some((id) => id === undefined)) return refuse('the table\'s "attributes:" is not a list of attribute ids: fix it in the text');
  const rows = pairOf(found.rule.map, 'rows')?.value;
  if (isMap(rows)) {
    const name = scalarText(rows.get('csv', true));
    if (name === undefined) return refuse('"rows:" names no CSV file: write rows: { csv: <name>.csv }');
    if (csvText === undefined) return refuse(`the rows are in ${name}, which the studio has not opened`);
    const csv = csvRecords(csvText, ids as string[]);
    if (!csv.ok) return csv;
    return { ok: true, table: { attributes: ids as string[], rows: csv.records.map((record) => csv.columns.map((column) => record.texts[column] ?? '')), source: { kind: 'csv', name } } };
  }
  if (!isSeq(rows)) return refuse('the table has no "rows:" list: add one in the text');
  return { ok: true, table: { attributes: ids as string[], rows: rows.items.map((row) => (isSeq(row) ? row.items.map((cell) => scalarText(cell) ?? '') : [])), source: { kind: 'yaml' } } };
}

/**
 * Grid edits to a table written in the rules file, as one change of the rules text: a cell is
 * its option's characters, a new row a line like its neighbours, a deleted row its line.
 */
export function gridEdit(rulesText: string, ruleId: string, edits: readonly GridEdit[]): EditResult {
  let text = rulesText;
  // One edit at a time, reading the text again after each: offsets move with every edit.
  for (const edit of edits) {
    const step = yamlGridStep(text, ruleId, edit);
    if (!step.ok) return step;
    text = step.text;
  }
  return asChange(rulesText, { ok: true, text });
}

function yamlGridStep(text: string, ruleId: string, edit: GridEdit): TextStep {
  const found = findRule(text, ruleId);
  if (!found.ok) return found;
  const rows = pairOf(found.rule.map, 'rows')?.value;
  if (!isSeq(rows)) return refuse('the table\'s rows are not a list in the rules file');
  switch (edit.kind) {
    case 'set-cell': {
      const row = rows.items[edit.row];
      const cell = isSeq(row) ? (row.items[edit.column] as Node | undefined) : undefined;
      if (!cell?.range) return refuse(`row ${edit.row + 1} has no column ${edit.column + 1} in the text: fix the row there`);
      return { ok: true, text: text.slice(0, cell.range[0]) + yamlScalar(edit.option) + text.slice(contentEnd(text, cell)) };
    }
    case 'add-row':
      return addYamlRow(text, rows, edit.cells, edit.after);
    case 'delete-row':
      if (rows.items.length <= 1) return refuse('a table needs at least one row: delete the rule instead');
      if (!rows.items[edit.row]) return refuse(`the table has no row ${edit.row + 1}`);
      return { ok: true, text: removeEntry(text, rows, edit.row) };
  }
}

function addYamlRow(text: string, rows: YAMLSeq, cells: readonly string[], after?: number): TextStep {
  const written = flowList(cells);
  if (rows.items.length === 0) return { ok: true, text: text.slice(0, rows.range![0]) + `[${written}]` + text.slice(contentEnd(text, rows)) };
  const neighbour = rows.items[Math.min(after ?? rows.items.length - 1, rows.items.length - 1)] as Node;
  const end = contentEnd(text, neighbour);
  if (rows.flow) return { ok: true, text: `${text.slice(0, end)}, ${written}${text.slice(end)}` };
  const at = nextLineStart(text, end);
  const line = `${indentAt(text, neighbour.range![0])}${written}\n`;
  return { ok: true, text: text.slice(0, at) + (at === text.length && !text.endsWith('\n') ? '\n' : '') + line + text.slice(at) };
}

interface CsvRecord {
  readonly line: number;
  readonly texts: readonly string[];
}

/** The CSV's body records, and for each rule attribute the CSV column that holds it. */
function csvRecords(csvText: string, attributes: readonly string[]): { readonly ok: true; readonly records: readonly CsvRecord[]; readonly columns: readonly number[]; readonly delimiter: string; readonly header: CsvRecord } | { readonly ok: false; readonly message: string } {
  const csv = readCsv(csvText);
  if (!csv.ok) return refuse(`the table file is not CSV at line ${csv.line}, column ${csv.column}: ${csv.message}`);
  const [header, ...body] = csv.records;
  if (!header) return refuse('the table file is empty: put the attributes in its first row');
  const names = header.map((cell) => cell.text.trim().toLowerCase());
  const columns = attributes.map((attribute) => names.indexOf(attribute.toLowerCase()));
  if (columns.some((column) => column < 0)) return refuse(`the table file's first row does not name every attribute (${attributes.join(', ')}): fix its header`);
  const record = (cells: readonly { text: string; line: number }[]): CsvRecord => ({ line: cells[0]!.line, texts: cells.map((cell) => cell.text.trim()) });
  return { ok: true, records: body.map(record), columns, delimiter: csv.delimiter, header: record(header) };
}

/**
 * Grid edits to a table kept in a CSV file, as one change of the CSV text: the lines of the rows
 * edited, written again (a cell quoted only when it holds the delimiter or a quote); every other
 * line as it was. Columns are the rule's attributes, found in the header by id.
 */
export function csvGridEdit(csvText: string, attributes: readonly string[], edits: readonly GridEdit[]): EditResult {
  let text = csvText;
  for (const edit of edits) {
    const step = csvGridStep(text, attributes, edit);
    if (!step.ok) return step;
    text = step.text;
  }
  return asChange(csvText, { ok: true, text });
}

function csvGridStep(text: string, attributes: readonly string[], edit: GridEdit): TextStep {
  const csv = csvRecords(text, attributes);
  if (!csv.ok) return csv;
  const { records, columns, delimiter } = csv;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lineSpan = (line: number) => {
    let from = 0;
    for (let current = 1; current < line; current++) from = nextLineStart(text, from);
    const end = text.indexOf('\n', from);
    return { from, to: end < 0 ? text.length : end + 1 };
  };
  const write = (texts: readonly string[]) => texts.map((cell) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter);
  const single = (index: number) => {
    const record = records[index];
    if (!record) return undefined;
    // A record whose quoted cell runs over lines is edited in the file itself.
    const next = records[index + 1]?.line;
    const span = lineSpan(record.line);
    return next !== undefined && next !== record.line + 1 && text.slice(span.to, lineSpan(next).from).trim() !== '' ? undefined : { record, span };
  };
  switch (edit.kind) {
    case 'set-cell': {
      const found = single(edit.row);
      if (!found || columns[edit.column] === undefined) return refuse(`the table has no row ${edit.row + 1}, column ${edit.column + 1} to change`);
      const texts = [...found.record.texts];
      texts[columns[edit.column]!] = edit.option;
      const ending = text.slice(found.span.from, found.span.to).match(/\r?\n$/)?.[0] ?? '';
      return { ok: true, text: text.slice(0, found.span.from) + write(texts) + ending + text.slice(found.span.to) };
    }
    case 'add-row': {
      const width = Math.max(csv.header.texts.length, ...columns.map((column) => column + 1));
      const texts = Array.from({ length: width }, () => '');
      columns.forEach((column, index) => (texts[column] = edit.cells[index] ?? ''));
      const neighbour = records[Math.min(edit.after ?? records.length - 1, records.length - 1)] ?? csv.header;
      const at = lineSpan(neighbour.line).to;
      const before = at === text.length && !text.endsWith('\n') ? newline : '';
      return { ok: true, text: text.slice(0, at) + before + write(texts) + newline + text.slice(at) };
    }
    case 'delete-row': {
      const found = single(edit.row);
      if (!found) return refuse(`the table has no row ${edit.row + 1}`);
      if (records.length <= 1) return refuse('a table needs at least one row: delete the rule instead');
      return { ok: true, text: text.slice(0, found.span.from) + text.slice(found.span.to) };
    }
  }
}

/** The option a cell names, by id or by label (any case), as a CSV may write it. */
export function cellOption(column: GridColumn, written: string): string | undefined {
  const wanted = written.trim().toLowerCase();
  return (column.options.find((option) => option.id === written.trim()) ?? column.options.find((option) => option.id.toLowerCase() === wanted || option.label.toLowerCase() === wanted))?.id;
}

/**
 * Cells pasted from a spreadsheet (tab-separated lines, options by id or label, an optional
 * header row naming the columns) as grid edits, starting at the cell `at`: cells overwrite
 * rightwards and downwards; whole rows pasted into the first column past the table's end become
 * new rows. Every value that is not an option is refused, the message naming its row and column.
 */
export function pastedGridEdits(pasted: string, columns: readonly GridColumn[], at: { readonly row: number; readonly column: number }, rowCount: number): { readonly ok: true; readonly edits: readonly GridEdit[] } | { readonly ok: false; readonly messages: readonly string[] } {
  let lines = pasted.replace(/\r\n?/g, '\n').split('\n').map((line) => line.split('\t'));
  while (lines.length > 0 && lines.at(-1)!.every((cell) => cell.trim() === '')) lines.pop();
  const names = (column: GridColumn | undefined) => (column ? [column.id.toLowerCase(), column.name.toLowerCase()] : []);
  if (lines[0] && lines[0].every((cell, index) => names(columns[at.column + index]).includes(cell.trim().toLowerCase()))) lines = lines.slice(1);
  if (lines.length === 0) return { ok: false, messages: ['there is nothing to paste: copy cells from a spreadsheet (options by id or label, one row a line)'] };
  const messages: string[] = [];
  const edits: GridEdit[] = [];
  lines.forEach((cells, index) => {
    const row = at.row + index;
    if (at.column + cells.length > columns.length) {
      messages.push(`row ${row + 1}: the paste has ${cells.length} cells from column ${at.column + 1}, but the table has ${columns.length} columns; paste fewer columns, or start further left`);
      return;
    }
    const options = cells.map((cell, offset) => {
      const column = columns[at.column + offset]!;
      const option = cellOption(column, cell);
      if (option === undefined) messages.push(`row ${row + 1}, column ${at.column + offset + 1} (${column.name}): "${cell.trim()}" is not an option; ${knownNamesHint(cell.trim(), column.options.map((candidate) => candidate.id), `options of ${column.name}`)}`);
      return option ?? '';
    });
    if (row < rowCount) options.forEach((option, offset) => edits.push({ kind: 'set-cell', row, column: at.column + offset, option }));
    else if (at.column === 0 && cells.length === columns.length) edits.push({ kind: 'add-row', cells: options });
    else messages.push(`row ${row + 1} is below the table's last row (${rowCount}): to add rows, paste whole rows (one cell per column) into the first column`);
  });
  return messages.length > 0 ? { ok: false, messages } : { ok: true, edits };
}

