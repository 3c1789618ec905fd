// The CSV tables kept with a rules version or a studio draft (migration 014), as both stores read them.

/** CSV tables' text by name as the rules file writes it (`rows: { csv: renault.c98.csv }`). */
export type TableTexts = Readonly<Record<string, string>>;

/** A `tables` jsonb column's value: parsed by both drivers; text is read as JSON should a driver leave it so. */
export function jsonbTables(value: TableTexts | string | null | undefined): TableTexts {
  if (value === null || value === undefined) return {};
  return typeof value === 'string' ? JSON.parse(value) as TableTexts : value;
}
