// `npm run rules -- test [file ...]`: runs the examples written in rules files, through main with
// captured output, on a scratch product in a temp folder (and once on the shipped files, whose
// examples must pass).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/rulesCli.ts';
import type { TestJson } from '../../src/cli/testCommand.ts';
import { PRODUCT, PRODUCT_FILE, RULES, RULES_FILE } from '../domain/support/examplesMini.ts';

const root = resolve(import.meta.dirname, '../..');
let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'atelier-rules-test-'));
  mkdirSync(join(temp, 'models', 'mini'), { recursive: true });
  mkdirSync(join(temp, 'rules'), { recursive: true });
  writeFileSync(join(temp, PRODUCT_FILE), PRODUCT);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes the scratch rules file with these examples (YAML list items) and returns its name. */
function writeExamples(examples: string | undefined, file = RULES_FILE): string {
  writeFileSync(join(temp, file), examples === undefined ? RULES : `${RULES}examples:\n${examples}`);
  return file;
}

/** Runs the CLI in this process, capturing what it prints. */
function run(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, cwd);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const PASSING = '  - { name: plain, design: {}, price: 100 }\n  - { name: suede pair, design: { toe.material: suede, heel.material: suede }, valid: true }\n';

describe('rules test', () => {
  it('runs every example and says how many, exit 0 when all pass', () => {
    writeExamples(PASSING);
    const result = run(temp, 'test', RULES_FILE);
    expect(result).toEqual({ code: 0, stdout: '2 examples, 0 failed', stderr: '' });
  });

  it('tests every product\'s rules file when none is named', () => {
    writeExamples(PASSING);
    expect(run(temp, 'test').stdout).toBe('2 examples, 0 failed');
  });

  it('prints one line per failing example with its file:line:column, what it expected and what happened; exit 1', () => {
    writeExamples(`${PASSING}  - { name: two colours refused, design: { toe.colour: white, heel.colour: black }, invalid: { rule: two-tone } }\n`);
    const result = run(temp, 'test', RULES_FILE);
    const line = RULES.split('\n').length + 3; // the file's lines, "examples:", then the third example
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${RULES_FILE}:${line}:5 example "two colours refused" failed: expected the choices to be refused by rule "two-tone", but the choices can be completed to a valid design, so no rule refuses them`,
      '3 examples, 1 failed',
    ]);
  });

  it('prints every result with --json', () => {
    writeExamples('  - { name: plain, design: {}, leadTime: 6 }\n');
    const result = run(temp, 'test', RULES_FILE, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout) as TestJson).toEqual({
      examples: 1,
      failed: 1,
      results: [{ file: RULES_FILE, line: RULES.split('\n').length + 1, column: 5, name: 'plain', passed: false, expected: 'a lead time of 6 days', actual: 'the completed design takes 5 days (base 5, no extra)' }],
      unloaded: [],
    });
  });

  it('reports an example that does not load at its file:line:column, exit 1', () => {
    const typo = '  - { name: typo, design: { toe.materal: suede }, valid: true }\n';
    writeExamples(typo);
    const result = run(temp, 'test', RULES_FILE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${RULES_FILE} does not load`);
    expect(result.stderr).toContain(`${RULES_FILE}:${RULES.split('\n').length + 1}:${typo.indexOf('toe.materal') + 1} examples[0].design.toe.materal: unknown attribute "toe.materal". Fix: did you mean "toe.material"?`);
    expect(result.stdout).toBe('0 examples, 0 failed; 1 file did not load');
  });

  it('says when a file has no examples, and how to add them', () => {
    writeExamples(undefined);
    const result = run(temp, 'test', RULES_FILE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${RULES_FILE}: no examples. Fix: add an "examples:" list`);
    expect(result.stdout).toContain('0 examples, 0 failed');
  });

  it('refuses a table problem: examples live in a product\'s rules file', () => {
    writeFileSync(join(temp, 'table.json'), JSON.stringify({ name: 't', variables: [], constraints: [] }));
    const result = run(temp, 'test', 'table.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('examples live in a product\'s rules file');
  });

  it('passes on the shipped rules files', () => {
    const result = run(root, 'test');
    expect(result.stdout).toMatch(/^\d+ examples, 0 failed$/m);
    expect(result.code).toBe(0);
  }, 60_000);
});
