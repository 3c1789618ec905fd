/**
 * `npm run rules -- versions <productId>`, `retire <productId> <rulesVersion>`, `publish` and
 * `rollback` (see `publishCommands.ts`): the rules versions in the database the server uses
 * (ATELIER_DATA_DIR, default ./data, or DATABASE_URL), reached as `npm run staff` reaches accounts —
 * also while the server runs, through its local admin API.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { knownNamesHint } from '../domain/shared/index.ts';
import { databaseConfigFromEnv, type DatabaseConfig } from '../server/openDatabase.ts';
import { refusalSentence } from '../server/operatorStaffAccounts.ts';
import { reachRulesVersions, type ReachedRulesVersions } from '../server/reachRulesVersions.ts';
import type { RulesVersionListing } from '../server/repository.ts';
import { parseArguments } from './arguments.ts';
import { CliError, EXIT_FAILED, EXIT_OK, UsageError } from './cliErrors.ts';
import { capitalised, columns, describeWhere, oneLine, utcMinute as utc } from './operatorLines.ts';
import type { CliOutput } from './output.ts';
import { publish, rollback, takePublicationFlags } from './publishCommands.ts';

/** The commands on rules versions in the database. */
export const VERSION_COMMANDS = ['versions', 'retire', 'publish', 'rollback'] as const;

/** What each command takes, for the usage line of a wrong command line. */
const SYNOPSES: Record<(typeof VERSION_COMMANDS)[number], { readonly min: number; readonly max: number; readonly takes: string; readonly synopsis: string }> = {
  versions: { min: 1, max: 1, takes: 'a product id', synopsis: 'versions <productId>, e.g. versions sneaker' },
  retire: { min: 2, max: 2, takes: 'a product id and a rules version', synopsis: 'retire <productId> <rulesVersion>, e.g. retire sneaker 3f9a0c2e41d7b865' },
  publish: { min: 1, max: 1, takes: 'a product id', synopsis: 'publish <productId> --message "…", e.g. publish sneaker --message "Gum sole back for the winter range"' },
  rollback: { min: 1, max: 2, takes: 'a product id and, if you wish, the rules version to go back to', synopsis: 'rollback <productId> [<rulesVersion>] --message "…", e.g. rollback sneaker --message "Gum sole sold out"' },
};

/** Whether `command` is one of {@link VERSION_COMMANDS}. */
export function isVersionCommand(command: string | undefined): command is (typeof VERSION_COMMANDS)[number] {
  return (VERSION_COMMANDS as readonly string[]).includes(command ?? '');
}

/**
 * Runs `versions` or `retire` (`argv` as after `npm run rules --`) and returns the exit code: 0
 * done (also when the version was already retired), 1 refused or failed, 2 usage. Refusals throw
 * {@link CliError} with one line and the fix, as the other rules commands do.
 */
export async function versionCommand(argv: readonly string[], output: CliOutput, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const flags = takePublicationFlags(argv);
  const parsed = parseArguments(flags.rest);
  const command = parsed.command as (typeof VERSION_COMMANDS)[number];
  const [productId, rulesVersion] = parsed.positionals;
  const { min, max, takes, synopsis } = SYNOPSES[command];
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`${command} takes ${takes} (${parsed.positionals.length} given): write npm run rules -- ${synopsis}`);
  }
  const publishing = command === 'publish' || command === 'rollback';
  if (!publishing && (flags.message !== undefined || flags.draft || flags.graceHours !== undefined || flags.version !== undefined)) {
    throw new UsageError(`${command} takes no --message, --draft, --grace-hours or --version: write npm run rules -- ${synopsis}`);
  }
  const config = readDatabaseConfig(env, cwd);
  const reached = await reachRulesVersions(config, { rootDir: cwd, ...graceFromEnv(env) }).catch((error: unknown) => {
    throw new CliError(oneLine(error));
  });
  try {
    const where = describeWhere(reached.via, config);
    const context = { reached, where, json: parsed.json, output, cwd };
    switch (command) {
      case 'publish':
        return await publish(context, productId!, flags);
      case 'rollback':
        return await rollback(context, productId!, rulesVersion, flags);
      case 'retire':
        return await retire(reached, productId!, rulesVersion!, where, parsed.json, output);
      case 'versions':
        return await listVersions(reached, productId!, where, parsed.json, output, cwd);
      default:
        throw new Error(`[Atelier] unknown command ${JSON.stringify(command satisfies never)}`);
    }
  } finally {
    await reached.close();
  }
}

