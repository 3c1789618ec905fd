/**
 * Converts a benchmark table problem (`../shared/benchmarks/*.json`, the shared table format) into
 * an Atelier product: `models/<id>/product.yaml`, `rules/<id>.rules.yaml`, and each table of more
 * than `--inline-up-to` rows (default 50) as a CSV file beside the rules file, named from the rules
 * file (`rules/<id>.<table>.csv`) and referenced as `rows: { csv: … }`. With `--yaml`, every table
 * is written inline (the same rules as YAML rows, for comparing load times). The product is not
 * sold: write it under a temporary folder or `bench/` (ignored by git), never over `models/`.
 *
 * Each variable becomes a choice of one part (`car.V12`), each value an option `v<value>` labelled
 * with the value; each table a combinations rule with the table's id. After writing, it loads the
 * files back as the CLI does (tables read beside the rules file), compiles them and checks the
 * count of designs against the benchmark's verified solution count (../shared/benchmarks/README.md).
 *
 * `npx tsx scripts/convertBenchmarkProduct.ts ../shared/benchmarks/renault-mod-0.json bench/renault [--yaml] [--inline-up-to 50]`
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compileRules, formatProblem, loadProduct, loadRules, loadTableProblem, type TableProblem } from '../src/domain/index.ts';
import { isEntryPoint } from '../src/cli/isEntryPoint.ts';
import { tableReaderBeside } from '../src/server/catalogFiles.ts';
import { numberArgument } from './numberArgument.ts';

/** The solution counts ../shared/benchmarks/README.md gives as verified, by problem name. */
export const VERIFIED_COUNTS: Readonly<Record<string, bigint>> = {
  'renault-mod-0': 212_573_703_712_768n,
  'renault-mod-01': 0n,
};

/** The files of a converted product, relative to the output folder, with their text. */
export interface ConvertedProduct {
  readonly productId: string;
  readonly productFile: string;
  readonly rulesFile: string;
  readonly files: ReadonlyMap<string, string>;
  /** Table rows written inline and in CSV files. */
  readonly inlineRows: number;
  readonly csvRows: number;
}

const PART = 'car';
/** An id the formats accept (letters and digits, a letter first) for a benchmark's name: `x[101]` → `x101`. */
const idOf = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '').replace(/^(?=[^A-Za-z])/, 'n');
const optionId = (value: string) => `v${value.replace(/[^A-Za-z0-9-]/g, '-')}`;
const attributeId = (variable: string) => `${PART}.${idOf(variable)}`;

/** A benchmark's problem as product and rules files (tables above `inlineUpTo` rows as CSV; all inline with `Infinity`). */
export function convertBenchmarkProduct(problem: TableProblem, inlineUpTo = 50): ConvertedProduct {
  const productId = problem.name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^[^a-z]+/, '');
  const productFile = `models/${productId}/product.yaml`;
  const rulesFile = `rules/${productId}.rules.yaml`;
  const files = new Map<string, string>();
  const choices = problem.variables.map((variable) => [
    `      - id: ${idOf(variable.id)}`,
    `        label: "${variable.id}"`,
    '        options:',
    ...variable.values.map((value) => `          - { id: ${optionId(value)}, label: "${value}", code: ${idOf(variable.id)}-${optionId(value)} }`),
  ].join('\n'));
  files.set(productFile, `# yaml-language-server: $schema=../../public/schemas/product.schema.json
# ${problem.name}, converted by scripts/convertBenchmarkProduct.ts from the benchmark's table problem: not a product for sale.
id: ${productId}
name: ${problem.name}
description: A benchmark configuration problem (${problem.variables.length} choices, ${problem.constraints.length} tables).
currency: EUR
basePrice: 100.00
baseLeadTimeDays: 5
model: ${productId}.glb
colours: {}
materials: {}
parts:
  - id: ${PART}
    label: Car
    choices:
${choices.join('\n')}
sizeSystems:
  - { id: one, label: Size }
sizes:
  - { one: "1", label: One size }
`);
  let inlineRows = 0;
  let csvRows = 0;
  const rules = problem.constraints.map((table) => {
    const kind = table.kind === 'allowed' ? 'allowed-combinations' : 'forbidden-combinations';
    const head = [
      `  - id: ${idOf(table.id)}`,
      `    kind: ${kind}`,
      `    message: ${table.kind === 'allowed' ? 'Only these combinations are made' : 'These combinations are never made'} (table ${table.id}, ${table.tuples.length} rows).`,
      `    attributes: [${table.scope.map(attributeId).join(', ')}]`,
    ];
    if (table.tuples.length <= inlineUpTo) {
      inlineRows += table.tuples.length;
      return [...head, '    rows:', ...table.tuples.map((tuple) => `      - [${tuple.map(optionId).join(', ')}]`)].join('\n');
    }
    csvRows += table.tuples.length;
    const csvName = `${productId}.${idOf(table.id)}.csv`;
    files.set(`rules/${csvName}`, `${table.scope.map(attributeId).join(',')}\n${table.tuples.map((tuple) => tuple.map(optionId).join(',')).join('\n')}\n`);
    return [...head, `    rows: { csv: ${csvName} }`].join('\n');
  });
  files.set(rulesFile, `# yaml-language-server: $schema=../public/schemas/rules.schema.json
# ${problem.name}: every table of the benchmark as a combinations rule; tables of more than ${inlineUpTo} rows are CSV files beside this one.
product: ${productId}
rules:
${rules.join('\n')}
`);
  return { productId, productFile, rulesFile, files, inlineRows, csvRows };
}

