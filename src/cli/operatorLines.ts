// What the commands that reach the server's database (`npm run staff`, `npm run rules -- versions|retire`)
// print alike: columns, where the database was reached, and an unexpected error as one line.
import type { DatabaseConfig } from '../server/openDatabase.ts';

/** How a command reached the database (see `src/server/reachStaffAccounts.ts`). */
export type ReachedVia = { readonly kind: 'server'; readonly pid: number } | { readonly kind: 'direct' } | { readonly kind: 'postgres' };

/** Rows as columns two spaces apart, the first row the headings; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

/** `via the admin API of the running server, process 123`, `in /srv/atelier/data`, … for the end of a line. */
export function describeWhere(via: ReachedVia, config: DatabaseConfig): string {
  if (via.kind === 'server') return `via the admin API of the running server, process ${via.pid}`;
  if (via.kind === 'postgres') return 'in the PostgreSQL database of DATABASE_URL';
  return config.kind === 'pglite' ? `in ${config.dataDir}` : 'directly';
}

/** The sentence with a capital letter, unless it starts with a name such as an email, which keeps its case. */
export function capitalised(text: string): string {
  return /^[a-z]+\b(?![@.\w])/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** An unexpected error's message, first line only, without the server's internal prefix. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return capitalised((message.split('\n')[0] ?? '').replace(/^\[Atelier\] /, ''));
}

/** An instant to the minute in UTC, as the operator commands print it: `2026-12-07 15:50 UTC`. */
export function utcMinute(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
