import type { Problem } from '../domain/index.ts';

/** Exit codes of the rules CLI. */
export const EXIT_OK = 0;
/** A check failed, or the input (a file, an attribute, an option) is wrong. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong: unknown command, missing or malformed arguments. */
export const EXIT_USAGE = 2;

/**
 * An expected failure: printed as a message (never a stack trace) and turned into an exit code.
 * `problems` are located input problems (a rules file that does not load), printed one a line.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
    readonly problems: readonly Problem[] = [],
    /** Extra machine-readable detail for `--json` output. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A mistake in the command line; the usage text is printed with it. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}
