import { useMemo, useState, type ClipboardEvent } from 'react';
import { cellOption, csvGridEdit, gridEdit, pastedGridEdits, readGridTable, tableCsvName, type GridColumn, type GridEdit } from '../../../domain/studio/index.ts';
import { applyEdit, optionLabel, type CardEditing } from './cardEditing.ts';

/** Rows shown at first; a table of thousands of rows shows more on request. */
const PAGE_ROWS = 100;

/** Props of {@link TableGrid}. */
export interface TableGridProps {
  readonly ruleId: string;
  readonly edit: CardEditing;
  /** Changes when the rule reads differently (its card's words): the grid reads its rows again. */
  readonly version: string;
}

/**
 * A combinations table as a grid: rows × the rule's attributes, each cell its option (by label)
 * in a select that changes it; add and delete rows; paste cells from a spreadsheet into a cell
 * (Ctrl+V on it) or into the paste box. Every change is an edit of the text the rows are written
 * in: the rules file, or the table's CSV file (`rows: { csv: … }`).
 */
export function TableGrid({ ruleId, edit, version }: TableGridProps) {
  // The text is the truth: each change is read back from it at once, before the check answers.
  const [revision, setRevision] = useState(0);
  const [shown, setShown] = useState(PAGE_ROWS);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [pasted, setPasted] = useState('');
  const editorsOf = () => {
    const rules = edit.rules();
    const csvName = tableCsvName(rules?.text() ?? '', ruleId);
    return { rules, table: csvName ? (edit.table?.(csvName) ?? null) : null };
  };
  // Read when the rule or the grid changed, not on every check: a Renault-size file takes a while to parse.
  // (`edit` is made anew by each render of the workbench.)
  const read = useMemo(() => {
    const editors = editorsOf();
    return readGridTable(editors.rules?.text() ?? '', ruleId, editors.table?.text());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ruleId, version, revision]);
  if (!read.ok) return <p className="studio-grid__note">{read.message}</p>;
  const table = read.table;
  const vocabulary = edit.vocabulary();
  const columns: GridColumn[] = table.attributes.map((id) => vocabulary?.attributes.find((attribute) => attribute.id === id) ?? { id, name: id, options: [] });

  const apply = (edits: readonly GridEdit[], label: string) => {
    const editors = editorsOf();
    const result = table.source.kind === 'csv' ? csvGridEdit(editors.table?.text() ?? '', table.attributes, edits) : gridEdit(editors.rules?.text() ?? '', ruleId, edits);
    const refused = applyEdit(table.source.kind === 'csv' ? editors.table : editors.rules, result, label);
    setProblems(refused ? [refused] : []);
    setRevision((revision) => revision + 1);
    return refused === null;
  };
  const paste = (text: string, at: { row: number; column: number }) => {
    const edits = pastedGridEdits(text, columns, at, table.rows.length);
    if (!edits.ok) setProblems(edits.messages);
    else return apply(edits.edits, 'Paste into the table');
    return false;
  };
  const onCellPaste = (event: ClipboardEvent<HTMLSelectElement>, row: number, column: number) => {
    event.preventDefault();
    paste(event.clipboardData.getData('text/plain'), { row, column });
  };
  const firstOptions = columns.map((column) => column.options[0]?.id ?? '');

  return (
    <div className="studio-grid">
      <div className="studio-grid__scroll">
        <table className="studio-grid__table">
          <caption className="sr-only">Rows of {ruleId}{table.source.kind === 'csv' ? ` (in ${table.source.name})` : ''}: each row one combination</caption>
          <thead>
            <tr>
              <th scope="col" className="studio-grid__row-head">Row</th>
              {columns.map((column) => <th key={column.id} scope="col">{column.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, shown).map((row, rowIndex) => (
              // Rows have no identity but their place (a row may be written twice).
              <tr key={rowIndex}>
                <th scope="row" className="studio-grid__row-head">
                  {rowIndex + 1}
                  <button type="button" className="studio-chip__remove" title={`Delete row ${rowIndex + 1}`} onClick={() => apply([{ kind: 'delete-row', row: rowIndex }], `Delete row ${rowIndex + 1}`)}>
                    <span aria-hidden="true">✕</span><span className="sr-only">Delete row {rowIndex + 1} ({row.map((cell, index) => optionLabel(columns[index], cell)).join(', ')})</span>
                  </button>
                </th>
                {columns.map((column, columnIndex) => {
                  const written = row[columnIndex] ?? '';
                  const option = cellOption(column, written);
                  return (
                    <td key={column.id}>
                      <select
                        className={`studio-chip studio-grid__cell${option === undefined ? ' studio-grid__cell--unknown' : ''}`}
                        aria-label={`Row ${rowIndex + 1}, ${column.name}`}
                        value={option ?? written}
                        onChange={(event) => apply([{ kind: 'set-cell', row: rowIndex, column: columnIndex, option: event.target.value }], `Row ${rowIndex + 1}, ${column.name}`)}
                        onPaste={(event) => onCellPaste(event, rowIndex, columnIndex)}
                      >
                        {option === undefined && <option value={written}>{written} (not an option)</option>}
                        {column.options.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.label}</option>)}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.rows.length > shown && (
        <button type="button" className="button button--secondary button--small" onClick={() => setShown((count) => count + PAGE_ROWS * 10)}>
          Show more rows ({(table.rows.length - shown).toLocaleString('en-GB')} not shown)
        </button>
      )}
      <div className="studio-grid__actions">
        <button type="button" className="button button--secondary button--small" onClick={() => apply([{ kind: 'add-row', cells: table.rows.at(-1) ?? firstOptions }], 'Add a row')}>
          Add a row
        </button>
      </div>
      <div className="studio-grid__paste">
        <label htmlFor={`studio-paste-${ruleId}`}>Paste rows from a spreadsheet</label>
        <p id={`studio-paste-hint-${ruleId}`} className="studio-grid__note">
          One row a line, cells separated by tabs (as a spreadsheet copies them), options by name or id; a first row naming the columns is skipped. The rows are added at the end. To overwrite cells, press Ctrl+V on the first cell instead.
        </p>
        <textarea id={`studio-paste-${ruleId}`} aria-describedby={`studio-paste-hint-${ruleId}`} rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        <button type="button" className="button button--secondary button--small" disabled={pasted.trim() === ''} onClick={() => {
          if (paste(pasted, { row: table.rows.length, column: 0 })) setPasted('');
        }}>
          Add the pasted rows
        </button>
      </div>
      {problems.length > 0 && (
        <ul role="alert" className="studio-grid__problems">
          {problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </div>
  );
}
