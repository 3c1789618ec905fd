/**
 * `npm run rules -- publish <productId> --message "…" [--draft] [--grace-hours N]` (the files of this
 * checkout, strict lint first), `publish <productId> --version <hash> --message "…"` (a recorded
 * draft) and `rollback <productId> [<rulesVersion>] --message "…"`: the database the server uses,
 * reached as `versions` reaches it — also while the server runs, which then serves the change at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_GRACE_HOURS, type Problem } from '../domain/index.ts';
import { refusalSentence } from '../server/operatorStaffAccounts.ts';
import type { ReachedRulesVersions } from '../server/reachRulesVersions.ts';
import type { PublicationOutcome } from '../server/rulesPublishing.ts';
import { CliError, EXIT_FAILED, EXIT_OK, UsageError } from './cliErrors.ts';
import { capitalised, utcMinute } from './operatorLines.ts';
import type { CliOutput } from './output.ts';

/** The options of `publish` and `rollback`, taken out of the command line before the shared flags are read. */
export interface PublicationFlags {
  readonly message: string | undefined;
  readonly draft: boolean;
  readonly graceHours: number | undefined;
  readonly version: string | undefined;
  /** The command line without these options. */
  readonly rest: readonly string[];
}

/** Takes `--message`, `--draft`, `--grace-hours` and `--version` (also as `--name=value`) out of `argv`. */
export function takePublicationFlags(argv: readonly string[]): PublicationFlags {
  const rest: string[] = [];
  let message: string | undefined;
  let draft = false;
  let graceHours: number | undefined;
  let version: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = (example: string): string => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${name} needs a value, e.g. ${name} ${example}`);
      index++;
      return next;
    };
    if (name === '--message' || name === '-m') message = value('"Gum sole back for the winter range"');
    else if (name === '--draft') draft = true;
    else if (name === '--version') version = value('3f9a0c2e41d7b865');
    else if (name === '--grace-hours') {
      const text = value('24');
      if (!/^\d{1,5}(\.\d+)?$/.test(text) || Number(text) > MAX_GRACE_HOURS) throw new UsageError(`--grace-hours must be a number of hours from 0 to ${MAX_GRACE_HOURS} (how long orders under the version it replaces are still accepted), not "${text}"`);
      graceHours = Number(text);
    } else rest.push(argument);
  }
  return { message, draft, graceHours, version, rest };
}

/** Where the command reached the database, for the closing line. */
export interface PublishContext {
  readonly reached: ReachedRulesVersions;
  readonly where: string;
  readonly json: boolean;
  readonly output: CliOutput;
  readonly cwd: string;
}

/** `publish <productId>`: this checkout's files, or a recorded draft with `--version`. */
export async function publish(context: PublishContext, productId: string, flags: PublicationFlags): Promise<number> {
  if (!flags.draft) requireMessage(flags.message, `publish ${productId}${flags.version ? ` --version ${flags.version}` : ''}`);
  if (flags.version !== undefined) {
    if (flags.draft) throw new UsageError('--draft records new files as a draft; a recorded version is published with --version alone');
    const outcome = await context.reached.versions.publishStored(productId, flags.version, { message: flags.message, graceHours: flags.graceHours });
    return report(context, outcome, 'publish');
  }
  const productFile = join('models', productId, 'product.yaml');
  const rulesFile = join('rules', `${productId}.rules.yaml`);
  for (const file of [productFile, rulesFile]) {
    if (!existsSync(join(context.cwd, file))) throw new CliError(`${file} does not exist here (${context.cwd}). Fix: run the command in the project folder, and check the product id`);
  }
  const outcome = await context.reached.versions.publish(productId, {
    productYaml: readFileSync(join(context.cwd, productFile), 'utf8'),
    rulesYaml: readFileSync(join(context.cwd, rulesFile), 'utf8'),
    productFile,
    rulesFile,
  }, { message: flags.message, graceHours: flags.graceHours, draft: flags.draft });
  return report(context, outcome, flags.draft ? 'draft' : 'publish');
}

/** `rollback <productId> [<rulesVersion>]`. */
export async function rollback(context: PublishContext, productId: string, rulesVersion: string | undefined, flags: PublicationFlags): Promise<number> {
  if (flags.draft || flags.version !== undefined) throw new UsageError(`rollback takes the version as an argument (rollback ${productId} <rulesVersion>), without --draft or --version`);
  requireMessage(flags.message, `rollback ${productId}${rulesVersion ? ` ${rulesVersion}` : ''}`);
  const outcome = await context.reached.versions.rollback(productId, rulesVersion, { message: flags.message, graceHours: flags.graceHours });
  return report(context, outcome, 'rollback');
}

function requireMessage(message: string | undefined, command: string): void {
  if (message === undefined || message.trim() === '') {
    throw new UsageError(`a message is required: say what changes for customers and why, e.g. npm run rules -- ${command} --message "Gum sole back for the winter range"`);
  }
}

function report(context: PublishContext, outcome: PublicationOutcome, doing: 'publish' | 'draft' | 'rollback'): number {
  const { output, where } = context;
  if (!outcome.ok) {
    const { error } = outcome;
    const problems: readonly Problem[] = error.problems ?? [];
    throw new CliError(`${capitalised(refusalSentence(error))} Nothing was changed.`, EXIT_FAILED, problems, { code: error.code });
  }
  const takesEffect = context.reached.via.kind === 'server'
    ? 'The running server serves it now.'
    : 'The server takes it up at its next start, or within its poll interval (ATELIER_RULES_POLL_SECONDS) while it runs.';
  if (context.json) {
    const { ok: _ok, ...answer } = outcome;
    output.out(JSON.stringify({ ...answer, servedNow: outcome.state === 'published' && context.reached.via.kind === 'server' }, null, 2));
    return EXIT_OK;
  }
  const { productId, rulesVersion } = outcome;
  if (outcome.already) {
    output.out(outcome.state === 'published'
      ? `${productId} rules version ${rulesVersion} is the current one already: nothing changed (${where})`
      : `${productId} rules version ${rulesVersion} is recorded already (${outcome.state}): nothing changed (${where})`);
    return EXIT_OK;
  }
  if (doing === 'draft') {
    output.out(`Recorded ${productId} rules version ${rulesVersion} as a draft: customers do not see it, and orders cannot name it (${where}).`);
    output.out(`Publish it with: npm run rules -- publish ${productId} --version ${rulesVersion} --message "…"`);
    return EXIT_OK;
  }
  output.out(`${doing === 'rollback' ? 'Rolled back' : 'Published'} ${productId}: rules version ${rulesVersion} is current (${where}).`);
  for (const replaced of outcome.superseded) output.out(`It replaces ${replaced.rulesVersion}: orders made under it are accepted until ${utcMinute(replaced.acceptUntil)}.`);
  output.out(takesEffect);
  return EXIT_OK;
}