/** Loads the converted files back from `outDir` (tables read beside the rules file) and counts the designs. */
export function countConverted(outDir: string, converted: ConvertedProduct): bigint {
  const product = loadProduct(converted.productFile, readFileSync(join(outDir, converted.productFile), 'utf8'));
  if (!product.ok) throw new Error(product.problems.map(formatProblem).join('\n'));
  const rulesPath = join(outDir, converted.rulesFile);
  const ruleSet = loadRules(product.value, converted.rulesFile, readFileSync(rulesPath, 'utf8'), { readTable: tableReaderBeside(rulesPath) });
  if (!ruleSet.ok) throw new Error(ruleSet.problems.map(formatProblem).join('\n'));
  return compileRules(product.value, ruleSet.value).count({});
}

function main(argv: readonly string[]): number {
  const positional = argv.filter((argument, index) => !argument.startsWith('--') && argv[index - 1] !== '--inline-up-to');
  const [input, output] = positional;
  if (!input || !output) {
    console.error('Usage: npx tsx scripts/convertBenchmarkProduct.ts <../shared/benchmarks/problem.json> <output folder> [--yaml] [--inline-up-to 50]');
    return 2;
  }
  const outDir = resolve(output);
  if (outDir === process.cwd()) {
    console.error('Give a folder of its own (e.g. bench/renault): the converted product is not one the shop sells, and its models/ and rules/ must not mix with the shipped ones.');
    return 2;
  }
  const loaded = loadTableProblem(basename(input), readFileSync(input, 'utf8'));
  if (!loaded.ok) {
    console.error(loaded.problems.map(formatProblem).join('\n'));
    return 1;
  }
  const converted = convertBenchmarkProduct(loaded.value, argv.includes('--yaml') ? Infinity : numberArgument('inline-up-to', 50, 'non-negative'));
  for (const [file, text] of converted.files) {
    mkdirSync(join(outDir, file, '..'), { recursive: true });
    writeFileSync(join(outDir, file), text);
  }
  const started = performance.now();
  const count = countConverted(outDir, converted);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const expected = VERIFIED_COUNTS[loaded.value.name];
  console.log(`${converted.rulesFile}: ${converted.files.size - 2} CSV tables (${converted.csvRows} rows), ${converted.inlineRows} rows inline, in ${outDir}`);
  console.log(`${count} designs (loaded and compiled in ${seconds} s)${expected === undefined ? '; no verified count for this problem' : count === expected ? ', the verified count: PASS' : `, but the verified count is ${expected}: FAIL`}`);
  return expected === undefined || count === expected ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
