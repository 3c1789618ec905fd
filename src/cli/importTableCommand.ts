/**
 * `npm run rules -- import-table <file.csv> --rule <id> [--rules <file>] [--write] [--json]`:
 * replaces the rows of an `allowed-combinations` or `forbidden-combinations` rule with a
 * spreadsheet's. The CSV's header names the rule's attributes (any order); each row is one
 * combination, options by id or by label (any case). Without `--write` it prints the new `rows:`
 * block and what changes; with it, it rewrites only that rule's rows, every other byte of the file
 * kept, and only when the rules still load.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import { loadCatalogEntry, readTableCsv, type AttributeDef, type Rule } from '../domain/index.ts';
import { assertNever, knownNamesHint } from '../domain/shared/index.ts';
import { CliError, EXIT_OK, UsageError } from './cliErrors.ts';
import { loadForCheck, readSource } from './loadModel.ts';
import { tableReaderBeside } from '../server/catalogFiles.ts';
import { plural, type CliOutput } from './output.ts';

const SYNOPSIS = 'npm run rules -- import-table <file.csv> --rule <id> [--rules rules/<product>.rules.yaml] [--write]';

/** The command line of `import-table`. */
interface ImportTableArguments {
  readonly csvFile: string;
  readonly ruleId: string;
  readonly rulesFile: string | undefined;
  readonly write: boolean;
  readonly json: boolean;
}

/** What an import changes in a table rule. */
export interface TableImport {
  readonly rule: string;
  readonly file: string;
  readonly attributes: readonly string[];
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  readonly added: readonly (readonly string[])[];
  readonly removed: readonly (readonly string[])[];
  /** The rule's new `rows:` block, indented as written into the file. */
  readonly yaml: string;
  readonly written: boolean;
}

/** Runs `import-table` (`argv` as after `npm run rules --`) and returns the exit code; refusals throw {@link CliError}. */
export function importTableCommand(argv: readonly string[], cwd: string, output: CliOutput): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.out(`Usage: ${SYNOPSIS}\n\nThe CSV's first row names the rule's attributes; each row below is one combination, options by id or label.\nWithout --write: prints the new rows and what changes. With --write: rewrites only that rule's rows, if the rules still load.`);
    return EXIT_OK;
  }
  const args = parseImportArguments(argv);
  const rulesFile = args.rulesFile ?? findRulesFile(args.ruleId, cwd);
  const loaded = loadForCheck(rulesFile, cwd, { publishChecks: false });
  if (!loaded.ok) throw new CliError(`${rulesFile} does not load; fix it before importing a table`, 1, loaded.problems);
  const { model } = loaded;
  const rule = model.ruleSet.rules.find((candidate) => candidate.id === args.ruleId);
  if (!rule) throw new CliError(`${rulesFile} has no rule "${args.ruleId}". Fix: ${missingRuleHint(args.ruleId, model.ruleSet.rules)}`);
  if (rule.kind !== 'allowed-combinations' && rule.kind !== 'forbidden-combinations') {
    throw new CliError(`rule "${rule.id}" is a ${rule.kind} rule, not a table. Fix: import into an allowed-combinations or forbidden-combinations rule (rows of options)`);
  }
  const attributes = rule.attributes.map((id) => model.space.product.attributes.find((attribute) => attribute.id === id)!);
  const rows = readTableRows(args.csvFile, readSource(args.csvFile, cwd), attributes, model.space.product.attributes);

  const text = model.sources!.rules.text;
  const splice = rowsSplice(text, rule.id);
  const block = rowsBlock(rows, splice.indent, splice.keyColumn, splice.endsWithNewline);
  const newText = text.slice(0, splice.start) + block + text.slice(splice.end);
  const reloaded = loadCatalogEntry(model.sources!.product, { file: rulesFile, text: newText }, { readTable: tableReaderBeside(resolve(cwd, rulesFile)) });
  if (!reloaded.ok) {
    throw new CliError(`with these rows ${rulesFile} would no longer load; nothing was written. Fix: change the CSV so the rules allow at least the presets and one design`, 1, reloaded.problems);
  }
  const key = (row: readonly string[]) => row.join('\u0000');
  const before = new Set(rule.rows.map(key));
  const after = new Set(rows.map(key));
  const result: TableImport = {
    rule: rule.id,
    file: rulesFile,
    attributes: rule.attributes,
    rowsBefore: rule.rows.length,
    rowsAfter: rows.length,
    added: rows.filter((row) => !before.has(key(row))),
    removed: rule.rows.filter((row) => !after.has(key(row))),
    yaml: `${' '.repeat(splice.keyColumn)}${block.trimEnd()}\n`,
    written: args.write,
  };
  if (args.write) writeFileSync(resolve(cwd, rulesFile), newText);
  if (args.json) output.out(JSON.stringify(result, null, 2));
  else printImport(result, splice.droppedComments, output);
  return EXIT_OK;
}

