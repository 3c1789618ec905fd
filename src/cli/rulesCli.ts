/**
 * The rules CLI for merchandisers: `npm run rules -- <command>`. Checks rules files, counts valid
 * designs, lists valid options, explains unavailable options and writes the compiled artifact.
 * Works on a product's rules file (`rules/<id>.rules.yaml`) or a table problem (`.json`, the shared
 * benchmark format). Errors are messages, never stack traces. Exit codes: 0 success, 1 failed
 * check or bad input, 2 usage error.
 */
import process from 'node:process';
import { parseArguments } from './arguments.ts';
import { checkCommand } from './checkCommand.ts';
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './cliErrors.ts';
import { compileCommand } from './compileCommand.ts';
import { formatProblems, type CliOutput } from './output.ts';
import { countCommand, domainsCommand, explainCommand } from './queryCommands.ts';
import { diffCommand } from './diffCommand.ts';
import { isEntryPoint } from './isEntryPoint.ts';
import { importTableCommand } from './importTableCommand.ts';
import { isVersionCommand, versionCommand } from './versionCommands.ts';
import { testCommand } from './testCommand.ts';

export const USAGE = `Usage: npm run rules -- <command> [arguments] [--json]

Commands:
  check <file>... [--strict]                 lint rules: conflicts, dead options, overridden defaults,
                                             conditions that never hold, duplicate codes, unused colours…
                                             (exit 1 on errors; --strict makes every finding but a
                                             redundant rule an error, as publishing does; --redundant
                                             also checks tables of .json problems)
  count <file> [attribute=option ...]        exact number of valid designs with these choices
  domains <file> [attribute=option ...]      valid options of every attribute with these choices
  explain <file> <attribute=option> [attribute=option ...]
                                             why the first option is unavailable with the other choices
                                             (oldest first), and the smallest repair
  compile <file> -o <artifact>               write the compiled decision diagram
  diff <from> <to> [--days N] [--no-data]    what a change does before it is published: designs possible
                                             before/after (exact), options gained and lost, rules added,
                                             removed and changed, and the stored orders of the last N days
                                             (default 90) and gallery designs the new rules would refuse;
                                             <from>/<to>: rules files or published versions <product>@<version>
  import-table <file.csv> --rule <id> [--rules <file>] [--write]
                                             replace the rows of an allowed-/forbidden-combinations
                                             rule with a spreadsheet's (CSV); without --write, show them
  versions <productId>                       the rules versions: draft, current, superseded, retired,
                                             who published each and their message
  retire <productId> <rulesVersion>          refuse orders under a superseded version from now on
  publish <productId> --message "…" [--draft] [--grace-hours N]
                                             publish models/<id>/product.yaml + rules/<id>.rules.yaml
                                             (the strict lint first): it becomes current, the version it
                                             replaces accepts orders for N hours more (default 24);
                                             --draft records it without publishing
  publish <productId> --version <hash> --message "…"
                                             publish a recorded draft
  rollback <productId> [<rulesVersion>] --message "…"
                                             make an earlier version current again (default: the one
                                             current before the current one)
                                             (versions, retire, publish and rollback: the database of
                                             ATELIER_DATA_DIR or DATABASE_URL, also while the server
                                             runs, which then serves the change at once)
  test [file]...                             run the examples: written in the rules files (every
                                             shipped rules file when none is named): one line per
                                             failing example, then "N examples, N failed" (exit 1
                                             when one fails)

<file> is a rules file (rules/<id>.rules.yaml, its product is models/<id>/product.yaml) or a
configuration problem in the table JSON format (../shared/benchmarks/*.json).
--json prints machine-readable output. Exit codes: 0 ok, 1 failed check or bad input, 2 usage error.`;

const COMMANDS = ['check', 'count', 'domains', 'explain', 'compile', 'test', 'import-table', 'versions', 'retire', 'publish', 'rollback', 'diff'] as const;

/** Runs the CLI on `argv` (without node and the script), writing to `output`; returns the exit code. */
export function main(argv: readonly string[], output: CliOutput = processOutput(), cwd: string = process.cwd()): number {
  let json = argv.includes('--json');
  try {
    // import-table has options of its own (--rule, --rules, --write).
    if (argv.find((argument) => !argument.startsWith('-')) === 'import-table') return importTableCommand(argv, cwd, output);
    const parsed = parseArguments(argv);
    json = parsed.json;
    if (parsed.help || parsed.command === 'help') {
      output.out(USAGE);
      return EXIT_OK;
    }
    switch (parsed.command) {
      case undefined:
        throw new UsageError('no command given');
      case 'check':
        return checkCommand(parsed.positionals, parsed, cwd, output);
      case 'count':
        return countCommand(parsed.positionals, json, cwd, output);
      case 'domains':
        return domainsCommand(parsed.positionals, json, cwd, output);
      case 'explain':
        return explainCommand(parsed.positionals, json, cwd, output);
      case 'compile':
        return compileCommand(parsed.positionals, parsed.output, json, cwd, output);
      case 'versions':
      case 'retire':
      case 'publish':
      case 'rollback':
      case 'diff':
        throw new CliError(`${parsed.command} reaches the database: run it with runRulesCli (npm run rules -- ${parsed.command} …)`);
      case 'test':
        return testCommand(parsed.positionals, json, cwd, output);
      default:
        throw new UsageError(`unknown command "${parsed.command}"; the commands are ${COMMANDS.join(', ')}`);
    }
  } catch (error) {
    return report(error, json, output);
  }
}

/**
 * Runs the CLI like {@link main}, and also the commands that reach the database (`versions`,
 * `retire`, `publish`, `rollback`, `diff`), which are asynchronous; `env` names the database (DATABASE_URL, ATELIER_DATA_DIR).
 */
export async function runRulesCli(argv: readonly string[], output: CliOutput = processOutput(), cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = argv.find((argument) => !argument.startsWith('-'));
  const help = argv.includes('--help') || argv.includes('-h');
  if (command === 'diff' && !help) return diffCommand(argv, output, cwd, env).catch((error: unknown) => report(error, argv.includes('--json'), output));
  if (!isVersionCommand(command) || help) return main(argv, output, cwd);
  try {
    return await versionCommand(argv, output, cwd, env);
  } catch (error) {
    return report(error, argv.includes('--json'), output);
  }
}

function report(error: unknown, json: boolean, output: CliOutput): number {
  if (error instanceof CliError) {
    const lines = [`error: ${error.message}`];
    if (error.problems.length > 0) lines.push(formatProblems(error.problems));
    if (error instanceof UsageError) lines.push('', USAGE);
    output.err(lines.join('\n'));
    if (json) output.out(JSON.stringify({ error: { message: error.message, problems: error.problems, ...error.detail } }, null, 2));
    return error.exitCode;
  }
  // A bug or an engine limit (e.g. a rule spanning too many combinations): still a message, not a stack trace.
  const message = error instanceof Error ? error.message.replace(/^\[Atelier\] /, '') : String(error);
  output.err(`error: ${message}`);
  if (json) output.out(JSON.stringify({ error: { message, problems: [] } }));
  return EXIT_FAILED;
}

function processOutput(): CliOutput {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await runRulesCli(process.argv.slice(2));
}

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE };
