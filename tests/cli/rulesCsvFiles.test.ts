// A rules file whose tables are CSV files beside it, read by the callers that have files: the
// rules CLI and the catalog built from disk; and the Renault benchmark converted by the committed
// script, which must keep the benchmark's verified count.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/rulesCli.ts';
import { loadTableProblem } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { PRODUCT, PRODUCT_FILE, RULES_FILE } from '../domain/support/examplesMini.ts';
import { VERIFIED_COUNTS, convertBenchmarkProduct, countConverted } from '../../scripts/convertBenchmarkProduct.ts';

const RULES = `product: mini
rules:
  - id: pairs
    kind: allowed-combinations
    message: Toe and heel come in these colour pairs.
    attributes: [toe.colour, heel.colour]
    rows: { csv: mini.pairs.csv }
`;

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'atelier-csv-tables-'));
  mkdirSync(join(temp, 'models', 'mini'), { recursive: true });
  mkdirSync(join(temp, 'rules'));
  writeFileSync(join(temp, PRODUCT_FILE), PRODUCT);
  writeFileSync(join(temp, RULES_FILE), RULES);
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, temp);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('tables kept as CSV files beside the rules file', () => {
  it('are read by the rules CLI: the count is the table\'s', () => {
    writeFileSync(join(temp, 'rules', 'mini.pairs.csv'), 'toe.colour,heel.colour\nwhite,black\nblack,white\n');
    const counted = cli('count', RULES_FILE);
    // Two colour pairs, toe and heel each in leather or suede, two fits.
    expect(counted.stdout).toContain('16 valid designs');
    writeFileSync(join(temp, 'rules', 'mini.pairs.csv'), 'toe.colour,heel.colour\nwhite,black\n');
    expect(cli('count', RULES_FILE).stdout).toContain('8 valid designs');
  });

  it('point the CLI\'s message at the CSV\'s line and column', () => {
    writeFileSync(join(temp, 'rules', 'mini.pairs.csv'), 'toe.colour,heel.colour\nwhite,black\nblack,whyte\n');
    const checked = cli('check', RULES_FILE);
    expect(checked.code).not.toBe(0);
    expect(checked.stderr + checked.stdout).toContain('rules/mini.pairs.csv:3:7 heel.colour: unknown option "whyte" of "heel.colour". Fix: did you mean "white"?');
  });

  it('are read when the catalog is built from disk, and a missing one is named', () => {
    writeFileSync(join(temp, 'rules', 'mini.pairs.csv'), 'heel.colour;toe.colour\nBlack;White\n');
    const loaded = loadCatalogFromDisk(temp);
    expect(loaded.problems).toEqual([]);
    expect(loaded.entries[0]!.ruleSet.rules[0]).toMatchObject({ rows: [['white', 'black']] });
    rmSync(join(temp, 'rules', 'mini.pairs.csv'));
    expect(loadCatalogFromDisk(temp).problems.join('\n')).toContain('the table file "mini.pairs.csv" is not there');
  });
});

// The shared benchmarks sit beside the project when present; skipped when absent.
const source = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks', 'renault-mod-0.json');

describe.skipIf(!existsSync(source))('the Renault benchmark converted by scripts/convertBenchmarkProduct.ts', () => {
  it('has the benchmark\'s verified number of designs, its large tables read from CSV files', () => {
    const problem = loadTableProblem('renault-mod-0.json', readFileSync(source, 'utf8'));
    if (!problem.ok) throw new Error('the benchmark does not load');
    const converted = convertBenchmarkProduct(problem.value);
    for (const [file, text] of converted.files) {
      mkdirSync(join(temp, file, '..'), { recursive: true });
      writeFileSync(join(temp, file), text);
    }
    expect(converted.csvRows).toBeGreaterThan(190_000);
    expect(countConverted(temp, converted)).toBe(VERIFIED_COUNTS['renault-mod-0']);
  }, 120_000);
});