function printImport(result: TableImport, droppedComments: number, output: CliOutput): void {
  const change = `${result.rowsBefore} → ${result.rowsAfter} rows (${result.added.length} added, ${result.removed.length} removed)`;
  const lines: string[] = [];
  if (!result.written) lines.push(result.yaml.trimEnd(), '');
  for (const row of result.added) lines.push(`  + ${row.join(', ')}`);
  for (const row of result.removed) lines.push(`  - ${row.join(', ')}`);
  if (droppedComments > 0) lines.push(`Note: ${plural(droppedComments, 'comment')} among the old rows ${droppedComments === 1 ? 'is' : 'are'} not kept.`);
  lines.push(result.written
    ? `Wrote the rows of "${result.rule}" in ${result.file}: ${change}; the rules still load.`
    : `"${result.rule}" in ${result.file}: ${change}. Nothing was written: add --write to change the file.`);
  output.out(lines.join('\n'));
}

function parseImportArguments(argv: readonly string[]): ImportTableArguments {
  const positionals: string[] = [];
  let ruleId: string | undefined;
  let rulesFile: string | undefined;
  let write = false;
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = (example: string): string => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`${argument} needs a value, e.g. ${argument} ${example}`);
      index++;
      return next;
    };
    if (argument === '--rule') ruleId = value('gum-on-gum');
    else if (argument === '--rules') rulesFile = value('rules/sneaker.rules.yaml');
    else if (argument === '--write') write = true;
    else if (argument === '--json') json = true;
    else if (argument.startsWith('-') && argument.length > 1) throw new UsageError(`unknown option "${argument}" for import-table; write ${SYNOPSIS}`);
    else positionals.push(argument);
  }
  const [, csvFile, ...extra] = positionals;
  if (csvFile === undefined || extra.length > 0) throw new UsageError(`import-table takes one CSV file (${Math.max(0, positionals.length - 1)} given): write ${SYNOPSIS}`);
  if (ruleId === undefined) throw new UsageError(`import-table needs --rule <id>, the table rule whose rows the CSV replaces: write ${SYNOPSIS}`);
  return { csvFile, ruleId, rulesFile, write, json };
}

/** The one rules file under `rules/` that has a rule with this id. */
function findRulesFile(ruleId: string, cwd: string): string {
  const folder = join(cwd, 'rules');
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.rules.yaml')).sort();
  } catch {
    throw new CliError(`no rules/ folder in ${cwd}. Fix: name the rules file with --rules rules/<product>.rules.yaml, or run the command from the project folder`);
  }
  const idLine = new RegExp(`^\\s*-?\\s*id:\\s*["']?${ruleId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*(#.*)?$`, 'm');
  const holding = files.filter((name) => idLine.test(readSource(join(folder, name), cwd)));
  const shown = (name: string) => relative(cwd, join(folder, name));
  if (holding.length === 1) return shown(holding[0]!);
  if (holding.length === 0) throw new CliError(`no rules file under rules/ has a rule "${ruleId}". Fix: name the file with --rules (${files.map(shown).join(', ')}), or check the rule's id with npm run rules -- check <file>`);
  throw new CliError(`${holding.map(shown).join(' and ')} each have a rule "${ruleId}". Fix: say which with --rules ${shown(holding[0]!)}`);
}

