// Instants read back from SQL as text, so that PGlite and PostgreSQL return the same strings.

/** An instant as ISO 8601 in UTC with microseconds, the same text from both drivers. */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
