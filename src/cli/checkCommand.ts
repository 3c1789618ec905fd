import { lintRules, type LintFinding, type Problem } from '../domain/index.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './cliErrors.ts';
import { loadForCheck } from './loadModel.ts';
import { formatFinding, formatProblems, plural, type CliOutput } from './output.ts';

/** The result of checking one file, as `--json` prints it. */
export interface FileCheck {
  readonly file: string;
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  readonly findings: readonly LintFinding[];
}

/**
 * `check <file>...`: loads each file and lints it (see `lintRules`: conflicts, invalid presets,
 * dead options, overridden defaults, conditions that can never hold, rules that never apply,
 * duplicate codes, unused colours and materials, redundant rules). Exit 1 when any file does not
 * load or has an error finding; warnings do not fail. With `--strict` (what publishing requires)
 * every finding but a redundant rule is an error.
 * Redundancy checks recompile once per rule: always on for products, on for table problems only
 * with `--redundant` (about 0.4 s per table on the Renault benchmark).
 */
export function checkCommand(files: readonly string[], flags: { json: boolean; redundant: boolean; strict?: boolean }, cwd: string, output: CliOutput): number {
  if (files.length === 0) throw new UsageError('check needs at least one rules file or table problem');
  const results: FileCheck[] = [];
  for (const file of files) {
    const loaded = loadForCheck(file, cwd);
    if (!loaded.ok) {
      results.push({ file, ok: false, problems: loaded.problems, findings: [] });
      if (!flags.json) output.out(`${file}: does not load\n${indent(formatProblems(loaded.problems))}`);
      continue;
    }
    const { model } = loaded;
    const checkRedundancy = model.kind === 'product' || flags.redundant;
    const findings = lintRules(model.space, {
      locations: model.locations,
      strict: flags.strict === true,
      ...(model.kind === 'product' ? { ruleSet: model.ruleSet } : {}),
      ...(model.sources ? { sources: model.sources } : {}),
      ...(checkRedundancy ? { recompileWithout: model.recompileWithout, maxRedundancyChecks: model.kind === 'table' ? Infinity : undefined } : {}),
    });
    // Lint names the conflicting rules and presets minimally; the publish checks would repeat them.
    const conflictFound = findings.some((finding) => finding.code === 'no-valid-design');
    const presetsFound = findings.some((finding) => finding.code === 'preset-invalid');
    const problems = loaded.publishProblems.filter((problem) => !(conflictFound && problem.path === 'rules') && !(presetsFound && problem.path.startsWith('presets')));
    const errors = findings.filter((finding) => finding.severity === 'error').length + problems.length;
    const warnings = findings.length - findings.filter((finding) => finding.severity === 'error').length;
    results.push({ file, ok: errors === 0, problems, findings });
    const size = model.kind === 'table'
      ? plural(model.space.constraints.length, 'table')
      : plural(model.space.constraints.filter((constraint) => !constraint.implicit).length, 'hard rule');
    const skipped = checkRedundancy ? '' : '; redundant tables not checked (one recompilation per table): add --redundant to check them';
    const message = `${file}: ${errors === 0 ? 'ok' : 'FAILED'} (${size}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${skipped})`;
    if (flags.json) {
      if (!checkRedundancy) output.err(`${file}: redundant tables not checked; add --redundant to check them`);
      continue;
    }
    const lines = [...problems.map((problem) => formatProblems([problem])), ...findings.map(formatFinding)];
    output.out(lines.length > 0 ? `${message}\n${indent(lines.join('\n'))}` : message);
  }
  if (flags.json) output.out(JSON.stringify({ files: results }, null, 2));
  return results.every((result) => result.ok) ? EXIT_OK : EXIT_FAILED;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}
