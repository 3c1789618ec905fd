import type { AttributeDef } from '../product/index.ts';
import { knownNamesHint, readCsv, type CsvCell, type Problem } from '../shared/index.ts';

/**
 * What reading a table's CSV gave: its rows (option ids in the rule's attribute order, each
 * combination once), or the problems at their CSV line and column and the step that failed
 * (`syntax`: not CSV; `empty`; `header`: the first row does not name the rule's attributes;
 * `cells`: rows of the wrong length or unknown options; `no-rows`: a header alone).
 */
export type TableCsvResult =
  | { readonly ok: true; readonly rows: readonly (readonly string[])[] }
  | { readonly ok: false; readonly stage: 'syntax' | 'empty' | 'header' | 'cells' | 'no-rows'; readonly problems: readonly Problem[] };

/**
 * Reads a combinations table from CSV as a spreadsheet exports it: the first row names the rule's
 * attributes (any order, any case), each row below is one combination, options by id or by label
 * (any case). Every unknown attribute or option and every row of the wrong length is a problem at
 * its line and column of `file`; repeated rows count once.
 *
 * @example
 * readTableCsv('rules/sneaker.sole.csv', 'midsole.colour,outsole.colour\ngum,gum\n', scope, product.attributes)
 * // { ok: true, rows: [['gum', 'gum']] }
 */
export function readTableCsv(file: string, text: string, ruleAttributes: readonly AttributeDef[], productAttributes: readonly AttributeDef[]): TableCsvResult {
  const csv = readRecords(text);
  if (!csv.ok) return { ok: false, stage: 'syntax', problems: [{ path: file, message: csv.message, hint: csv.hint, location: { file, line: csv.line, column: csv.column } }] };
  const header = csv.header;
  const body = csv.body;
  const ruleIds = ruleAttributes.map((attribute) => attribute.id);
  if (!header) {
    return { ok: false, stage: 'empty', problems: [{ path: file, message: 'the table file is empty', hint: `put the attributes in the first row (${ruleIds.join(csv.delimiter)}) and one combination a row below`, location: { file, line: 1, column: 1 } }] };
  }
  const problems: Problem[] = [];
  const at = (cell: CsvCell, path: string, message: string, hint: string) => problems.push({ path, message, hint, location: { file, line: cell.line, column: cell.column } });

  // For each rule attribute, the CSV column that holds it.
  const columnOf = new Map<string, number>();
  header.forEach((cell, column) => {
    const name = cell.text.trim();
    const attribute = productAttributes.find((candidate) => candidate.id === name) ?? productAttributes.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (!attribute) at(cell, 'header', `unknown attribute "${name}"`, knownNamesHint(name, ruleIds, 'attributes of this rule'));
    else if (!ruleIds.includes(attribute.id)) at(cell, 'header', `"${attribute.id}" is not one of the rule's attributes (${ruleIds.join(', ')})`, 'take its column out, or add the attribute to the rule\'s "attributes:" first');
    else if (columnOf.has(attribute.id)) at(cell, 'header', `"${attribute.id}" is in the header twice`, 'keep one column per attribute');
    else columnOf.set(attribute.id, column);
  });
  const missing = ruleIds.filter((id) => !columnOf.has(id));
  if (missing.length > 0 && problems.length === 0) at(header[0]!, 'header', `the header has no column for ${missing.map((id) => `"${id}"`).join(', ')}`, `the first row names the rule's attributes: ${ruleIds.join(csv.delimiter)}`);
  if (problems.length > 0) return { ok: false, stage: 'header', problems };

  const columns = ruleAttributes.map((attribute) => ({ attribute, column: columnOf.get(attribute.id)!, find: optionFinder(attribute) }));
  const rows: string[][] = [];
  const seen = new Set<string>();
  // Plain loops below: this runs once per row of tables that reach 200k rows.
  for (const record of body) {
    if (record.texts.length !== header.length) {
      at(cellOf(record, 0), `line ${record.line}`, `the row has ${record.texts.length} cell${record.texts.length === 1 ? '' : 's'}, the header ${header.length}`, `give one option per column (${ruleIds.join(csv.delimiter)}); quote a cell that holds "${csv.delimiter}"`);
      continue;
    }
    const row = new Array<string>(columns.length);
    for (let index = 0; index < columns.length; index++) {
      const { attribute, column, find } = columns[index]!;
      const written = record.texts[column]!.trim();
      const option = find(written);
      if (option === undefined) at(cellOf(record, column), attribute.id, `unknown option "${written}" of "${attribute.id}"`, knownNamesHint(written, attribute.options.map((candidate) => candidate.id), `options of "${attribute.id}" (ids or labels)`));
      row[index] = option ?? '';
    }
    const key = row.join('\u0000');
    if (!seen.has(key)) rows.push(row);
    seen.add(key);
  }
  if (problems.length > 0) return { ok: false, stage: 'cells', problems };
  if (rows.length === 0) return { ok: false, stage: 'no-rows', problems: [{ path: file, message: 'the table file has a header but no rows', hint: 'put one combination a row under the header', location: { file, line: header[0]!.line, column: 1 } }] };
  return { ok: true, rows };
}

