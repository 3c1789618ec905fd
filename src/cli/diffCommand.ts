/**
 * `npm run rules -- diff <from> <to> [--days N] [--no-data] [--json]`: what a change of a product's
 * rules does before it is published. Each side is a rules file (its product file found as the other
 * commands find it) or a published version, `<productId>@<rulesVersion>`, read from the database.
 * Reports the exact number of valid designs before and after, the options added, removed, gained
 * and lost, the rules added, removed and changed, and — unless `--no-data` — the stored orders of
 * the last N days (default 90) and the gallery designs the new rules would refuse, with examples
 * and their value. All the rules logic is the domain's (`diffRules`, `judgeDesign`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffRules, formatMoney, rulesVersionOf, type RulesDiff } from '../domain/index.ts';
import { databaseConfigFromEnv } from '../server/openDatabase.ts';
import { IMPACT_EXAMPLES, measureImpact, publishedSide, rulesDiffJson, type DesignImpact, type ImpactSide, type RefusedExample, type RulesDiffJson, type StoredImpact } from '../server/rulesImpact.ts';
import { reachStoredDesigns, type ReachedStoredDesigns } from '../server/storedDesigns.ts';
import { CliError, EXIT_OK, UsageError } from './cliErrors.ts';
import { loadForCheck } from './loadModel.ts';
import { groupDigits, type CliOutput } from './output.ts';

export type { DesignImpact, RefusedExample } from '../server/rulesImpact.ts';

/** How many orders and gallery designs are shown as examples. */
export const DIFF_EXAMPLES = IMPACT_EXAMPLES;
const DEFAULT_DAYS = 90;
const PUBLISHED_VERSION = /^([A-Za-z0-9_-]+)@([0-9a-f]{6,64})$/;

/** One side of the diff, loaded and compiled. */
interface Side extends ImpactSide {
  /** As named on the command line. */
  readonly source: string;
}

interface DiffArguments {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly data: boolean;
  readonly json: boolean;
}

/** What `diff --json` prints (counts as decimal strings: they exceed JavaScript's safe integers). */
export interface DiffJson extends RulesDiffJson {
  readonly productId: string;
  readonly from: { readonly source: string; readonly rulesVersion: string };
  readonly to: { readonly source: string; readonly rulesVersion: string };
  /** Null with `--no-data`. */
  readonly impact: null | StoredImpact;
}

/**
 * Runs `diff` (`argv` as after `npm run rules --`, the command included) and returns the exit code:
 * 0 when the report is printed (a diff is information, not a check). `env` names the database.
 */
export async function diffCommand(argv: readonly string[], output: CliOutput, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseDiffArguments(argv);
  const needsDatabase = args.data || isPublishedVersion(args.from, cwd) || isPublishedVersion(args.to, cwd);
  const reached = needsDatabase ? await reachDatabase(env, cwd, args) : undefined;
  try {
    const from = await loadSide(args.from, cwd, reached);
    const to = await loadSide(args.to, cwd, reached);
    if (from.product.id !== to.product.id) {
      throw new CliError(`${args.from} is for product "${from.product.id}" and ${args.to} for "${to.product.id}": compare two versions of the same product`);
    }
    const diff = diffRules(from, to);
    const impact = args.data && reached ? await measureImpact((query) => reached.designs(query), from, to, args.days) : null;
    const report: DiffJson = {
      productId: to.product.id,
      from: { source: from.source, rulesVersion: from.rulesVersion },
      to: { source: to.source, rulesVersion: to.rulesVersion },
      ...rulesDiffJson(diff),
      impact,
    };
    output.out(args.json ? JSON.stringify(report, null, 2) : describeDiff(report, diff, reached));
    return EXIT_OK;
  } finally {
    await reached?.close();
  }
}

function parseDiffArguments(argv: readonly string[]): DiffArguments {
  const positionals: string[] = [];
  let days = DEFAULT_DAYS;
  let data = true;
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--json') json = true;
    else if (argument === '--no-data') data = false;
    else if (argument === '--days' || argument.startsWith('--days=')) {
      const text = argument === '--days' ? argv[++index] : argument.slice('--days='.length);
      if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 3650) {
        throw new UsageError(`--days needs a whole number of days from 1 to 3650, e.g. --days 30 (got ${text === undefined ? 'nothing' : `"${text}"`})`);
      }
      days = Number(text);
    } else if (argument.startsWith('-') && argument.length > 1) {
      throw new UsageError(`unknown option "${argument}" for diff; its options are --days <n>, --no-data and --json`);
    } else positionals.push(argument);
  }
  const [command, from, to, ...extra] = positionals;
  if (command !== 'diff' || from === undefined || to === undefined || extra.length > 0) {
    throw new UsageError(`diff takes two versions (${Math.max(0, positionals.length - 1)} given): write npm run rules -- diff rules/sneaker.rules.yaml drafts/sneaker.rules.yaml, or name a published version as sneaker@<rulesVersion>`);
  }
  return { from, to, days, data, json };
}

/** `sneaker@3f9a0c2e41d7b865`, when no file has that name. */
function isPublishedVersion(name: string, cwd: string): boolean {
  return PUBLISHED_VERSION.test(name) && !existsSync(resolve(cwd, name));
}

async function reachDatabase(env: NodeJS.ProcessEnv, cwd: string, args: DiffArguments): Promise<ReachedStoredDesigns> {
  try {
    return await reachStoredDesigns(databaseConfigFromEnv(env, cwd));
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    const fix = isPublishedVersion(args.from, cwd) || isPublishedVersion(args.to, cwd)
      ? 'set ATELIER_DATA_DIR or DATABASE_URL to the shop\'s database, or compare rules files instead of published versions'
      : 'set ATELIER_DATA_DIR or DATABASE_URL to the shop\'s database, or add --no-data to compare the files only';
    throw new CliError(`cannot read the stored orders: ${message}. Fix: ${fix}`);
  }
}

