import { formatProblem, type LintFinding, type Problem } from '../domain/index.ts';

/** Where a command writes: standard output for results, standard error for messages. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A finding formatted like a compiler message: `file:line:column warning dead-option: message. Fix: hint`. */
export function formatFinding(finding: LintFinding): string {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column} ` : '';
  return `${where}${finding.severity} ${finding.code}: ${finding.message}. Fix: ${finding.hint}`;
}

/** Problems one a line, as `file:line:column path: message. Fix: hint`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => formatProblem(problem)).join('\n');
}

/** `212,573,703,712,768`. */
export function groupDigits(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `n thing` or `n things`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