/** A row of the table: its cells' text, and where each starts (kept by the full reader; else worked out only for a message). */
interface TableRecord {
  readonly line: number;
  readonly texts: readonly string[];
  readonly cells?: readonly CsvCell[];
}

/** Where a cell of a row starts: cells are separated by one delimiter each. */
function cellOf(record: TableRecord, index: number): CsvCell {
  if (record.cells) return record.cells[index]!;
  let column = 1;
  for (let previous = 0; previous < index; previous++) column += record.texts[previous]!.length + 1;
  return { text: record.texts[index]!, line: record.line, column };
}

type Records = { readonly ok: true; readonly header: readonly CsvCell[] | undefined; readonly body: readonly TableRecord[]; readonly delimiter: string } | { readonly ok: false; readonly message: string; readonly hint: string; readonly line: number; readonly column: number };

/**
 * The CSV's header and rows. A file with no quote at all (what a table of option ids is) is split
 * by lines and delimiters, with no object per cell: 200k rows read in a tenth of the time. Any
 * other goes through the full RFC 4180 reader.
 */
function readRecords(text: string): Records {
  if (text.includes('"')) {
    const csv = readCsv(text);
    if (!csv.ok) return csv;
    const [header, ...rest] = csv.records;
    return { ok: true, header, delimiter: csv.delimiter, body: rest.map((cells) => ({ line: cells[0]!.line, texts: cells.map((cell) => cell.text), cells })) };
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = source.split('\n');
  const first = readCsv(lines[0] ?? '');
  const delimiter = first.ok ? first.delimiter : ',';
  const body: TableRecord[] = [];
  let header: CsvCell[] | undefined;
  // A line of nothing but delimiters and spaces is blank, as the full reader counts it.
  const blank = new RegExp(`^[\\s${delimiter === '\t' ? '\\t' : delimiter}]*$`);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (blank.test(content)) continue;
    const record = { line: index + 1, texts: content.split(delimiter) };
    if (!header) header = record.texts.map((_, at) => cellOf(record, at));
    else body.push(record);
  }
  return { ok: true, header, body, delimiter };
}

/** The option a cell names: its id, or its label, in any case (maps built once per table: tables run to 200k rows). */
function optionFinder(attribute: AttributeDef): (text: string) => string | undefined {
  const byId = new Map(attribute.options.map((option) => [option.id, option.id]));
  const byLower = new Map<string, string>();
  // Ids win over labels, as the exact id wins over a case-insensitive one.
  for (const option of [...attribute.options].reverse()) byLower.set(option.label.trim().toLowerCase(), option.id);
  for (const option of [...attribute.options].reverse()) byLower.set(option.id.toLowerCase(), option.id);
  return (text) => byId.get(text) ?? byLower.get(text.toLowerCase());
}