function missingRuleHint(ruleId: string, rules: readonly Rule[]): string {
  const tables = rules.filter((rule) => rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations').map((rule) => rule.id);
  const close = knownNamesHint(ruleId, tables, 'table rules');
  return `${close}; or create it under "rules:" with id: ${ruleId}, kind: allowed-combinations (or forbidden-combinations), message: <why>, attributes: [<the CSV's header>] and rows: [], then run this again`;
}

/**
 * The CSV's rows as option ids in the rule's attribute order (read by the rules room, as a rules
 * file's `rows: { csv: … }` is): every unknown attribute or option, and every row of the wrong
 * length, is a problem at its CSV line and column; then nothing is imported.
 */
function readTableRows(csvFile: string, text: string, ruleAttributes: readonly AttributeDef[], productAttributes: readonly AttributeDef[]): readonly (readonly string[])[] {
  const table = readTableCsv(csvFile, text, ruleAttributes, productAttributes);
  if (table.ok) return table.rows;
  const { problems } = table;
  switch (table.stage) {
    case 'syntax': throw new CliError(`${csvFile} is not a CSV file we can read`, 1, problems);
    case 'empty': throw new CliError(`${csvFile} is empty. Fix: ${problems[0]!.hint}`);
    case 'header': throw new CliError(`${csvFile}: the header does not match the rule's attributes; nothing was written`, 1, problems);
    case 'cells': throw new CliError(`${csvFile}: ${plural(problems.length, 'cell')} do${problems.length === 1 ? 'es' : ''} not name an option; nothing was written`, 1, problems);
    case 'no-rows': throw new CliError(`${csvFile} has a header but no rows. Fix: ${problems[0]!.hint}`);
    default: return assertNever(table.stage);
  }
}

/** Where the rule's `rows:` key and value are in the text, to replace them and nothing else. */
interface RowsSplice {
  readonly start: number;
  readonly end: number;
  /** Columns before `rows:`, and before each row's `-` in the old block. */
  readonly keyColumn: number;
  readonly indent: number;
  readonly endsWithNewline: boolean;
  /** Comment lines inside the old rows, which the new block does not keep. */
  readonly droppedComments: number;
}

function rowsSplice(text: string, ruleId: string): RowsSplice {
  const document = parseDocument(text);
  const rules = document.get('rules');
  const rule = isSeq(rules) ? rules.items.find((item) => isMap(item) && item.get('id') === ruleId) : undefined;
  const pair = isMap(rule) ? (rule.items as Pair[]).find((candidate) => isScalar(candidate.key) && candidate.key.value === 'rows') : undefined;
  const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
  const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
  // The loader found the rule with its rows, so the document has them.
  if (!keyRange || !valueRange) throw new Error(`[Atelier] rule "${ruleId}" has no rows: node in the document`);
  const start = keyRange[0];
  const end = valueRange[1];
  const keyColumn = start - (text.lastIndexOf('\n', start - 1) + 1);
  const old = text.slice(start, end);
  const firstItem = /\n( *)- /.exec(old);
  return {
    start,
    end,
    keyColumn,
    indent: firstItem ? firstItem[1]!.length : keyColumn + 2,
    endsWithNewline: old.endsWith('\n'),
    droppedComments: old.split('\n').filter((line) => /^\s*#/.test(line)).length,
  };
}

/** `rows:` and one flow sequence a row (`- [gum, gum]`), as the shipped rules write them. */
function rowsBlock(rows: readonly (readonly string[])[], indent: number, keyColumn: number, endsWithNewline: boolean): string {
  const scalar = (id: string) => (/^[A-Za-z0-9][\w.-]*$/.test(id) && !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(id) ? id : JSON.stringify(id));
  const items = rows.map((row) => `${' '.repeat(Math.max(indent, keyColumn))}- [${row.map(scalar).join(', ')}]`);
  return `rows:\n${items.join('\n')}${endsWithNewline ? '\n' : ''}`;
}