/** The server's grace (ATELIER_RULES_GRACE_HOURS) when the command opens the database itself. */
function graceFromEnv(env: NodeJS.ProcessEnv): { graceSeconds?: number } {
  const hours = env.ATELIER_RULES_GRACE_HOURS?.trim();
  return hours && /^\d{1,5}(\.\d+)?$/.test(hours) ? { graceSeconds: Math.round(Number(hours) * 3600) } : {};
}

async function listVersions(reached: ReachedRulesVersions, productId: string, where: string, json: boolean, output: CliOutput, cwd: string): Promise<number> {
  const versions = await reached.versions.list(productId);
  if (versions.length === 0) {
    throw new CliError(`No rules version of "${productId}" is published (${where}). Fix: ${productHint(productId, cwd)}`, EXIT_FAILED, [], { productId });
  }
  if (json) {
    output.out(JSON.stringify({ productId, versions }, null, 2));
    return EXIT_OK;
  }
  output.out(versionsTable(versions, new Date()));
  output.out(`${versions.length} version${versions.length === 1 ? '' : 's'} of ${productId} (${where})`);
  return EXIT_OK;
}

async function retire(reached: ReachedRulesVersions, productId: string, rulesVersion: string, where: string, json: boolean, output: CliOutput): Promise<number> {
  const outcome = await reached.versions.retire(productId, rulesVersion);
  if (!outcome.ok) {
    const { error } = outcome;
    const message = error.code === 'rules_version_current'
      ? `${rulesVersion} is the current rules version of ${productId}: publish another version first (or roll back to an earlier one), then retire this one. Nothing was changed.`
      : capitalised(refusalSentence(error));
    throw new CliError(message, EXIT_FAILED, [], { code: error.code });
  }
  if (json) output.out(JSON.stringify({ productId, retired: outcome.rulesVersion, already: outcome.already, retiredAt: outcome.retiredAt }, null, 2));
  else if (outcome.already) output.out(`${productId} rules version ${rulesVersion} was already retired${outcome.retiredAt ? ` on ${utc(outcome.retiredAt)}` : ''}: nothing changed (${where})`);
  else output.out(`Retired ${productId} rules version ${rulesVersion}: orders naming it are refused from now on, each with a link to reopen the design under the current rules (${where})`);
  return EXIT_OK;
}

/**
 * The versions as a table: version, recorded at, state (`draft: never published`, `current`,
 * `superseded: accepted until …`, `superseded: refused since …` once its grace is over, `retired
 * since …`), who made it current last and their message; times in UTC.
 */
export function versionsTable(versions: readonly RulesVersionListing[], now: Date): string {
  const rows = [
    ['VERSION', 'RECORDED AT', 'STATE', 'BY', 'MESSAGE'],
    ...versions.map((version) => [version.rulesVersion, utc(version.publishedAt), stateText(version, now), version.publishedBy ?? '-', version.message ?? '-']),
  ];
  return columns(rows);
}

function stateText(version: RulesVersionListing, now: Date): string {
  switch (version.state) {
    case 'draft':
      return 'draft: never published';
    case 'published':
      return 'current';
    case 'superseded':
      // Past its grace, a superseded version is refused for orders just as a retired one is.
      if (version.acceptUntil !== null && new Date(version.acceptUntil) <= now) return `superseded: refused since ${utc(version.acceptUntil)}`;
      return `superseded: accepted until ${version.acceptUntil === null ? '?' : utc(version.acceptUntil)}`;
    case 'retired':
      return `retired since ${version.retiredAt === null ? '?' : utc(version.retiredAt)}`;
    default:
      throw new Error(`[Atelier] unknown rules version state ${JSON.stringify(version.state satisfies never)}`);
  }
}

/** The products this checkout has files for (models/<id>/product.yaml), with a did-you-mean. */
function productHint(productId: string, cwd: string): string {
  const models = join(cwd, 'models');
  const known = existsSync(models) ? readdirSync(models).filter((name) => existsSync(join(models, name, 'product.yaml'))).sort() : [];
  if (known.length === 0) return 'check the product id (the "product:" key of its rules file), and that the server has started once on this database';
  return `${knownNamesHint(productId, known, 'products')} (a product is published when the server starts with its files)`;
}

function readDatabaseConfig(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  try {
    return databaseConfigFromEnv(env, cwd);
  } catch (error) {
    throw new CliError(oneLine(error));
  }
}
