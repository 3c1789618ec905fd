/** The shared room of the domain: see CONTEXT.md. Import from this file outside the room. */
export { assertNever } from './assertNever.ts';
export type { CsvCell, CsvResult } from './csvTable.ts';
export { readCsv } from './csvTable.ts';
export { DocumentReader, ID_PATTERN, describe } from './documentReader.ts';
export { failed, formatProblem, knownNamesHint, ok } from './problems.ts';
export type { Problem, Result, SourceLocation } from './problems.ts';
export { randomInt, seededRandom } from './seededRandom.ts';
export { sha256Hex } from './sha256.ts';
export type { DocumentPath } from './yamlSource.ts';
export { parseYamlSource } from './yamlSource.ts';