async function loadSide(name: string, cwd: string, reached: ReachedStoredDesigns | undefined): Promise<Side> {
  if (isPublishedVersion(name, cwd)) {
    const [, productId, rulesVersion] = PUBLISHED_VERSION.exec(name)!;
    const entry = await reached!.catalogEntry(productId!, rulesVersion!);
    if (!entry) throw new CliError(`${name}: no rules version ${rulesVersion} of "${productId}" is published in this database. Fix: list them with npm run rules -- versions ${productId}`);
    return { source: name, ...publishedSide(entry) };
  }
  const loaded = loadForCheck(name, cwd, { publishChecks: false });
  if (!loaded.ok) throw new CliError(`${name} does not load`, 1, loaded.problems);
  const { model } = loaded;
  if (model.kind !== 'product' || !model.sources) throw new CliError(`${name}: diff compares a product's rules files (rules/<id>.rules.yaml), not table problems`);
  const { product } = model.space;
  return { source: name, product, ruleSet: model.ruleSet, rulesVersion: rulesVersionOf(product, model.ruleSet), space: model.space };
}

// ---- The report a merchandiser reads ----

function describeDiff(report: DiffJson, diff: RulesDiff, reached: ReachedStoredDesigns | undefined): string {
  const lines = [`${report.productId}: ${report.from.source} (${report.from.rulesVersion}) → ${report.to.source} (${report.to.rulesVersion})`, ''];
  lines.push(`Designs possible: ${groupDigits(diff.designs.before)} before, ${groupDigits(diff.designs.after)} after (${change(diff.designs.before, diff.designs.after)})`);
  lines.push('', 'Options:');
  const optionLines = [
    ...diff.attributesAdded.map((attribute) => `  ${attribute}: new choice (every design gets a value)`),
    ...diff.attributesRemoved.map((attribute) => `  ${attribute}: removed from the product`),
    ...diff.options.flatMap((entry) => [
      ['no longer possible', entry.lost], ['newly possible', entry.gained], ['added to the product', entry.added], ['removed from the product', entry.removed],
    ].filter(([, ids]) => ids!.length > 0).map(([what, ids]) => `  ${entry.attribute}: ${what as string}: ${(ids as readonly string[]).join(', ')}`)),
  ];
  lines.push(...(optionLines.length > 0 ? optionLines : ['  no option became possible or impossible']));
  lines.push('', 'Rules:');
  const ruleLines = [
    ...diff.rules.added.map((rule) => `  added    ${rule.id} (${rule.kind}): ${rule.message}`),
    ...diff.rules.removed.map((rule) => `  removed  ${rule.id} (${rule.kind}): ${rule.message}`),
    ...diff.rules.changed.map((rule) => `  changed  ${rule.id} (${rule.kind}): ${rule.message}`),
  ];
  lines.push(...(ruleLines.length > 0 ? ruleLines : ['  no rule added, removed or changed']));
  const { impact } = report;
  if (!impact) {
    lines.push('', 'Stored orders and gallery designs were not checked (--no-data).');
    return lines.join('\n');
  }
  const where = reached?.via.kind === 'server' ? `through the running server, process ${reached.via.pid}` : reached?.via.kind === 'postgres' ? 'PostgreSQL' : 'the data directory';
  const value = impact.orders.refusedValue.map(({ currency, total }) => formatMoney(total, currency)).join(' + ');
  lines.push('', `Orders of the last ${impact.days} days (${where}): ${refusedSentence(impact.orders, 'order')}${value ? `, worth ${value}` : ''}`);
  lines.push(...impact.orders.examples.map((example) => `  ${example.name}  ${formatMoney(example.total!, example.currency!)}  ${reasons(example)}`));
  lines.push('', `Gallery designs: ${refusedSentence(impact.candidates, 'design')}`);
  lines.push(...impact.candidates.examples.map((example) => `  "${example.name}"  ${reasons(example)}`));
  return lines.join('\n');
}

function refusedSentence(impact: DesignImpact, noun: string): string {
  const plural = (count: number) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  if (impact.checked === 0) return `no ${noun}s stored`;
  const refused = impact.refused === 0 ? `none of ${plural(impact.checked)} would be refused` : `${impact.refused} of ${plural(impact.checked)} would be refused as they are`;
  const before = impact.refusedBefore > 0 ? ` (${impact.refusedBefore} of them already by the old rules)` : '';
  const changed = impact.changed > 0 ? `; ${impact.changed} would get a value for a new choice` : '';
  return `${refused}${before}${changed}`;
}

function reasons(example: RefusedExample): string {
  const removed = example.removedChoices.map((choice) => `${choice.attribute}=${choice.option} no longer exists`);
  const rules = example.rules.map((rule) => `${rule.ruleId}: ${rule.message}`);
  return [...removed, ...rules].join('; ') || 'refused by the rules together';
}

/** `−14,573,703,712,768, −6.9%`, `no change`. */
function change(before: bigint, after: bigint): string {
  if (before === after) return 'no change';
  const difference = after - before;
  const sign = difference < 0n ? '−' : '+';
  const magnitude = difference < 0n ? -difference : difference;
  if (before === 0n) return `${sign}${groupDigits(magnitude)}`;
  const tenthsOfPercent = (magnitude * 1000n) / before;
  return `${sign}${groupDigits(magnitude)}, ${sign}${tenthsOfPercent / 10n}.${tenthsOfPercent % 10n}%`;
}
