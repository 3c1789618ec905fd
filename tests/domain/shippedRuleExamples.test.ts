// The examples merchandisers write at the end of each shipped rules file (`examples:`), run as
// `npm run rules -- test` runs them: one test per example, named by file and example, so an
// example that a rules edit breaks shows in the test report with what it expected and what the
// engine found. The examples are the rules' meaning in the merchandisers' words; this file holds
// none of today's options.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules, formatProblem, loadProduct, loadRules, type Result } from '../../src/domain/index.ts';
import { runRuleExamples, type ExampleOutcome } from '../../src/domain/catalog/index.ts';
import { loadRuleExamples } from '../../src/domain/rules/index.ts';
import { findCatalogFiles } from '../../src/server/catalogFiles.ts';

const ROOT = process.cwd();

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Every shipped rules file with its examples run (a file that does not load fails the collection, with its problems). */
const shipped = findCatalogFiles(ROOT).map((paths) => {
  const file = relative(ROOT, paths.rulesFile);
  const text = readFileSync(paths.rulesFile, 'utf8');
  const product = valueOf(loadProduct(relative(ROOT, paths.productFile), readFileSync(paths.productFile, 'utf8')));
  const ruleSet = valueOf(loadRules(product, file, text));
  const examples = valueOf(loadRuleExamples(product, ruleSet, file, text));
  return [file, runRuleExamples(compileRules(product, ruleSet), ruleSet, examples)] as const;
});

describe.each(shipped)('the examples of %s', (_file, outcomes) => {
  const cases = outcomes.map((outcome): [string, ExampleOutcome] => [outcome.example.name, outcome]);
  it.each(cases)('%s', (_name, outcome) => {
    const { file, line, column } = outcome.example.source;
    expect(outcome.passed, `${file}:${line}:${column}: expected ${outcome.expected}, but ${outcome.actual}`).toBe(true);
  });
});
