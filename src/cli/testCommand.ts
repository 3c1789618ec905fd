import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runRuleExamples, type ExampleOutcome } from '../domain/catalog/index.ts';
import { loadRuleExamples } from '../domain/rules/index.ts';
import type { Problem } from '../domain/index.ts';
import { findCatalogFiles } from '../server/catalogFiles.ts';
import { CliError, EXIT_FAILED, EXIT_OK } from './cliErrors.ts';
import { loadForCheck } from './loadModel.ts';
import { formatProblems, plural, type CliOutput } from './output.ts';

/** One example's result as `test --json` prints it. */
export interface ExampleResultJson {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
}

/** What `test --json` prints: every example's result, and files that did not load with their problems. */
export interface TestJson {
  readonly examples: number;
  readonly failed: number;
  readonly results: readonly ExampleResultJson[];
  readonly unloaded: readonly { readonly file: string; readonly problems: readonly Problem[] }[];
}

/**
 * `test [file ...]`: runs the `examples:` of each rules file (every shipped one when none is
 * named), printing one line per failing example (file:line:column, what it expected, what the
 * engine found) and a summary. Exit 1 when an example fails or a file does not load.
 */
export function testCommand(files: readonly string[], json: boolean, cwd: string, output: CliOutput): number {
  const targets = files.length > 0 ? files : shippedRulesFiles(cwd);
  if (targets.length === 0) throw new CliError('no rules files to test: there is no models/<id>/product.yaml here. Fix: run from the project folder, or name a rules file');
  const results: ExampleResultJson[] = [];
  const unloaded: TestJson['unloaded'][number][] = [];
  const notes: string[] = [];
  for (const file of targets) {
    const tested = testFile(file, cwd);
    if (!tested.ok) {
      unloaded.push({ file, problems: tested.problems });
      continue;
    }
    if (tested.outcomes.length === 0) notes.push(`${file}: no examples. Fix: add an "examples:" list at the end of the file (see the README, "Examples: tests you write in the rules file")`);
    results.push(...tested.outcomes.map(asJson));
  }
  const failed = results.filter((result) => !result.passed).length;
  if (json) {
    output.out(JSON.stringify({ examples: results.length, failed, results, unloaded } satisfies TestJson, null, 2));
  } else {
    for (const { file, problems } of unloaded) output.err(`error: ${file} does not load\n${formatProblems(problems)}`);
    const lines = results.filter((result) => !result.passed).map((result) => `${result.file}:${result.line}:${result.column} example "${result.name}" failed: expected ${result.expected}, but ${result.actual}`);
    output.out([...lines, ...notes, `${plural(results.length, 'example')}, ${failed} failed${unloaded.length > 0 ? `; ${plural(unloaded.length, 'file')} did not load` : ''}`].join('\n'));
  }
  return failed > 0 || unloaded.length > 0 ? EXIT_FAILED : EXIT_OK;
}

function testFile(file: string, cwd: string): { ok: true; outcomes: ExampleOutcome[] } | { ok: false; problems: readonly Problem[] } {
  // Presets breaking a rule do not stop the examples: `check` reports those.
  const loaded = loadForCheck(file, cwd, { publishChecks: false });
  if (!loaded.ok) return loaded;
  const { model } = loaded;
  if (model.kind !== 'product' || !model.sources) throw new CliError(`${file} is a table problem; examples live in a product's rules file (rules/<id>.rules.yaml)`);
  const examples = loadRuleExamples(model.space.product, model.ruleSet, file, model.sources.rules.text);
  if (!examples.ok) return examples;
  return { ok: true, outcomes: runRuleExamples(model.space, model.ruleSet, examples.value) };
}

function asJson(outcome: ExampleOutcome): ExampleResultJson {
  const { source, name } = outcome.example;
  return { file: source.file, line: source.line, column: source.column, name, passed: outcome.passed, expected: outcome.expected, actual: outcome.actual };
}

/** Every shipped product's rules file, relative to `cwd`. */
function shippedRulesFiles(cwd: string): string[] {
  if (!existsSync(join(cwd, 'models'))) return [];
  return findCatalogFiles(cwd).filter((paths) => existsSync(paths.rulesFile)).map((paths) => relative(cwd, paths.rulesFile));
}
