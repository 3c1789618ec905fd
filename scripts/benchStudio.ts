/**
 * `npm run bench:studio`: what the rules studio's worker does per edit, on a Renault-size product
 * (../shared/benchmarks/renault-mod-0.json converted by scripts/convertBenchmarkProduct.ts: 111
 * choices, 147 tables, 198,343 rows, 75 tables as CSV files). Prints, against the budget
 * (diagnostics within 1 s of an edit; PRODUCT.md §7):
 *
 * - loading the rules with the large tables as CSV files, and with every row written in YAML;
 * - the first check of the draft (parse, compile, strict lint), as when the studio opens;
 * - a check after a one-character edit of the rules file, with the worker's cache of the previous
 *   check: in a comment (nothing compiles again), in a rule's message (the rules mean something
 *   else: compiled and linted again), and a typo in an option (the file does not load);
 * - a check after a one-character edit of a CSV table.
 *
 * `--yaml-runs 0` skips the YAML load (13–21 s). Figures on a shared 2-core machine are noisy: each
 * edit is timed `--runs` times (default 3) and the median printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProduct, loadRules, loadTableProblem } from '../src/domain/index.ts';
import { DraftCheckCache, checkDraft, type Draft, type DraftCheck } from '../src/domain/studio/index.ts';
import { convertBenchmarkProduct } from './convertBenchmarkProduct.ts';
import { numberArgument } from './numberArgument.ts';

const BUDGET_MS = 1000;
const runs = numberArgument('runs', 3, 'whole');
const yamlRuns = numberArgument('yaml-runs', 1, 'non-negative');
const benchmark = join(process.cwd(), '..', 'shared', 'benchmarks', 'renault-mod-0.json');

const problem = loadTableProblem('renault-mod-0.json', readFileSync(benchmark, 'utf8'));
if (!problem.ok) throw new Error(`${benchmark} does not load`);
const withCsv = convertBenchmarkProduct(problem.value);
const allYaml = convertBenchmarkProduct(problem.value, Infinity);
const tables = Object.fromEntries([...withCsv.files].filter(([file]) => file.endsWith('.csv')).map(([file, text]) => [file.slice('rules/'.length), text]));
const draft: Draft = {
  product: { file: withCsv.productFile, text: withCsv.files.get(withCsv.productFile)! },
  rules: { file: withCsv.rulesFile, text: withCsv.files.get(withCsv.rulesFile)! },
  tables,
};

const time = <T>(work: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
};
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const verdict = (ms: number) => (ms <= BUDGET_MS ? 'PASS' : 'FAIL');
const row = (what: string, ms: number, note = '') => console.log(`${what.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms${note ? `  ${note}` : ''}`);

function loadOnly(files: ReadonlyMap<string, string>, productFile: string, rulesFile: string, readTable?: (name: string) => string | undefined): void {
  const product = loadProduct(productFile, files.get(productFile)!);
  if (!product.ok) throw new Error('the converted product does not load');
  const rules = loadRules(product.value, rulesFile, files.get(rulesFile)!, { readTable });
  if (!rules.ok) throw new Error(`the converted rules do not load: ${rules.problems[0]?.message}`);
}

/** The draft with the first occurrence of `find` (after `after`) in the rules file replaced. */
function editRules(base: Draft, find: string, replace: string, after = 0): Draft {
  const at = base.rules.text.indexOf(find, after);
  if (at < 0) throw new Error(`"${find}" is not in the rules file`);
  return { ...base, rules: { ...base.rules, text: base.rules.text.slice(0, at) + replace + base.rules.text.slice(at + find.length) } };
}

const rows = problem.value.constraints.reduce((sum, table) => sum + table.tuples.length, 0);
console.log(`Rules studio on ${problem.value.name}: ${problem.value.variables.length} choices, ${problem.value.constraints.length} tables, ${rows} rows (${withCsv.csvRows} in ${Object.keys(tables).length} CSV files, ${withCsv.inlineRows} inline)\n`);

const csvLoads = Array.from({ length: runs }, () => time(() => loadOnly(withCsv.files, withCsv.productFile, withCsv.rulesFile, (name) => tables[name])).ms);
row('load, large tables as CSV (median)', median(csvLoads));
if (yamlRuns > 0) {
  const yamlLoads = Array.from({ length: yamlRuns }, () => time(() => loadOnly(allYaml.files, allYaml.productFile, allYaml.rulesFile)).ms);
  row('load, every row in YAML (median)', median(yamlLoads), `${(median(yamlLoads) / median(csvLoads)).toFixed(1)}× the CSV load`);
}

const cold = time(() => checkDraft(draft, new DraftCheckCache()));
const summary = (check: DraftCheck) => `${check.diagnostics.length} diagnostics, ${check.counts ? `${check.counts.designs} designs` : 'does not load'}`;
row('first check (parse + compile + strict lint), no cache', cold.ms, summary(cold.value));

const edits: readonly { readonly what: string; readonly draft: (base: Draft) => Draft }[] = [
  { what: 'one character typed in a comment', draft: (base) => editRules(base, 'every table', 'every  table') },
  { what: 'one character typed in a rule\'s message', draft: (base) => editRules(base, 'rows).', 'rows)!') },
  { what: 'one character typed in an option (a typo)', draft: (base) => editRules(base, '- [v0, v0]', '- [v0, v0x]') },
  { what: 'one character typed in a CSV table\'s cell', draft: (base) => {
    const name = Object.keys(tables)[0]!;
    const text = tables[name]!;
    const at = text.indexOf('\n') + 1;
    return { ...base, tables: { ...tables, [name]: `${text.slice(0, at)} ${text.slice(at)}` } };
  } },
];
let failures = 0;
for (const edit of edits) {
  const timings: number[] = [];
  let last: DraftCheck | undefined;
  for (let run = 0; run < runs; run++) {
    // The worker's cache as it stands after checking the unedited draft.
    const cache = new DraftCheckCache();
    checkDraft(draft, cache);
    const edited = time(() => checkDraft(edit.draft(draft), cache));
    timings.push(edited.ms);
    last = edited.value;
  }
  const ms = median(timings);
  if (ms > BUDGET_MS) failures++;
  row(`check after ${edit.what}`, ms, `${verdict(ms)} (≤ ${BUDGET_MS} ms); ${summary(last!)}`);
}
console.log(`\n${failures === 0 ? 'PASS' : 'FAIL'}: ${edits.length - failures} of ${edits.length} edits checked within ${BUDGET_MS} ms.`);
