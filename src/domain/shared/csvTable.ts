/** One cell of a CSV file, with where it starts (1-based), for messages that point at it. */
export interface CsvCell {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** What reading a CSV file gave: its records, or where it stops making sense. */
export type CsvResult =
  | { readonly ok: true; readonly records: readonly (readonly CsvCell[])[]; readonly delimiter: string }
  | { readonly ok: false; readonly message: string; readonly hint: string; readonly line: number; readonly column: number };

/**
 * Reads CSV text as RFC 4180 says (fields in double quotes may hold the delimiter, line breaks and
 * `""` for a quote; records end with CRLF or LF), as spreadsheets export it. The delimiter is the
 * one of `,` `;` and tab the first line uses most (spreadsheets in many European locales write
 * `;`); a leading byte-order mark is skipped. Records with no text at all (blank lines) are left out.
 *
 * @example
 * readCsv('midsole.colour,outsole.colour\ngum,"Gum"\n') // records: [[midsole.colour, outsole.colour], [gum, Gum]]
 */
export function readCsv(source: string): CsvResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const delimiter = guessDelimiter(text);
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let line = 1;
  let lineStart = 0;
  let index = 0;
  const endRecord = () => {
    if (record.some((cell) => cell.text.trim() !== '')) records.push(record);
    record = [];
  };
  while (index <= text.length) {
    const cellLine = line;
    const column = index - lineStart + 1;
    let value = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        if (index >= text.length) return { ok: false, message: 'a quoted field is never closed', hint: 'close it with a double quote; write a quote inside a field as two ("")', line: cellLine, column };
        const char = text[index]!;
        if (char === '"') {
          if (text[index + 1] === '"') {
            value += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        if (char === '\n') {
          line++;
          lineStart = index + 1;
        }
        value += char;
        index++;
      }
      // Spaces after the closing quote are tolerated; anything else is a malformed field.
      while (text[index] === ' ') index++;
      if (index < text.length && text[index] !== delimiter && text[index] !== '\n' && text[index] !== '\r') {
        return { ok: false, message: `text after the closing quote of a field: ${JSON.stringify(text.slice(index, index + 10))}`, hint: 'put the whole field in quotes, and write a quote inside it as two ("")', line, column: index - lineStart + 1 };
      }
    } else {
      const start = index;
      while (index < text.length && text[index] !== delimiter && text[index] !== '\n' && text[index] !== '\r') index++;
      value = text.slice(start, index);
    }
    record.push({ text: value, line: cellLine, column });
    if (text[index] === delimiter) {
      index++;
      continue;
    }
    if (text[index] === '\r') index++;
    if (text[index] === '\n') index++;
    line++;
    lineStart = index;
    endRecord();
    if (index >= text.length) break;
  }
  return { ok: true, records, delimiter };
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);
  const counts = [',', ';', '\t'].map((candidate) => ({ candidate, count: firstLine.split(candidate).length - 1 }));
  const best = counts.reduce((most, next) => (next.count > most.count ? next : most));
  return best.count > 0 ? best.candidate : ',';
}
