import { diffLines } from 'diff';

/** One row of a line difference: a line kept, added or removed (with its line number), or a run of unchanged lines left out. */
export type DifferenceRow =
  | { readonly kind: 'same' | 'added' | 'removed'; readonly line: number; readonly text: string }
  | { readonly kind: 'gap'; readonly lines: number };

/**
 * The lines that differ between two texts, with `context` unchanged lines around each change and
 * longer unchanged runs left out as a `gap`. Line numbers are of `after` (of `before` for a removed line).
 * No change at all gives no rows.
 *
 * @example lineDifference('a\nb\n', 'a\nc\n') // [{ same 1 a }, { removed 2 b }, { added 2 c }]
 */
export function lineDifference(before: string, after: string, context = 2): DifferenceRow[] {
  const rows: Exclude<DifferenceRow, { kind: 'gap' }>[] = [];
  let beforeLine = 1;
  let afterLine = 1;
  for (const change of diffLines(before, after)) {
    const lines = change.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (change.removed) rows.push({ kind: 'removed', line: beforeLine++, text });
      else if (change.added) rows.push({ kind: 'added', line: afterLine++, text });
      else {
        rows.push({ kind: 'same', line: afterLine++, text });
        beforeLine++;
      }
    }
  }
  if (rows.every((row) => row.kind === 'same')) return [];
  const near = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    for (let at = Math.max(0, index - context); at <= Math.min(rows.length - 1, index + context); at++) near[at] = true;
  });
  const shown: DifferenceRow[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    if (near[index]) {
      if (skipped > 0) shown.push({ kind: 'gap', lines: skipped });
      skipped = 0;
      shown.push(row);
    } else {
      skipped++;
    }
  });
  if (skipped > 0) shown.push({ kind: 'gap', lines: skipped });
  return shown;
}
