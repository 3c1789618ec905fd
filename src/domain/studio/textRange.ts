/**
 * Positions in a source text: the problems and findings of the domain say file:line:column (1-based,
 * as editors show them); an editor marks character offsets. Both count UTF-16 code units, as the
 * YAML parser and the browser's editors do.
 */

/** The character offset of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(start + Math.max(0, column - 1), lineEnd);
}

/** The 1-based line and column of a character offset. */
export function lineColumnOf(text: string, offset: number): { readonly line: number; readonly column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

// What ends a plain YAML scalar in a flow or block context: space, flow punctuation, a comment.
const SCALAR_END = /[\s,[\]{}#]/;

/**
 * The extent of the YAML token that starts at `from`: a quoted scalar with its quotes, a plain
 * scalar up to the first space, flow punctuation or `: ` (a key's colon), or else the rest of the
 * line. Never empty while the text has a character to mark, so a finding is always visible.
 */
export function tokenAt(text: string, from: number): { readonly from: number; readonly to: number } {
  const start = Math.max(0, Math.min(from, text.length));
  const first = text[start];
  if (first === '"' || first === '\'') {
    const close = text.indexOf(first, start + 1);
    const lineEnd = endOfLine(text, start);
    return { from: start, to: close >= 0 && close < lineEnd ? close + 1 : lineEnd };
  }
  let end = start;
  while (end < text.length && !SCALAR_END.test(text[end]!) && !(text[end] === ':' && (end + 1 === text.length || /\s/.test(text[end + 1]!)))) end++;
  if (end > start) return { from: start, to: end };
  const lineEnd = endOfLine(text, start);
  const rest = text.slice(start, lineEnd).trimEnd().length;
  if (rest > 0) return { from: start, to: start + rest };
  // An empty line or the end of the file: mark the character before, if there is one.
  return start < text.length ? { from: start, to: start + 1 } : { from: Math.max(0, start - 1), to: start };
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
